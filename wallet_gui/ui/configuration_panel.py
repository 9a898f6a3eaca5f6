"""The server's configuration (``GET /rest/v1/configuration``) as a read-only table.

The API may add settings at any time, so the table shows every key it receives: the ones we
know under a readable label, the others under their own name. Keys and values come from the
server, so they go through ``wallet_gui.ui.plain_text``: a cell shows a one-line excerpt, its
tooltip an escaped (never interpreted) longer one, and Copy (Ctrl+C, context menu) the full
text of the selected cells up to ``FULL_TEXT_CHARS``. A click on a heading sorts by that
column; a third click goes back to the server's order (known settings first).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wallet_gui.api.models import Configuration
from wallet_gui.ui.copying import FULL_TEXT_ROLE, TableCopying
from wallet_gui.ui.formatting import format_config_value
from wallet_gui.ui.plain_text import capped, cell_text, plain_tooltip
from wallet_gui.ui.tables import TableColumns

# Readable names of the settings the API documents (and the Java SDK knows), in display order.
# QT_TRANSLATE_NOOP marks them for lupdate and returns them unchanged; its stub says ``object``,
# so ``str`` gives them back their type.
KNOWN_SETTINGS: dict[str, str] = {
    "minimum_password_length": str(
        QT_TRANSLATE_NOOP("ConfigurationPanel", "Minimum password length")
    ),
    "bank_transfer_urgent_option_availability_beneficiary_account_regexp": str(
        QT_TRANSLATE_NOOP("ConfigurationPanel", "Urgent bank transfer: beneficiary account pattern")
    ),
}


class ConfigurationPanel(QWidget):
    """Every key of ``Configuration.raw``, known ones first.

    Slots:
        set_configuration(Configuration): replace the table's content.
        copy_current(): put the selected cells' full text (the current cell's when none is
            selected) on the clipboard.
    """

    SETTING_COLUMN = 0
    VALUE_COLUMN = 1
    #: Extra width of the Setting column beyond its longest label.
    COLUMN_PADDING = 24
    #: The Setting column grows to fit its labels up to this many average characters; a
    #: longer key (the server may send any) is elided, whole in its tooltip and on Copy.
    SETTING_COLUMN_CHARS = 60

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("configurationPanel")
        self._rows: list[tuple[str, str, str]] = []  # (label, key, value) in the server's order

        self._table = QTableWidget(0, 2, self)
        self._table.setObjectName("configurationTable")
        self._table.setHorizontalHeaderLabels([self.tr("Setting"), self.tr("Value")])
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Cells, not rows: what is selected is what Ctrl+C copies.
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self._table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self._table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self._table.setAlternatingRowColors(True)
        self._table.setWordWrap(False)
        self._table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._table.verticalHeader().hide()
        header = self._table.horizontalHeader()
        header.setSectionResizeMode(self.SETTING_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(self.VALUE_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self._on_sort_changed)
        self._columns = TableColumns(
            self._table, (self.SETTING_COLUMN,), padding=self.COLUMN_PADDING
        )

        self._copy_action = QAction(self.tr("&Copy"), self._table)
        self._copy_action.setObjectName("copyConfigurationAction")
        self._copy_action.triggered.connect(self.copy_current)
        self._copying = TableCopying(self._table, "Configuration", copy_action=self._copy_action)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._table)

    @property
    def table(self) -> QTableWidget:
        return self._table

    @property
    def columns(self) -> TableColumns:
        """The column widths and what the user sized, for ``window_state``."""
        return self._columns

    @property
    def copying(self) -> TableCopying:
        return self._copying

    @Slot(object)
    def set_configuration(self, configuration: Configuration) -> None:
        """Show ``configuration``; the previous content goes."""
        raw = dict(configuration.raw)
        known = [key for key in KNOWN_SETTINGS if key in raw]
        unknown = sorted(key for key in raw if key not in KNOWN_SETTINGS)
        self._rows = []
        for key in known + unknown:
            known_label = KNOWN_SETTINGS.get(key)
            label = (
                QCoreApplication.translate("ConfigurationPanel", known_label)
                if known_label is not None
                else key
            )
            self._rows.append((label, key, format_config_value(raw[key])))
        self._fill()

    @Slot(int, Qt.SortOrder)
    def _on_sort_changed(self, _column: int, _order: Qt.SortOrder) -> None:
        self._fill()

    def _fill(self) -> None:
        rows = list(self._rows)
        header = self._table.horizontalHeader()
        column = header.sortIndicatorSection()
        if column in (self.SETTING_COLUMN, self.VALUE_COLUMN):
            descending = header.sortIndicatorOrder() is Qt.SortOrder.DescendingOrder
            shown = 0 if column == self.SETTING_COLUMN else 2
            rows.sort(key=lambda row: row[shown].casefold(), reverse=descending)
        self._table.setRowCount(len(rows))
        for row, (label, key, value) in enumerate(rows):
            self._table.setItem(row, self.SETTING_COLUMN, _item(label, key))
            self._table.setItem(row, self.VALUE_COLUMN, _item(value))
        # Fit the labels, plus room so that they do not run into the values; never so wide
        # that a long key pushes the values out of sight.
        widest = self.fontMetrics().averageCharWidth() * self.SETTING_COLUMN_CHARS
        self._columns.fit(max_width=widest)

    @Slot()
    def copy_current(self) -> None:
        """Put the selected cells' text on the clipboard: all of it, not the cells' excerpt."""
        self._copying.copy_selection()


def _item(shown: str, full: str | None = None) -> QTableWidgetItem:
    """A cell showing an excerpt of ``shown``; tooltip and Copy have ``full`` (or ``shown``)."""
    whole = shown if full is None else full
    item = QTableWidgetItem(cell_text(shown))
    item.setToolTip(plain_tooltip(whole))
    item.setData(FULL_TEXT_ROLE, capped(whole))
    return item
