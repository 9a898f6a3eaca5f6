"""The app's Qt-free core: what the window, ``check`` and any later front end share.

Connection settings and profiles, credentials in the keyring, the monitor of one
connection, the poll policy, the immutable state values the front ends show, error reports
and log redaction. Nothing here imports PySide6 (an import-linter contract and a test run
without PySide6 installed keep it so); front ends drive it with their own threads and clocks.
"""
