"""The balances table: rows per wallet and currency, exact amounts, highlights, failures."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (
    QPushButton,
    QTableWidget,
    QTableWidgetSelectionRange,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from wallet_gui.api.models import CurrencyBalance
from wallet_gui.core.reports import ErrorReport
from wallet_gui.core.state import WalletBalances
from wallet_gui.ui.balances_panel import BalancesPanel

T0 = 1_700_000_000.0
AMOUNT_COLUMNS = (2, 3, 4)


def balance(currency: str, at_disposal: str | None, reserved: str | None = "0") -> CurrencyBalance:
    return CurrencyBalance(
        currency=currency,
        at_disposal=None if at_disposal is None else Decimal(at_disposal),
        reserved=None if reserved is None else Decimal(reserved),
    )


def wallet(wallet_id: str, *balances: CurrencyBalance, name: str | None = None) -> WalletBalances:
    return WalletBalances(
        wallet_id=wallet_id,
        display_name=name,
        balances={b.currency: b for b in balances},
        updated_at=T0,
    )


def failed(wallet_id: str) -> WalletBalances:
    report = ErrorReport(
        context=f"Balance of wallet {wallet_id}",
        kind="api",
        message="unauthorized (HTTP 401)",
        code="unauthorized",
        status=401,
    )
    return WalletBalances(wallet_id=wallet_id, updated_at=T0, error=report)


@pytest.fixture
def panel(qtbot: QtBot) -> BalancesPanel:
    widget = BalancesPanel(highlight_ms=50)
    qtbot.addWidget(widget)
    return widget


def texts(table: QTableWidget) -> list[list[str]]:
    return [
        [table.item(r, c).text() if table.item(r, c) else "" for c in range(5)]
        for r in range(table.rowCount())
    ]


def test_one_row_per_wallet_and_currency_sorted_by_code(panel: BalancesPanel) -> None:
    panel.set_wallet(
        wallet("14471", balance("USD", "1.00", "98.00"), balance("EUR", "22.99"), name="Jonas")
    )
    table = panel.findChild(QTableWidget, "balancesTable")
    assert table is not None
    assert texts(table) == [
        ["14471 · Jonas", "EUR", "22.99 EUR", "0 EUR", "22.99 EUR"],
        ["", "USD", "1.00 USD", "98.00 USD", "99.00 USD"],
    ]
    assert table.rowSpan(0, 0) == 2


def test_amounts_keep_their_scale_and_missing_ones_are_dashes(panel: BalancesPanel) -> None:
    panel.set_wallet(
        wallet("1", balance("JPY", "15000"), balance("KWD", "3.250", None), balance("EUR", "-5.10"))
    )
    assert texts(panel.table) == [
        ["1", "EUR", "−5.10 EUR", "0 EUR", "−5.10 EUR"],
        ["", "JPY", "15,000 JPY", "0 JPY", "15,000 JPY"],
        ["", "KWD", "3.250 KWD", "—", "3.250 KWD"],
    ]


def test_amount_cells_are_right_aligned(panel: BalancesPanel) -> None:
    panel.set_wallet(wallet("1", balance("EUR", "1250.50")))
    for column in AMOUNT_COLUMNS:
        alignment = Qt.AlignmentFlag(panel.table.item(0, column).textAlignment())
        assert alignment & Qt.AlignmentFlag.AlignRight
        assert alignment & Qt.AlignmentFlag.AlignVCenter


def test_updated_column_shows_local_time(panel: BalancesPanel) -> None:
    panel.set_wallet(wallet("1", balance("EUR", "1")))
    assert panel.table.item(0, 5).text().count(":") == 2


def test_wallets_keep_the_order_they_first_appeared_in(panel: BalancesPanel) -> None:
    panel.set_wallet(wallet("30003", balance("EUR", "1")))
    panel.set_wallet(wallet("14471", balance("EUR", "2")))
    panel.set_wallet(wallet("30003", balance("EUR", "3")))
    assert [row[0] for row in texts(panel.table)] == ["30003", "14471"]
    assert panel.table.item(0, 2).text() == "3 EUR"


def test_changed_amount_is_highlighted_then_returns_to_normal(
    qtbot: QtBot, panel: BalancesPanel
) -> None:
    panel.set_wallet(wallet("1", balance("EUR", "10.00"), balance("USD", "5.00")))
    panel.set_wallet(wallet("1", balance("EUR", "12.50"), balance("USD", "5.00")))
    table = panel.table

    eur_available = table.item(0, 2)
    assert eur_available.background().style() != Qt.BrushStyle.NoBrush
    assert "10.00 EUR" in eur_available.toolTip()
    assert table.item(0, 3).background().style() == Qt.BrushStyle.NoBrush  # reserved unchanged
    assert table.item(0, 4).background().style() != Qt.BrushStyle.NoBrush  # total changed
    assert table.item(1, 2).background().style() == Qt.BrushStyle.NoBrush  # USD unchanged

    qtbot.waitUntil(lambda: panel.highlight_count == 0, timeout=2000)
    assert table.item(0, 2).background().style() == Qt.BrushStyle.NoBrush
    assert table.item(0, 2).toolTip() == ""


def test_first_appearance_is_not_highlighted(panel: BalancesPanel) -> None:
    panel.set_wallet(wallet("1", balance("EUR", "10.00")))
    assert panel.highlight_count == 0


def test_error_replaces_the_numbers_with_the_failure(panel: BalancesPanel) -> None:
    panel.set_wallet(wallet("1", balance("EUR", "10.00"), balance("USD", "5.00")))
    panel.set_wallet(failed("1"))
    table = panel.table

    assert table.rowCount() == 1
    message = table.item(0, 1)
    assert "unauthorized (HTTP 401)" in message.text()
    assert table.columnSpan(0, 1) == 4
    assert "HTTP status: 401" in message.toolTip()
    colour = message.foreground().color()
    assert colour.red() > colour.green()
    assert colour.red() > colour.blue()
    assert all("EUR" not in cell for cell in texts(table)[0])


def test_success_after_an_error_shows_numbers_again(panel: BalancesPanel) -> None:
    panel.set_wallet(failed("1"))
    panel.set_wallet(wallet("1", balance("EUR", "10.00")))
    assert texts(panel.table) == [["1", "EUR", "10.00 EUR", "0 EUR", "10.00 EUR"]]
    assert panel.table.columnSpan(0, 1) == 1


def test_other_wallets_keep_their_rows_when_one_fails(panel: BalancesPanel) -> None:
    panel.set_wallet(wallet("1", balance("EUR", "10.00")))
    panel.set_wallet(wallet("2", balance("EUR", "20.00")))
    panel.set_wallet(failed("1"))
    assert texts(panel.table)[1] == ["2", "EUR", "20.00 EUR", "0 EUR", "20.00 EUR"]


def test_clear_forgets_wallets_and_highlights(panel: BalancesPanel) -> None:
    panel.set_wallet(wallet("1", balance("EUR", "1")))
    panel.set_wallet(wallet("1", balance("EUR", "2")))
    panel.clear()
    assert panel.table.rowCount() == 0
    assert panel.highlight_count == 0


def test_error_text_is_tinted_red_not_black(panel: BalancesPanel) -> None:
    panel.set_wallet(failed("9"))
    assert panel.table.item(0, 1).foreground().color() != QColor(Qt.GlobalColor.black)


# -- a failed wallet among good ones --------------------------------------------------------

LONG_FAILURE = (
    "Signature mismatch: the request's MAC does not match the one the server computed for "
    "this client; check the client id, the MAC key and this computer's clock"
)


def failed_with(wallet_id: str, message: str) -> WalletBalances:
    report = ErrorReport(
        context=f"Balance of wallet {wallet_id}", kind="api", message=message, status=401
    )
    return WalletBalances(wallet_id=wallet_id, updated_at=T0, error=report)


def shown_panel(qtbot: QtBot, width: int = 900) -> BalancesPanel:
    widget = BalancesPanel()
    qtbot.addWidget(widget)
    widget.resize(width, 320)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_a_failed_wallet_keeps_the_table_in_shape(qtbot: QtBot) -> None:
    panel = shown_panel(qtbot, width=700)
    panel.set_wallets(
        (
            wallet("14471", balance("EUR", "1250.50"), balance("USD", "3.00"), name="Jonas"),
            failed_with("30003", LONG_FAILURE),
            wallet("51234", balance("EUR", "7.10"), name="Ona"),
        )
    )
    table = panel.table
    header = table.horizontalHeader()
    metrics = table.fontMetrics()

    # The columns fit the view: no sideways scrolling, "Updated" wholly in sight.
    assert not table.horizontalScrollBar().isVisible()
    assert header.sectionViewportPosition(5) + header.sectionSize(5) <= table.viewport().width()
    # The Currency column fits currency codes, not the error message spanning it.
    assert header.sectionSize(1) < metrics.horizontalAdvance(LONG_FAILURE) // 3
    # Every wallet's name is readable in the Wallet column.
    for label in ("14471 · Jonas", "30003", "51234 · Ona"):
        assert metrics.horizontalAdvance(label) < header.sectionSize(0)
    # The failure is one row, named, with its message; the whole text in the tooltip.
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "30003")
    message = table.item(row, 1)
    assert message.text().startswith("Balance unavailable: Signature mismatch")
    assert table.columnSpan(row, 1) == 4
    assert LONG_FAILURE in message.toolTip().replace("&#x27;", "'")


def test_copying_a_failure_gives_its_whole_text(qtbot: QtBot) -> None:
    panel = shown_panel(qtbot)
    message = LONG_FAILURE + " " + "x" * 300  # longer than the cell's excerpt
    panel.set_wallet(failed_with("30003", message))
    table = panel.table
    assert message not in table.item(0, 1).text()
    table.setFocus()
    table.setCurrentCell(0, 1)
    QGuiApplication.clipboard().clear()

    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)

    copied = QGuiApplication.clipboard().text()
    assert message in copied
    assert "HTTP status: 401" in copied


def test_long_wallet_names_from_the_server_are_cut_in_the_cell(panel: BalancesPanel) -> None:
    name = "Jonas\nJonaitis " + "J" * 5000
    panel.set_wallet(wallet("14471", balance("EUR", "1"), name=name))
    item = panel.table.item(0, 0)
    assert len(item.text()) <= 100
    assert "\n" not in item.text()
    assert item.text().startswith("14471 · Jonas Jonaitis")


# -- keyboard and copy ------------------------------------------------------------------------


def test_tab_moves_focus_out_of_the_table(qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    panel = BalancesPanel(host)
    after = QPushButton("after", host)
    layout = QVBoxLayout(host)
    layout.addWidget(panel)
    layout.addWidget(after)
    panel.set_wallet(wallet("1", balance("EUR", "1"), balance("USD", "2")))
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    panel.table.setFocus()
    panel.table.setCurrentCell(0, 1)
    qtbot.waitUntil(panel.table.hasFocus)

    qtbot.keyClick(panel.table, Qt.Key.Key_Tab)

    assert after.hasFocus()


def test_ctrl_c_copies_the_selected_cells_as_tab_separated_lines(qtbot: QtBot) -> None:
    panel = shown_panel(qtbot)
    panel.set_wallet(wallet("1", balance("EUR", "10.00"), balance("USD", "5.00"), name="A"))
    table = panel.table
    table.setFocus()
    table.setRangeSelected(QTableWidgetSelectionRange(0, 1, 1, 2), True)
    QGuiApplication.clipboard().clear()

    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)

    assert QGuiApplication.clipboard().text() == "EUR\t10.00 EUR\nUSD\t5.00 USD"


def test_context_menu_copies_rows_with_the_wallet_named_on_each(panel: BalancesPanel) -> None:
    panel.set_wallet(wallet("1", balance("EUR", "10.00"), balance("USD", "5.00"), name="A"))
    table = panel.table
    names = {a.objectName() for a in table.actions()}
    assert {"copyBalancesAction", "copyBalancesRowsAction", "copyBalancesTableAction"} <= names
    assert table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    table.setCurrentCell(1, 2)
    QGuiApplication.clipboard().clear()

    panel.copying.copy_rows_action.trigger()

    assert QGuiApplication.clipboard().text().split("\t")[:3] == ["1 · A", "USD", "5.00 USD"]


# -- order ------------------------------------------------------------------------------------


def test_clicking_a_heading_sorts_and_a_third_click_restores_the_order(
    qtbot: QtBot,
) -> None:
    panel = shown_panel(qtbot)
    panel.set_wallets(
        (
            wallet("2", balance("EUR", "5")),
            wallet("1", balance("EUR", "30"), balance("USD", "1")),
            failed("3"),
        )
    )
    header = panel.table.horizontalHeader()

    def click(column: int) -> None:
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))

    def column_texts(column: int) -> list[str]:
        return [r[column] for r in texts(panel.table)]

    click(2)  # At disposal, ascending; the failure (no amount) last
    assert column_texts(2)[:3] == ["1 USD", "5 EUR", "30 EUR"]
    assert column_texts(0) == ["1", "2", "1", "3"]  # each row names its wallet
    click(2)  # descending; the failure still last
    assert column_texts(2)[:3] == ["30 EUR", "5 EUR", "1 USD"]
    click(2)  # back to the order of arrival, one Wallet cell per wallet
    assert column_texts(0) == ["2", "1", "", "3"]
    assert panel.table.rowSpan(1, 0) == 2


def test_columns_the_user_sized_are_not_refitted(panel: BalancesPanel) -> None:
    panel.set_wallet(wallet("1", balance("EUR", "1")))
    header = panel.table.horizontalHeader()
    header.resizeSection(2, 333)  # as a drag of the divider does
    panel.set_wallet(wallet("1", balance("EUR", "1234567.89")))
    assert header.sectionSize(2) == 333
    assert 2 in panel.columns.user_sized


# -- the empty table ----------------------------------------------------------------------------


def test_without_wallet_ids_the_table_says_how_to_add_them(qtbot: QtBot) -> None:
    panel = BalancesPanel(profiles_shortcut="Ctrl+P")
    qtbot.addWidget(panel)
    panel.set_expected_wallets(())
    panel.show()
    qtbot.waitExposed(panel)

    hint = panel.placeholder
    assert hint.isVisible()
    assert "No wallets to watch" in hint.label.text()
    assert "Profiles… (Ctrl+P)" in hint.label.text()
    with qtbot.waitSignal(panel.profilesRequested, timeout=1000):
        qtbot.mouseClick(hint.button, Qt.MouseButton.LeftButton)


def test_the_placeholder_goes_when_rows_arrive(qtbot: QtBot) -> None:
    panel = shown_panel(qtbot)
    panel.set_expected_wallets(("1",))
    assert panel.placeholder.isVisible()
    assert "Waiting" in panel.placeholder.label.text()
    assert not panel.placeholder.button.isVisible()
    panel.set_wallet(wallet("1", balance("EUR", "1")))
    assert not panel.placeholder.isVisible()
