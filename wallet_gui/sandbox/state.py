"""What the emulator remembers between requests, behind one lock per kind of memory.

The request handler runs one thread per connection, and tests change balances while
requests are in flight, so every piece of shared state lives here with its own lock: the
accounts (wallets, balances, configuration), the credentials (MAC keys, certificate names),
the replay memory (nonces), the rate-limit windows and the log of requests for assertions.
None of it knows about HTTP: the handler decides what a refusal looks like.
"""

from __future__ import annotations

import copy
import math
import threading
import time
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from wallet_gui.sandbox import data, ledger

#: How many request records the emulator keeps; older ones are dropped (soak runs are long).
MAX_RECORDS = 10_000
#: The first statement id the emulator hands out; ids count up from it in every wallet.
FIRST_STATEMENT_ID = 100_001


@dataclass(frozen=True)
class RequestRecord:
    """What the emulator saw of one request, for tests to assert on."""

    path: str
    query: dict[str, list[str]]
    client_id: str | None
    status: int
    headers: dict[str, str]
    ext: dict[str, str] = field(default_factory=dict)
    fault: str | None = None
    server_time: float = 0.0


@dataclass(frozen=True)
class RateOverrun:
    """A request one over a limit: which limit, and how long until the window has room."""

    window: float
    limit: int
    retry_after: int


class NonceLedger:
    """The nonces each client used recently, so that a replayed request is refused."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._seen: dict[tuple[str, str], float] = {}

    def first_use(self, client_id: str, nonce: str, now: float, horizon: float) -> bool:
        """Remember ``nonce`` at ``now``; False if it was seen within ``horizon`` seconds."""
        with self._lock:
            oldest = now - horizon
            for seen, when in list(self._seen.items()):
                if when < oldest:
                    del self._seen[seen]
            if (client_id, nonce) in self._seen:
                return False
            self._seen[(client_id, nonce)] = now
            return True


class RateWindows:
    """Arrival times of each client's signed requests, counted against sliding windows."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._arrivals: dict[str, deque[float]] = {}

    def charge(
        self, client_id: str, now: float, limits: Sequence[tuple[float, int]]
    ) -> RateOverrun | None:
        """Count a request arriving at ``now``, or say which limit it would break (uncounted)."""
        if not limits:
            return None
        longest = max(window for window, _ in limits)
        with self._lock:
            times = self._arrivals.setdefault(client_id, deque())
            while times and times[0] <= now - longest:
                times.popleft()
            for window, limit in limits:
                recent = [t for t in times if t > now - window]
                if len(recent) >= limit:
                    wait = math.ceil(recent[0] + window - now)
                    return RateOverrun(window=window, limit=limit, retry_after=max(1, wait))
            times.append(now)
        return None


def _minor_units(text: str) -> int:
    """``"12.50"`` → ``1250``: the integer the API sends next to a decimal string."""
    value = Decimal(text)
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int):
        raise ValueError(f"not a finite amount: {text!r}")
    return int(value.scaleb(-exponent))


