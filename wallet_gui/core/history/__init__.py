"""The history store: balances, clock estimates, events and statements in one SQLite file.

Qt-free. ``store.HistoryStore`` reads and writes (one connection per thread);
``writer.HistoryWriter`` owns the write connection on a thread of its own so that the GUI
never waits for the disk; ``export.write_csv`` turns stored rows into CSV.
"""
