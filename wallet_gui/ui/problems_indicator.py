"""The two small views of the current problems: the status bar's indicator and the error
window's list.

``ProblemsIndicator`` is a flat tool button in the status bar: "2 problems", hidden when none
is open; clicking it brings the error window back. ``ProblemList`` is the table at the top
of that window, one row per problem (what, where, how often, open or resolved), updated in
place so the row someone is reading does not jump away. Both only show ``Problem`` values
(``wallet_gui.core.error_gate``); server text in them is plain and bounded.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QEvent, QSize, Qt, Signal, Slot
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QWidget,
)

from wallet_gui.core.error_gate import Problem, ProblemKey
from wallet_gui.ui.core_texts import report_message, request_context
from wallet_gui.ui.plain_text import LINE_CHARS, cell_text, plain_tooltip

#: Rows the list shows before it scrolls (the details below need the room more).
_VISIBLE_ROWS = 5
#: Wide enough for "Balance of wallet 14471: forbidden (HTTP 403)", a count and a time.
_WIDTH = 640


class ProblemsIndicator(QToolButton):
    """ "⚠ 2 problems" in the status bar; hidden while no problem is open."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemsIndicator")
        self.setAutoRaise(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, self)
        self.setIconSize(QSize(size, size))
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self._count = 0
        self.set_count(0)

    @property
    def count(self) -> int:
        return self._count

    @Slot(int)
    def set_count(self, count: int) -> None:
        """Show how many problems are open (hidden at zero)."""
        self._count = max(0, count)
        # English has its own word for one; other counts take the language's plural forms.
        one = self._count == 1
        text = self.tr("1 problem") if one else self.tr("%n problems", "", self._count)
        self.setText(text)
        self.setToolTip(self.tr("Show the error window with the current problems"))
        self.setAccessibleName(text)
        self.setVisible(self._count > 0)


class ProblemList(QTableWidget):
    """The problems, newest first: one row each, selection kept across updates.

    Signals:
        problemSelected(object): the key of the problem the user selected (``None``: none).
    """

    problemSelected = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setObjectName("problemList")
        self.setHorizontalHeaderLabels([self.tr("Problem"), self.tr("Count"), self.tr("State")])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setHighlightSections(False)
        self._keys: list[ProblemKey] = []
        self._problems: tuple[Problem, ...] = ()
        self.itemSelectionChanged.connect(self._on_selection)

    @property
    def keys(self) -> list[ProblemKey]:
        """The problems' keys, in row order."""
        return list(self._keys)

    def selected_key(self) -> ProblemKey | None:
        rows = self.selectionModel().selectedRows()
        return self._keys[rows[0].row()] if rows else None

    def set_problems(self, problems: Sequence[Problem]) -> None:
        """Show ``problems`` (in place); the selected problem stays selected if still listed."""
        selected = self.selected_key()
        self._problems = tuple(problems)
        self._keys = [p.key for p in problems]
        self.blockSignals(True)
        try:
            self.setRowCount(len(problems))
            for row, problem in enumerate(problems):
                self._fill(row, problem)
            if selected in self._keys:
                self.selectRow(self._keys.index(selected))
            else:
                self.clearSelection()
        finally:
            self.blockSignals(False)
        self.updateGeometry()

    def select(self, key: ProblemKey | None) -> None:
        """Select the problem ``key`` (``None`` or unknown: the first open one, or the first)."""
        if key not in self._keys:
            open_keys = [p.key for p in self._problems if p.is_open]
            key = open_keys[0] if open_keys else (self._keys[0] if self._keys else None)
        if key is None:
            self.clearSelection()
            return
        row = self._keys.index(key)
        self.selectRow(row)
        self.scrollTo(self.model().index(row, 0))

    def _fill(self, row: int, problem: Problem) -> None:
        report = problem.report
        where = tuple(request_context(place) for place in problem.where or (report.context,))
        more = self.tr(" (+%n more)", "", len(where) - 1) if len(where) > 1 else ""
        message = report_message(report)
        cause = f"{report.code} (HTTP {report.status})" if report.code else message
        what = cell_text(f"{where[0]}: {cause}", LINE_CHARS) + more
        if problem.is_open:
            state = self.tr("Open since {time}").format(time=_hms(problem.first_seen))
        else:
            assert problem.resolved_at is not None
            state = self.tr("Resolved at {time}").format(time=_hms(problem.resolved_at))
        tooltip = plain_tooltip(f"{message}\n" + "\n".join(where))
        muted = self.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        normal = self.palette().brush(QPalette.ColorGroup.Active, QPalette.ColorRole.Text)
        for column, text in enumerate((what, str(problem.count), state)):
            item = self.item(row, column)
            if item is None:
                item = QTableWidgetItem()
                self.setItem(row, column, item)
            item.setText(text)
            item.setToolTip(tooltip)
            font = QFont(self.font())
            font.setBold(problem.is_open and problem.needs_user and column == 0)
            item.setFont(font)
            item.setForeground(normal if problem.is_open else muted)
            if column == 1:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    @Slot()
    def _on_selection(self) -> None:
        self.problemSelected.emit(self.selected_key())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # the muted colour follows the palette
            self.set_problems(self._problems)

    def sizeHint(self) -> QSize:
        """Room for a few rows: more scroll, so the details below keep their space."""
        rows = min(max(self.rowCount(), 2), _VISIBLE_ROWS)
        row_height = self.verticalHeader().defaultSectionSize()
        height = self.horizontalHeader().sizeHint().height() + rows * row_height
        return QSize(_WIDTH, height + 2 * self.frameWidth())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


def _hms(moment: datetime) -> str:
    return moment.strftime("%H:%M:%S")


__all__ = ["ProblemList", "ProblemsIndicator"]
