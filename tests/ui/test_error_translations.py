"""The API's and the core's error messages in the window's language, English everywhere else.

Errors come from the real client against the emulator on 127.0.0.1 (a slow answer, an answer
that is not JSON, a redirect elsewhere) or from the real stores (a settings file that is a
folder); the window is shown in Russian or Lithuanian with the compiled catalogues. ``str()``
of each error, the report's ``message`` and "Copy details" keep the English.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from tests.api.test_errors import free_port
from tests.hostile.test_window_text import show_dialog
from tests.ui.fakes import NOW, FakePoller
from tests.ui.test_translations import script
from wallet_gui.api import ApiError, MacAuth, ResponseFormatError, TransportError, WalletClient
from wallet_gui.api.errors import WalletError
from wallet_gui.core.error_gate import Problem
from wallet_gui.core.history.errors import HistoryError
from wallet_gui.core.poll_policy import PollPolicy
from wallet_gui.core.profiles import ProfileStore, settings_path
from wallet_gui.core.reports import ErrorReport
from wallet_gui.core.state import PollState, PollStatus
from wallet_gui.sandbox import DEMO_CLIENT_ID, Sandbox
from wallet_gui.ui.core_texts import report_description, report_message
from wallet_gui.ui.formatting import format_duration, format_offset, format_ppm
from wallet_gui.ui.main_window import MainWindow
from wallet_gui.ui.status_line import status_summary

_FIELD = re.compile(r"\{(\d+)\}")


def _failure(sandbox: Sandbox, fault: str, **params: object) -> WalletError:
    """The error the real client raises for a balance read while ``fault`` is active."""
    sandbox.faults.add(fault, **params)
    auth = MacAuth(DEMO_CLIENT_ID, sandbox.clients[DEMO_CLIENT_ID])
    # A short wait for the answer, a long deadline: the read timeout is what fires.
    with (
        WalletClient(sandbox.url, auth, timeout=0.5, deadline=5.0) as api,
        pytest.raises(WalletError) as caught,
    ):
        api.wallet_balance(14471)
    return caught.value


def _labels(widget: QWidget) -> dict[str, str]:
    """Each label's text by its object name, without the display-only soft breaks."""
    return {
        label.objectName(): label.text().replace("\u200b", "")
        for label in widget.findChildren(QLabel)
    }


def test_a_timeout_from_the_real_client_is_said_in_russian_by_the_window(
    qtbot: QtBot, sandbox: Sandbox, speak: Any
) -> None:
    error = _failure(sandbox, "slow", seconds=3)
    where = f"127.0.0.1:{urlsplit(sandbox.url).port}"
    assert isinstance(error, TransportError)
    assert error.kind == "timeout"
    assert str(error) == f"{where} did not answer within 0.5 s"  # the English of always

    speak("ru")
    report = ErrorReport.from_exception(error, "Balance of wallet 14471")
    russian = f"{where} не ответил за 0.5 с"
    assert report.message == str(error)
    assert report_message(report) == russian

    dialog = show_dialog(qtbot, report)
    labels = _labels(dialog)
    assert labels["errorTitleLabel"] == "Не удалось связаться с Wallet API"
    assert labels["errorMessageLabel"] == russian
    assert f"Message: {where} did not answer within 0.5 s" in dialog.details()  # for support

    dialog.set_problems([Problem.single(report, None)])
    cell = dialog.problem_list.item(0, 0)
    assert cell is not None
    assert cell.text() == f"Баланс кошелька 14471: {russian}"

    # The poll status carries the report its English message repeats: said in Russian.
    failing = PollStatus(PollState.FAILING, report.message, report=report)
    assert russian in status_summary(failing)[0]
    assert str(error) in status_summary(PollStatus(PollState.FAILING, report.message))[0]


def test_the_window_says_a_failing_connection_in_russian_in_its_status_bar_and_problems(
    qtbot: QtBot, speak: Any
) -> None:
    port = free_port()
    with (
        WalletClient(f"http://127.0.0.1:{port}/rest/v1") as api,
        pytest.raises(WalletError) as caught,
    ):
        api.server_time()
    english = f"connection to 127.0.0.1:{port} refused"
    assert str(caught.value) == english
    speak("ru")
    poller = FakePoller()
    reported: list[ErrorReport] = []
    window = MainWindow(
        poller, error_sink=reported.append, title_suffix="t", wall_clock=lambda: NOW
    )
    qtbot.addWidget(window)
    # What the worker does: the report, then the policy's status that repeats its message.
    report = ErrorReport.from_exception(caught.value, "Clock measurement (GET /server)")
    poller.errorOccurred.emit(report)
    status = PollPolicy(["14471"], 30.0).failed(report)
    assert status is not None
    assert status.message == english
    poller.statusChanged.emit(status)
    state = window.findChild(QLabel, "connectionStateLabel")
    assert state is not None
    assert state.text().endswith(f"в подключении к 127.0.0.1:{port} отказано")
    assert reported[0].message == english  # the sink, the log and the history keep English
    window.close()


