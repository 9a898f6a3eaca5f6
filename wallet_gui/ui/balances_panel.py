"""The balances table: one row per wallet and currency, changes briefly highlighted.

The poller sends one ``WalletBalances`` at a time; the panel keeps the latest of each wallet and
redraws the (small) table. Amounts are formatted straight from ``Decimal`` and right-aligned so
that digits line up. A wallet whose last fetch failed shows the failure instead of its old
numbers: a stale balance that looks current is worse than none.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import NamedTuple

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wallet_gui.api.models import CurrencyBalance
from wallet_gui.state import WalletBalances
from wallet_gui.ui.formatting import format_local_time, format_money

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

# (light palette, dark palette) tones: calm enough to live with, clear enough to notice.
_CHANGED_BACKGROUND = (QColor("#fff0b3"), QColor("#5c4b12"))
_ERROR_TEXT = (QColor("#a3241b"), QColor("#f4a19a"))


class _Cell(NamedTuple):
    wallet_id: str
    currency: str
    column: int


class _Highlight(NamedTuple):
    expires: float  # monotonic seconds
    previous: str  # the amount before the change, for the tooltip


def wallet_label(wallet: WalletBalances) -> str:
    """``14471 · Jonas Jonaitis``, or just the id when the wallet has no display name."""
    if wallet.display_name:
        return f"{wallet.wallet_id} · {wallet.display_name}"
    return wallet.wallet_id


class BalancesPanel(QWidget):
    """Balances of every wallet seen so far, in the order they first appeared.

    Slots:
        set_wallet(WalletBalances): show one wallet's new balances (or its failure).
        clear(): forget every wallet, e.g. when another profile is connected.
    """

    WALLET_COLUMN = 0
    CURRENCY_COLUMN = 1
    AT_DISPOSAL_COLUMN = 2
    RESERVED_COLUMN = 3
    TOTAL_COLUMN = 4
    UPDATED_COLUMN = 5
    AMOUNT_COLUMNS = (AT_DISPOSAL_COLUMN, RESERVED_COLUMN, TOTAL_COLUMN)

    #: How long a changed amount stays tinted, in milliseconds.
    HIGHLIGHT_MS = 3000

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        highlight_ms: int | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("balancesPanel")
        self._highlight_s = (highlight_ms if highlight_ms is not None else self.HIGHLIGHT_MS) / 1000
        self._monotonic = monotonic
        self._wallets: dict[str, WalletBalances] = {}
        self._last_good: dict[str, Mapping[str, CurrencyBalance]] = {}
        self._highlights: dict[_Cell, _Highlight] = {}
        self._row_keys: list[tuple[str, str | None]] = []

        # One timer for every highlight: it fires at the earliest expiry and re-arms itself.
        self._highlight_timer = QTimer(self)
        self._highlight_timer.setObjectName("balanceHighlightTimer")
        self._highlight_timer.setSingleShot(True)
        self._highlight_timer.timeout.connect(self._expire_highlights)

        self._table = QTableWidget(0, 6, self)
        self._table.setObjectName("balancesTable")
        headers = [
            (self.tr("Wallet"), _LEFT),
            (self.tr("Currency"), _LEFT),
            (self.tr("At disposal"), _RIGHT),
            (self.tr("Reserved"), _RIGHT),
            (self.tr("Total"), _RIGHT),
            (self.tr("Updated"), _LEFT),
        ]
        for column, (text, alignment) in enumerate(headers):
            item = QTableWidgetItem(text)
            item.setTextAlignment(alignment)
            self._table.setHorizontalHeaderItem(column, item)
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.setAlternatingRowColors(True)
        self._table.setWordWrap(False)
        self._table.setSortingEnabled(False)  # rows keep the order wallets appeared in
        self._table.verticalHeader().hide()
        header = self._table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(self.WALLET_COLUMN, QHeaderView.ResizeMode.Stretch)
        self._fit_columns()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._table)

    # -- public API ----------------------------------------------------------------------

    @property
    def table(self) -> QTableWidget:
        return self._table

    @property
    def highlight_count(self) -> int:
        """How many amount cells are tinted right now (for tests and diagnostics)."""
        return len(self._highlights)

    @Slot(object)
    def set_wallet(self, wallet: WalletBalances) -> None:
        """Show ``wallet``; amounts that differ from its last good balances get tinted."""
        if wallet.error is None and wallet.balances is not None:
            previous = self._last_good.get(wallet.wallet_id)
            if previous is not None:
                self._mark_changes(wallet.wallet_id, previous, wallet.balances)
            self._last_good[wallet.wallet_id] = wallet.balances
        self._wallets[wallet.wallet_id] = wallet
        self._rebuild()
        self._arm_timer()

    @Slot()
    def clear(self) -> None:
        """Forget every wallet and highlight."""
        self._wallets.clear()
        self._last_good.clear()
        self._highlights.clear()
        self._highlight_timer.stop()
        self._rebuild()

    # -- highlights ----------------------------------------------------------------------

    def _mark_changes(
        self,
        wallet_id: str,
        previous: Mapping[str, CurrencyBalance],
        current: Mapping[str, CurrencyBalance],
    ) -> None:
        expires = self._monotonic() + self._highlight_s
        for currency, balance in current.items():
            before = previous.get(currency)
            if before is None:
                continue  # a new currency is not a change of an amount
            for column, old, new in (
                (self.AT_DISPOSAL_COLUMN, before.at_disposal, balance.at_disposal),
                (self.RESERVED_COLUMN, before.reserved, balance.reserved),
                (self.TOTAL_COLUMN, before.total, balance.total),
            ):
                if old != new:
                    cell = _Cell(wallet_id, currency, column)
                    self._highlights[cell] = _Highlight(expires, format_money(old, currency))

    def _arm_timer(self) -> None:
        if not self._highlights:
            self._highlight_timer.stop()
            return
        due = min(h.expires for h in self._highlights.values()) - self._monotonic()
        self._highlight_timer.start(max(0, math.ceil(due * 1000)))

    @Slot()
    def _expire_highlights(self) -> None:
        now = self._monotonic()
        self._highlights = {c: h for c, h in self._highlights.items() if h.expires > now}
        self._paint_highlights()
        self._arm_timer()

    def _paint_highlights(self) -> None:
        tint = QBrush(self._tone(_CHANGED_BACKGROUND))
        for row, (wallet_id, currency) in enumerate(self._row_keys):
            if currency is None:
                continue
            for column in self.AMOUNT_COLUMNS:
                item = self._table.item(row, column)
                if item is None:
                    continue
                highlight = self._highlights.get(_Cell(wallet_id, currency, column))
                if highlight is None:
                    item.setData(Qt.ItemDataRole.BackgroundRole, None)
                    item.setToolTip("")
                else:
                    item.setBackground(tint)
                    item.setToolTip(self.tr("Changed; was {0}").format(highlight.previous))

    # -- drawing -------------------------------------------------------------------------

    def _tone(self, pair: tuple[QColor, QColor]) -> QColor:
        dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        return pair[1] if dark else pair[0]

    def _rebuild(self) -> None:
        table = self._table
        table.clearSpans()
        rows: list[tuple[WalletBalances, str | None]] = []
        for wallet in self._wallets.values():
            if wallet.error is None and wallet.balances:
                rows.extend((wallet, currency) for currency in sorted(wallet.balances))
            else:
                rows.append((wallet, None))
        table.setRowCount(len(rows))
        self._row_keys = [(wallet.wallet_id, currency) for wallet, currency in rows]

        first_row: dict[str, int] = {}
        for row, (wallet, currency) in enumerate(rows):
            if wallet.wallet_id not in first_row:
                first_row[wallet.wallet_id] = row
                name = QTableWidgetItem(wallet_label(wallet))
                name.setToolTip(self.tr("Wallet {0}").format(wallet.wallet_id))
                table.setItem(row, self.WALLET_COLUMN, name)
            else:
                table.setItem(row, self.WALLET_COLUMN, QTableWidgetItem())
            if currency is None:
                self._fill_message_row(row, wallet)
            else:
                assert wallet.balances is not None  # only wallets with balances get currencies
                self._fill_balance_row(row, wallet.balances[currency], wallet.updated_at)

        for wallet_id, start in first_row.items():
            count = sum(1 for key, _ in self._row_keys if key == wallet_id)
            if count > 1:  # Qt warns about (and ignores) a 1×1 span
                table.setSpan(start, self.WALLET_COLUMN, count, 1)
        self._paint_highlights()
        self._fit_columns()

    #: Extra width per column beyond its widest cell, so that columns do not run together.
    COLUMN_PADDING = 24

    def _fit_columns(self) -> None:
        # ResizeToContents would leave the amounts touching each other; fit, then pad.
        table = self._table
        header = table.horizontalHeader()
        for column in range(self.CURRENCY_COLUMN, table.columnCount()):
            table.resizeColumnToContents(column)
            header.resizeSection(column, header.sectionSize(column) + self.COLUMN_PADDING)

    def _fill_balance_row(self, row: int, balance: CurrencyBalance, updated: float | None) -> None:
        table = self._table
        table.setItem(row, self.CURRENCY_COLUMN, QTableWidgetItem(balance.currency))
        amounts: tuple[Decimal | None, ...] = (balance.at_disposal, balance.reserved, balance.total)
        for column, amount in zip(self.AMOUNT_COLUMNS, amounts, strict=True):
            item = QTableWidgetItem(format_money(amount, balance.currency))
            item.setTextAlignment(_RIGHT)
            table.setItem(row, column, item)
        table.setItem(row, self.UPDATED_COLUMN, QTableWidgetItem(format_local_time(updated)))

    def _fill_message_row(self, row: int, wallet: WalletBalances) -> None:
        """One row spanning the currency and amount columns: the failure, or why it is empty."""
        table = self._table
        if wallet.error is not None:
            text = self.tr("Balance unavailable: {0}").format(wallet.error.message)
            item = QTableWidgetItem(text)
            item.setForeground(self._tone(_ERROR_TEXT))
            item.setToolTip(wallet.error.details())
        elif wallet.balances is None:
            item = QTableWidgetItem(self.tr("Waiting for the first answer…"))
            item.setForeground(self.palette().color(QPalette.ColorRole.PlaceholderText))
        else:
            item = QTableWidgetItem(self.tr("No balances in this wallet"))
            item.setForeground(self.palette().color(QPalette.ColorRole.PlaceholderText))
        table.setItem(row, self.CURRENCY_COLUMN, item)
        for column in self.AMOUNT_COLUMNS:
            table.setItem(row, column, QTableWidgetItem())
        table.setSpan(row, self.CURRENCY_COLUMN, 1, self.TOTAL_COLUMN - self.CURRENCY_COLUMN + 1)
        updated = QTableWidgetItem(format_local_time(wallet.updated_at))
        if wallet.error is not None and wallet.updated_at is not None:
            updated.setToolTip(self.tr("Time of the last successful update"))
        table.setItem(row, self.UPDATED_COLUMN, updated)
