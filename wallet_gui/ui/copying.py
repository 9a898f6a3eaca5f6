"""Copy for the window's tables and labels: Ctrl+C and a context menu on every value.

A cell may show an excerpt of a longer text (server text is cut to fit, see ``plain_text``);
what is copied is the item's ``FULL_TEXT_ROLE`` when it has one, its shown text otherwise.
One cell copies as it is; several copy as tab-separated lines, one per row, each cell on one
line, which pastes into a spreadsheet or a ticket as a table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import cast

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Slot
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QTableView, QWidget

from wallet_gui.ui.plain_text import one_line

#: Where an item keeps the text that Copy puts on the clipboard (the cell shows an excerpt).
FULL_TEXT_ROLE = Qt.ItemDataRole.UserRole


def copy_text(index: QModelIndex | QPersistentModelIndex) -> str:
    """What copying the cell at ``index`` gives: its full text, else what it shows."""
    full = index.data(FULL_TEXT_ROLE)
    if isinstance(full, str):
        return full
    shown = index.data(Qt.ItemDataRole.DisplayRole)
    return shown if isinstance(shown, str) else ""


def _lines(view: QTableView, cells: Iterable[tuple[int, int]]) -> str:
    """Cells as text: one alone as it is, several as tab-separated lines in row order."""
    by_row: dict[int, list[int]] = {}
    for row, column in cells:
        if not view.isColumnHidden(column):
            by_row.setdefault(row, []).append(column)
    model = view.model()
    if sum(len(columns) for columns in by_row.values()) == 1:
        ((row, (column,)),) = by_row.items()
        return copy_text(model.index(row, column))
    return "\n".join(
        "\t".join(one_line(copy_text(model.index(row, column))) for column in sorted(columns))
        for row, columns in sorted(by_row.items())
    )


def selection_text(view: QTableView) -> str:
    """The selected cells (the current one when none is selected) as text."""
    selected = [(i.row(), i.column()) for i in view.selectionModel().selectedIndexes()]
    if not selected and view.currentIndex().isValid():
        selected = [(view.currentIndex().row(), view.currentIndex().column())]
    return _lines(view, selected) if selected else ""


def rows_text(
    view: QTableView, rows: Iterable[int] | None = None, *, headings: bool = False
) -> str:
    """Whole rows (the selected ones, or ``rows``) as tab-separated lines."""
    model = view.model()
    if rows is None:
        rows = {i.row() for i in view.selectionModel().selectedIndexes()}
        if not rows and view.currentIndex().isValid():
            rows = {view.currentIndex().row()}
    columns = [c for c in range(model.columnCount()) if not view.isColumnHidden(c)]
    lines = [
        "\t".join(one_line(copy_text(model.index(row, column))) for column in columns)
        for row in sorted(rows)
    ]
    if headings:
        header = Qt.Orientation.Horizontal
        titles = [str(model.headerData(c, header, Qt.ItemDataRole.DisplayRole)) for c in columns]
        lines.insert(0, "\t".join(titles))
    return "\n".join(lines)


def put_on_clipboard(text: str) -> None:
    if text:
        QGuiApplication.clipboard().setText(text)


class TableCopying(QObject):
    """Copy for ``view``: Ctrl+C copies the selection; its context menu offers Copy,
    Copy rows and Copy table (with headings).

    Args:
        view: the table; the actions become its context menu.
        name: the prefix of the actions' object names (``copyBalancesAction``, …).
        copy_action: an existing Copy action to use instead of making one.
    """

    def __init__(self, view: QTableView, name: str, *, copy_action: QAction | None = None) -> None:
        super().__init__(view)
        self._view = view
        self.copy_action = copy_action or QAction(self.tr("&Copy"), view)
        if copy_action is None:
            self.copy_action.setObjectName(f"copy{name}Action")
            self.copy_action.triggered.connect(self.copy_selection)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.copy_rows_action = _action(view, self.tr("Copy &rows"), f"copy{name}RowsAction")
        self.copy_rows_action.triggered.connect(self.copy_rows)
        self.copy_table_action = _action(
            view, self.tr("Copy &table with headings"), f"copy{name}TableAction"
        )
        self.copy_table_action.triggered.connect(self.copy_table)
        for action in (self.copy_action, self.copy_rows_action, self.copy_table_action):
            view.addAction(action)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        # The view's own Ctrl+C (when the shortcut does not fire) copies only what the
        # current cell shows: catch the key first.
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self._view
            and event.type() == QEvent.Type.KeyPress
            and cast(QKeyEvent, event).matches(QKeySequence.StandardKey.Copy)
        ):
            self.copy_action.trigger()
            return True
        return super().eventFilter(watched, event)

    @Slot()
    def copy_selection(self) -> None:
        put_on_clipboard(selection_text(self._view))

    @Slot()
    def copy_rows(self) -> None:
        put_on_clipboard(rows_text(self._view))

    @Slot()
    def copy_table(self) -> None:
        put_on_clipboard(rows_text(self._view, range(self._view.model().rowCount()), headings=True))


def _action(parent: QWidget, text: str, name: str) -> QAction:
    action = QAction(text, parent)
    action.setObjectName(name)
    return action


def label_copy_actions(
    label: QLabel, actions: Iterable[tuple[str, str, Callable[[], str]]]
) -> list[QAction]:
    """Give ``label`` a context menu of copy actions: (text, object name, what it copies)."""
    made = []
    for text, name, source in actions:
        action = _action(label, text, name)
        action.triggered.connect(lambda _checked=False, source=source: put_on_clipboard(source()))
        label.addAction(action)
        made.append(action)
    label.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    return made


__all__ = [
    "FULL_TEXT_ROLE",
    "TableCopying",
    "copy_text",
    "label_copy_actions",
    "put_on_clipboard",
    "rows_text",
    "selection_text",
]
