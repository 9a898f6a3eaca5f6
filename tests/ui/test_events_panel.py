"""The Events list: stored and live events, newest first, severity, plain text."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget
from pytestqt.qtbot import QtBot

from wallet_gui.core.alerts import AlertEvent
from wallet_gui.core.history.events import HistoryEvent
from wallet_gui.core.history.store import HistoryStore
from wallet_gui.ui.events_panel import EventsPanel

T0 = 1_790_000_000.0


def shown(panel: EventsPanel) -> list[tuple[str, str, str]]:
    tree = panel.findChild(QTreeWidget, "eventsList")
    assert tree is not None
    return [
        (tree.topLevelItem(i).text(0), tree.topLevelItem(i).text(1), tree.topLevelItem(i).text(2))
        for i in range(tree.topLevelItemCount())
    ]


def local(at: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(at))


def test_events_from_a_real_store_are_listed_newest_first(qtbot: QtBot, tmp_path: Path) -> None:
    with HistoryStore(tmp_path / "history.sqlite3") as store:
        store.record_event("demo", HistoryEvent(T0, "error", None, "Balances: timed out"))
        store.record_event("demo", HistoryEvent(T0 + 60, "recovery", None, "Balances work again"))
        store.record_event(
            "demo", HistoryEvent(T0 + 30, "alert_fired", "clock_offset", "Clock off by 2.1 s")
        )
        events = store.events("demo")
    panel = EventsPanel()
    qtbot.addWidget(panel)
    panel.set_events(events)
    assert shown(panel) == [
        (local(T0 + 60), "OK", "Balances work again"),
        (local(T0 + 30), "Warning", "Clock off by 2.1 s"),
        (local(T0), "Critical", "Balances: timed out"),
    ]
    tree = panel.list
    assert tree.topLevelItem(2).data(1, Qt.ItemDataRole.UserRole) == "critical"
    assert not tree.topLevelItem(2).icon(1).isNull()
    critical = tree.topLevelItem(2).foreground(1).color()
    assert critical.red() > critical.green()


def test_live_alerts_go_on_top_and_a_cleared_one_reads_ok(qtbot: QtBot) -> None:
    panel = EventsPanel()
    qtbot.addWidget(panel)
    panel.set_events([HistoryEvent(T0, "error", None, "old failure")])
    fired = AlertEvent("low_balance:14471:EUR", True, T0 + 10, "critical", "Low balance",
                       "14471 EUR is 3.00, below 10.00")  # fmt: skip
    panel.add_event(fired)
    panel.add_event(AlertEvent("low_balance:14471:EUR", False, T0 + 20, "critical",
                               "Low balance", "back above 10.00"))  # fmt: skip
    assert shown(panel) == [
        (local(T0 + 20), "OK", "Low balance: back above 10.00"),
        (local(T0 + 10), "Critical", "Low balance: 14471 EUR is 3.00, below 10.00"),
        (local(T0), "Critical", "old failure"),
    ]
    # An event that arrives late still lands in its place by time.
    panel.add_event(HistoryEvent(T0 + 15, "recovery", None, "late"))
    assert [row[2] for row in shown(panel)][:3] == [
        "Low balance: back above 10.00",
        "late",
        "Low balance: 14471 EUR is 3.00, below 10.00",
    ]


def test_messages_are_plain_one_line_text_and_the_list_is_bounded(qtbot: QtBot) -> None:
    panel = EventsPanel(max_events=3)
    qtbot.addWidget(panel)
    panel.set_events(
        [HistoryEvent(T0 + i, "error", None, f"<b>failure</b>\nnumber {i}") for i in range(5)]
    )
    assert [row[2] for row in shown(panel)] == [
        "<b>failure</b> number 4",
        "<b>failure</b> number 3",
        "<b>failure</b> number 2",
    ]
    assert "&lt;b&gt;" in panel.list.topLevelItem(0).toolTip(2)
    panel.add_event(HistoryEvent(T0 + 10, "recovery", None, "fine"))
    assert shown(panel)[0][2] == "fine"
    assert len(shown(panel)) == 3
    panel.clear()
    assert shown(panel) == []
