"""Stand-ins for the window's collaborators, shared by the fixtures and the tests."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

#: A fixed "now" for the window's countdowns (2023-11-14 22:13:20 UTC).
NOW = 1_700_000_000.0


class FakePoller(QObject):
    """The poller facade's signals and methods, recording what the window asks of it."""

    clockChanged = Signal(object)
    configurationChanged = Signal(object)
    roundFinished = Signal(object)
    statusChanged = Signal(object)
    errorOccurred = Signal(object)
    requestChanged = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.refresh_calls = 0
        self.shutdown_calls = 0

    def refresh(self) -> None:
        self.refresh_calls += 1

    def shutdown(self) -> bool:
        self.shutdown_calls += 1
        return True
