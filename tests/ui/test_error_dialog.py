"""Error dialogs show server text safely, and the presenter keeps repeats down to one window."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from wallet_gui.api.errors import ApiError, TransportError
from wallet_gui.reports import ErrorReport
from wallet_gui.ui.error_dialog import ErrorDialog, ErrorPresenter

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


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


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

    dialog.set_repeat_count(7)

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
    dialog.set_repeat_count(3)
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


# -- the presenter ------------------------------------------------------------------------


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_fifty_identical_reports_open_exactly_one_dialog_counting_fifty(
    qtbot: QtBot, window: QWidget
) -> None:
    presenter = ErrorPresenter(window)

    for _ in range(50):
        presenter.present(api_report())

    dialogs = presenter.open_dialogs()
    assert len(dialogs) == 1
    assert dialogs[0].isVisible()
    assert "Happened 50 times since" in label(dialogs[0], "errorRepeatLabel").text()
    assert window.findChildren(ErrorDialog) == dialogs


def test_a_repeat_shows_the_latest_report_of_that_failure(qtbot: QtBot, window: QWidget) -> None:
    presenter = ErrorPresenter(window)

    presenter.present(api_report(description="first wording"))
    presenter.present(api_report(description="second wording"))

    (dialog,) = presenter.open_dialogs()
    assert label(dialog, "errorDescriptionLabel").text() == "second wording"


def test_two_distinct_failures_open_two_dialogs(qtbot: QtBot, window: QWidget) -> None:
    presenter = ErrorPresenter(window)

    presenter.present(api_report())
    presenter.present(transport_report())
    presenter.present(api_report())

    assert len(presenter.open_dialogs()) == 2


def test_report_shown_is_emitted_when_a_dialog_opens(qtbot: QtBot, window: QWidget) -> None:
    presenter = ErrorPresenter(window)
    report = api_report()

    with qtbot.waitSignal(presenter.reportShown, timeout=1000) as shown:
        presenter.present(report)
    assert shown.args == [report]

    with qtbot.assertNotEmitted(presenter.reportShown):
        presenter.present(report)


def test_a_closed_failure_stays_quiet_until_reopen_after_then_counts_the_quiet_repeats(
    qtbot: QtBot, window: QWidget
) -> None:
    clock = FakeClock()
    presenter = ErrorPresenter(window, reopen_after=300, clock=clock)
    presenter.present(transport_report())
    presenter.open_dialogs()[0].close()
    assert presenter.open_dialogs() == []

    clock.now += 120
    presenter.present(transport_report())
    clock.now += 120
    presenter.present(transport_report())
    assert presenter.open_dialogs() == []

    clock.now += 61  # 301 s after the close
    presenter.present(transport_report())

    (dialog,) = presenter.open_dialogs()
    assert "Happened 3 times since" in label(dialog, "errorRepeatLabel").text()


def test_close_all_closes_every_dialog_and_starts_afresh(qtbot: QtBot, window: QWidget) -> None:
    presenter = ErrorPresenter(window, clock=FakeClock())
    presenter.present(api_report())
    presenter.present(transport_report())

    presenter.close_all()
    assert presenter.open_dialogs() == []

    presenter.present(api_report())
    assert len(presenter.open_dialogs()) == 1


def test_dialogs_destroyed_with_their_window_are_forgotten(qtbot: QtBot) -> None:
    window = QWidget()
    presenter = ErrorPresenter(None)
    presenter.present(api_report())
    (dialog,) = presenter.open_dialogs()
    dialog.setParent(window, dialog.windowFlags())

    window.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(window), timeout=1000)

    assert presenter.open_dialogs() == []


def test_headless_presenter_records_and_dedupes_but_shows_nothing(
    qtbot: QtBot, window: QWidget
) -> None:
    clock = FakeClock()
    presenter = ErrorPresenter(window, show_dialogs=False, clock=clock)

    with qtbot.assertNotEmitted(presenter.reportShown):
        for _ in range(5):
            presenter.present(api_report())
        presenter.present(transport_report())

    assert presenter.open_dialogs() == []
    assert window.findChildren(ErrorDialog) == []
    assert [r.kind for r in presenter.reports] == ["api", "transport"]

    clock.now += presenter.reopen_after
    presenter.present(api_report())
    assert [r.kind for r in presenter.reports] == ["api", "transport", "api"]
