"""What the window shows, as immutable values the worker thread sends to the GUI thread.

The worker turns estimator and client results into these; widgets only read them. Keeping
them plain (no Qt, no live objects) makes them safe to pass through queued signals and
easy to build by hand in widget tests.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from wallet_gui.api.models import CurrencyBalance
from wallet_gui.core.reports import ErrorReport


class PollState(enum.StrEnum):
    """Where polling stands; the status bar's wording and colour follow it."""

    CONNECTING = "connecting"
    CONNECTED = "connected"
    FAILING = "failing"
    RATE_LIMITED = "rate_limited"
    PAUSED = "paused"
    STOPPED = "stopped"

    @property
    def is_retrying(self) -> bool:
        """The next poll is a retry after a failure or a refusal, not a routine one."""
        return self in (PollState.FAILING, PollState.RATE_LIMITED)


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
    #: The rate's guaranteed bounds so far, known before the rate itself is narrow enough.
    rate_bounds_ppm: tuple[float, float] | None = None
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

    ``interval`` is the balance poll period in use; ``requested_interval`` the one asked for,
    larger only when the rate budget forced a stretch. ``report`` is the failure whose
    message ``message`` repeats, when it repeats one: the window says the report in its own
    language, while ``message`` stays the English line for logs and tools.
    """

    state: PollState
    message: str = ""
    report: ErrorReport | None = None
    last_poll: float | None = None
    next_poll: float | None = None
    interval: float = 30.0
    requested_interval: float = 30.0
    backoff: float | None = None
    retry_at: float | None = None
    extras: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Accept the plain string too ("connected"): tests and tools build these by hand.
        object.__setattr__(self, "state", PollState(self.state))

    @property
    def stretched(self) -> bool:
        return self.interval > self.requested_interval + 1e-9


@dataclass(frozen=True, slots=True)
class RoundResult:
    """Everything one balance poll round produced, delivered as one value.

    Wallets and the status they lead to travel together, so a listener never sees the
    wallets of one round beside the status of another, and the table repaints once a round.
    """

    wallets: tuple[WalletBalances, ...]
    status: PollStatus


@dataclass(frozen=True, slots=True)
class RequestInFlight:
    """A request the worker is waiting for: what it is and since when (wall time).

    The window shows one that takes long, so a slow or stalled server reads as such
    instead of as a frozen app.
    """

    what: str
    since: float
