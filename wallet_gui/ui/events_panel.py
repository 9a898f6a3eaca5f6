"""The Events list: failures, recoveries and alerts, newest first, with their severity.

Two kinds of value come in: ``HistoryEvent``s read back from the history store (what
happened before this launch) and live ``AlertEvent``s from the alert engine. Both become one
row each: the local date and time, a severity icon and word, and the message as plain text
(messages can quote server text, so they are never interpreted as markup).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wallet_gui.core.alerts import AlertEvent
from wallet_gui.core.history.events import HistoryEvent
from wallet_gui.ui.plain_text import cell_text, plain_tooltip
from wallet_gui.ui.tones import text_colour

TIME_COLUMN = 0
SEVERITY_COLUMN = 1
MESSAGE_COLUMN = 2

#: Severities, most severe first; the list's colours and icons follow them.
SEVERITIES = ("critical", "warning", "ok")
# Each severity's text tone (``ui/tones.py``, checked for contrast in light and dark).
_TONES = {"critical": "bad", "warning": "warning", "ok": "good"}
# A history event's kind → its severity.
_KIND_SEVERITY = {
    "error": "critical",
    "recovery": "ok",
    "alert_fired": "warning",
    "alert_cleared": "ok",
}


@dataclass(frozen=True, slots=True)
class EventRow:
    """One row of the list, whatever the event it came from."""

    at: float
    severity: str  # one of SEVERITIES
    message: str
    rule: str | None = None


def row_of(event: HistoryEvent | AlertEvent) -> EventRow:
    """The row of a stored ``HistoryEvent`` or a live ``AlertEvent``."""
    if isinstance(event, HistoryEvent):
        severity = _KIND_SEVERITY.get(event.kind, "warning")
        return EventRow(event.at, severity, event.message, event.rule)
    severity = event.severity if event.fired else "ok"
    if severity not in SEVERITIES:
        severity = "warning"
    text = f"{event.title}: {event.message}" if event.title else event.message
    return EventRow(event.at, severity, text, event.rule)


def format_event_time(at: float) -> str:
    """Local ``2026-11-29 19:04:05``: events span days, so the date is always there."""
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(at))


class EventsPanel(QWidget):
    """Events, newest first; at most ``max_events`` (the oldest go).

    Constructor: ``EventsPanel(parent=None, *, max_events=500)``.

    Slots:
        set_events(Sequence[HistoryEvent]): show these (from the store), replacing the list.
        add_event(HistoryEvent | AlertEvent): one more (live), put in its place by time.
        clear(): empty the list (another profile).
    """

    MAX_EVENTS = 500

    def __init__(self, parent: QWidget | None = None, *, max_events: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eventsPanel")
        self._max = max_events if max_events is not None else self.MAX_EVENTS
        self._rows: list[EventRow] = []  # newest first, like the list

        self._list = QTreeWidget(self)
        self._list.setObjectName("eventsList")
        self._list.setColumnCount(3)
        self._list.setHeaderLabels([self.tr("Time"), self.tr("Severity"), self.tr("Message")])
        self._list.setRootIsDecorated(False)
        self._list.setUniformRowHeights(True)
        self._list.setAlternatingRowColors(True)
        self._list.setWordWrap(False)
        self._list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self._list.setAccessibleName(self.tr("Events"))
        header = self._list.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(TIME_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SEVERITY_COLUMN, QHeaderView.ResizeMode.ResizeToContents)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._list)

    # -- public API ----------------------------------------------------------------------

    @property
    def list(self) -> QTreeWidget:
        return self._list

    @property
    def rows(self) -> tuple[EventRow, ...]:
        """The rows shown, newest first."""
        return tuple(self._rows)

    @Slot(object)
    def set_events(self, events: Sequence[HistoryEvent | AlertEvent]) -> None:
        """Show ``events`` (any order), newest first, replacing what was shown."""
        rows = sorted((row_of(e) for e in events), key=lambda r: r.at, reverse=True)
        self._rows = rows[: self._max]
        self._list.clear()
        self._list.addTopLevelItems([self._item(row) for row in self._rows])

    @Slot(object)
    def add_event(self, event: HistoryEvent | AlertEvent) -> None:
        """One more event, put in its place by time (usually the top)."""
        row = row_of(event)
        position = next((i for i, r in enumerate(self._rows) if r.at <= row.at), len(self._rows))
        self._rows.insert(position, row)
        self._list.insertTopLevelItem(position, self._item(row))
        while len(self._rows) > self._max:
            self._rows.pop()
            self._list.takeTopLevelItem(len(self._rows))

    @Slot()
    def clear(self) -> None:
        self._rows.clear()
        self._list.clear()

    # -- drawing -------------------------------------------------------------------------

    def _item(self, row: EventRow) -> QTreeWidgetItem:
        words = {
            "critical": self.tr("Critical"),
            "warning": self.tr("Warning"),
            "ok": self.tr("OK"),
        }
        icons = {
            "critical": QStyle.StandardPixmap.SP_MessageBoxCritical,
            "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
            "ok": QStyle.StandardPixmap.SP_DialogApplyButton,
        }
        item = QTreeWidgetItem([format_event_time(row.at), words[row.severity], ""])
        item.setText(MESSAGE_COLUMN, cell_text(row.message))
        item.setToolTip(MESSAGE_COLUMN, plain_tooltip(row.message))
        item.setIcon(SEVERITY_COLUMN, self.style().standardIcon(icons[row.severity]))
        tone = text_colour(_TONES[row.severity], self.palette(), QPalette.ColorRole.Base)
        item.setForeground(SEVERITY_COLUMN, QBrush(tone))
        item.setData(SEVERITY_COLUMN, Qt.ItemDataRole.UserRole, row.severity)
        return item