def test_an_answer_that_is_not_json_is_said_in_russian_and_stays_english_in_the_error(
    qtbot: QtBot, sandbox: Sandbox, speak: Any
) -> None:
    error = _failure(sandbox, "invalid_json")
    assert isinstance(error, ResponseFormatError)
    assert str(error) == "127.0.0.1 sent an answer that is not JSON (application/json)"

    speak("ru")
    report = ErrorReport.from_exception(error, "Balances")
    dialog = show_dialog(qtbot, report)
    assert _labels(dialog)["errorMessageLabel"] == (
        "127.0.0.1 прислал ответ не в формате JSON (application/json)"
    )
    assert str(error) == "127.0.0.1 sent an answer that is not JSON (application/json)"


def test_our_own_phrases_inside_a_message_are_translated_with_it(
    sandbox: Sandbox, speak: Any
) -> None:
    error = _failure(sandbox, "redirect_other_host")
    assert "redirected a signed request to another origin (" in str(error)
    speak("lt")
    shown = report_message(ErrorReport.from_exception(error, "Balances"))
    assert "nukreipė pasirašytą užklausą į kitą kilmę (" in shown
    assert "another origin" not in shown


def test_a_proxy_page_is_described_in_the_window_s_language(
    qtbot: QtBot, sandbox: Sandbox, speak: Any
) -> None:
    error = _failure(sandbox, "empty_503")
    assert isinstance(error, ApiError)
    english = error.description
    assert english is not None
    assert english.startswith("127.0.0.1 answered 503 ")
    speak("ru")
    report = ErrorReport.from_exception(error, "Balances")
    assert report_description(report) == english.replace("answered", "ответил").replace(
        "with an empty body", "с пустым телом"
    )
    labels = _labels(show_dialog(qtbot, report))
    assert labels["errorDescriptionLabel"] == report_description(report)
    assert report.description == english  # "Copy details" and check keep the English


def test_a_settings_file_that_cannot_be_read_is_said_in_lithuanian(speak: Any) -> None:
    path = settings_path()
    (path / "inside").mkdir(parents=True)
    with pytest.raises(WalletError) as caught:
        ProfileStore().names()
    english = f"cannot read profiles from {path}: it is a folder, not a file"
    assert str(caught.value) == english
    speak("lt")
    report = ErrorReport.from_exception(caught.value, "The profiles file could not be read")
    assert report_message(report) == (
        f"nepavyko perskaityti profilių iš {path}: it is a folder, not a file"
    )


def test_a_history_error_keeps_the_path_and_the_reason_as_they_are(
    tmp_path: Path, speak: Any
) -> None:
    error = HistoryError("open", tmp_path / "history.sqlite3", "disk I/O error")
    speak("ru")
    shown = report_message(ErrorReport.from_exception(error, "History database"))
    assert (
        shown
        == f"не удалось открыть базу данных истории {tmp_path}/history.sqlite3: disk I/O error"
    )
    assert str(error).startswith("cannot open the history ")


def test_a_message_without_a_template_is_shown_exactly_as_it_came(speak: Any) -> None:
    speak("ru")
    # Server text that happens to read like one of our marked texts is never translated.
    api = ApiError(status=400, error="invalid_request", description="handshake failed")
    report = ErrorReport.from_exception(api, "Balances")
    assert report.template is None
    assert report_message(report) == "invalid_request (HTTP 400): handshake failed"
    assert report_description(report) == "handshake failed"
    plain = ErrorReport(context="Balances", kind="transport", message="connection to {0} refused")
    assert report_message(plain) == "connection to {0} refused"
    assert report_description(plain) is None
    bug = ErrorReport.from_exception(KeyError("x"), "The app itself")
    assert report_message(bug) == "internal error (KeyError)"


@pytest.mark.parametrize("language", ["lt", "ru"])
def test_every_error_template_fills_in_every_part_in_each_language(
    language: str, speak: Any
) -> None:
    """``--check`` compares placeholders as text; here each translation really formats, with
    every part of the English in it, through the compiled catalogue the window loads."""
    messages = [
        m for m in script.read_messages(script.ts_path(language)) if m.context == "WalletError"
    ]
    assert len(messages) > 60
    speak(language)
    for message in messages:
        count = len(set(_FIELD.findall(message.source)))
        parts = [f"⟨{index}⟩" for index in range(count)]
        translated = QCoreApplication.translate("WalletError", message.source)
        assert translated != message.source, message.source
        shown = translated.format(*parts)
        assert all(part in shown for part in parts), (message.source, shown)


def test_units_follow_the_language(speak: Any) -> None:
    assert format_duration(0.0123) == "12.3 ms"
    assert format_offset(-1.5, 0.012) == "−1.500 s ± 0.012 s"
    speak("ru")
    assert format_duration(0.0123) == "12,3 мс"
    assert format_duration(2.5) == "2,500 с"
    assert format_offset(-1.5, 0.012) == "−1,500 с ± 0,012 с"
    assert format_ppm(3.5, 0.5) == "+3,5 ppm ± 0,5 ppm"
    speak("lt")
    assert format_duration(0.0123) == "12,3 ms"
