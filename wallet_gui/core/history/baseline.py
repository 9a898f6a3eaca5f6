"""Baselines: which stored clock estimates may be compared for a rate.

The long-baseline drift divides an offset change by the wall time between two estimates.
That is a rate only if this machine's wall clock ran continuously in between: a user who
sees a 3 s skew and runs ``ntpdate`` or ``chronyc makestep``, or a boot whose RTC was off,
steps the wall clock, and a pair across the step would report the step as an absurd drift,
as if it were certain.

So each estimate also records where it sits on a clock that is never stepped: under Linux
``CLOCK_BOOTTIME`` (unlike ``CLOCK_MONOTONIC`` it goes on counting through suspend) together
with this boot's id, since that clock restarts at every boot. Consecutive estimates belong
to one *baseline* only when the boot is the same and ``wall − boottime`` moved by no more
than NTP's slew allows (``same_baseline``); the drift pairs estimates of the newest baseline
only. Without a boot clock (not Linux, or unreadable) nothing comparable across launches is
known: every launch (process) is a baseline of its own, and within it ``time.monotonic()``
still tells steps from slews.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

#: The fastest rate at which NTP daemons slew a clock (ntpd's and chrony's default limit).
SLEW_LIMIT_PPM = 500.0
#: Allowance for reading two clocks one after the other, and for rounding stored times.
READING_TOLERANCE_S = 0.005

BOOT_ID_PATH = Path("/proc/sys/kernel/random/boot_id")

#: The baseline of estimates stored before anchors were (schema 3): whether the wall clock
#: was stepped between them is unknown, so the drift never pairs them.
LEGACY_BASELINE = 0
#: The baseline of a profile's first anchored estimate; each new one counts up from here.
FIRST_BASELINE = 1


@dataclass(frozen=True, slots=True)
class ClockAnchor:
    """How a wall-clock reading relates to a clock that is never stepped.

    ``wall_minus_steady_s`` is wall time − that steady clock, in seconds: ``CLOCK_BOOTTIME``
    when ``boot_id`` is known, else this process's ``time.monotonic()`` (which only means
    something within one launch, so it is never stored). ``None`` where nothing is known.
    """

    boot_id: str | None = None
    wall_minus_steady_s: float | None = None

    @property
    def spans_launches(self) -> bool:
        """Comparable with an anchor of another launch of the same boot: worth storing."""
        return self.boot_id is not None and self.wall_minus_steady_s is not None


def same_baseline(
    previous: ClockAnchor,
    previous_at: float,
    current: ClockAnchor,
    current_at: float,
    *,
    same_launch: bool,
) -> bool:
    """Whether the estimate at wall time ``current_at`` continues the baseline of the one at
    ``previous_at``: no step of the wall clock can lie between them.

    NTP may slew the wall clock at up to ``SLEW_LIMIT_PPM``; a slew is part of the clock's
    rate, which the drift measures. Anything beyond that (plus ``READING_TOLERANCE_S``) over
    the steady time between the two is a step, and a new baseline starts. Anchors of
    different boots, of two launches without a boot clock, or of different kinds (one with
    a boot clock, one without) never share a baseline: nothing relates their clocks.
    """
    if previous.spans_launches != current.spans_launches:
        return False
    if previous.spans_launches:
        if previous.boot_id != current.boot_id:
            return False
    elif not same_launch:
        return False
    before, after = previous.wall_minus_steady_s, current.wall_minus_steady_s
    if before is None or after is None:
        # One launch that knows no steady clock at all is trusted as a whole, as every
        # launch is its own baseline (only injected anchors look like this: read_anchor
        # always has time.monotonic()).
        return before is None and after is None
    elapsed = abs((current_at - after) - (previous_at - before))  # on the steady clock
    return abs(after - before) <= SLEW_LIMIT_PPM * 1e-6 * elapsed + READING_TOLERANCE_S


def read_anchor() -> ClockAnchor:
    """This machine's anchor now: ``CLOCK_BOOTTIME`` and the boot id where Linux has them,
    else this process's monotonic clock."""
    boot_clock = getattr(time, "CLOCK_BOOTTIME", None)
    boot_id = _boot_id()
    if boot_clock is not None and boot_id is not None:
        try:
            return ClockAnchor(boot_id, _wall_minus(lambda: time.clock_gettime(boot_clock)))
        except OSError:
            pass
    return ClockAnchor(None, _wall_minus(time.monotonic))


def _wall_minus(steady: Callable[[], float]) -> float:
    """``time.time() − steady()`` from the tightest of three bracketed readings, so that a
    preemption between the two reads cannot pass for a step."""
    best: tuple[float, float] | None = None  # (bracket width, difference)
    for _ in range(3):
        before = time.time()
        reading = float(steady())
        after = time.time()
        candidate = (after - before, (before + after) / 2 - reading)
        if best is None or candidate[0] < best[0]:
            best = candidate
    assert best is not None
    return best[1]


@functools.cache
def _boot_id() -> str | None:
    """The boot's id: it cannot change while this process lives, so it is read once."""
    try:
        text = BOOT_ID_PATH.read_text(encoding="ascii").strip()
    except (OSError, UnicodeError):
        return None
    return text or None


__all__ = [
    "FIRST_BASELINE",
    "LEGACY_BASELINE",
    "READING_TOLERANCE_S",
    "SLEW_LIMIT_PPM",
    "ClockAnchor",
    "read_anchor",
    "same_baseline",
]
