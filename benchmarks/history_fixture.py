"""One year of 15-second balance samples in a real history database, for the benchmarks.

``make_year_database(path)`` writes 2 102 400 samples of one wallet and currency (a
deterministic random walk, every sample a change, so nothing is folded into heartbeats)
through the store's bulk load, which also builds the rollups, and returns what it made.
Other benchmarks (the history chart's redraw) reuse it.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from wallet_gui.core.history.store import HistoryStore

YEAR_S = 365 * 86400
STEP_S = 15
#: 2026-01-01T00:00:00Z: the year the fixture covers starts here.
START = 1767225600
PROFILE, WALLET, CURRENCY = "bench", "14471", "EUR"


@dataclass(frozen=True, slots=True)
class YearDatabase:
    path: Path
    profile: str
    wallet_id: str
    currency: str
    start: float
    end: float
    samples: int

    @property
    def size_mb(self) -> float:
        """The file and its WAL together, in MB (10⁶ bytes)."""
        total = sum(p.stat().st_size for p in (self.path, Path(f"{self.path}-wal")) if p.exists())
        return total / 1e6


def _walk(samples: int, seed: int) -> Iterator[tuple[float, Decimal, Decimal]]:
    rng = random.Random(seed)
    cents = 1_000_000  # 10 000.00
    reserved = Decimal("0.00")
    for index in range(samples):
        cents = max(0, cents + rng.randint(-2500, 2500))
        yield float(START + index * STEP_S), Decimal(cents).scaleb(-2), reserved


def make_year_database(
    path: Path, *, seconds: int = YEAR_S, seed: int = 12, profile: str = PROFILE
) -> YearDatabase:
    """Create (or replace) ``path`` with ``seconds`` of 15-second samples.

    No VACUUM afterwards: the size is what inserting in time order leaves, as the app does.
    """
    path = Path(path)
    for stale in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        stale.unlink(missing_ok=True)
    samples = seconds // STEP_S
    with HistoryStore(path, clock=lambda: START + seconds) as store:
        store.bulk_load_balances(profile, WALLET, CURRENCY, _walk(samples, seed))
        store.checkpoint()
    return YearDatabase(
        path=path,
        profile=profile,
        wallet_id=WALLET,
        currency=CURRENCY,
        start=float(START),
        end=float(START + (samples - 1) * STEP_S),
        samples=samples,
    )
