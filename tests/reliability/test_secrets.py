"""The MAC key never leaves the keyring and memory: not in output, logs, files or the clipboard.

``check --verbose`` runs as a real process and the app runs in-process with debug logging,
both through the error catalogue; then every file under HOME, all output, every log line
(before and after the redaction filter) and the "Copy details" clipboard text are scanned for
the key and for any 12-character piece of it. Without a keyring backend nothing falls back
to a file.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from tests.helpers import app_args, each_wallet, process_env
from tests.reliability.helpers import files_with_key, leaked_fragments
from wallet_gui.app import Application
from wallet_gui.commands.check_verdict import PluginState
from wallet_gui.core.connection import ConnectionSettings
from wallet_gui.core.credentials import CredentialStore
from wallet_gui.core.reports import ErrorReport
from wallet_gui.core.state import WalletBalances
from wallet_gui.sandbox import DEMO_CLIENT_ID, Sandbox
from wallet_gui.ui.error_presenter import ErrorPresenter

#: Faults on balance paths, one wallet each: refusals that echo auth, proxies, broken bodies.
WALLET_FAULTS = (
    "unauthorized",
    "invalid_timestamp",
    "html_502",
    "forbidden_bad_link",
    "invalid_json",
    "wrong_types",
    "redirect_other_host",
    "redirect_same_origin",
    "reset",
    "huge_body",
    "not_acceptable",
    "rate_limit_exceeded",
)
#: Markers of a signed request's ``Authorization`` header.
AUTH_MARKERS = ('mac="', "MAC id=", 'id="demo-client"', "Authorization: MAC")


def plant_faults(sandbox: Sandbox) -> list[str]:
    """One wallet per fault (every request to it faults), plus one-shot unsigned faults."""
    wallet_ids = [str(w) for w in sandbox.add_wallets(len(WALLET_FAULTS))]
    for fault, wallet_id in zip(WALLET_FAULTS, wallet_ids, strict=True):
        sandbox.faults.add(fault, path=f"/wallet/{wallet_id}/balance", times=None)
    sandbox.faults.add("forbidden_bad_link", path="/configuration", times=1)
    return wallet_ids


def assert_no_auth_markers(text: str) -> None:
    found = [marker for marker in AUTH_MARKERS if marker in text]
    assert found == [], found


# -- (a) check --verbose as a process ------------------------------------------------------------


def test_check_verbose_through_the_error_catalogue_never_prints_or_writes_the_key(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    key = sandbox.clients[DEMO_CLIENT_ID]
    wallet_ids = plant_faults(sandbox)
    home = tmp_path / "home"
    home.mkdir()
    env = process_env(home, WALLET_GUI_MAC_KEY=key, PYTHONDONTWRITEBYTECODE="1")
    base = [sys.executable, "-m", "wallet_gui", "check", "--base-url", sandbox.url]
    base += ["--client-id", DEMO_CLIENT_ID, "-vv"]
    for wallet_id in [*wallet_ids, "14471"]:
        base += ["--wallet", wallet_id]
    # Text and JSON at once: the faults are planned for every request, so both meet all.
    runs = [
        subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for argv in (base, [*base, "--json"])
    ]
    results = []
    for process in runs:
        out, err = process.communicate(timeout=60)
        results.append((process.returncode, out, err))

    for status, out, err in results:
        assert status == PluginState.CRITICAL, err
        assert " DEBUG " in err  # -vv really logged (urllib3 and ours)
        assert "Traceback" not in out + err
        assert leaked_fragments(out + err, key) == []
        assert_no_auth_markers(out + err)
    report = json.loads(results[1][1])
    failed = {e["context"] for e in report["errors"]}
    assert {f"Balance of wallet {w}" for w in wallet_ids} <= failed
    assert files_with_key(home, key) == []
    assert files_with_key(tmp_path, key) == []


# -- (b) the app in-process ---------------------------------------------------------------------


class RawLog(logging.Handler):
    """Every record of the app and its libraries as formatted *before* the redaction filter.

    Handlers on these loggers run before the root logger's, where the filter sits; so this
    sees what the code itself logged, not what the safety net left of it.
    """

    LOGGERS = ("wallet_gui", "urllib3", "requests", "keyring", "PySide6")

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@pytest.fixture
def raw_log() -> Iterator[RawLog]:
    handler = RawLog()
    for name in RawLog.LOGGERS:
        logging.getLogger(name).addHandler(handler)
    yield handler
    for name in RawLog.LOGGERS:
        logging.getLogger(name).removeHandler(handler)


@pytest.fixture
def applications(qtbot: QtBot) -> Iterator[list[Application]]:
    started: list[Application] = []
    yield started
    for application in started:
        application.presenter.close_all()
        if application.window is not None:
            application.window.close()
        application.shutdown()


def drive_through_faults(
    qtbot: QtBot, application: Application, wallet_ids: list[str]
) -> list[WalletBalances]:
    """Wait until the first poll has met every planned fault; return what the window got."""
    assert application.poller is not None
    seen: list[WalletBalances] = []
    application.poller.roundFinished.connect(each_wallet(seen.append))
    qtbot.waitUntil(lambda: {w.wallet_id for w in seen} >= set(wallet_ids), timeout=20_000)
    qtbot.waitUntil(
        lambda: any("Configuration" in r.context for r in application.presenter.reports),
        timeout=10_000,
    )
    return seen


def copy_details_of(qtbot: QtBot, reports: list[ErrorReport]) -> list[str]:
    """List the reports in the real error window, "Copy details" of each, read the clipboard."""
    presenter = ErrorPresenter(None, show_dialogs=True)
    copied: list[str] = []
    try:
        for report in reports:
            presenter.present(report)
        presenter.show_window()
        (dialog,) = presenter.open_dialogs()  # one window for every problem
        problems = dialog.problems()
        assert len(problems) == len({r.key for r in reports})
        button = dialog.findChild(QPushButton, "copyDetailsButton")
        assert button is not None
        for problem in problems:
            dialog.select(problem.key)
            QGuiApplication.clipboard().clear()
            button.click()
            qtbot.waitUntil(lambda: bool(QGuiApplication.clipboard().text()), timeout=2_000)
            copied.append(QGuiApplication.clipboard().text())
    finally:
        presenter.close_all()
    return copied


def scan_everything(
    key: str,
    *,
    application: Application,
    copied: list[str],
    caplog: pytest.LogCaptureFixture,
    raw_log: RawLog,
    capfd: pytest.CaptureFixture[str],
) -> None:
    application.presenter.close_all()
    if application.window is not None:
        application.window.close()
    application.shutdown()
    captured = capfd.readouterr()
    reports = "\n".join(r.details() for r in application.presenter.reports)
    sources = {
        "log (after redaction)": caplog.text,
        "log (before redaction)": raw_log.text,
        "stdout+stderr": captured.out + captured.err,
        "clipboard": "\n".join(copied),
        "error reports": reports,
    }
    assert caplog.text.count("DEBUG") > 10  # debug logging really was on
    assert copied
    assert all(text.count("While: ") == 1 for text in copied)
    for name, text in sources.items():
        assert leaked_fragments(text, key) == [], name
        assert "Traceback" not in text, name
        assert_no_auth_markers(text)
    home = Path(os.environ["HOME"])
    assert any(p.is_file() for p in home.rglob("*"))  # the app did write its settings
    assert files_with_key(home, key) == []


@pytest.fixture
def debug_app_env(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setenv("WALLET_GUI_NO_DIALOGS", "1")
    caplog.set_level(logging.DEBUG)


@pytest.mark.usefixtures("debug_app_env")
def test_app_with_debug_logging_through_the_catalogue_leaks_the_key_nowhere(
    qtbot: QtBot,
    sandbox: Sandbox,
    applications: list[Application],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    raw_log: RawLog,
    capfd: pytest.CaptureFixture[str],
) -> None:
    key = sandbox.clients[DEMO_CLIENT_ID]
    monkeypatch.setenv("WALLET_GUI_MAC_KEY", key)
    wallet_ids = plant_faults(sandbox)
    sandbox.faults.add("invalid_json", path="/server", times=None)  # every probe: a clock report
    application = Application(
        app_args(base_url=sandbox.url, client_id=DEMO_CLIENT_ID, wallets=[*wallet_ids, "14471"])
    )
    applications.append(application)
    application.start()
    seen = drive_through_faults(qtbot, application, wallet_ids)
    failed = {w.wallet_id for w in seen if w.error is not None}
    assert failed == set(wallet_ids)
    assert any(r.context.startswith("Clock") for r in application.presenter.reports)
    copied = copy_details_of(qtbot, application.presenter.reports)
    scan_everything(
        key, application=application, copied=copied, caplog=caplog, raw_log=raw_log, capfd=capfd
    )


@pytest.mark.keyring
@pytest.mark.usefixtures("secret_service", "debug_app_env")
def test_saving_a_profile_and_running_through_faults_keeps_the_key_in_the_keyring_only(
    qtbot: QtBot,
    sandbox: Sandbox,
    applications: list[Application],
    caplog: pytest.LogCaptureFixture,
    raw_log: RawLog,
    capfd: pytest.CaptureFixture[str],
) -> None:
    key = sandbox.clients[DEMO_CLIENT_ID]
    wallet_ids = plant_faults(sandbox)
    profile = ConnectionSettings(
        profile=f"secrets-{secrets.token_hex(4)}",
        base_url=sandbox.url,
        client_id=DEMO_CLIENT_ID,
        wallet_ids=(*wallet_ids, "14471"),
        interval=30.0,
    )
    store = CredentialStore()
    application = Application(app_args())
    applications.append(application)
    try:
        application.save_and_connect(profile, key)
        assert store.get(profile.keyring_user) == key
        seen = drive_through_faults(qtbot, application, wallet_ids)
        assert any(w.wallet_id == "14471" and w.balances is not None for w in seen)
        copied = copy_details_of(qtbot, application.presenter.reports)
        scan_everything(
            key,
            application=application,
            copied=copied,
            caplog=caplog,
            raw_log=raw_log,
            capfd=capfd,
        )
    finally:
        store.delete(profile.keyring_user)


# -- (c) no keyring backend ---------------------------------------------------------------------


def test_check_without_a_keyring_names_it_exits_2_and_writes_no_file(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = process_env(
        home, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring", PYTHONDONTWRITEBYTECODE="1"
    )
    result = subprocess.run(
        [
            *(sys.executable, "-m", "wallet_gui", "check", "--base-url", sandbox.url),
            *("--client-id", "X", "--wallet", "14471"),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == PluginState.UNKNOWN
    assert result.stdout.startswith("WALLET_API UNKNOWN - cannot read the secret")
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert "keyring" in lines[0]
    assert "fail.Keyring" in lines[0]
    assert "Traceback" not in result.stderr
    assert [p for p in home.rglob("*") if p.is_file()] == []  # no fallback file of any kind
    assert sandbox.requests_to("/balance") == []  # nothing was sent unsigned either


@pytest.mark.usefixtures("debug_app_env")
def test_app_without_a_keyring_uses_the_key_for_the_session_only(
    qtbot: QtBot,
    sandbox: Sandbox,
    applications: list[Application],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(keyring.core, "_keyring_backend", keyring.backends.fail.Keyring())
    key = sandbox.clients[DEMO_CLIENT_ID]
    profile = ConnectionSettings(
        profile="no-keyring",
        base_url=sandbox.url,
        client_id=DEMO_CLIENT_ID,
        wallet_ids=("14471",),
        interval=30.0,
    )
    application = Application(app_args())
    applications.append(application)
    application.save_and_connect(profile, key)
    warnings = [r for r in application.presenter.reports if r.kind == "credentials"]
    assert len(warnings) == 1
    assert "keyring is not available" in warnings[0].message
    assert "fail.Keyring" not in warnings[0].message  # a class path is for the log only
    assert "this session only" in warnings[0].message
    assert application.poller is not None
    seen: list[WalletBalances] = []
    application.poller.roundFinished.connect(each_wallet(seen.append))
    qtbot.waitUntil(lambda: any(w.balances is not None for w in seen), timeout=15_000)
    application.window.close()  # type: ignore[union-attr]
    application.shutdown()

    home = Path(os.environ["HOME"])
    assert files_with_key(home, key) == []
    assert leaked_fragments(caplog.text, key) == []
    signed_before = [r for r in sandbox.records if r.client_id is not None]
    assert signed_before  # the key did work for the session
    # Opened again (a restart), the profile has no key anywhere: signed requests cannot go.
    again = Application(app_args(profile="no-keyring"))
    applications.append(again)
    again.start()
    # No key to poll with: the Connect dialog asks for it for this session, and nothing
    # signed is sent meanwhile.
    assert again.poller is None
    assert again.flows.dialog is not None
    assert [r for r in sandbox.records if r.client_id is not None] == signed_before
