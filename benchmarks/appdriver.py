"""Runs the demo app (or a bare PySide6 window) in a child process and reports when it shows data.

Why a driver and not the app's own code: the benchmark must not change the app. The driver
takes the same path as ``python -m wallet_gui --demo`` (``wallet_gui.cli`` parses the
arguments, ``wallet_gui.app.run`` builds and runs everything) and only adds a timer that
finds the balances table and an event filter on its viewport. "First balance on screen" is
the first paint of that viewport after it has a row; for the bare window, its first paint.

Times are ``time.monotonic()`` (CLOCK_MONOTONIC, the same clock in every process) minus
``BENCH_T0``, which the parent read just before starting this process, so interpreter
start-up and imports count.

Output: one JSON line per event on stdout (``{"event": "shown", "elapsed": s, ...}``), then
with ``--hold S`` the process stays up S more seconds (for the footprint figure) and exits
cleanly by itself.

Usage: ``python -m benchmarks.appdriver app|bare [--hold S] [--demo-latency S]``
"""

from __future__ import annotations

import json
import os
import sys
import time

_T0 = float(os.environ.get("BENCH_T0", "nan"))


def _elapsed() -> float:
    return time.monotonic() - _T0


def _emit(event: str, **fields: object) -> None:
    print(json.dumps({"event": event, "elapsed": _elapsed(), **fields}), flush=True)


def _parse(argv: list[str]) -> tuple[str, float, list[str]]:
    mode = argv[0] if argv else "app"
    hold = 0.0
    extra: list[str] = []
    index = 1
    while index < len(argv):
        if argv[index] == "--hold":
            hold = float(argv[index + 1])
            index += 2
        else:
            extra.append(argv[index])
            index += 1
    return mode, hold, extra


def main(argv: list[str] | None = None) -> int:
    mode, hold, extra = _parse(list(sys.argv[1:] if argv is None else argv))
    if mode == "bare":
        return _bare(hold)
    return _app(hold, extra)


def _bare(hold: float) -> int:
    """QApplication + an empty QMainWindow of the app's default size, until its first paint."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.resize(1100, 720)

    class FirstPaint(QObject):
        done = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if not self.done and event.type() == QEvent.Type.Paint:
                self.done = True
                _emit("shown", painted=True)
                QTimer.singleShot(int(1000 * hold), app.quit)
            return False

    spy = FirstPaint()
    window.installEventFilter(spy)
    window.show()
    QTimer.singleShot(int(1000 * (30 + hold)), app.quit)  # bounded: never outlive a broken run
    status = app.exec()
    _emit("exit")
    return int(status)


def _app(hold: float, extra: list[str]) -> int:
    """The demo app through ``wallet_gui.cli`` and ``wallet_gui.app.run``, watched from outside."""
    from wallet_gui.cli import parse_window_request

    request = parse_window_request(["--demo", *extra])
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QAbstractItemView, QApplication

    from wallet_gui.app import run

    # run() uses an existing QApplication; creating it here lets the watcher's timer exist.
    app = QApplication(sys.argv[:1])

    class Watcher(QObject):
        """Finds the balances table, then waits for its first paint with a row in it."""

        def __init__(self) -> None:
            super().__init__()
            self.table: QAbstractItemView | None = None
            self.done = False
            self.rows_seen_at: float | None = None
            self.finder = QTimer(self)
            self.finder.setInterval(2)
            self.finder.timeout.connect(self.find)
            self.finder.start()

        def find(self) -> None:
            if self.table is None:
                for widget in QApplication.topLevelWidgets():
                    if widget.objectName() == "mainWindow":
                        table = widget.findChild(QAbstractItemView, "balancesTable")
                        if table is not None:
                            self.table = table
                            table.viewport().installEventFilter(self)
                            _emit("window")
                return
            if self.done:
                self.finder.stop()
                return
            rows = self.table.model().rowCount()
            if rows and self.rows_seen_at is None:
                self.rows_seen_at = _elapsed()
            if self.rows_seen_at is not None and _elapsed() - self.rows_seen_at > 0.5:
                # Rows but no paint (the tab is hidden?): report when the rows arrived.
                self.finish(self.rows_seen_at, painted=False)

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (
                not self.done
                and event.type() == QEvent.Type.Paint
                and self.table is not None
                and self.table.model().rowCount()
            ):
                self.finish(_elapsed(), painted=True)
            return False

        def finish(self, elapsed: float, *, painted: bool) -> None:
            self.done = True
            self.finder.stop()
            rows = self.table.model().rowCount() if self.table is not None else 0
            print(
                json.dumps(
                    {"event": "shown", "elapsed": elapsed, "painted": painted, "rows": rows}
                ),
                flush=True,
            )
            QTimer.singleShot(int(1000 * hold), app.quit)

    watcher = Watcher()
    QTimer.singleShot(int(1000 * (30 + hold)), app.quit)  # bounded: never outlive a broken run
    status = run(request)
    del watcher
    _emit("exit")
    return int(status)


if __name__ == "__main__":
    raise SystemExit(main())
