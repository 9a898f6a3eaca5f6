"""The poll worker: runs the core's monitor on its own QThread, as the poll policy directs.

``PollWorker`` lives on the worker thread and does every network call there but the clock
burst's (``qt/clock_burst.py``); its timers are created there too. It holds no polling rule
of its own: the ``PollPolicy`` says when to probe the clock, read the configuration and
poll the balances, and the worker arms a single-shot timer for each answer. Results leave
as immutable values (``core.state``): one ``RoundResult`` per balance round.

Every slot is guarded: an unexpected exception (a bug of ours, a library's surprise) becomes
one "internal error" report, its traceback goes to the log, and polling carries on with
backoff instead of stopping silently.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from wallet_gui.api.errors import WalletError
from wallet_gui.core.connection import ConnectionSettings
from wallet_gui.core.monitor import BalanceResult, Monitor
from wallet_gui.core.poll_policy import HEARTBEAT_S, PollPolicy
from wallet_gui.core.reports import ErrorReport
from wallet_gui.core.state import (
    PollState,
    PollStatus,
    RequestInFlight,
    RoundResult,
    WalletBalances,
)
from wallet_gui.core.statement_feed import StatementFeed, StatementsResult, read_page
from wallet_gui.qt.clock_burst import ClockBurst

log = logging.getLogger(__name__)


def _ms(seconds: float) -> int:
    return max(0, round(1000 * seconds))


class PollWorker(QObject):
    """Does the polling on the worker thread.

    Args:
        monitor_factory: builds the monitor on the worker thread (its client and pool are
            then owned there).
        settings: the connection's settings (wallets, interval).
        policy: the polling rules; tests pass one with a virtual clock or scaled limits.

    Signals:
        clockChanged(ClockState), configurationChanged(Configuration),
        roundFinished(RoundResult), statusChanged(PollStatus), errorOccurred(ErrorReport):
        results, emitted on the worker thread.
        requestChanged(RequestInFlight | None): a request started, or none is in flight.
        statementsFetched(StatementsResult): a page of a wallet's transactions, read after
        its balance changed or because the user scrolled for older ones.
    """

    clockChanged = Signal(object)
    configurationChanged = Signal(object)
    roundFinished = Signal(object)
    statusChanged = Signal(object)
    errorOccurred = Signal(object)
    requestChanged = Signal(object)
    statementsFetched = Signal(object)

    def __init__(
        self,
        monitor_factory: Callable[[], Monitor],
        settings: ConnectionSettings,
        policy: PollPolicy | None = None,
    ) -> None:
        super().__init__()
        self._monitor_factory = monitor_factory
        self.settings = settings
        self.policy = policy or PollPolicy(settings.wallet_ids, settings.interval)
        self.monitor: Monitor | None = None
        self._names: dict[str, str | None] = {}
        self._signatures_failing = False
        self._note: str | None = None
        self._feed = StatementFeed()
        # Set from the GUI thread by abort(), read on the worker thread.
        self._stopped = threading.Event()
        self._burst: ClockBurst | None = None
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
            self._report(error, "Setting up the connection")  # and the failing status with it
            return
        self.monitor.on_resync = self._on_resync
        self._burst = ClockBurst(self)
        self._burst.signingReady.connect(self._on_signing_ready)
        self._burst.finished.connect(self._on_burst_finished)
        self.clock_timer = self._timer("clockProbeTimer", self._probe_clock, precise=True)
        self.balance_timer = self._timer("balanceTimer", self.poll_balances)
        self.configuration_timer = self._timer("configurationTimer", self.poll_configuration)
        self.heartbeat_timer = self._timer("heartbeatTimer", self.check_resume)
        self.heartbeat_timer.setSingleShot(False)
        self.heartbeat_timer.start(_ms(HEARTBEAT_S))
        self.clock_timer.start(0)
        self.configuration_timer.start(0)
        self._emit_status(
            self.policy.set_state(
                PollState.CONNECTING, "Measuring the clock and reading the configuration…"
            )
        )

    @Slot()
    def cleanup(self) -> None:
        """Runs on the worker thread as it finishes (connected directly to ``finished``)."""
        self._stopped.set()
        for timer in self._timers:
            timer.stop()
        if self.monitor is not None:
            self.monitor.abort()  # cuts a burst's requests, so joining it is quick
            if self._burst is not None:
                self._burst.stop()
            self.monitor.close()

    def abort(self) -> None:
        """Thread-safe: cancel requests in flight so the thread can finish at once."""
        self._stopped.set()
        if self.monitor is not None:
            self.monitor.abort()

    @property
    def bursting(self) -> bool:
        """A clock burst is under way (beside this thread; its end arms the next probe)."""
        return self._burst is not None and self._burst.running

    # -- intents (worker thread) ---------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """Refresh now (F5): balances and configuration, within the rate budget."""
        if self.monitor is None or self._stopped.is_set():
            return
        self.policy.refresh()
        self.configuration_timer.start(0)
        self.balance_timer.start(0)

    @Slot(str, object)
    def fetch_statements(self, wallet_id: str, older_than: object) -> None:
        """An older page of a wallet's transactions (the user scrolled), within the budget."""
        cursor = older_than if isinstance(older_than, str) else None
        self._guarded(
            "Transactions",
            lambda monitor: self._read_statements(monitor, wallet_id, cursor),
            lambda _delay: None,  # the user scrolls again; nothing to retry on a timer
        )

    # -- guarded slots -------------------------------------------------------------------------

    def _guarded(
        self, context: str, body: Callable[[Monitor], None], retry: Callable[[float], None]
    ) -> None:
        """Run ``body``; turn anything unexpected into one report and a retry with backoff."""
        monitor = self.monitor
        if monitor is None or self._stopped.is_set():
            return
        self.requestChanged.emit(RequestInFlight(what=context, since=time.time()))
        try:
            body(monitor)
        except Exception as error:
            if self._stopped.is_set():
                return
            log.error("unexpected error during %s", context.lower(), exc_info=True)
            self._report(error, context)
            retry(self.policy.backoff.next_delay())
        finally:
            self.requestChanged.emit(None)

    @Slot()
    def _probe_clock(self) -> None:
        self._guarded(
            "Clock measurement (GET /server)",
            self._probe_clock_now,
            lambda delay: self.clock_timer.start(_ms(delay)),
        )

    @Slot()
    def poll_configuration(self) -> None:
        self._guarded(
            "Configuration (GET /configuration)",
            self._read_configuration,
            lambda delay: self.configuration_timer.start(_ms(delay)),
        )

    @Slot()
    def poll_balances(self) -> None:
        if not self.settings.wallet_ids:
            return
        self._guarded(
            "Balances",
            self._poll_balances_now,
            lambda delay: self.balance_timer.start(_ms(delay)),
        )

    @Slot()
    def check_resume(self) -> None:
        """Heartbeat: after a suspend (or a wall-clock step), measure afresh and refresh once."""
        monitor = self.monitor
        if monitor is None or self._stopped.is_set():
            return
        try:
            self._check_resume(monitor)
        except Exception:  # a bug must not stop the heartbeat
            log.error("unexpected error in the resume check", exc_info=True)

    # -- clock ---------------------------------------------------------------------------------

    def _probe_clock_now(self, monitor: Monitor) -> None:
        if self.bursting:
            return  # its end arms the next probe
        if self.policy.wants_burst and self._burst is not None:
            self.policy.burst_started()
            self._burst.start(monitor)
            return
        try:
            monitor.probe()
        except WalletError as error:
            if self._stopped.is_set():
                return
            self._report(error, "Clock measurement (GET /server)")
            step = self.policy.clock_probe_failed()
        else:
            step = self.policy.clock_probe_succeeded(monitor.clock)
            if not step.restarted:
                self._emit_clock()
        if step.start_balances:
            self.balance_timer.start(0)
        self.clock_timer.start(_ms(step.delay))

    @Slot()
    def _on_signing_ready(self) -> None:
        if not self._stopped.is_set() and self.policy.signing_ready():
            self.balance_timer.start(0)

    @Slot(object)
    def _on_burst_finished(self, error: BaseException | None) -> None:
        monitor = self.monitor
        if monitor is None or self._stopped.is_set():
            return
        if error is None:
            step = self.policy.burst_finished(monitor.clock)
            self._emit_clock()
        else:
            if not isinstance(error, WalletError):
                log.error("unexpected error in the clock burst", exc_info=error)
            self._report(error, "Clock measurement (GET /server)")
            step = self.policy.clock_probe_failed()
        if step.start_balances:
            self.balance_timer.start(0)
        # A resume or an outage noticed mid-burst asked for a fresh one: it goes now.
        self.clock_timer.start(0 if self.policy.wants_burst else _ms(step.delay))

    def _check_resume(self, monitor: Monitor) -> None:
        if self.policy.heartbeat(monitor.clock):
            self.clock_timer.start(0)
            self.balance_timer.start(0)

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

    # -- configuration -------------------------------------------------------------------------

    def _read_configuration(self, monitor: Monitor) -> None:
        try:
            configuration = monitor.configuration()
        except WalletError as error:
            if not self._stopped.is_set():
                self._report(error, "Configuration (GET /configuration)")
                self.configuration_timer.start(_ms(self.policy.configuration_failed()))
            return
        self.configurationChanged.emit(configuration)
        delay, status = self.policy.configuration_read()
        if status is not None:
            self._emit_status(status)
        self.configuration_timer.start(_ms(delay))

    # -- balances ------------------------------------------------------------------------------

    def _poll_balances_now(self, monitor: Monitor) -> None:
        gate = self.policy.balance_gate()
        if not gate.go:
            self.balance_timer.start(_ms(gate.wait))
            if gate.status is not None:
                self._emit_status(gate.status)
            return
        wallet_ids = list(self.settings.wallet_ids)
        # Names first, when the budget has room, so that rows appear with them.
        missing = [w for w in wallet_ids if w not in self._names]
        if self.policy.names_affordable(len(missing)):
            self._count_signed(monitor, lambda: self._names.update(monitor.wallet_names(missing)))
        results: list[BalanceResult] = []
        self._count_signed(monitor, lambda: results.extend(monitor.balances(wallet_ids)))
        if self._stopped.is_set():
            return
        delay, status = self.policy.round_finished(results)
        self.balance_timer.start(_ms(delay))
        self._publish(results, status)
        for wallet_id in self._feed.due([(r.wallet_id, r.balances) for r in results]):
            if self._stopped.is_set() or not self.policy.names_affordable(1):
                self._feed.forget(wallet_id)  # next round, when the budget has room
                continue
            self._read_statements(monitor, wallet_id, None)

    def _read_statements(self, monitor: Monitor, wallet_id: str, older_than: str | None) -> None:
        pages: list[StatementsResult] = []
        self._count_signed(
            monitor,
            lambda: pages.append(read_page(monitor.fetch_statements, wallet_id, older_than)),
        )
        if self._stopped.is_set() or not pages:
            return
        error = pages[0].error
        if error is not None and error.kind == "transport" and older_than is None:
            self._feed.forget(wallet_id)  # try again after the next round
        # Errors stay with the page (the Transactions tab shows them): a client without the
        # statements permission must not get an error window at every balance change.
        self.statementsFetched.emit(pages[0])

    def _count_signed(self, monitor: Monitor, work: Callable[[], None]) -> None:
        before = monitor.client.signed_requests_sent
        try:
            work()
        finally:
            self.policy.record_signed(monitor.client.signed_requests_sent - before)

    def _publish(self, results: list[BalanceResult], status: PollStatus) -> None:
        reported: set[tuple[object, ...]] = set()
        wallets: list[WalletBalances] = []
        for result in results:
            error_report = None
            if result.error is not None:
                error_report = ErrorReport.from_exception(result.error, result.context)
                if error_report.key not in reported:
                    reported.add(error_report.key)
                    self.errorOccurred.emit(error_report)
            wallets.append(
                WalletBalances(
                    wallet_id=result.wallet_id,
                    display_name=self._names.get(result.wallet_id),
                    balances=result.balances,
                    updated_at=self.policy.last_poll if result.balances is not None else None,
                    error=error_report,
                )
            )
        self._signatures_failing = any(r.timestamp_refused for r in results)
        if self._signatures_failing or self._note:
            self._emit_clock()
        self.roundFinished.emit(RoundResult(wallets=tuple(wallets), status=status))

    # -- reporting -----------------------------------------------------------------------------

    def _report(self, error: BaseException, context: str) -> None:
        report = ErrorReport.from_exception(error, context)
        self.errorOccurred.emit(report)
        status = self.policy.failed(report)
        if status is not None:
            self._emit_status(status)

    def _emit_status(self, status: PollStatus) -> None:
        self.statusChanged.emit(status)


__all__ = ["PollWorker"]
