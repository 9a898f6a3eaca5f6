"""Which wallets' transactions to read, and when: the rule behind the Transactions tab.

Statements cost signed requests from the same hourly budget as balances, so they are read
only when they can say something new: each wallet's newest page once after its first
balance, then again whenever one of its balances changed (a change is what a user wants
explained). Older pages are read only when the user scrolls for them. The feed remembers
the last balances it saw; it holds no thread and no timer (the worker drives it).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from wallet_gui.api.errors import WalletError
from wallet_gui.api.models import CurrencyBalance, StatementPage
from wallet_gui.core.reports import ErrorReport

#: Statements per page: a screenful, and the emulator's and the API's default.
PAGE_SIZE = 20

_Amounts = dict[str, tuple[Decimal | None, Decimal | None]]


@dataclass(frozen=True, slots=True)
class StatementsResult:
    """One page of a wallet's statements, or the error that prevented it.

    ``older_than`` is the cursor the page was asked for: the ``last`` cursor of the page
    above it (``None``: the newest page), so the receiver knows whether to replace its list
    or append to it. Statements come newest first, so older ones are "after" that cursor.
    """

    wallet_id: str
    page: StatementPage | None
    older_than: str | None = None
    error: ErrorReport | None = None

    @property
    def newest(self) -> bool:
        return self.older_than is None

    @property
    def more_reachable(self) -> bool:
        """Older statements exist *and* can be asked for: only the API's ``last`` cursor
        reaches them, so a page saying "there is more" without one ends the list (asking
        again without a cursor would only bring the newest page back, again and again)."""
        return self.page is not None and self.page.has_next and self.page.last is not None


def _amounts(balances: Mapping[str, CurrencyBalance]) -> _Amounts:
    return {code: (b.at_disposal, b.reserved) for code, b in balances.items()}


class StatementFeed:
    """Decides after each balance round which wallets' newest statements are due."""

    def __init__(self) -> None:
        self._seen: dict[str, _Amounts] = {}

    def due(self, rounds: Sequence[tuple[str, Mapping[str, CurrencyBalance] | None]]) -> list[str]:
        """Wallets (in the given order) seen for the first time or whose balances changed."""
        wanted: list[str] = []
        for wallet_id, balances in rounds:
            if balances is None:
                continue
            amounts = _amounts(balances)
            if self._seen.get(wallet_id) != amounts:
                wanted.append(wallet_id)
            self._seen[wallet_id] = amounts
        return wanted

    def forget(self, wallet_id: str) -> None:
        """Read this wallet's newest page again after the next round (its read failed)."""
        self._seen.pop(wallet_id, None)


def read_page(
    fetch: Callable[..., StatementPage], wallet_id: str, older_than: str | None
) -> StatementsResult:
    """One page through ``fetch`` (the monitor's), with a failure turned into a report."""
    try:
        page = fetch(wallet_id, limit=PAGE_SIZE, after=older_than)
    except WalletError as error:
        report = ErrorReport.from_exception(error, f"Transactions of wallet {wallet_id}")
        return StatementsResult(wallet_id, None, older_than, report)
    return StatementsResult(wallet_id, page, older_than)


__all__ = ["PAGE_SIZE", "StatementFeed", "StatementsResult", "read_page"]
