"""A clock estimate seen through the history: the chart goes on across restarts, and the
drift comes from the longest baseline known.

The live estimate only knows this session's probes: its chart starts empty at every launch
and its rate needs many minutes of one session to say anything. The history keeps every
earlier estimate; ``through_history`` puts the stored points before the live ones and, when
the stored baseline bounds the rate more tightly than the session does, shows that rate
(a guaranteed bound too: see ``core.history.drift``).

The stored rate only pairs estimates of the newest baseline: those with no step of this
machine's wall clock between them (``ntpdate``, ``chronyc makestep``, a reboot with a wrong
RTC; ``core.history.baseline``). After a step it starts afresh, and until it spans enough
time to beat the live rate (which lives in the monotonic domain) the live one is shown.
The earlier points still go before the live ones: each offset is right whatever the steps.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from wallet_gui.core.history.series import DriftEstimate
from wallet_gui.core.state import ClockPoint, ClockState


def through_history(
    state: ClockState, earlier: Sequence[ClockPoint], drift: DriftEstimate | None
) -> ClockState:
    """``state`` with ``earlier`` points (those before its own) and the tighter drift."""
    first = state.history[0].wall_time if state.history else float("inf")
    older = tuple(point for point in earlier if point.wall_time < first)
    changes: dict[str, object] = {}
    if older:
        changes["history"] = older + state.history
    live_width = state.rate_half_width_ppm
    if drift is not None and (live_width is None or drift.half_width_ppm < live_width):
        changes.update(
            rate_ppm=drift.ppm,
            rate_half_width_ppm=drift.half_width_ppm,
            rate_bounds_ppm=(drift.ppm - drift.half_width_ppm, drift.ppm + drift.half_width_ppm),
        )
    return replace(state, **changes) if changes else state  # type: ignore[arg-type]


__all__ = ["through_history"]
