"""What to fetch when: the monitor's polling decisions, free of threads, timers and Qt.

The window's worker and any other long-running front end ask this policy what to do next
and tell it what happened; it answers with delays and status values. It owns every rule of
polling: the clock's acquisition burst and maintenance probes, when balances may start (two
consistent probes, or none at all when the server cannot be reached), the balance interval
stretched to the published rate limits, the rate budget charged with what was really sent,
``Retry-After`` honoured even by a manual refresh, backoff after failures, a fresh burst
after an outage or a resume from sleep, and the configuration re-read now and then.

Time comes from an injected source, so tests drive hours of polling with a virtual clock
and read the policy's public state instead of a worker's private attributes.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from wallet_gui.api.errors import ApiError, WalletError
from wallet_gui.api.limits import RATE_LIMITS
from wallet_gui.clock.sync import SYSTEM_TIME, TimeSource
from wallet_gui.core.rate_budget import Backoff, RateBudget, budget_interval
from wallet_gui.core.reports import ErrorReport
from wallet_gui.core.state import PollState, PollStatus
from wallet_gui.core.translatable import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

#: Probes in an acquisition burst: the research's 8 reach the RTT-limited bound.
BURST_PROBES = 8
#: Two consistent probes are enough to sign requests with the corrected clock.
SIGNING_PROBES = 2
#: The configuration rarely changes; reading it every ten minutes is plenty.
CONFIGURATION_PERIOD_S = 600.0
#: A gap this much larger in wall time than in monotonic time means the machine slept
#: (or the wall clock was stepped): re-acquire the clock and refresh once.
RESUME_GAP_S = 5.0
#: How often a front end should call :meth:`PollPolicy.heartbeat`.
HEARTBEAT_S = 10.0
#: The longest wait a ``Retry-After`` may impose before we ask again anyway.
MAX_RETRY_AFTER_S = 3600.0


class ClockView(Protocol):
    """What the policy reads of the corrected clock (``wallet_gui.clock.CorrectedClock``)."""

    @property
    def usable_for_signing(self) -> bool: ...

    @property
    def acquired(self) -> bool: ...

    def next_send_time(self, now: float, guard: float = 0.05) -> float: ...

    def maintenance_interval(self) -> float: ...

    def reset(self) -> None: ...


class BalanceOutcome(Protocol):
    """One wallet's result as the monitor reports it (``core.monitor.BalanceResult``)."""

    @property
    def error(self) -> WalletError | None: ...


@dataclass(frozen=True, slots=True)
class ClockStep:
    """After a probe: when to probe next, and whether balances may start now."""

    delay: float
    start_balances: bool = False
    #: The clock history was dropped (back after an outage): a new burst starts.
    restarted: bool = False


@dataclass(frozen=True, slots=True)
class BalanceGate:
    """Whether a balance round may go now; if not, how long to wait and why."""

    wait: float
    status: PollStatus | None = None

    @property
    def go(self) -> bool:
        return self.wait <= 0


