"""The balances table: rows per wallet and currency, exact amounts, highlights, failures."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from wallet_gui.api.models import CurrencyBalance
from wallet_gui.reports import ErrorReport
from wallet_gui.state import WalletBalances
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
