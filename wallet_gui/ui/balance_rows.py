"""The rows of the balances table and their order, free of Qt so that it is trivial to test.

A wallet has one row per currency, or one row for a message (its failure, or that it has no
balances yet). Unsorted, wallets keep the order they first appeared in and their rows stay
together under one Wallet cell; sorted by Wallet they stay together too. Sorted by any other
column, rows of different wallets interleave (each then names its wallet), and a row without
the value (a message row, a missing amount) goes last in either direction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal

from wallet_gui.core.state import WalletBalances

WALLET_COLUMN = 0
CURRENCY_COLUMN = 1
AT_DISPOSAL_COLUMN = 2
RESERVED_COLUMN = 3
TOTAL_COLUMN = 4
UPDATED_COLUMN = 5
AMOUNT_COLUMNS = (AT_DISPOSAL_COLUMN, RESERVED_COLUMN, TOTAL_COLUMN)
COLUMN_COUNT = 6

#: One table row: a wallet and one of its currencies, or None for its one message row.
Row = tuple[WalletBalances, str | None]
_SortKey = Callable[[Row], str | Decimal | float | None]


def wallet_label(wallet: WalletBalances) -> str:
    """``14471 · Jonas Jonaitis``, or just the id when the wallet has no display name."""
    if wallet.display_name:
        return f"{wallet.wallet_id} · {wallet.display_name}"
    return wallet.wallet_id


def currencies(wallet: WalletBalances) -> Sequence[str | None]:
    """A wallet's currencies in code order, or ``[None]`` for its one message row."""
    if wallet.error is None and wallet.balances:
        return sorted(wallet.balances)
    return [None]


def _amount(column: int) -> _SortKey:
    index = AMOUNT_COLUMNS.index(column)

    def key(row: Row) -> Decimal | None:
        wallet, currency = row
        if currency is None or wallet.balances is None:
            return None
        balance = wallet.balances[currency]
        return (balance.at_disposal, balance.reserved, balance.total)[index]

    return key


def ordered_rows(
    wallets: Iterable[WalletBalances], column: int = -1, *, descending: bool = False
) -> tuple[list[Row], bool]:
    """The rows of ``wallets`` (in order of arrival) sorted by ``column`` (-1: unsorted),
    and whether each wallet's rows stay together."""
    ordered = list(wallets)
    if column == WALLET_COLUMN:
        ordered.sort(key=lambda w: (wallet_label(w).casefold(), w.wallet_id), reverse=descending)
    rows = [(wallet, currency) for wallet in ordered for currency in currencies(wallet)]
    if not WALLET_COLUMN < column < COLUMN_COUNT:
        return rows, True
    key: _SortKey
    if column == CURRENCY_COLUMN:
        key = lambda row: row[1]  # noqa: E731
    elif column == UPDATED_COLUMN:
        key = lambda row: row[0].updated_at  # noqa: E731
    else:
        key = _amount(column)
    known = [row for row in rows if key(row) is not None]
    known.sort(key=key, reverse=descending)  # type: ignore[arg-type]  # one type per column
    return known + [row for row in rows if key(row) is None], False
