"""One connection's work, independent of any UI: clock probes, configuration and balances.

Both front ends drive it: ``wallet-gui check`` from the main thread, the window from its
worker thread. It owns the client and the corrected clock that signs the client's requests,
and turns a ``401 invalid_timestamp`` into a fresh clock measurement before the client's
single retry. Balances of many wallets are fetched concurrently over the client's one
keep-alive pool, so a refresh costs about one round trip rather than one per wallet; the
clock's acquisition burst (``burst``) likewise keeps several probes in flight over that
pool, on threads of its own, and answers in about two seconds.
"""

from __future__ import annotations

import logging
import math
import queue
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from wallet_gui.api.client import DEFAULT_TIMEOUT_S
from wallet_gui.api.errors import ApiError, WalletError
from wallet_gui.api.models import Configuration, CurrencyBalance, StatementPage, TimeSample
from wallet_gui.clock import CorrectedClock, OffsetEstimate, Probe, Verdict, acquire
from wallet_gui.clock.burst import ANSWER_TARGET_S, MAX_REQUESTS, run_burst
from wallet_gui.clock.sync import SYSTEM_TIME, TimeSource
from wallet_gui.core.connection import ConnectionSettings, build_client
from wallet_gui.core.state import ClockPoint, ClockState

log = logging.getLogger(__name__)

#: Concurrent requests for a refresh. Forty is what the rate limit lets through in one go
#: with headroom (60 a minute), so any refresh the budget allows costs one round trip;
#: the keep-alive pool is sized to match, or connections would be reopened every time.
DEFAULT_CONCURRENCY = 40
#: A re-measurement this recent is reused by other requests refused at the same moment.
_RESYNC_REUSE_S = 2.0
HISTORY_POINTS = 500


def probe_from_sample(sample: TimeSample) -> Probe:
    return Probe(
        sent=sample.sent,
        received=sample.received,
        server_time=sample.server_time,
        wall_offset=sample.wall_offset,
        cached=sample.cached,
    )


@dataclass(frozen=True, slots=True)
class BalanceResult:
    """One wallet's balances or the error that prevented them."""

    wallet_id: str
    balances: dict[str, CurrencyBalance] | None = None
    error: WalletError | None = None

    @property
    def context(self) -> str:
        """What a report of this wallet's failure says it was about."""
        return f"Balance of wallet {self.wallet_id}"

    @property
    def timestamp_refused(self) -> bool:
        """The server refused the signature's timestamp: the clock panel must say so."""
        return isinstance(self.error, ApiError) and self.error.is_invalid_timestamp


