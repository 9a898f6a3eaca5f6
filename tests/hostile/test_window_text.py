"""A hostile server's text reaches the window only as plain, bounded text.

Qt shows any tooltip (and any QLabel text with the default format) that *looks like* HTML as
rich text: ``<img src=file:///dev/zero>`` then makes Qt read local files and nested tables
take exponential time to lay out. Every tooltip made from server text must therefore be
escaped, and every piece of server text must be cut to a size a window can show.

No test here shows a hostile tooltip or times anything: the assertions are on the text the
widgets hold, so a regression fails instead of hanging (or aborting) the test run.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QAction, QGuiApplication, Qt, QTextDocument
from PySide6.QtWidgets import QLabel, QPushButton, QTableWidget, QTableWidgetItem, QWidget
from pytestqt.qtbot import QtBot

from wallet_gui.api.errors import ApiError
from wallet_gui.api.models import Configuration, parse_configuration
from wallet_gui.core.reports import ErrorReport
from wallet_gui.core.state import WalletBalances
from wallet_gui.ui.balances_panel import BalancesPanel
from wallet_gui.ui.configuration_panel import ConfigurationPanel
from wallet_gui.ui.credentials_dialog import CredentialsDialog
from wallet_gui.ui.error_dialog import ErrorDialog

IMG = "<img src=file:///dev/zero>"
TABLES = "<table><tr><td>" * 20 + "x"
BOLD = "<b>x</b>"
MEGABYTE = 1 << 20
#: Generous bounds for what the window may hold of one server text.
SHOWN_LIMIT = 2_000  # a cell, a label
COPY_LIMIT = 64 * 1024  # what "copy" keeps of one text
HELP_URL = "https://developers.paysera.com/en/wallet/errors#unauthorized"
ZERO_WIDTH_SPACE = "\u200b"


def configuration(raw: dict[str, Any]) -> Configuration:
    """What the client makes of a configuration answer with this JSON body."""
    return parse_configuration(raw)


def shown_as(tooltip: str) -> str:
    """The text a person reads in ``tooltip``: Qt renders tooltips that look like HTML as HTML.

    Only called on tooltips already checked to hold no raw markup, so no resource is loaded.
    Zero-width spaces (soft breaks for wrapping) are not something a person reads.
    """
    if Qt.mightBeRichText(tooltip):
        document = QTextDocument()
        document.setHtml(tooltip)
        tooltip = document.toPlainText()
    return tooltip.replace(ZERO_WIDTH_SPACE, "")


def assert_escaped_tooltip(tooltip: str, literal: str) -> None:
    for tag in ("<img", "<table", "<b>"):
        assert tag not in tooltip, tooltip[:200]
    assert shown_as(tooltip) == literal


def cell(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    found = table.item(row, column)
    assert found is not None, (row, column)
    return found


def row_of(table: QTableWidget, key: str) -> int:
    for row in range(table.rowCount()):
        if cell(table, row, 0).text() == key:
            return row
    raise AssertionError(f"no row for {key[:40]!r}")


@pytest.fixture
def panel(qtbot: QtBot) -> ConfigurationPanel:
    widget = ConfigurationPanel()
    qtbot.addWidget(widget)
    widget.resize(700, 300)
    return widget


# -- the configuration tab ----------------------------------------------------------------


def test_configuration_markup_is_shown_literally_in_cells_and_tooltips(
    qtbot: QtBot, panel: ConfigurationPanel
) -> None:
    panel.set_configuration(configuration({IMG: BOLD, "k": TABLES}))
    table = panel.table

    img_row = row_of(table, IMG)
    key_item, value_item = cell(table, img_row, 0), cell(table, img_row, 1)
    assert value_item.text() == BOLD
    assert "&lt;img" in key_item.toolTip()
    assert_escaped_tooltip(key_item.toolTip(), IMG)
    assert_escaped_tooltip(value_item.toolTip(), BOLD)

    tables_item = cell(table, row_of(table, "k"), 1)
    assert tables_item.text() == TABLES
    assert_escaped_tooltip(tables_item.toolTip(), TABLES)

    panel.show()
    qtbot.waitExposed(panel)
    assert not panel.grab().isNull()


def test_no_configuration_tooltip_is_left_for_qt_to_guess(panel: ConfigurationPanel) -> None:
    # Every tooltip with server text in it is escaped markup, whatever the text looked like.
    panel.set_configuration(configuration({"a<b": "1 < 2 && 3 > 2", "plain": "text"}))
    table = panel.table
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            item = cell(table, row, column)
            tooltip = item.toolTip()
            assert tooltip, (row, column)
            assert "<" not in shown_as(tooltip) or "&lt;" in tooltip


def test_a_megabyte_configuration_value_shows_an_excerpt_and_copies_in_full_up_to_a_cap(
    qtbot: QtBot, panel: ConfigurationPanel
) -> None:
    value = "".join(f"{i:07d} " for i in range(MEGABYTE // 8))
    panel.set_configuration(configuration({"huge": value, "small": "1"}))
    table = panel.table
    row = row_of(table, "huge")
    item = cell(table, row, 1)

    assert len(item.text()) <= SHOWN_LIMIT
    assert item.text().endswith("…")
    assert value.startswith(item.text()[:-1])
    assert len(item.toolTip()) <= 2 * SHOWN_LIMIT

    table.setCurrentCell(row, 1)
    copy = panel.findChild(QAction, "copyConfigurationAction")
    assert copy is not None
    QGuiApplication.clipboard().clear()
    copy.trigger()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith(value[:COPY_LIMIT])
    assert len(copied) <= COPY_LIMIT + 200


def test_a_megabyte_configuration_key_does_not_push_the_values_off_the_table(
    qtbot: QtBot, panel: ConfigurationPanel
) -> None:
    key = "k" * MEGABYTE
    panel.set_configuration(configuration({key: "value", "minimum_password_length": 8}))
    panel.show()
    qtbot.waitExposed(panel)
    table = panel.table

    assert max(len(cell(table, r, 0).text()) for r in range(table.rowCount())) <= SHOWN_LIMIT
    # The values stay in sight: the key is elided, not given the width it asks for.
    assert table.columnWidth(1) >= table.viewport().width() // 3


def test_line_breaks_in_a_configuration_value_do_not_make_a_tall_row(
    panel: ConfigurationPanel,
) -> None:
    panel.set_configuration(configuration({"multi": "first\nsecond\r\nthird"}))
    item = cell(panel.table, 0, 1)

    assert "\n" not in item.text()
    assert item.text() == "first second third"
    # The tooltip keeps the lines as they were.
    assert shown_as(item.toolTip()).splitlines() == ["first", "second", "third"]


# -- the balances table's failure row -----------------------------------------------------


def test_a_balance_failure_with_markup_is_plain_and_bounded(qtbot: QtBot) -> None:
    panel = BalancesPanel()
    qtbot.addWidget(panel)
    error = ApiError(status=400, error="invalid_request", description=IMG + "x" * MEGABYTE)
    report = ErrorReport.from_exception(error, "Balance of wallet 14471")

    panel.set_wallet(WalletBalances(wallet_id="14471", error=report))

    item = cell(panel.table, 0, 1)
    assert IMG in item.text()
    assert len(item.text()) <= SHOWN_LIMIT
    tooltip = item.toolTip()
    assert "&lt;img" in tooltip
    assert "<img" not in tooltip
    assert len(tooltip) <= 2 * SHOWN_LIMIT
    assert shown_as(tooltip).startswith(report.title)


# -- the error dialog ---------------------------------------------------------------------


def huge_report() -> ErrorReport:
    description = "".join(f"word{i} " for i in range(MEGABYTE // 8))[:MEGABYTE]
    error = ApiError(
        status=400,
        error="invalid_request",
        description=description,
        correlation_id="abc-123",
        uri=HELP_URL,
    )
    return ErrorReport.from_exception(error, "Balance of wallet 14471")


def show_dialog(qtbot: QtBot, report: ErrorReport) -> ErrorDialog:
    dialog = ErrorDialog(report)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_a_megabyte_description_keeps_the_dialog_within_the_screen(qtbot: QtBot) -> None:
    dialog = show_dialog(qtbot, huge_report())
    available = dialog.screen().availableGeometry()

    assert dialog.height() <= available.height()
    assert dialog.width() <= available.width()
    assert dialog.sizeHint().height() <= available.height()
    close = dialog.findChild(QPushButton, "closeButton")
    assert close is not None
    assert close.isVisible()
    close_rect = QRect(close.mapTo(dialog, close.rect().topLeft()), close.size())
    assert dialog.rect().contains(close_rect)
    description = dialog.findChild(QLabel, "errorDescriptionLabel")
    assert description is not None
    assert len(description.text()) <= SHOWN_LIMIT
    note = dialog.findChild(QLabel, "errorTruncatedLabel")
    assert note is not None
    assert note.isVisibleTo(dialog)


def test_a_normal_report_has_no_shortened_text_note(qtbot: QtBot) -> None:
    report = ErrorReport.from_exception(
        ApiError(status=401, error="unauthorized", description="Signature mismatch"), "Server"
    )
    dialog = show_dialog(qtbot, report)

    note = dialog.findChild(QLabel, "errorTruncatedLabel")
    assert note is None or not note.isVisibleTo(dialog)


def test_copy_details_of_a_megabyte_description_copies_a_capped_full_text(
    qtbot: QtBot,
) -> None:
    report = huge_report()
    assert report.description is not None
    dialog = show_dialog(qtbot, report)
    QGuiApplication.clipboard().clear()

    qtbot.mouseClick(dialog.findChild(QWidget, "copyDetailsButton"), Qt.MouseButton.LeftButton)

    copied = QGuiApplication.clipboard().text()
    assert "Description: " + report.description[:COPY_LIMIT] in copied
    # Every field survives the cap, not only the ones before the description.
    assert "Correlation id: abc-123" in copied
    assert f"More information: {HELP_URL}" in copied
    assert len(copied) <= 3 * COPY_LIMIT


def test_the_error_uri_tooltip_is_escaped(qtbot: QtBot) -> None:
    uri = f"https://developers.paysera.com/{IMG}{TABLES}"
    error = ApiError(status=401, error="unauthorized", description="x", uri=uri)
    dialog = show_dialog(qtbot, ErrorReport.from_exception(error, "Server"))

    link = dialog.findChild(QLabel, "errorLinkLabel")
    assert link is not None
    assert link.isVisibleTo(dialog)
    tooltip = link.toolTip()
    assert "&lt;img" in tooltip
    assert_escaped_tooltip(tooltip, uri)


def test_no_tooltip_in_the_error_dialog_holds_raw_server_markup(qtbot: QtBot) -> None:
    error = ApiError(
        status=400, error=IMG, description=TABLES, correlation_id=BOLD, uri="javascript:" + IMG
    )
    dialog = show_dialog(qtbot, ErrorReport.from_exception(error, "Server"))

    for widget in dialog.findChildren(QWidget):
        for tag in ("<img", "<table", "<b>"):
            assert tag not in widget.toolTip(), widget.objectName()
    for label in dialog.findChildren(QLabel):
        if label.isVisibleTo(dialog) and any(t in label.text() for t in ("<img", "<table")):
            assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()


# -- the connection test's answer ---------------------------------------------------------


def test_a_megabyte_connection_test_answer_is_cut_for_the_form(qtbot: QtBot) -> None:
    dialog = CredentialsDialog()
    qtbot.addWidget(dialog)

    dialog.show_test_result(False, IMG + "y" * MEGABYTE)

    label = dialog.findChild(QLabel, "testResultLabel")
    assert label is not None
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert IMG in label.text()
    assert len(label.text()) <= SHOWN_LIMIT
