"""What the window shows, as immutable values the worker thread sends to the GUI thread.

The worker turns estimator and client results into these; widgets only read them. Keeping
them plain (no Qt, no live objects) makes them safe to pass through queued signals and
easy to build by hand in widget tests.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from wallet_gui.api.models import CurrencyBalance
from wallet_gui.reports import ErrorReport


@dataclass(frozen=True, slots=True)
class ClockPoint:
    """One point of the offset history: wall time, offset and its guaranteed half-width (s)."""

    wall_time: float
    offset: float
    half_width: float


@dataclass(frozen=True, slots=True)
class ClockState:
    """The clock panel's content.

    ``offset`` is server − local wall time in seconds (positive: this machine is behind),
    ``half_width`` the guaranteed uncertainty; both ``None`` before the first probe.
    """

    offset: float | None = None
    half_width: float | None = None
    typical_error: float | None = None
    rtt_min: float | None = None
    rate_ppm: float | None = None
    rate_half_width_ppm: float | None = None
    samples: int = 0
    falsetickers: int = 0
    measured_at: float | None = None  # wall time of the newest probe
    signatures_failing: bool = False  # the server refused a timestamp since the last success
    note: str | None = None  # e.g. "Re-measured after invalid_timestamp at 14:03:12"
    history: tuple[ClockPoint, ...] = ()


@dataclass(frozen=True, slots=True)
class WalletBalances:
    """One wallet's row group: its balances, or the failure that replaced them."""

    wallet_id: str
    display_name: str | None = None
    balances: Mapping[str, CurrencyBalance] | None = None
    updated_at: float | None = None  # wall time of the last successful fetch
    error: ErrorReport | None = None

    def __post_init__(self) -> None:
        if self.balances is not None and not isinstance(self.balances, MappingProxyType):
            object.__setattr__(self, "balances", MappingProxyType(dict(self.balances)))


@dataclass(frozen=True, slots=True)
class PollStatus:
    """The status bar's content.

    ``state`` is ``connecting``, ``connected``, ``failing``, ``rate_limited``, ``paused`` or
    ``stopped``. ``interval`` is the balance poll period in use; ``requested_interval`` the one
    asked for, larger only when the rate budget forced a stretch.
    """

    state: str
    message: str = ""
    last_poll: float | None = None
    next_poll: float | None = None
    interval: float = 30.0
    requested_interval: float = 30.0
    backoff: float | None = None
    retry_at: float | None = None
    extras: Mapping[str, str] = field(default_factory=dict)

    @property
    def stretched(self) -> bool:
        return self.interval > self.requested_interval + 1e-9