class Monitor:
    """Client, corrected clock and fetch pool for one profile.

    Args:
        settings: where and how to connect.
        secret: the MAC key or the client key's passphrase (kept only inside the auth object).
        on_resync: called (from whichever thread noticed) after the clock was re-measured
            because the server refused a timestamp; the window shows it in the clock panel.
    """

    def __init__(
        self,
        settings: ConnectionSettings,
        secret: str | None,
        *,
        time_source: TimeSource = SYSTEM_TIME,
        max_concurrency: int = DEFAULT_CONCURRENCY,
        timeout: float = DEFAULT_TIMEOUT_S,
        on_resync: Callable[[str], None] | None = None,
    ) -> None:
        self.settings = settings
        self.time = time_source
        self.clock = CorrectedClock(time_source=time_source)
        self.on_resync = on_resync
        self.resyncs = 0
        self._resync_lock = threading.Lock()
        self._last_resync = float("-inf")
        self.client = build_client(
            settings,
            secret,
            clock=self.clock,
            on_invalid_timestamp=self._resync,
            timeout=timeout,
            max_concurrency=max_concurrency,
        )
        self._pool = ThreadPoolExecutor(
            max_workers=max(1, max_concurrency), thread_name_prefix="wallet-fetch"
        )
        # A burst's probes have threads of their own: queued behind a balance round they
        # would leave late, and a probe's worth is in leaving when it was aimed.
        self._burst_width = max(1, min(MAX_REQUESTS, max_concurrency))
        self._aborted = threading.Event()
        self._launcher: _ProbeLauncher | None = None  # the running burst's, for abort()
        self._clock_pool = ThreadPoolExecutor(
            max_workers=self._burst_width, thread_name_prefix="wallet-clock"
        )

    # -- clock ---------------------------------------------------------------------------------

    def probe(self) -> Verdict:
        """One ``GET /server`` probe fed to the estimator."""
        verdict = self.clock.add(probe_from_sample(self.client.server_time_sample()))
        if verdict is not Verdict.ACCEPTED:
            log.info("clock probe %s", verdict.value)
        return verdict

    def acquire(self, probes: int = 8, deadline_s: float = 12.0) -> OffsetEstimate | None:
        """A targeted burst of probes; see ``wallet_gui.clock.acquire``."""
        return acquire(
            self.clock,
            lambda: probe_from_sample(self.client.server_time_sample()),
            probes=probes,
            time_source=self.time,
            deadline_s=deadline_s,
        )

    def burst(
        self,
        deadline_s: float = 10.0,
        *,
        target_s: float = ANSWER_TARGET_S,
        on_signing_ready: Callable[[], None] | None = None,
    ) -> OffsetEstimate | None:
        """Measure the clock with one concurrent burst; the estimate, or ``None``.

        Up to 16 ``GET /server`` probes, several in flight at once over the keep-alive pool,
        planned by ``wallet_gui.clock.burst``: the answer is typically ready 1.5 s after
        the call, at most ``target_s`` (2 s) after it at round trips up to 100 ms (beyond
        120 ms, three times the excess more), and never after ``deadline_s``. Blocks the
        calling thread; ``on_signing_ready`` is called from it once two consistent probes
        allow signed requests, so they can start while the burst goes on. Answers still
        in flight at the end go into the clock when they land. Raises the first error if
        every probe failed.
        """
        burst_time = _AbortableTime(self.time, self._aborted)
        launcher = _ProbeLauncher(
            self._clock_pool,
            lambda: probe_from_sample(self.client.server_time_sample()),
            self.clock,
            burst_time,
        )
        self._launcher = launcher
        if self._aborted.is_set():
            launcher.wake()  # aborted while this was being set up
        try:
            return run_burst(
                self.clock,
                launcher,
                time_source=burst_time,
                target_s=target_s,
                deadline_s=deadline_s,
                max_in_flight=self._burst_width,
                on_usable=on_signing_ready,
            )
        finally:
            self._launcher = None
            launcher.close()

    def _resync(self) -> None:
        """Re-measure after ``invalid_timestamp``: forget history, two immediate probes."""
        with self._resync_lock:
            if self.time.monotonic() - self._last_resync < _RESYNC_REUSE_S:
                return
            self.clock.reset()
            for _ in range(2):
                self.probe()
            self._last_resync = self.time.monotonic()
            self.resyncs += 1
        estimate = self.clock.estimate()
        text = "clock re-measured after the server refused a request's timestamp"
        if estimate is not None:
            text += f" (offset now {estimate.offset:+.3f} s)"
        log.warning(text)
        if self.on_resync is not None:
            self.on_resync(text)

    def clock_state(
        self, *, signatures_failing: bool = False, note: str | None = None
    ) -> ClockState:
        estimate = self.clock.estimate()
        history = tuple(
            ClockPoint(wall_time=e.wall_at, offset=e.offset, half_width=e.half_width)
            for e in self.clock.history()[-HISTORY_POINTS:]
        )
        if estimate is None:
            return ClockState(history=history, signatures_failing=signatures_failing, note=note)
        return ClockState(
            offset=estimate.offset,
            half_width=estimate.half_width,
            typical_error=estimate.typical_error,
            rtt_min=estimate.rtt_min,
            rate_ppm=estimate.rate_ppm,
            rate_half_width_ppm=estimate.rate_half_width_ppm,
            rate_bounds_ppm=estimate.rate_bounds_ppm,
            samples=estimate.samples,
            falsetickers=estimate.falsetickers,
            measured_at=history[-1].wall_time if history else None,
            signatures_failing=signatures_failing,
            note=note,
            history=history,
        )

    # -- data ----------------------------------------------------------------------------------

    def configuration(self) -> Configuration:
        return self.client.configuration()

    def wallet_names(self, wallet_ids: Iterable[str]) -> dict[str, str | None]:
        """Display names where the API gives one; a failure here is not worth reporting."""

        def name(wallet_id: str) -> str | None:
            try:
                return self.client.wallet(wallet_id).display_name
            except WalletError:
                return None

        ids = list(wallet_ids)
        return dict(zip(ids, self._pool.map(name, ids), strict=True))

    def balances(self, wallet_ids: Iterable[str]) -> list[BalanceResult]:
        """Every wallet's balances, fetched concurrently, in the order given."""

        def fetch(wallet_id: str) -> BalanceResult:
            try:
                return BalanceResult(wallet_id, balances=self.client.wallet_balance(wallet_id))
            except WalletError as error:
                return BalanceResult(wallet_id, error=error)

        return list(self._pool.map(fetch, list(wallet_ids)))

    def fetch_statements(
        self,
        wallet_id: str,
        *,
        limit: int | None = None,
        offset: int | None = None,
        after: str | None = None,
        before: str | None = None,
        date_from: int | None = None,
        date_to: int | None = None,
        currency: str | None = None,
    ) -> StatementPage:
        """One page of a wallet's statements (``WalletClient.statements``): signed with the
        corrected clock, re-signed once after ``invalid_timestamp``, counted in
        ``client.signed_requests_sent`` like every signed request; raises ``WalletError``.
        The next, older page is ``after=page.last``; ``before=page.first`` reads newer ones."""
        return self.client.statements(
            wallet_id,
            limit=limit,
            offset=offset,
            after=after,
            before=before,
            date_from=date_from,
            date_to=date_to,
            currency=currency,
        )

    # -- lifecycle -----------------------------------------------------------------------------

    def abort(self) -> None:
        """Cancel requests in flight and a burst's waits (any thread); the monitor is done."""
        self._aborted.set()
        self.client.abort()
        launcher = self._launcher
        if launcher is not None:
            launcher.wake()  # a burst waiting for answers (up to a second) ends at once

    def close(self) -> None:
        self._aborted.set()
        self.client.abort()
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._clock_pool.shutdown(wait=True, cancel_futures=True)
        self.client.close()


