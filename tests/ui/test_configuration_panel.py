"""The configuration table shows every key the server sent, known ones under readable labels."""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractItemView, QTableWidget
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
