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
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from wallet_gui.sandbox import data

#: How many request records the emulator keeps; older ones are dropped (soak runs are long).
MAX_RECORDS = 10_000


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

    def __init__(self, clients: dict[str, str], cert_clients: dict[str, str]) -> None:
        self.lock = threading.Lock()  # guards wallets, balances and records
        self.clients = clients  # client id → MAC key
        self.cert_clients = cert_clients  # certificate common name → client id
        self.configuration: dict[str, Any] = dict(data.CONFIGURATION)
        self.wallets = data.fresh_wallets()
        self.balances = data.fresh_balances()
        self.records: list[RequestRecord] = []
        self.nonces = NonceLedger()
        self.rate_windows = RateWindows()

    # -- accounts ------------------------------------------------------------------------------

    def set_balance(
        self, wallet_id: int, currency: str, at_disposal: str, reserved: str = "0.00"
    ) -> None:
        """Replace one currency's balance (decimal strings in major units)."""
        with self.lock:
            self.balances.setdefault(wallet_id, {})[currency] = {
                "at_disposal": _minor_units(at_disposal),
                "at_disposal_decimal": at_disposal,
                "reserved": _minor_units(reserved),
                "reserved_decimal": reserved,
            }

    def add_wallets(self, count: int, first_id: int) -> list[int]:
        """Add ``count`` generated wallets with a EUR balance each; their ids."""
        ids = list(range(first_id, first_id + count))
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