class EmulatorState:
    """The accounts, credentials and bookkeeping of one emulator instance."""

    def __init__(
        self, clients: dict[str, str], cert_clients: dict[str, str], *, now: float | None = None
    ) -> None:
        self.lock = threading.Lock()  # guards wallets, balances, statements and records
        self.clients = clients  # client id → MAC key
        self.cert_clients = cert_clients  # certificate common name → client id
        self.configuration: dict[str, Any] = dict(data.CONFIGURATION)
        self.wallets = data.fresh_wallets()
        self.balances = data.fresh_balances()
        #: Wallet id → its statements, oldest first; per currency they add up to the balance.
        self.statements: dict[int, list[dict[str, Any]]] = {}
        self._next_statement_id = FIRST_STATEMENT_ID
        opening = math.floor(time.time() if now is None else now)
        for wallet_id, balance in self.balances.items():
            self.statements[wallet_id] = self._opening(wallet_id, balance, opening)
        self.records: list[RequestRecord] = []
        self.nonces = NonceLedger()
        self.rate_windows = RateWindows()

    # -- accounts ------------------------------------------------------------------------------

    def set_balance(
        self,
        wallet_id: int,
        currency: str,
        at_disposal: str,
        reserved: str = "0.00",
        *,
        date: int | None = None,
    ) -> None:
        """Replace one currency's balance (decimal strings in major units).

        With ``date``, a change of the total is explained by an ``adjustment`` statement of
        that date, so that the statements still add up to the balance.
        """
        entry = {
            "at_disposal": _minor_units(at_disposal),
            "at_disposal_decimal": at_disposal,
            "reserved": _minor_units(reserved),
            "reserved_decimal": reserved,
        }
        with self.lock:
            balance = self.balances.setdefault(wallet_id, {})
            before = ledger.total_of(balance.get(currency, {}), currency)
            balance[currency] = entry
            change = ledger.total_of(entry, currency) - before
            if date is not None and change:
                self._append(
                    wallet_id,
                    ledger.statement(
                        self._take_statement_id(),
                        currency=currency,
                        amount=abs(change),
                        direction="in" if change > 0 else "out",
                        date=date,
                        kind="adjustment",
                        details="Balance adjustment",
                    ),
                )

    def move_money(
        self,
        wallet_id: int,
        currency: str,
        amount: Decimal,
        direction: str,
        details: str,
        other_party_name: str | None,
        date: int,
    ) -> dict[str, Any]:
        """Change ``at_disposal`` by ``amount`` and append the statement saying so, in one
        step under the lock; a copy of the new statement. ``ValueError`` for a bad request
        (unknown wallet, direction, amount, or more out than is at disposal)."""
        if direction not in ("in", "out"):
            raise ValueError(f"direction must be 'in' or 'out', not {direction!r}")
        if not (len(currency) == 3 and currency.isascii() and currency.isupper()):
            raise ValueError(f"not a currency code: {currency!r}")
        ledger.check_amount(amount, currency)
        with self.lock:
            if wallet_id not in self.wallets:
                raise ValueError(f"no wallet {wallet_id}")
            balance = self.balances.setdefault(wallet_id, {})
            entry = dict(balance.get(currency, {}))
            free = ledger.amount_of(entry, "at_disposal", currency)
            after = free + amount if direction == "in" else free - amount
            if after < 0:
                raise ValueError(f"wallet {wallet_id} has only {free} {currency} at disposal")
            ledger.write_at_disposal(entry, currency, after)
            balance[currency] = entry
            party = {"name": other_party_name} if other_party_name else None
            item = ledger.statement(
                self._take_statement_id(),
                currency=currency,
                amount=amount,
                direction=direction,
                date=date,
                kind="transfer" if party else "other",
                details=details,
                other_party=party,
            )
            self._append(wallet_id, item)
            return copy.deepcopy(item)

    def statements_of(self, wallet_id: int) -> list[dict[str, Any]] | None:
        """A copy of a wallet's statements, oldest first; ``None``: no such wallet."""
        with self.lock:
            if wallet_id not in self.wallets:
                return None
            return copy.deepcopy(self.statements.get(wallet_id, []))

    def _take_statement_id(self) -> int:  # the caller holds the lock
        taken = self._next_statement_id
        self._next_statement_id += 1
        return taken

    def _append(self, wallet_id: int, item: dict[str, Any]) -> None:  # the caller holds the lock
        self.statements.setdefault(wallet_id, []).append(item)

    def _opening(self, wallet_id: int, balance: dict[str, Any], date: int) -> list[dict[str, Any]]:
        history = ledger.opening_history(wallet_id, balance, date, self._next_statement_id)
        self._next_statement_id += len(history)
        return history

    def add_wallets(self, count: int, first_id: int, now: float | None = None) -> list[int]:
        """Add ``count`` generated wallets with a EUR balance (and its opening deposit)."""
        ids = list(range(first_id, first_id + count))
        opening = math.floor(time.time() if now is None else now)
        with self.lock:
            for number, wallet_id in enumerate(ids):
                self.wallets[wallet_id] = {
                    "id": wallet_id,
                    "owner": 9000 + number,
                    "account": {"number": f"EVP9{wallet_id:011d}"},
                }
                cents = 1000 + 37 * number
                self.balances[wallet_id] = {
                    "EUR": {
                        "at_disposal": cents,
                        "at_disposal_decimal": f"{cents / 100:.2f}",
                        "reserved": 0,
                        "reserved_decimal": "0.00",
                    }
                }
                self.statements[wallet_id] = [
                    ledger.statement(
                        self._take_statement_id(),
                        currency="EUR",
                        amount=Decimal(cents).scaleb(-2),
                        direction="in",
                        date=opening,
                        kind="transfer",
                        details="Opening deposit",
                    )
                ]
        return ids

    def wallet_and_balance(
        self, wallet_id: int
    ) -> tuple[dict[str, Any] | None, dict[str, dict[str, Any]]]:
        """Copies of one wallet and its balance, taken together (``None``: no such wallet)."""
        with self.lock:
            wallet = copy.deepcopy(self.wallets.get(wallet_id))
            balance = copy.deepcopy(self.balances.get(wallet_id, {}))
        return wallet, balance

    # -- the request log -----------------------------------------------------------------------

    def record(self, record: RequestRecord) -> None:
        with self.lock:
            self.records.append(record)
            del self.records[:-MAX_RECORDS]

    def requests_to(self, text: str) -> list[RequestRecord]:
        """The recorded requests whose path contains ``text``, oldest first."""
        with self.lock:
            return [record for record in self.records if text in record.path]
