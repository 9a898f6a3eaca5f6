"""A profile's alert rules through the Connect dialog: shown, edited, saved, used."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from tests.app.test_app_flows import (  # noqa: F401 - fixtures
    MemoryKeyring,
    applications,
    memory_keyring,
    rows,
    shop,
)
from wallet_gui.app import Application
from wallet_gui.core.alert_rules import AlertRules, LowBalanceRule
from wallet_gui.core.profiles import ProfileStore
from wallet_gui.sandbox import DEMO_CLIENT_ID, Sandbox
from wallet_gui.ui.credentials_dialog import CredentialsDialog


def test_rules_typed_in_the_dialog_are_saved_and_watched(
    qtbot: QtBot,
    applications,  # type: ignore[no-untyped-def]  # noqa: F811
    sandbox: Sandbox,
    memory_keyring: MemoryKeyring,  # noqa: F811
) -> None:
    application: Application = applications()
    application.presenter.show_dialogs = False
    application.save_and_connect(shop(sandbox), sandbox.clients[DEMO_CLIENT_ID])
    qtbot.waitUntil(lambda: rows(application) >= 1, timeout=15_000)
    assert ProfileStore().load_alert_rules("shop") == AlertRules()  # the defaults
    shown: list[str] = []

    def edit_rules_and_save() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, CredentialsDialog)
        low = dialog.findChild(QLineEdit, "alertLowBalancesEdit")
        incoming = dialog.findChild(QCheckBox, "alertIncomingCheck")
        assert low is not None
        assert incoming is not None
        shown.append(low.text())
        low.setText("14471 EUR 1000")  # the demo wallet has 22.99 EUR: below it
        incoming.setChecked(True)
        dialog.findChild(QPushButton, "saveButton").click()  # type: ignore[union-attr]

    QTimer.singleShot(0, edit_rules_and_save)
    application.open_credentials("shop")
    qtbot.waitUntil(lambda: bool(shown))
    assert shown == [""]

    saved = ProfileStore().load_alert_rules("shop")
    assert saved.low_balances == (LowBalanceRule("14471", "EUR", Decimal("1000")),)
    assert saved.incoming
    # Saving reconnected with the new rules: the low balance shows up as an alert.
    history = application.connection_history
    assert history is not None
    qtbot.waitUntil(
        lambda: any(e.rule == "low_balance:14471:EUR" for e in history.engine.active()),
        timeout=15_000,
    )
