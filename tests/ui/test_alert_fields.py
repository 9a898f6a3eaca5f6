"""The Alerts part of the profile form: rules in, rules out, a bad low-balance line named."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QLineEdit
from pytestqt.qtbot import QtBot

from wallet_gui.core.alert_rules import AlertRules, AlertRulesError, LowBalanceRule
from wallet_gui.ui.alert_fields import AlertsGroup
from wallet_gui.ui.credentials_dialog import CredentialsDialog

RULES = AlertRules(
    low_balances=(LowBalanceRule("14471", "EUR", Decimal("100.50")),),
    clock_offset_s=2.5,
    api_failing_min=None,
    incoming=True,
)


def test_rules_round_trip_through_the_fields(qtbot: QtBot) -> None:
    group = AlertsGroup(RULES)
    qtbot.addWidget(group)
    assert group.rules() == RULES
    assert not group.findChild(QDoubleSpinBox, "alertApiFailingSpin").isEnabled()
    assert AlertsGroup().rules() == AlertRules()


def test_editing_changes_the_rules_and_a_bad_line_is_named(qtbot: QtBot) -> None:
    group = AlertsGroup()
    qtbot.addWidget(group)
    with qtbot.waitSignal(group.edited, timeout=1000):
        group.findChild(QCheckBox, "alertClockOffsetCheck").setChecked(False)
    group.findChild(QCheckBox, "alertIncomingCheck").setChecked(True)
    edit = group.findChild(QLineEdit, "alertLowBalancesEdit")
    edit.setText("14471 EUR")
    assert group.error() is not None
    assert "14471 EUR" in group.error()  # type: ignore[operator]
    with pytest.raises(AlertRulesError):
        group.rules()
    edit.setText("14471 EUR 0.01")
    assert group.error() is None
    assert group.rules() == AlertRules(
        low_balances=(LowBalanceRule("14471", "EUR", Decimal("0.01")),),
        clock_offset_s=None,
        incoming=True,
    )


def test_the_profile_dialog_has_the_alerts(qtbot: QtBot) -> None:
    dialog = CredentialsDialog()
    qtbot.addWidget(dialog)
    group = dialog.findChild(AlertsGroup, "alertsGroup")
    assert group is not None
    assert group.rules() == AlertRules()


def test_typing_accepts_only_what_can_become_rules(qtbot: QtBot) -> None:
    group = AlertsGroup()
    qtbot.addWidget(group)
    edit = group.findChild(QLineEdit, "alertLowBalancesEdit")
    qtbot.keyClicks(edit, "14471 EUR 10x0.5; 2 usd 7")
    assert edit.text() == "14471 EUR 100.5; 2 usd 7"  # the "x" was refused
    assert group.rules().low_balances == (
        LowBalanceRule("14471", "EUR", Decimal("100.5")),
        LowBalanceRule("2", "USD", Decimal("7")),
    )


def test_a_bad_line_is_named_in_the_windows_language(qtbot: QtBot, speak: Any) -> None:
    speak("ru")
    group = AlertsGroup()
    qtbot.addWidget(group)
    group.findChild(QLineEdit, "alertLowBalancesEdit").setText("14471 EUR")
    assert group.error() == (
        "«14471 EUR» — не правило низкого баланса: укажите ID кошелька, валюту и сумму, "
        "например «14471 EUR 100.00»"
    )
    with pytest.raises(AlertRulesError, match="“14471 EUR” is not a low-balance rule"):
        group.rules()  # the error itself stays English
