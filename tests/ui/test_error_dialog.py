"""The error window shows server text safely: plain, bounded, only http(s) links clickable.

When it opens and what it lists is tested in ``test_error_window.py``.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from wallet_gui.api.errors import ApiError, TransportError
from wallet_gui.core.error_gate import Problem
from wallet_gui.core.reports import ErrorReport
from wallet_gui.ui.error_dialog import ErrorDialog

HELP_URL = "https://developers.paysera.com/en/wallet/errors#unauthorized"
PAYLOAD = '<a href="https://evil">x</a><script>alert(1)</script>'


UNAUTHORIZED = ErrorReport(
    context="Balance of wallet 14471",
    kind="api",
    message="unauthorized (HTTP 401)",
    code="unauthorized",
    description="The MAC signature does not match.",
    status=401,
    correlation_id="7f3c2a9e-55b1-4b0e-9d3a-0c7a9b1e2f44",
    uri=HELP_URL,
)


def api_report(**changes: Any) -> ErrorReport:
    return replace(UNAUTHORIZED, **changes)


def transport_report(message: str = "connection refused by wallet.paysera.com") -> ErrorReport:
    return ErrorReport.from_exception(TransportError(message), "Server time")


def show_dialog(
    qtbot: QtBot, report: ErrorReport, first_seen: datetime | None = None
) -> ErrorDialog:
    dialog = ErrorDialog(report, first_seen=first_seen)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def label(dialog: QWidget, name: str) -> QLabel:
    found = dialog.findChild(QLabel, name)
    assert found is not None, name
    return found


def visible_texts(dialog: QWidget) -> list[str]:
    return [w.text() for w in dialog.findChildren(QLabel) if w.isVisibleTo(dialog)]


def counted(report: ErrorReport, count: int, first_seen: datetime) -> Problem:
    """``report``'s problem, seen ``count`` times since ``first_seen``."""
    return replace(Problem.single(report, first_seen), count=count)


# -- the dialog ---------------------------------------------------------------------------


def test_api_error_shows_every_field_and_a_clickable_https_link(qtbot: QtBot) -> None:
    dialog = show_dialog(qtbot, api_report())

    assert dialog.objectName() == "errorDialog"
    assert not dialog.isModal()
    assert "While: Balance of wallet 14471" in visible_texts(dialog)
    assert label(dialog, "errorCodeLabel").text() == "unauthorized"
    assert label(dialog, "errorDescriptionLabel").text() == "The MAC signature does not match."
    assert label(dialog, "errorStatusLabel").text() == "401 Unauthorized"
    assert label(dialog, "errorCorrelationLabel").text() == "7f3c2a9e-55b1-4b0e-9d3a-0c7a9b1e2f44"
    link = label(dialog, "errorLinkLabel")
    assert link.isVisibleTo(dialog)
    assert '<a href="https://developers.paysera.com/' in link.text()
    assert link.openExternalLinks()
    assert link.textFormat() == Qt.TextFormat.RichText


@pytest.mark.parametrize(
    "uri",
    [
        "javascript:alert(document.cookie)",
        "file:///etc/passwd",
        "ftp://files.example.com/help.txt",
        'javascript:"<a href=https://evil>x</a>"',
    ],
)
def test_a_non_web_uri_is_shown_as_plain_text_never_as_a_link(qtbot: QtBot, uri: str) -> None:
    dialog = show_dialog(qtbot, api_report(uri=uri))

    link = label(dialog, "errorLinkLabel")
    assert link.isVisibleTo(dialog)
    assert link.textFormat() == Qt.TextFormat.PlainText
    assert not link.openExternalLinks()
    assert link.text().replace("\u200b", "") == uri
    assert all("<a" not in w.text() for w in dialog.findChildren(QLabel) if w is not link)


