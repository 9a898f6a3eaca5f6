"""Balance changes waiting for the transactions that explain them.

A round shows that a wallet's amount at disposal moved; the statements behind the move
arrive a moment later (the worker reads them after the round). This remembers each change,
between which two readings it happened and by how much, until that wallet's statements
come in; the window then shows them with the changed amount.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from wallet_gui.core.state import WalletBalances


@dataclass(frozen=True, slots=True)
class BalanceChange:
    """``wallet_id``'s ``currency`` at disposal moved by ``change`` between the reading at
    ``since`` and the one at ``until`` (wall times of this machine)."""

    wallet_id: str
    currency: str
    since: float
    until: float
    change: Decimal


class BalanceChanges:
    """Compares each wallet's readings with its previous good one."""

    def __init__(self) -> None:
        self._last: dict[str, tuple[float, dict[str, Decimal]]] = {}
        self._pending: dict[str, list[BalanceChange]] = {}

    def observe(self, wallets: Iterable[WalletBalances]) -> list[BalanceChange]:
        """Record a round; returns the changes it shows (also kept until ``take``)."""
        found: list[BalanceChange] = []
        for wallet in wallets:
            if wallet.balances is None or wallet.updated_at is None:
                continue
            amounts = {
                code: balance.at_disposal
                for code, balance in wallet.balances.items()
                if balance.at_disposal is not None
            }
            previous = self._last.get(wallet.wallet_id)
            self._last[wallet.wallet_id] = (wallet.updated_at, amounts)
            if previous is None:
                continue
            since, before = previous
            for code, amount in amounts.items():
                if code in before and before[code] != amount:
                    change = BalanceChange(
                        wallet.wallet_id, code, since, wallet.updated_at, amount - before[code]
                    )
                    found.append(change)
        for change in found:
            self._pending.setdefault(change.wallet_id, []).append(change)
        return found

    def take(self, wallet_id: str) -> list[BalanceChange]:
        """The changes of ``wallet_id`` not yet explained (forgotten once taken)."""
        return self._pending.pop(wallet_id, [])


__all__ = ["BalanceChange", "BalanceChanges"]
