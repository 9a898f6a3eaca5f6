"""Cyclic garbage dies on the GUI thread: a worker's allocations never collect it."""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from wallet_gui.qt.collector import GuiThreadCollector


class _Cyclic:
    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def collector(qtbot: QtBot) -> Iterator[GuiThreadCollector]:
    made = GuiThreadCollector(interval_ms=20)
    yield made
    made.stop()


def test_garbage_made_while_workers_allocate_is_collected_on_the_gui_thread(
    qtbot: QtBot, collector: GuiThreadCollector
) -> None:
    assert not gc.isenabled()
    collected_on: list[str] = []
    garbage = _Cyclic()
    weakref.finalize(garbage, lambda: collected_on.append(threading.current_thread().name))
    del garbage  # only the cycle holds it now

    kept: list[list[int]] = []

    def allocate() -> None:  # far past the threshold: with automatic collection on, this
        kept.extend([index] for index in range(20_000))  # thread would collect the cycle

    worker = threading.Thread(target=allocate, name="fetch-like")
    worker.start()
    worker.join()
    assert collected_on == []  # not on the worker
    qtbot.waitUntil(lambda: bool(collected_on), timeout=5000)
    assert collected_on == [threading.main_thread().name]
    assert collector.collections >= 1
    kept.clear()


def test_stop_turns_automatic_collection_back_on(qtbot: QtBot) -> None:
    collector = GuiThreadCollector()
    assert not gc.isenabled()
    collector.stop()
    assert gc.isenabled()
