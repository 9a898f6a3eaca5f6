"""The whole app in-process: composition root, real worker thread, real emulator, real window."""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QTableWidget
from pytestqt.qtbot import QtBot

from tests.helpers import app_args
from wallet_gui.app import Application
from wallet_gui.core.connection import ConnectionSettings
from wallet_gui.core.credentials import CredentialStore
from wallet_gui.core.profiles import ProfileStore, settings_path
from wallet_gui.sandbox import DEMO_CLIENT_ID, Sandbox
from wallet_gui.ui.error_dialog import ErrorDialog


def demo_args(**overrides: object) -> argparse.Namespace:
    return app_args(**{"demo": True, **overrides})


@pytest.fixture
def make_app(qtbot: QtBot) -> Iterator[object]:
    apps: list[Application] = []

    def make(args: argparse.Namespace) -> Application:
        application = Application(args)
        apps.append(application)
        return application

    yield make
    for application in apps:
        application.presenter.close_all()
        application.shutdown()
        if application.window is not None:
            application.window.close()


def window_label(application: Application, name: str) -> QLabel:
    assert application.window is not None
    label = application.window.findChild(QLabel, name)
    assert label is not None, name
    return label


def table(application: Application, name: str) -> QTableWidget:
    assert application.window is not None
    widget = application.window.findChild(QTableWidget, name)
    assert widget is not None, name
    return widget


def test_demo_fills_every_panel_and_shows_the_skew(qtbot: QtBot, make_app) -> None:  # type: ignore[no-untyped-def]
    application = make_app(demo_args(demo_offset=-42.4, demo_latency=0.1))
    application.start()
    balances = table(application, "balancesTable")
    configuration = table(application, "configurationTable")
    qtbot.waitUntil(lambda: balances.rowCount() >= 7, timeout=15_000)
    qtbot.waitUntil(lambda: configuration.rowCount() >= 3, timeout=5_000)
    offset = window_label(application, "clockOffsetLabel")
    qtbot.waitUntil(lambda: "±" in offset.text(), timeout=10_000)
    shown, _, bound = offset.text().replace("−", "-").partition("±")
    # The label's own interval must hold the truth (a flooring emulator, loopback timing).
    assert abs(float(shown.split()[0]) - (-42.4)) <= float(bound.split()[0]) + 0.002
    cells = {balances.item(r, 2).text() for r in range(balances.rowCount()) if balances.item(r, 2)}
    assert "22.99 EUR" in cells
    assert "15,000 JPY" in cells
    assert application.presenter.open_dialogs() == []


def test_a_repeating_api_error_opens_one_dialog_with_a_counter(qtbot: QtBot, make_app) -> None:  # type: ignore[no-untyped-def]
    application = make_app(demo_args(interval=1.0))
    application.start()
    assert application.sandbox is not None
    application.sandbox.faults.add("forbidden", path="/wallet/20002/balance", times=None)
    assert application.poller is not None
    qtbot.waitUntil(lambda: len(application.presenter.open_dialogs()) == 1, timeout=15_000)
    sandbox = application.sandbox
    for _ in range(3):
        asked = len(sandbox.requests_to("/wallet/20002/balance"))
        application.poller.refresh()
        qtbot.waitUntil(
            lambda asked=asked: len(sandbox.requests_to("/wallet/20002/balance")) > asked,
            timeout=5_000,
        )
    qtbot.waitUntil(lambda: application.presenter.open_dialogs()[0].repeat_count >= 4)
    dialogs = application.presenter.open_dialogs()
    assert len(dialogs) == 1
    dialog: ErrorDialog = dialogs[0]
    assert dialog.objectName() == "errorDialog"
    assert dialog.repeat_count >= 4
    link = dialog.findChild(QLabel, "errorLinkLabel")
    assert link is not None
    assert 'href="https://developers.paysera.com/en/wallet/"' in link.text()
    assert dialog.findChild(QLabel, "errorCodeLabel").text() == "forbidden"  # type: ignore[union-attr]


def test_closing_with_requests_in_flight_is_prompt(qtbot: QtBot, make_app) -> None:  # type: ignore[no-untyped-def]
    application = make_app(demo_args(demo_latency=3.0))
    application.start()
    assert application.poller is not None
    qtbot.waitUntil(lambda: application.poller.running, timeout=5_000)
    assert application.sandbox is not None
    # The emulator records a request halfway through its 3 s round trip: in flight.
    qtbot.waitUntil(lambda: bool(application.sandbox.records), timeout=5_000)
    started = time.monotonic()
    assert application.window is not None
    application.window.close()
    assert time.monotonic() - started < 1.0
    assert not application.poller.running


@pytest.mark.keyring
@pytest.mark.usefixtures("secret_service")
def test_saving_a_profile_puts_the_key_in_the_keyring_and_nowhere_else(
    qtbot: QtBot,
    make_app,  # type: ignore[no-untyped-def]
) -> None:
    with Sandbox() as server:
        key = server.clients[DEMO_CLIENT_ID]
        application = make_app(demo_args(demo=False))
        profile = ConnectionSettings(
            profile="e2e-shop",
            base_url=server.url,
            client_id=DEMO_CLIENT_ID,
            wallet_ids=("14471",),
            interval=30.0,
        )
        application.save_and_connect(profile, key)
        balances = table(application, "balancesTable")
        qtbot.waitUntil(lambda: balances.rowCount() >= 2, timeout=15_000)
        store = CredentialStore()
        try:
            assert store.get(profile.keyring_user) == key
            assert ProfileStore().load("e2e-shop") == profile
            assert ProfileStore().last_used == "e2e-shop"
            assert key not in settings_path().read_text()
            # Renaming moves the keyring entry along with the profile.
            renamed = replace(profile, profile="e2e-renamed")
            application.save_and_connect(renamed, None, previous="e2e-shop")
            assert store.get(renamed.keyring_user) == key
            assert store.get(profile.keyring_user) is None
            application.delete_profile("e2e-renamed")
            assert store.get(renamed.keyring_user) is None
            assert ProfileStore().names() == []
        finally:
            store.delete(profile.keyring_user)
            store.delete("profile:e2e-renamed")
        home = Path(os.environ["HOME"])
        assert not [p for p in home.rglob("*") if p.is_file() and key.encode() in p.read_bytes()]
