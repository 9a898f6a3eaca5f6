"""The configuration table shows every key the server sent, known ones under readable labels."""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QPushButton,
    QTableWidget,
    QTableWidgetSelectionRange,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from wallet_gui.api.models import Configuration
from wallet_gui.ui.configuration_panel import ConfigurationPanel


def configuration(raw: dict[str, Any]) -> Configuration:
    length = raw.get("minimum_password_length")
    return Configuration(minimum_password_length=length, raw=MappingProxyType(raw))


@pytest.fixture
def panel(qtbot: QtBot) -> ConfigurationPanel:
    # qtbot keeps only a weak reference: the fixture holds the panel for the test's length.
    widget = ConfigurationPanel()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def table(panel: ConfigurationPanel) -> QTableWidget:
    panel.set_configuration(
        configuration(
            {
                "zeta_flag": True,
                "minimum_password_length": 8,
                "bank_transfer_urgent_option_availability_beneficiary_account_regexp": "^LT\\d+$",
                "limits": {"daily": [1, 2]},
            }
        )
    )
    found = panel.findChild(QTableWidget, "configurationTable")
    assert found is not None
    return found


def rows(table: QTableWidget) -> list[tuple[str, str]]:
    return [
        (table.item(row, 0).text(), table.item(row, 1).text()) for row in range(table.rowCount())
    ]


def test_known_settings_have_readable_labels_and_come_first(table: QTableWidget) -> None:
    assert rows(table)[:2] == [
        ("Minimum password length", "8"),
        ("Urgent bank transfer: beneficiary account pattern", "^LT\\d+$"),
    ]


def test_unknown_keys_are_shown_as_they_are(table: QTableWidget) -> None:
    assert rows(table)[2:] == [("limits", '{"daily": [1, 2]}'), ("zeta_flag", "true")]


def test_table_has_setting_and_value_columns_and_is_read_only(table: QTableWidget) -> None:
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["Setting", "Value"]
    assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers


def test_a_new_configuration_replaces_the_old_one(qtbot: QtBot) -> None:
    panel = ConfigurationPanel()
    qtbot.addWidget(panel)
    panel.set_configuration(configuration({"a": 1, "b": 2}))
    panel.set_configuration(configuration({"c": "x"}))
    assert rows(panel.table) == [("c", "x")]


def test_ctrl_c_copies_the_whole_value_of_the_current_cell_not_its_excerpt(
    qtbot: QtBot, panel: ConfigurationPanel
) -> None:
    value = "0123456789" * 200  # longer than a cell shows
    panel.set_configuration(configuration({"long": value}))
    panel.show()
    qtbot.waitExposed(panel)
    table = panel.table
    table.setFocus()
    table.setCurrentCell(0, 1)
    assert table.item(0, 1).text() != value
    QGuiApplication.clipboard().clear()

    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)

    assert QGuiApplication.clipboard().text() == value


def test_tab_moves_focus_out_of_the_table(qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    panel = ConfigurationPanel(host)
    after = QPushButton("after", host)
    layout = QVBoxLayout(host)
    layout.addWidget(panel)
    layout.addWidget(after)
    panel.set_configuration(configuration({"a": 1, "b": 2}))
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    panel.table.setFocus()
    panel.table.setCurrentCell(0, 0)
    qtbot.waitUntil(panel.table.hasFocus)

    qtbot.keyClick(panel.table, Qt.Key.Key_Tab)

    assert after.hasFocus()


def test_ctrl_c_copies_several_selected_cells_as_tab_separated_lines(
    qtbot: QtBot, panel: ConfigurationPanel
) -> None:
    panel.set_configuration(configuration({"a": "first\nline", "b": 2}))
    panel.show()
    qtbot.waitExposed(panel)
    table = panel.table
    table.setFocus()
    table.setRangeSelected(QTableWidgetSelectionRange(0, 0, 1, 1), True)
    QGuiApplication.clipboard().clear()

    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)

    # Each cell on one line, so that the copy is a table; a single cell keeps its lines.
    assert QGuiApplication.clipboard().text() == "a\tfirst line\nb\t2"


def test_context_menu_keeps_copy_and_adds_rows_and_table(panel: ConfigurationPanel) -> None:
    table = panel.table
    names = [a.objectName() for a in table.actions()]
    assert names[0] == "copyConfigurationAction"
    assert {"copyConfigurationRowsAction", "copyConfigurationTableAction"} <= set(names)
    panel.set_configuration(configuration({"a": 1, "b": 2}))
    QGuiApplication.clipboard().clear()
    panel.copying.copy_table_action.trigger()
    assert QGuiApplication.clipboard().text() == "Setting\tValue\na\t1\nb\t2"


def test_clicking_a_heading_sorts_by_it_and_a_third_click_restores_the_order(
    panel: ConfigurationPanel,
) -> None:
    panel.set_configuration(
        configuration({"zeta": "a", "minimum_password_length": 8, "alpha": "z"})
    )
    header = panel.table.horizontalHeader()
    assert [r[0] for r in rows(panel.table)] == ["Minimum password length", "alpha", "zeta"]
    header.setSortIndicator(1, Qt.SortOrder.AscendingOrder)  # as a click on "Value" does
    assert [r[1] for r in rows(panel.table)] == ["8", "a", "z"]
    header.setSortIndicator(1, Qt.SortOrder.DescendingOrder)
    assert [r[1] for r in rows(panel.table)] == ["z", "a", "8"]
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    assert [r[0] for r in rows(panel.table)] == ["Minimum password length", "alpha", "zeta"]
