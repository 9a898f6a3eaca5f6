"""The balances table: one row per wallet and currency, changes briefly highlighted.

The poller sends one ``WalletBalances`` at a time; the panel keeps the latest of each wallet and
redraws the (small) table. Amounts are formatted straight from ``Decimal`` and right-aligned so
that digits line up. A wallet whose last fetch failed shows the failure instead of its old
numbers: a stale balance that looks current is worse than none.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import NamedTuple

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wallet_gui.api.models import CurrencyBalance
from wallet_gui.core.state import WalletBalances
from wallet_gui.ui import balance_rows
from wallet_gui.ui.balance_rows import ordered_rows, wallet_label
from wallet_gui.ui.copying import FULL_TEXT_ROLE, TableCopying
from wallet_gui.ui.core_texts import report_message
from wallet_gui.ui.formatting import format_local_time, format_money
from wallet_gui.ui.plain_text import LINE_CHARS, capped, cell_text, plain_tooltip
from wallet_gui.ui.tables import TableColumns, TablePlaceholder
from wallet_gui.ui.tones import CHANGED_BACKGROUND, background_for, is_palette_change, text_colour

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
# Times are all as wide: centred, they keep clear of the right-aligned totals beside them.
_CENTRE = Qt.AlignmentFlag.AlignCenter


class _Cell(NamedTuple):
    wallet_id: str
    currency: str
    column: int


class _Highlight(NamedTuple):
    expires: float  # monotonic seconds
    previous: str  # the amount before the change, for the tooltip


class BalancesPanel(QWidget):
    """Balances of every wallet seen so far, in the order they first appeared (or sorted by
    the column whose heading was clicked).

    Slots:
        set_wallets(tuple[WalletBalances, ...]): show one poll round's wallets, repainting once.
        set_wallet(WalletBalances): show one wallet's new balances (or its failure).
        set_expected_wallets(Sequence[str] | None): the wallet ids being watched, for the
            placeholder of an empty table (``None``: not known).
        clear(): forget every wallet, e.g. when another profile is connected.

    Signals:
        profilesRequested(): the placeholder's button asks for the profiles dialog.
    """

    profilesRequested = Signal()

    WALLET_COLUMN = balance_rows.WALLET_COLUMN
    CURRENCY_COLUMN = balance_rows.CURRENCY_COLUMN
    AT_DISPOSAL_COLUMN = balance_rows.AT_DISPOSAL_COLUMN
    RESERVED_COLUMN = balance_rows.RESERVED_COLUMN
    TOTAL_COLUMN = balance_rows.TOTAL_COLUMN
    UPDATED_COLUMN = balance_rows.UPDATED_COLUMN
    AMOUNT_COLUMNS = balance_rows.AMOUNT_COLUMNS

    #: How long a changed amount stays tinted, in milliseconds.
    HIGHLIGHT_MS = 3000
    #: Extra width per column beyond its widest cell, so that columns do not run together.
    COLUMN_PADDING = 24

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        highlight_ms: int | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        profiles_shortcut: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("balancesPanel")
        self._profiles_shortcut = profiles_shortcut
        self._highlight_s = (highlight_ms if highlight_ms is not None else self.HIGHLIGHT_MS) / 1000
        self._monotonic = monotonic
        self._wallets: dict[str, WalletBalances] = {}
        self._last_good: dict[str, Mapping[str, CurrencyBalance]] = {}
        self._highlights: dict[_Cell, _Highlight] = {}
        self._explanations: dict[tuple[str, str], str] = {}
        self._row_keys: list[tuple[str, str | None]] = []
        self._expected: tuple[str, ...] | None = None

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
            (self.tr("Updated"), _CENTRE),
        ]
        for column, (text, alignment) in enumerate(headers):
            item = QTableWidgetItem(text)
            item.setTextAlignment(alignment)
            self._table.setHorizontalHeaderItem(column, item)
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Cells, not rows: what is selected is what Ctrl+C copies.
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self._table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self._table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self._table.setAlternatingRowColors(True)
        self._table.setWordWrap(False)
        self._table.setTextElideMode(Qt.TextElideMode.ElideRight)
        # The panel sorts itself (rows of a wallet stay together); Qt's sorting would not.
        self._table.setSortingEnabled(False)
        self._table.verticalHeader().hide()
        header = self._table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(self.WALLET_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicatorClearable(True)  # a third click: back to the order of arrival
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self._on_sort_changed)
        self._columns = TableColumns(
            self._table, range(self.CURRENCY_COLUMN, 6), padding=self.COLUMN_PADDING
        )
        self._copying = TableCopying(self._table, "Balances")
        self._placeholder = TablePlaceholder(
            self._table, "balancesPlaceholder", self.tr("Open Profiles…")
        )
        self._placeholder.button.clicked.connect(self.profilesRequested)
        self._columns.fit()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._table)
        self._show_placeholder()

    # -- public API ----------------------------------------------------------------------

    @property
    def table(self) -> QTableWidget:
        return self._table

    @property
    def columns(self) -> TableColumns:
        """The column widths and what the user sized, for ``window_state``."""
        return self._columns

    @property
    def copying(self) -> TableCopying:
        return self._copying

    @property
    def placeholder(self) -> TablePlaceholder:
        """The hint shown instead of rows while the table is empty."""
        return self._placeholder

    @property
    def highlight_count(self) -> int:
        """How many amount cells are tinted right now (for tests and diagnostics)."""
        return len(self._highlights)

    @Slot(object)
    def set_wallets(self, wallets: tuple[WalletBalances, ...]) -> None:
        """Show a round's wallets with one repaint; changed amounts get tinted."""
        for wallet in wallets:
            self._take(wallet)
        self._rebuild()
        self._arm_timer()

    @Slot(object)
    def set_wallet(self, wallet: WalletBalances) -> None:
        """Show ``wallet``; amounts that differ from its last good balances get tinted."""
        self.set_wallets((wallet,))

    @Slot(object)
    def set_expected_wallets(self, wallet_ids: Sequence[str] | None) -> None:
        """The ids being watched: none makes the empty table say how to add some."""
        self._expected = None if wallet_ids is None else tuple(wallet_ids)
        self._show_placeholder()

    def _take(self, wallet: WalletBalances) -> None:
        if wallet.error is None and wallet.balances is not None:
            previous = self._last_good.get(wallet.wallet_id)
            if previous is not None:
                self._mark_changes(wallet.wallet_id, previous, wallet.balances)
            self._last_good[wallet.wallet_id] = wallet.balances
        self._wallets[wallet.wallet_id] = wallet

    @Slot()
    def clear(self) -> None:
        """Forget every wallet and highlight."""
        self._wallets.clear()
        self._last_good.clear()
        self._highlights.clear()
        self._explanations.clear()
        self._highlight_timer.stop()
        self._rebuild()

    # -- the empty table -----------------------------------------------------------------

    def _show_placeholder(self) -> None:
        if self._expected == ():
            text = self.tr("No wallets to watch.\nAdd wallet ids to this profile in Profiles…")
            if self._profiles_shortcut:
                text += f" ({self._profiles_shortcut})"
            self._placeholder.show_hint(text, button=True)
        else:
            self._placeholder.show_hint(self.tr("Waiting for the first balances…"))

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
                    self._explanations.pop((wallet_id, currency), None)  # a new change
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
        tint = QBrush(background_for(CHANGED_BACKGROUND, self.palette(), QPalette.ColorRole.Base))
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
                    changed = self.tr("Changed; was {0}").format(highlight.previous)
                    why = self._explanations.get((wallet_id, currency))
                    item.setToolTip(
                        f"{plain_tooltip(changed)}<br>{why}"
                        if why and column != self.RESERVED_COLUMN
                        else changed
                    )

    def set_change_explanation(self, wallet_id: str, currency: str, rich_text: str) -> None:
        """The transactions behind the latest change of a balance, as escaped rich text
        (``StatementsPanel.change_tooltip``): shown with the change while it is tinted."""
        self._explanations[(wallet_id, currency)] = rich_text
        self._paint_highlights()

    # -- order ---------------------------------------------------------------------------

    @Slot(int, Qt.SortOrder)
    def _on_sort_changed(self, _column: int, _order: Qt.SortOrder) -> None:
        self._rebuild()

    # -- drawing -------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if is_palette_change(event) and hasattr(self, "_placeholder"):
            self._rebuild()  # light ↔ dark: tints and error texts are taken again

    def _rebuild(self) -> None:
        table = self._table
        table.clearSpans()
        header = table.horizontalHeader()
        rows, grouped = ordered_rows(
            self._wallets.values(),
            header.sortIndicatorSection(),
            descending=header.sortIndicatorOrder() is Qt.SortOrder.DescendingOrder,
        )
        table.setRowCount(len(rows))
        self._row_keys = [(wallet.wallet_id, currency) for wallet, currency in rows]

        first_row: dict[str, int] = {}
        spanned: list[tuple[int, int]] = []
        for row, (wallet, currency) in enumerate(rows):
            label = wallet_label(wallet)
            if not grouped or wallet.wallet_id not in first_row:
                first_row.setdefault(wallet.wallet_id, row)
                name = QTableWidgetItem(cell_text(label, LINE_CHARS))
                name.setToolTip(plain_tooltip(self.tr("Wallet {0}").format(label)))
            else:  # under the wallet's span: shows nothing, copies the wallet's name
                name = QTableWidgetItem()
                spanned.append((row, self.WALLET_COLUMN))
            name.setData(FULL_TEXT_ROLE, capped(label))
            table.setItem(row, self.WALLET_COLUMN, name)
            if currency is None:
                self._fill_message_row(row, wallet)
                spanned.extend((row, column) for column in range(1, self.UPDATED_COLUMN))
            else:
                assert wallet.balances is not None  # only wallets with balances get currencies
                self._fill_balance_row(row, wallet.balances[currency], wallet.updated_at)

        if grouped:
            for wallet_id, start in first_row.items():
                count = sum(1 for key, _ in self._row_keys if key == wallet_id)
                if count > 1:  # Qt warns about (and ignores) a 1×1 span
                    table.setSpan(start, self.WALLET_COLUMN, count, 1)
        self._paint_highlights()
        self._columns.fit(spanned)
        self._show_placeholder()

    def _fill_balance_row(self, row: int, balance: CurrencyBalance, updated: float | None) -> None:
        table = self._table
        table.setItem(row, self.CURRENCY_COLUMN, QTableWidgetItem(balance.currency))
        amounts: tuple[Decimal | None, ...] = (balance.at_disposal, balance.reserved, balance.total)
        for column, amount in zip(self.AMOUNT_COLUMNS, amounts, strict=True):
            item = QTableWidgetItem(format_money(amount, balance.currency))
            item.setTextAlignment(_RIGHT)
            table.setItem(row, column, item)
        item = QTableWidgetItem(format_local_time(updated))
        item.setTextAlignment(_CENTRE)
        table.setItem(row, self.UPDATED_COLUMN, item)

    def _fill_message_row(self, row: int, wallet: WalletBalances) -> None:
        """One row spanning the currency and amount columns: the failure, or why it is empty.

        The cell shows a one-line excerpt, elided to the span's width (never widening a
        column); its tooltip and Copy have the whole report.
        """
        table = self._table
        if wallet.error is not None:
            message = cell_text(report_message(wallet.error), LINE_CHARS)
            item = QTableWidgetItem(self.tr("Balance unavailable: {0}").format(message))
            item.setForeground(text_colour("bad", self.palette(), QPalette.ColorRole.Base))
            item.setToolTip(plain_tooltip(wallet.error.details()))
            item.setData(FULL_TEXT_ROLE, capped(wallet.error.details()))
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
        updated.setTextAlignment(_CENTRE)
        if wallet.error is not None and wallet.updated_at is not None:
            updated.setToolTip(self.tr("Time of the last successful update"))
        table.setItem(row, self.UPDATED_COLUMN, updated)
