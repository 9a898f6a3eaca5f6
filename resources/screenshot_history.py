"""Fixed history for the screenshots of the History, Transactions and Events tabs.

A week of balances (a payment now and then, a salary, a gap where the monitor was off),
clock estimates drifting slowly, a page of transactions and a few events: enough to show
what each tab looks like after some days of use, the same on every run.
"""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

from wallet_gui.api.models import OtherParty, Statement
from wallet_gui.core.alerts import AlertEvent
from wallet_gui.core.history.events import HistoryEvent
from wallet_gui.core.history.store import HistoryStore
from wallet_gui.core.state import ClockState

PROFILE = "shop"
DAY = 86400.0

_PAYEES = (
    ("MAXIMA LT, UAB", "Card payment", "out"),
    ("Jonas Petraitis", "Invoice 2026-114", "in"),
    ("UAB Ignitis", "Electricity, November", "out"),
    ("Paysera LT, UAB", "Service fee", "out"),
    ("Rūta Kazlauskienė", "Refund for order 5521", "in"),
)


def fill_history(path: Path, now: float) -> HistoryStore:
    """A store at ``path`` holding a week of the profile ``shop``."""
    rng = random.Random(7)
    store = HistoryStore(path, clock=lambda: now)
    start = now - 7 * DAY
    rows = []
    cents = 1_250_000
    t = start
    while t < now:
        if not (start + 2.6 * DAY < t < start + 3.1 * DAY):  # the monitor was off here
            rows.append((t, Decimal(cents).scaleb(-2), Decimal("120.00")))
        if rng.random() < 0.01:
            cents += rng.choice((-1, -1, -1, 1)) * rng.randint(500, 40_000)
        if abs(t - (start + 5 * DAY)) < 30:
            cents += 250_000  # the salary
        t += 60.0
    store.bulk_load_balances(PROFILE, "14471", "EUR", rows)
    with store.batch():
        for index in range(0, int(7 * DAY), 600):
            at = start + index
            offset = -12.371 + 0.000015 * (at - now) + 0.002 * rng.uniform(-1, 1)
            store.record_clock(
                PROFILE,
                ClockState(offset=offset, half_width=0.012, rtt_min=0.018, measured_at=at),
            )
    for at, kind, rule, message in (
        (now - 5.2 * DAY, "error", None, "Balances: connection to wallet.paysera.com timed out"),
        (now - 5.19 * DAY, "recovery", None, "Requests succeed again"),
        (now - 2 * DAY, "alert_fired", "low_balance:14471:EUR", "14471 EUR is 95.20, below 100"),
        (now - 1.8 * DAY, "alert_cleared", "low_balance:14471:EUR", "14471 EUR is 2,595.20 again"),
    ):
        store.record_event(PROFILE, HistoryEvent(at, kind, rule, message))
    return store


def statements(now: float) -> list[Statement]:
    """A page of transactions, newest first."""
    rng = random.Random(3)
    found = []
    for number in range(18):
        name, details, direction = _PAYEES[number % len(_PAYEES)]
        cents = rng.randint(199, 48_000)
        found.append(
            Statement(
                id=900_000 - number,
                amount=Decimal(cents).scaleb(-2),
                currency="EUR",
                date=int(now - number * 5_400 - rng.randint(0, 3_000)),
                direction=direction,
                type="transfer" if direction == "in" else "payment",
                details=details,
                other_party=OtherParty(name=name, code=None, bic=None, account_number=None),
            )
        )
    return found


def live_alert(now: float) -> AlertEvent:
    return AlertEvent(
        rule="clock_offset",
        fired=True,
        at=now - 60,
        severity="critical",
        title="Clock offset above 1 s",
        message="This computer's clock is 12.371 s ahead of the API (limit 1 s)",
    )


__all__ = ["PROFILE", "fill_history", "live_alert", "statements"]
