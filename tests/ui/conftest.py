"""Fixtures for widget tests: a fake poller and a window around it.

The app's settings file follows ``XDG_CONFIG_HOME``, which the top-level conftest points
at a fresh folder for every test, so saved geometry never leaks between tests.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.fakes import NOW, FakePoller
from wallet_gui.core.reports import ErrorReport
from wallet_gui.ui.main_window import MainWindow


@pytest.fixture
def poller() -> FakePoller:
    return FakePoller()


@pytest.fixture
def reported() -> list[ErrorReport]:
    """What the window handed to its error sink."""
    return []


@pytest.fixture
def window(qtbot: QtBot, poller: FakePoller, reported: list[ErrorReport]) -> Iterator[MainWindow]:
    win = MainWindow(
        poller, error_sink=reported.append, title_suffix="test", wall_clock=lambda: NOW
    )
    qtbot.addWidget(win)
    yield win
    win.close()
