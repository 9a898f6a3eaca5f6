"""A writer process for the crash test: writes batches for ever, printing each commit.

``python -m tests.core.history.crash_writer PATH`` records one balance change per record,
200 records a flush, and prints how many records are committed after each flush, until it
is killed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tests.core.history.builders import T0, wallet
from wallet_gui.core.history.store import HistoryStore
from wallet_gui.core.history.writer import HistoryWriter


def main(path: Path) -> None:
    writer = HistoryWriter(lambda: HistoryStore(path), on_error=lambda e: print(e, file=sys.stderr))
    written = 0
    while True:
        for _ in range(200):
            writer.record_balances("main", T0 + 15 * written, [wallet(EUR=f"{written}.00")])
            written += 1
        writer.flush()
        print(written, flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
