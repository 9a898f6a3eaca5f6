"""The server's configuration (``GET /rest/v1/configuration``) as a read-only table.

The API may add settings at any time, so the table shows every key it receives: the ones we
know under a readable label, the others under their own name. Values are shown as plain text
and never interpreted, since they come from the server.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wallet_gui.api.models import Configuration
from wallet_gui.ui.formatting import format_config_value

# Readable names of the settings the API documents (and the Java SDK knows), in display order.
KNOWN_SETTINGS: dict[str, str] = {
    "minimum_password_length": QT_TRANSLATE_NOOP("ConfigurationPanel", "Minimum password length"),
    "bank_transfer_urgent_option_availability_beneficiary_account_regexp": QT_TRANSLATE_NOOP(
        "ConfigurationPanel", "Urgent bank transfer: beneficiary account pattern"
    ),
}


class ConfigurationPanel(QWidget):
    """Every key of ``Configuration.raw``, known ones first.

    Slots:
        set_configuration(Configuration): replace the table's content.
    """

    SETTING_COLUMN = 0
    VALUE_COLUMN = 1
    #: Extra width of the Setting column beyond its longest label.
    COLUMN_PADDING = 24

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("configurationPanel")

        self._table = QTableWidget(0, 2, self)
        self._table.setObjectName("configurationTable")
        self._table.setHorizontalHeaderLabels([self.tr("Setting"), self.tr("Value")])
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.setAlternatingRowColors(True)
        self._table.setWordWrap(False)
        self._table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._table.verticalHeader().hide()
        header = self._table.horizontalHeader()
        header.setSectionResizeMode(self.SETTING_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(self.VALUE_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._table)

    @property
    def table(self) -> QTableWidget:
        return self._table

    @Slot(object)
    def set_configuration(self, configuration: Configuration) -> None:
        """Show ``configuration``; the previous content goes."""
        raw = dict(configuration.raw)
        known = [key for key in KNOWN_SETTINGS if key in raw]
        unknown = sorted(key for key in raw if key not in KNOWN_SETTINGS)
        self._table.setRowCount(len(known) + len(unknown))
        for row, key in enumerate(known + unknown):
            known_label = KNOWN_SETTINGS.get(key)
            label = (
                QCoreApplication.translate("ConfigurationPanel", known_label)
                if known_label is not None
                else key
            )
            setting = QTableWidgetItem(label)
            setting.setToolTip(key)
            value_text = format_config_value(raw[key])
            value = QTableWidgetItem(value_text)
            value.setToolTip(value_text)
            self._table.setItem(row, self.SETTING_COLUMN, setting)
            self._table.setItem(row, self.VALUE_COLUMN, value)
        # Fit the labels, plus room so that they do not run into the values.
        self._table.resizeColumnToContents(self.SETTING_COLUMN)
        header = self._table.horizontalHeader()
        header.resizeSection(
            self.SETTING_COLUMN, header.sectionSize(self.SETTING_COLUMN) + self.COLUMN_PADDING
        )