class PollPolicy:
    """The polling rules for one connection.

    Args:
        wallet_ids: the wallets polled each round.
        requested_interval: the balance period asked for (stretched to fit the limits).
        time_source: monotonic and wall clocks.
        limits: the rate limits to plan and budget with.
        backoff: spacing of balance retries after failures.
        clock_backoff: spacing of clock and configuration retries.
    """

    def __init__(
        self,
        wallet_ids: Sequence[str],
        requested_interval: float,
        *,
        time_source: TimeSource = SYSTEM_TIME,
        limits: tuple[tuple[float, int], ...] = RATE_LIMITS,
        backoff: Backoff | None = None,
        clock_backoff: Backoff | None = None,
    ) -> None:
        self.wallet_ids = tuple(wallet_ids)
        self.requested_interval = requested_interval
        self.time = time_source
        self.limits = limits
        self.budget = RateBudget(limits)
        self.backoff = backoff or Backoff()
        self.clock_backoff = clock_backoff or Backoff(base=5.0, cap=300.0)
        self.state = PollState.CONNECTING
        self.message = ""
        self.report: ErrorReport | None = None  # the failure ``message`` repeats, if one
        self.last_poll: float | None = None  # wall time of the last completed round
        self.next_poll: float | None = None  # wall time of the next round
        self.retry_at: float | None = None  # wall time of the next retry after a failure
        self.burst_left = BURST_PROBES
        self.balances_started = False
        self.network_lost = False
        self._not_before = float("-inf")  # monotonic; from Retry-After
        self._heartbeat_wall = self.time.wall()
        self._heartbeat_mono = self.time.monotonic()

    # -- status --------------------------------------------------------------------------------

    @property
    def interval(self) -> float:
        """The balance period in use: the one asked for, stretched to fit the rate limits."""
        return budget_interval(self.requested_interval, len(self.wallet_ids), self.limits)

    def status(self) -> PollStatus:
        """The status bar's content as of now."""
        return PollStatus(
            state=self.state,
            message=self.message,
            report=self.report,
            last_poll=self.last_poll,
            next_poll=self.next_poll,
            interval=self.interval,
            requested_interval=self.requested_interval,
            backoff=self.retry_at - self.time.wall() if self.retry_at else None,
            retry_at=self.retry_at,
        )

    def set_state(self, state: PollState, message: str) -> PollStatus:
        """Move to ``state``, saying ``message`` (the policy's own words, no failure's)."""
        self.state, self.message, self.report = state, message, None
        return self.status()

    def failed(self, report: ErrorReport) -> PollStatus | None:
        """A request outside a balance round failed; the new status if it changes the state."""
        if self.state in (PollState.CONNECTING, PollState.CONNECTED):
            self.state, self.message, self.report = PollState.FAILING, report.message, report
            return self.status()
        return None

    # -- clock ---------------------------------------------------------------------------------

    def clock_probe_failed(self) -> ClockStep:
        """The server could not be reached for a probe: retry later; sign with the local clock."""
        self.network_lost = True
        start = not self.balances_started
        self.balances_started = True
        return ClockStep(delay=self.clock_backoff.next_delay(), start_balances=start)

    def clock_probe_succeeded(self, clock: ClockView) -> ClockStep:
        """A probe was answered: aim the next one, and let balances start once signing works."""
        self.clock_backoff.reset()
        if self.network_lost:
            # Back after an outage, perhaps on another network whose delays differ:
            # measure afresh with a new burst, starting now.
            self.network_lost = False
            clock.reset()
            self.burst_left = BURST_PROBES
            return ClockStep(delay=0.0, restarted=True)
        self.burst_left = max(0, self.burst_left - 1)
        start = self.last_poll is None and not self.balances_started and clock.usable_for_signing
        if start:
            # Two consistent probes suffice to sign: read balances while the burst goes on.
            self.balances_started = True
        bursting = self.burst_left > 0 and not clock.acquired
        now = self.time.monotonic()
        if bursting and not clock.usable_for_signing:
            # A second probe right away, untargeted: it still bounds the offset, and two
            # consistent probes let the balances start a targeting delay (~0.5 s) sooner.
            send_at = now
        elif bursting:
            send_at = clock.next_send_time(now)
        else:
            self.burst_left = 0
            send_at = clock.next_send_time(now + clock.maintenance_interval())
        return ClockStep(delay=max(0.0, send_at - now), start_balances=start)

    @property
    def wants_burst(self) -> bool:
        """The next clock measurement should be a whole burst (start, outage, resume)."""
        return self.burst_left == BURST_PROBES

    def burst_started(self) -> None:
        self.burst_left = 0

    def signing_ready(self) -> bool:
        """Two probes agree mid-burst: True when the first balance round may start now."""
        start = self.last_poll is None and not self.balances_started
        self.balances_started = True
        return start

    def burst_finished(self, clock: ClockView) -> ClockStep:
        """The burst has its answer: probe again at the maintenance interval."""
        self.clock_backoff.reset()
        self.network_lost = False
        start = self.signing_ready() if clock.usable_for_signing else False
        now = self.time.monotonic()
        send_at = clock.next_send_time(now + clock.maintenance_interval())
        return ClockStep(delay=max(0.0, send_at - now), start_balances=start)

    def heartbeat(self, clock: ClockView) -> bool:
        """Call every ``HEARTBEAT_S``; True when the machine resumed (the clock was reset).

        The caller then probes at once and refreshes the balances a single time.
        """
        wall, mono = self.time.wall(), self.time.monotonic()
        gap = (wall - self._heartbeat_wall) - (mono - self._heartbeat_mono)
        self._heartbeat_wall, self._heartbeat_mono = wall, mono
        if abs(gap) <= RESUME_GAP_S:
            return False
        log.info("wall clock moved %.1f s more than the monotonic clock: resumed?", gap)
        clock.reset()
        self.burst_left = BURST_PROBES
        self.backoff.reset()
        return True

    # -- configuration -------------------------------------------------------------------------

    def configuration_read(self) -> tuple[float, PollStatus | None]:
        """The configuration arrived: the next read's delay, and a new status if any."""
        status = None
        if self.state is PollState.CONNECTING and not self.wallet_ids:
            status = self.set_state(PollState.CONNECTED, "")
        return CONFIGURATION_PERIOD_S, status

    def configuration_failed(self) -> float:
        return self.clock_backoff.next_delay()

    # -- balances ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """The user asked for fresh data: forget the failure backoff (not ``Retry-After``)."""
        self.backoff.reset()

    def balance_gate(self) -> BalanceGate:
        """May a round go now? ``Retry-After`` first, then the rate budget."""
        now = self.time.monotonic()
        if now < self._not_before:
            # The server asked us to wait: not even a manual refresh goes early.
            wait = self._not_before - now
            return BalanceGate(
                wait, self._schedule(wait, PollState.RATE_LIMITED, "Rate limited by the API")
            )
        wait = self.budget.wait_time(len(self.wallet_ids), now)
        if wait > 0:
            return BalanceGate(
                wait,
                self._schedule(wait, PollState.RATE_LIMITED, "Waiting for the API's rate budget"),
            )
        return BalanceGate(0.0)

    def names_affordable(self, missing: int) -> bool:
        """Wallet names are a nicety: fetch them only with room for this round and the next."""
        available = self.budget.available(self.time.monotonic())
        return missing > 0 and available >= missing + 2 * len(self.wallet_ids)

    def record_signed(self, count: int) -> None:
        """Charge the budget with signed requests that were really sent, once they are done.

        The API counts requests when they arrive; completion is a safe upper bound of that,
        whereas the start of a slow round would let a later fast one overfill its window.
        """
        if count:
            self.budget.record(self.time.monotonic(), count)

    def round_finished(self, results: Sequence[BalanceOutcome]) -> tuple[float, PollStatus]:
        """A round's results arrived: the delay to the next round and the status it leads to."""
        self.last_poll = self.time.wall()
        failures = [r.error for r in results if r.error is not None]
        api_failures = [e for e in failures if isinstance(e, ApiError)]
        rate_limited = [e for e in api_failures if e.is_rate_limited]
        retry_after = max((e.retry_after or 0.0 for e in api_failures), default=0.0)
        if retry_after:
            self._not_before = self.time.monotonic() + min(retry_after, MAX_RETRY_AFTER_S)
        if failures and len(failures) == len(results):
            delay = max(self.interval, self.backoff.next_delay(retry_after or None))
            if rate_limited:
                # The window shows the first part translated, and its own countdown.
                limited = QT_TRANSLATE_NOOP("PollStatus", "Rate limited by the API")
                message = f"{limited}; next try in {delay:.0f} s"
                return delay, self._schedule(delay, PollState.RATE_LIMITED, message)
            report = ErrorReport.from_exception(failures[0], "")
            return delay, self._schedule(delay, PollState.FAILING, report.message, report)
        self.backoff.reset()
        if rate_limited:
            delay = max(self.interval, retry_after)
            return delay, self._schedule(
                delay,
                PollState.RATE_LIMITED,
                QT_TRANSLATE_NOOP("PollStatus", "Some requests were rate limited"),
            )
        message = f"{len(failures)} wallet(s) failed" if failures else ""
        return self.interval, self._schedule(self.interval, PollState.CONNECTED, message)

    def _schedule(
        self, delay: float, state: PollState, message: str, report: ErrorReport | None = None
    ) -> PollStatus:
        self.next_poll = self.time.wall() + delay
        self.retry_at = self.next_poll if state.is_retrying else None
        self.state, self.message, self.report = state, message, report
        return self.status()


__all__ = [
    "BURST_PROBES",
    "CONFIGURATION_PERIOD_S",
    "HEARTBEAT_S",
    "RESUME_GAP_S",
    "SIGNING_PROBES",
    "BalanceGate",
    "ClockStep",
    "ClockView",
    "PollPolicy",
]