def test_markup_in_a_description_is_shown_literally_and_is_not_clickable(qtbot: QtBot) -> None:
    dialog = show_dialog(qtbot, api_report(description=PAYLOAD, uri=None))

    description = label(dialog, "errorDescriptionLabel")
    assert description.textFormat() == Qt.TextFormat.PlainText
    assert description.text().replace("\u200b", "") == PAYLOAD
    assert not description.openExternalLinks()
    # The only label allowed to hold rich text is the link label, hidden here without a uri.
    rich = [w for w in dialog.findChildren(QLabel) if w.textFormat() != Qt.TextFormat.PlainText]
    assert all(not w.isVisibleTo(dialog) or "evil" not in w.text() for w in rich)
    assert not label(dialog, "errorLinkLabel").isVisibleTo(dialog)


def test_server_markup_in_context_and_code_is_plain_text_too(qtbot: QtBot) -> None:
    dialog = show_dialog(qtbot, api_report(code=PAYLOAD, context=PAYLOAD, uri=None))

    for widget in dialog.findChildren(QLabel):
        if widget.isVisibleTo(dialog) and "evil" in widget.text():
            assert widget.textFormat() == Qt.TextFormat.PlainText
            assert not widget.openExternalLinks()


def test_transport_error_shows_its_message_and_no_empty_rows(qtbot: QtBot) -> None:
    dialog = show_dialog(qtbot, transport_report())

    texts = visible_texts(dialog)
    assert "connection refused by wallet.paysera.com" in texts
    assert "The Wallet API could not be reached" in texts
    for caption in ("Error code:", "HTTP status:", "Description:", "Correlation id:"):
        assert caption not in texts
    for name in ("errorCodeLabel", "errorStatusLabel", "errorCorrelationLabel", "errorLinkLabel"):
        assert not label(dialog, name).isVisibleTo(dialog)


def test_api_error_without_correlation_id_hides_that_row(qtbot: QtBot) -> None:
    dialog = show_dialog(qtbot, api_report(correlation_id=None))

    assert not label(dialog, "errorCorrelationLabel").isVisibleTo(dialog)
    assert "Correlation id:" not in visible_texts(dialog)


def test_long_description_wraps_instead_of_widening_the_dialog(qtbot: QtBot) -> None:
    long_text = "The request was refused by the server. " * 40 + "X" * 400
    dialog = show_dialog(qtbot, api_report(description=long_text))

    assert dialog.width() <= dialog.maximumWidth() <= 800
    description = label(dialog, "errorDescriptionLabel")
    assert description.wordWrap()
    # Every wrapped line is visible: the label got the height its width needs.
    assert description.height() >= description.heightForWidth(description.width())


def test_repeat_counter_is_hidden_for_one_and_counts_from_the_first_time(qtbot: QtBot) -> None:
    first = datetime(2024, 5, 1, 12, 0, 3).astimezone()
    dialog = show_dialog(qtbot, api_report(), first_seen=first)
    repeat = label(dialog, "errorRepeatLabel")
    assert not repeat.isVisibleTo(dialog)

    dialog.set_problems([counted(api_report(), 7, first)])

    assert repeat.isVisibleTo(dialog)
    assert repeat.text() == "Happened 7 times since 12:00:03"


def test_copy_details_puts_the_report_and_count_on_the_clipboard_without_secrets(
    qtbot: QtBot,
) -> None:
    error = ApiError(
        status=401,
        error="unauthorized",
        description="Signature mismatch",
        correlation_id="abc-123",
        uri=HELP_URL,
    )
    report = ErrorReport.from_exception(error, "Balance of wallet 14471")
    dialog = show_dialog(qtbot, report)
    dialog.set_problems([counted(report, 3, datetime.now().astimezone())])
    QGuiApplication.clipboard().clear()

    qtbot.mouseClick(dialog.findChild(QWidget, "copyDetailsButton"), Qt.MouseButton.LeftButton)

    copied = QGuiApplication.clipboard().text()
    assert copied.startswith(report.details())
    assert "Correlation id: abc-123" in copied
    assert "Happened 3 times since" in copied
    for secret_marker in ("Authorization", "mac id=", "ext="):
        assert secret_marker not in copied


def test_close_button_closes_the_dialog(qtbot: QtBot) -> None:
    dialog = show_dialog(qtbot, transport_report())

    with qtbot.waitSignal(dialog.finished, timeout=1000):
        qtbot.mouseClick(dialog.findChild(QWidget, "closeButton"), Qt.MouseButton.LeftButton)

    assert not dialog.isVisible()
