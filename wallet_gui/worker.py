"""The bridge between the window and the network: one worker object on one QThread.

``PollWorker`` lives on a named ``QThread`` and does every network call there; its timers
are created on that thread. It follows the clock estimator's plan for probes (a targeted
burst, then maintenance), reads the configuration now and then, and the balances every
interval, stretched when the published rate limits require it. ``Poller`` lives on the GUI
thread: it owns the thread, forwards intents (refresh, stop) as queued signals and re-emits
the worker's results as its own signals, so widgets and tests only ever connect to a GUI
object. Results are immutable values from ``wallet_gui.state``.

Shutdown is staged and idempotent: cancel requests in flight (``Monitor.abort`` shuts the
sockets from the GUI thread), ask the thread to quit, wait for it; timers are stopped on the
worker thread as it finishes. It never calls ``terminate()``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot

from wallet_gui.api.errors import ApiError, WalletError
from wallet_gui.connection import ConnectionSettings
from wallet_gui.monitor import BalanceResult, Monitor
from wallet_gui.reports import ErrorReport
from wallet_gui.scheduler import Backoff, RateBudget, budget_interval
from wallet_gui.state import PollStatus, WalletBalances

log = logging.getLogger(__name__)

#: The configuration rarely changes; reading it every ten minutes is plenty.
CONFIGURATION_PERIOD_S = 600.0
#: A gap this much larger in wall time than in monotonic time means the machine slept
#: (or the wall clock was stepped): re-acquire the clock and refresh once.
RESUME_GAP_S = 5.0
HEARTBEAT_MS = 10_000
#: Probes in an acquisition burst.
BURST_PROBES = 8


class PollWorker(QObject):
    """Does the polling on the worker thread.

    Signals:
        clockChanged(ClockState), configurationChanged(Configuration),
        walletChanged(WalletBalances), statusChanged(PollStatus),
        errorOccurred(ErrorReport): results, emitted on the worker thread.
    """

    clockChanged = Signal(object)
    configurationChanged = Signal(object)
    walletChanged = Signal(object)
    statusChanged = Signal(object)
    errorOccurred = Signal(object)

    def __init__(
        self,
        monitor_factory: Callable[[], Monitor],
        settings: ConnectionSettings,
    ) -> None:
        super().__init__()
        self._monitor_factory = monitor_factory
        self.settings = settings
        self.monitor: Monitor | None = None
        self._budget = RateBudget()
        self._backoff = Backoff()
        self._clock_backoff = Backoff(base=5.0, cap=300.0)
        self._names: dict[str, str | None] = {}
        self._last_poll: float | None = None
        self._next_poll: float | None = None
        self._burst_left = BURST_PROBES
        self._balances_started = False
        self._signatures_failing = False
        self._note: str | None = None
        self._state = "connecting"
        self._retry_at: float | None = None
        self._not_before = float("-inf")  # monotonic; set from Retry-After
        self._stopped = False
        self._network_lost = False
        self._heartbeat_wall = time.time()
        self._heartbeat_mono = time.monotonic()
        self._timers: list[QTimer] = []

    # -- lifecycle (worker thread) -------------------------------------------------------------

    def _timer(self, name: str, slot: Callable[[], None], *, precise: bool = False) -> QTimer:
        timer = QTimer(self)
        timer.setObjectName(name)
        timer.setSingleShot(True)
        if precise:
            timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.timeout.connect(slot)
        self._timers.append(timer)
        return timer

    @Slot()
    def start(self) -> None:
        try:
            self.monitor = self._monitor_factory()
        except WalletError as error:
            self._report(error, "Setting up the connection")
            self._set_status("failing", str(error))
            return
        self.monitor.on_resync = self._on_resync
        self._clock_timer = self._timer("clockProbeTimer", self._probe_clock, precise=True)
        self._balance_timer = self._timer("balanceTimer", self.poll_balances)
        self._configuration_timer = self._timer("configurationTimer", self.poll_configuration)
        self._heartbeat = self._timer("heartbeatTimer", self._check_resume)
        self._heartbeat.setSingleShot(False)
        self._heartbeat.start(HEARTBEAT_MS)
        self._clock_timer.start(0)
        self._configuration_timer.start(0)
        self._set_status("connecting", "Measuring the clock and reading the configuration…")

    @Slot()
    def cleanup(self) -> None:
        """Runs on the worker thread as it finishes (connected directly to ``finished``)."""
        self._stopped = True
        for timer in self._timers:
            timer.stop()
        if self.monitor is not None:
            self.monitor.close()

    def abort(self) -> None:
        """Thread-safe: cancel requests in flight so the thread can finish at once."""
        self._stopped = True
        if self.monitor is not None:
            self.monitor.abort()

    # -- intents (worker thread) ---------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """Refresh now (F5): balances and configuration, within the rate budget."""
        if self.monitor is None or self._stopped:
            return
        self._backoff.reset()
        self._configuration_timer.start(0)
        self._balance_timer.start(0)

    # -- clock ---------------------------------------------------------------------------------

    @Slot()
    def _probe_clock(self) -> None:
        monitor = self.monitor
        if monitor is None or self._stopped:
            return
        try:
            monitor.probe()
        except WalletError as error:
            if self._stopped:
                return
            self._network_lost = True
            self._report(error, "Clock measurement (GET /server)")
            self._clock_timer.start(int(1000 * self._clock_backoff.next_delay()))
            if not self._balances_started:
                # Without a clock, sign with the local one rather than show nothing.
                self._balances_started = True
                self._balance_timer.start(0)
            return
        self._clock_backoff.reset()
        if self._network_lost:
            # Back after an outage, perhaps on another network whose delays differ:
            # measure afresh with a new burst, starting now.
            self._network_lost = False
            monitor.clock.reset()
            self._burst_left = BURST_PROBES
            self._clock_timer.start(0)
            return
        self._emit_clock()
        self._burst_left = max(0, self._burst_left - 1)
        if (
            self._last_poll is None
            and not self._balances_started
            and monitor.clock.usable_for_signing
        ):
            # Two consistent probes suffice to sign: read balances while the burst goes on.
            self._balances_started = True
            self._balance_timer.start(0)
        bursting = self._burst_left > 0 and not monitor.clock.acquired
        now = time.monotonic()
        if bursting and not monitor.clock.usable_for_signing:
            # A second probe right away, untargeted: it still bounds the offset, and two
            # consistent probes let the balances start a targeting delay (~0.5 s) sooner.
            send_at = now
        elif bursting:
            send_at = monitor.clock.next_send_time(now)
        else:
            self._burst_left = 0
            send_at = monitor.clock.next_send_time(now + monitor.clock.maintenance_interval())
        self._clock_timer.start(max(0, int(1000 * (send_at - now))))

    def _emit_clock(self) -> None:
        if self.monitor is not None:
            self.clockChanged.emit(
                self.monitor.clock_state(
                    signatures_failing=self._signatures_failing, note=self._note
                )
            )

    def _on_resync(self, text: str) -> None:
        # Called from whichever thread saw the refusal; the next clock emission shows it.
        self._note = f"{time.strftime('%H:%M:%S')}: {text}"

    @Slot()
    def _check_resume(self) -> None:
        wall, mono = time.time(), time.monotonic()
        gap = (wall - self._heartbeat_wall) - (mono - self._heartbeat_mono)
        self._heartbeat_wall, self._heartbeat_mono = wall, mono
        if abs(gap) > RESUME_GAP_S and self.monitor is not None:
            log.info("wall clock moved %.1f s more than the monotonic clock: resumed?", gap)
            self.monitor.clock.reset()
            self._burst_left = BURST_PROBES
            self._clock_timer.start(0)
            self._backoff.reset()
            self._balance_timer.start(0)

    # -- configuration -------------------------------------------------------------------------

    @Slot()
    def poll_configuration(self) -> None:
        if self.monitor is None or self._stopped:
            return
        try:
            configuration = self.monitor.configuration()
        except WalletError as error:
            if not self._stopped:
                self._report(error, "Configuration (GET /configuration)")
                self._configuration_timer.start(int(1000 * self._clock_backoff.next_delay()))
            return
        self.configurationChanged.emit(configuration)
        if self._state == "connecting" and not self.settings.wallet_ids:
            self._set_status("connected", "")
        self._configuration_timer.start(int(1000 * CONFIGURATION_PERIOD_S))

    # -- balances ------------------------------------------------------------------------------

    @property
    def interval(self) -> float:
        """The balance period in use: the one asked for, stretched to fit the rate limits."""
        return budget_interval(self.settings.interval, len(self.settings.wallet_ids))

    @Slot()
    def poll_balances(self) -> None:
        monitor = self.monitor
        wallet_ids = list(self.settings.wallet_ids)
        if monitor is None or self._stopped or not wallet_ids:
            return
        now = time.monotonic()
        if now < self._not_before:
            # The server asked us to wait (Retry-After): not even a manual refresh goes early.
            self._schedule_balances(
                self._not_before - now, "rate_limited", "Rate limited by the API"
            )
            return
        wait = self._budget.wait_time(len(wallet_ids), now)
        if wait > 0:
            self._schedule_balances(wait, "rate_limited", "Waiting for the API's rate budget")
            return
        # Names first, when the budget has room, so that rows appear with them.
        self._fetch_missing_names(wallet_ids)
        sent_before = monitor.client.signed_requests_sent
        results = monitor.balances(wallet_ids)
        self._record_signed(sent_before)
        if self._stopped:
            return
        self._last_poll = time.time()
        self._publish(results)

    def _publish(self, results: list[BalanceResult]) -> None:
        reported: set[tuple[object, ...]] = set()
        failures: list[WalletError] = []
        for result in results:
            error_report = None
            if result.error is not None:
                failures.append(result.error)
                error_report = ErrorReport.from_exception(
                    result.error, f"Balance of wallet {result.wallet_id}"
                )
                if error_report.key not in reported:
                    reported.add(error_report.key)
                    self.errorOccurred.emit(error_report)
            self.walletChanged.emit(
                WalletBalances(
                    wallet_id=result.wallet_id,
                    display_name=self._names.get(result.wallet_id),
                    balances=result.balances,
                    updated_at=self._last_poll if result.balances is not None else None,
                    error=error_report,
                )
            )
        self._signatures_failing = any(
            isinstance(e, ApiError) and e.is_invalid_timestamp for e in failures
        )
        if self._signatures_failing or self._note:
            self._emit_clock()
        rate_limited = [e for e in failures if isinstance(e, ApiError) and e.is_rate_limited]
        retry_after = max(
            (e.retry_after or 0 for e in failures if isinstance(e, ApiError)), default=0
        )
        if retry_after:
            self._not_before = time.monotonic() + min(retry_after, 3600.0)
        if len(failures) == len(results):
            delay = max(self.interval, self._backoff.next_delay(retry_after or None))
            state = "rate_limited" if rate_limited else "failing"
            message = str(failures[0])
            if rate_limited:
                message = f"Rate limited by the API; next try in {delay:.0f} s"
            self._schedule_balances(delay, state, message)
            return
        self._backoff.reset()
        if rate_limited:
            delay = max(self.interval, retry_after)
            self._schedule_balances(delay, "rate_limited", "Some requests were rate limited")
            return
        message = "" if not failures else f"{len(failures)} wallet(s) failed"
        self._schedule_balances(self.interval, "connected", message)

    def _fetch_missing_names(self, wallet_ids: list[str]) -> None:
        missing = [w for w in wallet_ids if w not in self._names]
        # Only with room to spare for this poll and the next: names are a nicety.
        if not missing or self._budget.available(time.monotonic()) < len(missing) + 2 * len(
            wallet_ids
        ):
            return
        assert self.monitor is not None
        sent_before = self.monitor.client.signed_requests_sent
        self._names.update(self.monitor.wallet_names(missing))
        self._record_signed(sent_before)

    def _record_signed(self, sent_before: int) -> None:
        """Charge the budget with what was really sent, retries included, once it is done.

        The API counts requests when they arrive; completion is a safe upper bound of that,
        whereas the start of a slow poll would let a later fast one overfill its window.
        """
        assert self.monitor is not None
        sent = self.monitor.client.signed_requests_sent - sent_before
        if sent:
            self._budget.record(time.monotonic(), sent)

    def _schedule_balances(self, delay: float, state: str, message: str) -> None:
        self._balance_timer.start(max(0, int(1000 * delay)))
        self._next_poll = time.time() + delay
        self._retry_at = self._next_poll if state in ("rate_limited", "failing") else None
        self._set_status(state, message)

    # -- reporting -----------------------------------------------------------------------------

    def _report(self, error: WalletError, context: str) -> None:
        report = ErrorReport.from_exception(error, context)
        self.errorOccurred.emit(report)
        if self._state in ("connecting", "connected"):
            self._set_status("failing", report.message)

    def _set_status(self, state: str, message: str) -> None:
        self._state = state
        self.statusChanged.emit(
            PollStatus(
                state=state,
                message=message,
                last_poll=self._last_poll,
                next_poll=self._next_poll,
                interval=self.interval,
                requested_interval=self.settings.interval,
                backoff=self._retry_at - time.time() if self._retry_at else None,
                retry_at=self._retry_at,
            )
        )


class Poller(QObject):
    """The GUI-thread face of the worker: owns its thread, relays intents and results.

    Signals:
        clockChanged(ClockState), configurationChanged(Configuration),
        walletChanged(WalletBalances), statusChanged(PollStatus), errorOccurred(ErrorReport):
        the worker's results, delivered on the GUI thread.
    """

    clockChanged = Signal(object)
    configurationChanged = Signal(object)
    walletChanged = Signal(object)
    statusChanged = Signal(object)
    errorOccurred = Signal(object)
    _refreshRequested = Signal()

    def __init__(
        self,
        monitor_factory: Callable[[], Monitor],
        settings: ConnectionSettings,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self._thread = QThread()
        self._thread.setObjectName("wallet-worker")
        self._worker = PollWorker(monitor_factory, settings)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.start)
        # Direct: runs on the worker thread as it ends, even though the GUI thread waits.
        self._thread.finished.connect(self._worker.cleanup, Qt.ConnectionType.DirectConnection)
        self._refreshRequested.connect(self._worker.refresh)
        self._worker.clockChanged.connect(self._relay_clock)
        self._worker.configurationChanged.connect(self._relay_configuration)
        self._worker.walletChanged.connect(self._relay_wallet)
        self._worker.statusChanged.connect(self._relay_status)
        self._worker.errorOccurred.connect(self._relay_error)
        self._started = False
        self._shut_down = False

    def start(self) -> None:
        if not self._started:
            self._started = True
            self._thread.start()

    def refresh(self) -> None:
        self._refreshRequested.emit()

    @property
    def running(self) -> bool:
        return self._thread.isRunning()

    def shutdown(self, timeout_ms: int = 3000) -> bool:
        """Stop the worker and its thread; True when the thread has finished. Idempotent."""
        if self._shut_down:
            return not self._thread.isRunning()
        self._shut_down = True
        self._worker.abort()
        self._thread.quit()
        finished = self._thread.wait(timeout_ms)
        if not finished:
            log.error("worker thread did not finish within %d ms", timeout_ms)
        return bool(finished)

    # Bound slots (never lambdas): they run on the GUI thread.
    @Slot(object)
    def _relay_clock(self, state: object) -> None:
        self.clockChanged.emit(state)

    @Slot(object)
    def _relay_configuration(self, configuration: object) -> None:
        self.configurationChanged.emit(configuration)

    @Slot(object)
    def _relay_wallet(self, wallet: object) -> None:
        self.walletChanged.emit(wallet)

    @Slot(object)
    def _relay_status(self, status: object) -> None:
        self.statusChanged.emit(status)

    @Slot(object)
    def _relay_error(self, report: object) -> None:
        self.errorOccurred.emit(report)
