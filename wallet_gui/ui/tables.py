"""Helpers of the window's tables: column widths, and a hint in place of an empty table.

Column widths are fitted to their content until a person sizes them. A table that refits
its columns on every poll round undoes whatever width the user dragged a column to; one
that never refits cuts off a longer amount. ``TableColumns`` does both right: it fits the
columns nobody has touched, to the cells it is told to measure (never to a cell spanning
several columns, which is how one long error message used to widen the Currency column off
the screen), and leaves the ones the user sized alone. Its state (the header's sizes and
sort indicator, and which columns were sized by hand) is what ``window_state`` keeps
between sessions.

``TablePlaceholder`` covers an empty table's viewport (its headings stay in sight) with a
line of text and, when there is something to do about it, a button.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QPushButton, QStyle, QTableWidget, QVBoxLayout, QWidget


class TableColumns(QObject):
    """Fits and remembers the column widths of ``table``.

    Args:
        table: the table whose horizontal header this manages (also the parent).
        fitted: the columns to fit to their content; the others keep their resize mode.
        padding: extra width beyond the widest cell, so that columns do not run together.
    """

    def __init__(self, table: QTableWidget, fitted: Iterable[int], *, padding: int = 24) -> None:
        super().__init__(table)
        self._table = table
        self._fitted = tuple(fitted)
        self._padding = padding
        self._user_sized: set[int] = set()
        self._programmatic = False
        table.horizontalHeader().sectionResized.connect(self._on_section_resized)

    @property
    def user_sized(self) -> frozenset[int]:
        """Columns the user gave a width to (by dragging or double-clicking a divider)."""
        return frozenset(self._user_sized)

    @contextmanager
    def _sizing(self) -> Iterator[None]:
        """Width changes inside this block are the program's, not the user's."""
        self._programmatic = True
        try:
            yield
        finally:
            self._programmatic = False

    @Slot(int, int, int)
    def _on_section_resized(self, column: int, _old: int, _new: int) -> None:
        if not self._programmatic and column in self._fitted:
            self._user_sized.add(column)

    def fit(self, skipped: Iterable[tuple[int, int]] = (), *, max_width: int = 0) -> None:
        """Fit every column the user has not sized to its header and cells.

        ``skipped`` lists (row, column) cells not to measure: the cells under a span, whose
        text belongs to several columns and is elided to fit them. ``max_width`` (if not 0)
        bounds a column, whose longer cells are then elided.
        """
        table = self._table
        header = table.horizontalHeader()
        skip = set(skipped)
        metrics = table.fontMetrics()
        # A cell's text sits between the focus frame's margins on each side.
        margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
        with self._sizing():
            for column in self._fitted:
                if column in self._user_sized:
                    continue
                width = header.sectionSizeFromContents(column).width()
                for row in range(table.rowCount()):
                    item = table.item(row, column)
                    if item is None or (row, column) in skip or not item.text():
                        continue
                    width = max(width, metrics.horizontalAdvance(item.text()) + margin)
                width += self._padding
                header.resizeSection(column, min(width, max_width) if max_width else width)

    def save_state(self) -> tuple[QByteArray, str]:
        """The header's state (sizes, sort indicator) and the hand-sized columns, for saving."""
        columns = " ".join(str(c) for c in sorted(self._user_sized))
        return self._table.horizontalHeader().saveState(), columns

    def restore_state(self, header_state: object, user_sized: object) -> bool:
        """Put back what ``save_state`` returned (as read back from settings); False when
        there was nothing usable, e.g. a state saved by a version with other columns."""
        if not isinstance(header_state, QByteArray) or header_state.isEmpty():
            return False
        before = self._user_sized
        # First: restoring the sort order re-sorts, and so refits, the table.
        parts = user_sized.split() if isinstance(user_sized, str) else []
        self._user_sized = {int(p) for p in parts if p.isdigit()} & set(self._fitted)
        with self._sizing():
            if self._table.horizontalHeader().restoreState(header_state):
                return True
        self._user_sized = before
        return False


class TablePlaceholder(QWidget):
    """A hint over ``table``'s viewport, shown while the table has no rows.

    ``button`` (hidden unless ``show_hint`` asks for it) is the one thing to do about it;
    connect to its ``clicked``.
    """

    def __init__(self, table: QTableWidget, name: str, button_text: str) -> None:
        super().__init__(table.viewport())
        self.setObjectName(name)
        self._table = table
        self.label = QLabel(self)
        self.label.setObjectName(f"{name}Label")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        muted = self.label.palette()
        muted.setColor(
            QPalette.ColorRole.WindowText, muted.color(QPalette.ColorRole.PlaceholderText)
        )
        self.label.setPalette(muted)
        self.button = QPushButton(button_text, self)
        self.button.setObjectName(f"{name}Button")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Stay as large as the viewport."""
        if watched is self._table.viewport() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self._table.viewport().rect())
        return super().eventFilter(watched, event)

    def show_hint(self, text: str, *, button: bool = False) -> None:
        """Say ``text`` (and offer the button) while the table is empty; hide otherwise."""
        self.label.setText(text)
        self.button.setVisible(button)
        self.setGeometry(self._table.viewport().rect())
        self.setVisible(self._table.rowCount() == 0)