class _AbortableTime:
    """The monitor's clocks for a burst, whose time runs out the moment the monitor aborts.

    A burst sleeps between planned probes (up to a second); on shutdown it must not. Once
    aborted, ``monotonic`` reads past any deadline, so the burst ends at its next look at
    the time, and every sleep returns at once.
    """

    def __init__(self, base: TimeSource, aborted: threading.Event) -> None:
        self._base = base
        self._aborted = aborted

    def monotonic(self) -> float:
        return math.inf if self._aborted.is_set() else self._base.monotonic()

    def wall(self) -> float:
        return self._base.wall()

    def sleep_until(self, monotonic_deadline: float) -> None:
        remaining = monotonic_deadline - self._base.monotonic()
        if remaining > 0:
            self._aborted.wait(remaining)


class _ProbeLauncher:
    """Runs a burst's probes on pool threads (``wallet_gui.clock.burst.Launcher``).

    Each probe's thread sleeps until its send time, then makes the request; outcomes come
    back through a queue to the thread running the burst. Once the burst has returned
    (``close``), a probe not yet sent is not sent, and an answer landing late goes
    straight into the clock: it is a valid measurement all the same.
    """

    def __init__(
        self,
        pool: ThreadPoolExecutor,
        sample: Callable[[], Probe],
        clock: CorrectedClock,
        time_source: TimeSource,
    ) -> None:
        self._pool = pool
        self._sample = sample
        self._clock = clock
        self._time = time_source
        self._outcomes: queue.SimpleQueue[tuple[float, Probe | Exception] | None] = (
            queue.SimpleQueue()
        )  # None: wake the burst (aborted)
        self._lock = threading.Lock()  # makes "not closed, so queue it" one step
        self._closed = threading.Event()

    def launch(self, send_at: float) -> None:
        self._pool.submit(self._probe, send_at)

    def _probe(self, send_at: float) -> None:
        self._time.sleep_until(send_at)
        if self._closed.is_set():
            return
        outcome: Probe | Exception
        try:
            outcome = self._sample()
        except Exception as error:  # noqa: BLE001 - handed to the burst, which decides
            outcome = error
        with self._lock:
            if not self._closed.is_set():
                self._outcomes.put((send_at, outcome))
                return
        self._keep(outcome)

    def wait(self, until: float) -> tuple[float, Probe | Exception] | None:
        try:
            return self._outcomes.get(timeout=max(0.0, until - self._time.monotonic()))
        except queue.Empty:
            return None

    def wake(self) -> None:
        """End a ``wait`` now (any thread): the burst then looks at the time, aborted."""
        self._outcomes.put(None)

    def close(self) -> None:
        with self._lock:
            self._closed.set()
        while True:
            try:
                item = self._outcomes.get_nowait()
            except queue.Empty:
                return
            if item is not None:
                self._keep(item[1])

    def _keep(self, outcome: Probe | Exception) -> None:
        if isinstance(outcome, Probe):
            verdict = self._clock.add(outcome)
            if verdict is not Verdict.ACCEPTED:
                log.info("late clock probe %s", verdict.value)
        else:
            log.debug("clock probe failed after the burst ended: %s", outcome)
