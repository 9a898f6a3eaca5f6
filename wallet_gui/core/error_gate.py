"""The book of current problems: which failure opens the error window, which only gets listed,
and when a problem is over.

A monitor polls every few seconds and retries by itself, so most failures heal without anyone
doing anything: a dropped connection, a 5xx, a 429, a garbled answer, a timestamp the clock
re-measurement fixed. Those are *listed* (and shown in the status bar), never pushed at the
user in a window. Failures a retry cannot fix (401, 403, 404 and other refusals, credentials,
our own bugs) *open* the one error window, once per new problem.

Problems are known by ``ErrorReport.key`` (the same failure, whichever request met it) and
the *places* where they currently happen: ``wallet:14471``, ``clock``, ``configuration``,
``balances``, or ``once:…`` for a one-off notice such as "The profile was not saved". A
place clears when the same kind of request succeeds again; a problem without a failing
place is resolved. One-off notices have no request to succeed: they end when the user
closes the window that showed them (``acknowledged``).

Kept apart from Qt, with injected clocks, so the rules are unit-tested without a window
(the window side is ``wallet_gui.ui.error_presenter``).
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from wallet_gui.core.reports import ErrorReport

#: A problem that needs the user opens the window again only this long after it last did.
DEFAULT_REOPEN_AFTER = 300.0
#: Resolved problems beyond this many entries are forgotten, oldest first.
MAX_PROBLEMS = 50

ProblemKey = tuple[str, str | None, int | None, str]

CLOCK_PLACE = "clock"
CONFIGURATION_PLACE = "configuration"
BALANCES_PLACE = "balances"  # the round as a whole (an unexpected error while polling)
_ONE_OFF = "once:"
_WALLET = "wallet:"
_WALLET_CONTEXT = "Balance of wallet "
#: API error codes a retry (after a clock re-measurement, or a wait) is expected to fix.
_RETRIED_CODES = frozenset({"invalid_timestamp", "rate_limit_exceeded"})


def local_now() -> datetime:
    """The current local time, aware of its zone (what a "since HH:MM:SS" counter shows)."""
    return datetime.now().astimezone()


def needs_user(report: ErrorReport) -> bool:
    """Whether only a person can fix this failure (the app's own retries will not)."""
    if report.kind in ("transport", "format"):
        return False
    if report.kind == "api":
        status = report.status or 0
        retried = status >= 500 or status in (408, 429) or report.code in _RETRIED_CODES
        return not retried
    return True  # credentials, configuration, internal errors, anything unknown


def wallet_place(wallet_id: str) -> str:
    return _WALLET + wallet_id


def place_of(context: str) -> str:
    """Which request a report's context names (see the module docstring)."""
    if context.startswith(_WALLET_CONTEXT):
        return wallet_place(context[len(_WALLET_CONTEXT) :])
    if context.startswith("Clock"):
        return CLOCK_PLACE
    if context.startswith("Configuration"):
        return CONFIGURATION_PLACE
    if context == "Balances":
        return BALANCES_PLACE
    return _ONE_OFF + context


class Action(enum.Enum):
    """What the window does about one report."""

    #: A new problem that needs the user: open the error window (or point it at this one).
    OPEN = "open"
    #: List it or count it; the window, if open, updates in place; none opens.
    LIST = "list"


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem as the window lists it.

    ``report`` is its latest report; ``count`` how often it was reported since
    ``first_seen``; ``where`` the contexts still failing (empty once resolved).
    """

    key: ProblemKey
    report: ErrorReport
    count: int
    first_seen: datetime
    needs_user: bool
    where: tuple[str, ...] = ()
    resolved_at: datetime | None = None

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None

    @classmethod
    def single(cls, report: ErrorReport, first_seen: datetime | None = None) -> Problem:
        """A problem seen once, just now (a window showing one report by itself)."""
        return cls(
            report.key, report, 1, first_seen or local_now(), needs_user(report), (report.context,)
        )


@dataclass(frozen=True, slots=True)
class Verdict:
    """The book's answer for one report: the action, the problem, and whether it started
    with this report (a new problem, or one back after it was resolved)."""

    action: Action
    problem: Problem
    started: bool


@dataclass(slots=True)
class _Entry:
    report: ErrorReport
    first_seen: datetime
    count: int = 1
    places: dict[str, str] = field(default_factory=dict)  # place → its latest context
    resolved_at: datetime | None = None
    announced: float | None = None  # monotonic time the window last opened for it

    def problem(self) -> Problem:
        where = tuple(reversed(self.places.values()))
        return Problem(
            self.report.key,
            self.report,
            self.count,
            self.first_seen,
            needs_user(self.report),
            where,
            self.resolved_at,
        )


class ErrorGate:
    """Keeps the current problems and decides which report opens the window.

    Args:
        reopen_after: seconds before a problem that returns may open the window again.
        clock: monotonic seconds (tests pass a fake).
        wall_clock: local time, for "since HH:MM:SS" and "resolved at".
        max_problems: how many problems are kept; resolved ones are forgotten first.
    """

    def __init__(
        self,
        *,
        reopen_after: float = DEFAULT_REOPEN_AFTER,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], datetime] = local_now,
        max_problems: int = MAX_PROBLEMS,
    ) -> None:
        self.reopen_after = reopen_after
        self._clock = clock
        self._wall_clock = wall_clock
        self._max = max_problems
        self._entries: dict[ProblemKey, _Entry] = {}  # oldest episode first

    # -- what happened ---------------------------------------------------------------------

    def admit(self, report: ErrorReport) -> Verdict:
        """One more report: count it against its problem, or start one."""
        entry, started = self._entry_for(report)
        if not started:
            entry.count += 1
            entry.report = report
        entry.places[place_of(report.context)] = report.context
        action = Action.LIST
        if started and needs_user(report):
            last = entry.announced
            if last is None or self._clock() - last >= self.reopen_after:
                entry.announced = self._clock()
                action = Action.OPEN
        self._trim()
        return Verdict(action, entry.problem(), started)

    def still_failing(self, report: ErrorReport) -> bool:
        """A request failed again with an open problem already counted this time (another
        wallet of the same round): note where, without counting. False when the problem is
        not open: then it is news, for ``admit``."""
        entry = self._entries.get(report.key)
        if entry is None or entry.resolved_at is not None:
            return False
        entry.places[place_of(report.context)] = report.context
        return True

    def succeeded(self, *places: str) -> list[ProblemKey]:
        """Requests of these places worked: their problems there are over. Returns the keys
        of the problems this resolved."""
        return self._clear(lambda place: place in places)

    def acknowledged(self) -> list[ProblemKey]:
        """The user closed the window: the one-off notices it showed are over."""
        return self._clear(lambda place: place.startswith(_ONE_OFF))

    def reset(self) -> None:
        """Forget every problem (another connection starts)."""
        self._entries.clear()

    # -- what to show ----------------------------------------------------------------------

    def problems(self) -> tuple[Problem, ...]:
        """Every problem kept, the newest first (an order that does not jump as they heal)."""
        return tuple(entry.problem() for entry in reversed(self._entries.values()))

    def problem(self, key: ProblemKey) -> Problem | None:
        entry = self._entries.get(key)
        return None if entry is None else entry.problem()

    @property
    def open_count(self) -> int:
        return sum(1 for entry in self._entries.values() if entry.resolved_at is None)

    # -- inside ------------------------------------------------------------------------------

    def _entry_for(self, report: ErrorReport) -> tuple[_Entry, bool]:
        entry = self._entries.get(report.key)
        if entry is not None and entry.resolved_at is None:
            return entry, False
        fresh = _Entry(report, self._wall_clock())
        if entry is not None:  # back after it was resolved: a new episode, at the top
            fresh.announced = entry.announced
            del self._entries[report.key]
        self._entries[report.key] = fresh
        return fresh, True

    def _clear(self, cleared: Callable[[str], bool]) -> list[ProblemKey]:
        resolved: list[ProblemKey] = []
        for key, entry in self._entries.items():
            if entry.resolved_at is not None:
                continue
            for place in [p for p in entry.places if cleared(p)]:
                del entry.places[place]
            if not entry.places:
                entry.resolved_at = self._wall_clock()
                resolved.append(key)
        return resolved

    def _trim(self) -> None:
        excess = len(self._entries) - self._max
        for key in [k for k, e in self._entries.items() if e.resolved_at is not None]:
            if excess <= 0:
                break
            del self._entries[key]
            excess -= 1


__all__ = [
    "BALANCES_PLACE",
    "CLOCK_PLACE",
    "CONFIGURATION_PLACE",
    "DEFAULT_REOPEN_AFTER",
    "MAX_PROBLEMS",
    "Action",
    "ErrorGate",
    "Problem",
    "ProblemKey",
    "Verdict",
    "local_now",
    "needs_user",
    "place_of",
    "wallet_place",
]
