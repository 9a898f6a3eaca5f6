"""Fixtures shared by the worker tests: pollers on the emulator, shut down after each test."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

from wallet_gui.core.connection import ConnectionSettings
from wallet_gui.core.monitor import Monitor
from wallet_gui.qt.poller import Poller
from wallet_gui.sandbox import DEMO_CLIENT_ID, Sandbox


@pytest.fixture
def poller_for(qtbot: QtBot) -> Iterator[Callable[[Sandbox, ConnectionSettings], Poller]]:
    pollers: list[Poller] = []

    def make(sandbox: Sandbox, settings: ConnectionSettings) -> Poller:
        key = sandbox.clients[DEMO_CLIENT_ID]
        poller = Poller(lambda: Monitor(settings, key), settings)
        pollers.append(poller)
        return poller

    yield make
    for poller in pollers:
        assert poller.shutdown()
