"""One profile's continuous polling on a plain thread: the Qt-free twin of ``qt.worker``.

A long-running front end without Qt (``wallet-gui exporter``) needs exactly the window's
polling — the ``PollPolicy``'s clock bursts and maintenance probes, configuration period,
rate budget, backoff, ``Retry-After`` and resume detection — but has no event loop to arm
timers on. ``PollLoop`` runs the same decisions on one thread per profile with the smallest
scheduler that does: each task (clock probe, configuration, balances, heartbeat) has a due
instant on the monotonic clock, and the thread waits on an ``Event`` until the earliest one,
so ``stop()`` wakes it at once instead of after a sleep. Like the worker it holds no polling
rule of its own.

After every step it publishes one immutable ``LoopSnapshot`` to a listener: whoever reads it
(a metrics scrape on another thread) never sees the clock of one moment beside the counters
of another, and needs no lock. It also counts what it sent — signed requests as the client
counts them, unsigned ones around each call — and failures by error code, because an
operator's first questions are "how often do we ask" and "what goes wrong".
"""

from __future__ import annotations

import enum
import logging
import re
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from wallet_gui.api.auth import CredentialsError
from wallet_gui.api.errors import ApiError, ResponseFormatError, TransportError, WalletError
from wallet_gui.api.models import Configuration
from wallet_gui.api.urls import ConfigurationError
from wallet_gui.clock.sync import TimeSource
from wallet_gui.core.monitor import BalanceResult, Monitor
from wallet_gui.core.poll_policy import HEARTBEAT_S, PollPolicy
from wallet_gui.core.reports import ErrorReport
from wallet_gui.core.state import ClockState, PollState, PollStatus, RoundResult, WalletBalances

log = logging.getLogger(__name__)

#: Distinct error codes kept per profile. Codes come from the server; a hostile or broken
#: one could invent a new code per answer and grow a label set (and memory) without end.
MAX_ERROR_CODES = 32
OTHER_CODE = "other"
_CODE_MAX_CHARS = 40
_NOT_A_CODE_CHARACTER = re.compile(r"[^a-z0-9_]+")
#: The codes of failures that carry none of their own, the most specific class first.
_CLASS_CODES: tuple[tuple[type[BaseException], str], ...] = (
    (ResponseFormatError, "format"),
    (ConfigurationError, "configuration"),
    (CredentialsError, "credentials"),
    (WalletError, "error"),
)


def error_code(error: BaseException) -> str:
    """A short label for one failure: the API's ``error`` code, the transport kind, or a class.

    Only ``[a-z0-9_]`` and at most 40 characters, whatever the server sent, so the code is
    safe as a metric label and in a log line.
    """
    if isinstance(error, ApiError):
        raw = error.error
    elif isinstance(error, TransportError):
        raw = error.kind
    else:  # "internal": a bug of ours, whose traceback is in the log
        raw = next((code for kind, code in _CLASS_CODES if isinstance(error, kind)), "internal")
    code = _NOT_A_CODE_CHARACTER.sub("_", raw.lower()).strip("_")[:_CODE_MAX_CHARS]
    return code or "unknown"


@dataclass(frozen=True, slots=True)
class RequestCounts:
    """Requests a loop attempted and the failures among them, since it started.

    ``requests`` counts every attempt, signed and unsigned, retries and re-measurements
    included; ``errors`` maps an ``error_code`` to the failed requests that had it.
    """

    requests: int = 0
    signed: int = 0
    errors: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True, slots=True)
class LoopSnapshot:
    """Everything one profile's loop knows, as of its latest step.

    ``wallets`` holds every wallet's latest *known* balances: a wallet whose latest fetch
    failed keeps the balances of its last success (``updated_at`` says when) beside the new
    error, so a graph or a low-balance alert does not flicker with every failed request.
    ``last_round`` is the latest round as it came. ``up`` is True when the latest clock probe
    was answered and, for a profile with wallets, the latest round brought at least one
    wallet's balances. ``last_success`` is the wall time of the newest answered request.
    """

    profile: str
    status: PollStatus
    clock: ClockState = field(default_factory=ClockState)
    configuration: Configuration | None = None
    last_round: RoundResult | None = None
    wallets: tuple[WalletBalances, ...] = ()
    counts: RequestCounts = field(default_factory=RequestCounts)
    up: bool = False
    last_success: float | None = None


class Task(enum.Enum):
    """What the loop can be due to do; the value is how an error report names it."""

    CLOCK = "Clock measurement (GET /server)"
    CONFIGURATION = "Configuration (GET /configuration)"
    BALANCES = "Balances"
    HEARTBEAT = "Resume check"


class PollLoop:
    """Polls one profile on its own thread, as the policy directs, until stopped.

    Args:
        monitor: the profile's monitor; the loop owns it from now on and closes it when
            its thread ends (or in ``join`` if it never started).
        listener: called on the loop's thread with each new snapshot; it must be quick.
        policy: the polling rules; tests pass one with short intervals or small limits.
        time_source: the monotonic and wall clocks (the monitor's by default).
    """

    def __init__(
        self,
        monitor: Monitor,
        listener: Callable[[LoopSnapshot], None] | None = None,
        *,
        policy: PollPolicy | None = None,
        time_source: TimeSource | None = None,
    ) -> None:
        self.monitor = monitor
        self.settings = monitor.settings
        self.profile = monitor.settings.profile
        self.time = time_source or monitor.time
        self.policy = policy or PollPolicy(
            self.settings.wallet_ids, self.settings.interval, time_source=self.time
        )
        self._listener = listener
        self._stopped = threading.Event()
        self._thread = threading.Thread(
            target=self._run, name=f"wallet-poll {self.profile}", daemon=True
        )
        self._started = False
        self._closed = False
        # Everything below is touched only by the loop's thread.
        self._due: dict[Task, float] = {}
        self._unsigned = 0
        self._signed_seen = 0
        self._resyncs_seen = 0
        self._errors: dict[str, int] = {}
        self._probe_ok = False
        self._round_ok = False
        self._last_success: float | None = None
        self._configuration: Configuration | None = None
        self._round: RoundResult | None = None
        self._wallets: dict[str, WalletBalances] = {}
        self._signatures_failing = False
        self._note: str | None = None
        self._logged: dict[str, tuple[object, ...]] = {}  # what failed, as last logged
        self._snapshot = LoopSnapshot(profile=self.profile, status=self.policy.status())

    # -- lifecycle (any thread) ----------------------------------------------------------------

    @property
    def snapshot(self) -> LoopSnapshot:
        """The latest snapshot (a plain attribute read: safe from any thread)."""
        return self._snapshot

    def start(self) -> None:
        self._started = True
        self._thread.start()

    def stop(self) -> None:
        """Ask the loop to end now: wake it and cut whatever request is in flight."""
        self._stopped.set()
        self.monitor.abort()

    def join(self, timeout: float | None = None) -> bool:
        """Wait for the thread (and the monitor's close); True when it has ended."""
        if self._started:
            self._thread.join(timeout)
            return not self._thread.is_alive()
        if not self._closed:
            self._closed = True
            self.monitor.close()
        return True

    # -- the scheduler (loop thread) -----------------------------------------------------------

    def _run(self) -> None:
        self.monitor.on_resync = self._on_resync
        try:
            now = self.time.monotonic()
            self._due = {
                Task.CLOCK: now,
                Task.CONFIGURATION: now,
                Task.HEARTBEAT: now + HEARTBEAT_S,
            }
            self.policy.set_state(
                PollState.CONNECTING, "Measuring the clock and reading the configuration…"
            )
            self._publish()
            while not self._stopped.is_set():
                task, due = min(self._due.items(), key=lambda item: item[1])
                wait = due - self.time.monotonic()
                if wait > 0:
                    self._stopped.wait(wait)  # stop() ends the wait at once
                    continue
                del self._due[task]
                if self._step(task):
                    self._publish()
        finally:
            self._closed = True
            self.monitor.close()

    def _at(self, task: Task, delay: float) -> None:
        self._due[task] = self.time.monotonic() + max(0.0, delay)

    def _step(self, task: Task) -> bool:
        """Run one task; True when something worth publishing may have changed."""
        try:
            changed = {
                Task.CLOCK: self._probe_clock,
                Task.CONFIGURATION: self._read_configuration,
                Task.BALANCES: self._poll_balances,
                Task.HEARTBEAT: self._heartbeat,
            }[task]()
        except Exception as error:  # a bug must not end the polling: retry with backoff
            if self._stopped.is_set():
                return False
            log.error(
                "unexpected error during %s (%s)", task.name.lower(), self.profile, exc_info=True
            )
            self._failed(error, task.value)
            self._at(task, self.policy.backoff.next_delay())
            changed = True
        finally:
            self._count_requests()
        return changed and not self._stopped.is_set()

    def _count_requests(self) -> None:
        """Charge the budget with what was really sent; clock re-measurements are 2 probes."""
        signed = self.monitor.client.signed_requests_sent
        self.policy.record_signed(signed - self._signed_seen)
        self._signed_seen = signed
        resyncs = self.monitor.resyncs
        self._unsigned += 2 * (resyncs - self._resyncs_seen)
        self._resyncs_seen = resyncs

    # -- steps (loop thread) -------------------------------------------------------------------

    def _probe_clock(self) -> bool:
        self._unsigned += 1
        try:
            self.monitor.probe()
        except WalletError as error:
            if self._stopped.is_set():
                return False
            self._probe_ok = False
            self._failed(error, Task.CLOCK.value)
            step = self.policy.clock_probe_failed()
        else:
            self._succeeded(Task.CLOCK.value)
            self._probe_ok = True
            step = self.policy.clock_probe_succeeded(self.monitor.clock)
        if step.start_balances and self.settings.wallet_ids:
            self._at(Task.BALANCES, 0.0)
        self._at(Task.CLOCK, step.delay)
        return True

    def _read_configuration(self) -> bool:
        self._unsigned += 1
        try:
            self._configuration = self.monitor.configuration()
        except WalletError as error:
            if self._stopped.is_set():
                return False
            self._failed(error, Task.CONFIGURATION.value)
            self._at(Task.CONFIGURATION, self.policy.configuration_failed())
            return True
        self._succeeded(Task.CONFIGURATION.value)
        delay, _ = self.policy.configuration_read()
        self._at(Task.CONFIGURATION, delay)
        return True

    def _poll_balances(self) -> bool:
        gate = self.policy.balance_gate()
        if not gate.go:
            self._at(Task.BALANCES, gate.wait)
            return gate.status is not None
        results = self.monitor.balances(self.settings.wallet_ids)
        if self._stopped.is_set():
            return False
        delay, status = self.policy.round_finished(results)
        self._at(Task.BALANCES, delay)
        self._take_round(results, status)
        return True

    def _heartbeat(self) -> bool:
        self._at(Task.HEARTBEAT, HEARTBEAT_S)
        if not self.policy.heartbeat(self.monitor.clock):
            return False
        # Resumed from sleep (or the wall clock was stepped): measure afresh, refresh once.
        self._at(Task.CLOCK, 0.0)
        if self.settings.wallet_ids:
            self._at(Task.BALANCES, 0.0)
        return True

    def _take_round(self, results: list[BalanceResult], status: PollStatus) -> None:
        wallets: list[WalletBalances] = []
        for result in results:
            context, report = result.context, None
            if result.error is not None:
                report = self._failed(result.error, context, in_round=True)
            else:
                self._succeeded(context)
            wallet = WalletBalances(
                wallet_id=result.wallet_id,
                balances=result.balances,
                updated_at=self.policy.last_poll if result.balances is not None else None,
                error=report,
            )
            wallets.append(wallet)
            known = self._wallets.get(result.wallet_id)
            if wallet.balances is None and known is not None and known.balances is not None:
                # Keep the last known balances beside the new error (see ``LoopSnapshot``).
                wallet = replace(wallet, balances=known.balances, updated_at=known.updated_at)
            self._wallets[result.wallet_id] = wallet
        self._round_ok = any(r.balances is not None for r in results)
        self._signatures_failing = any(r.timestamp_refused for r in results)
        self._round = RoundResult(wallets=tuple(wallets), status=status)

    # -- outcomes (loop thread) ----------------------------------------------------------------

    def _succeeded(self, context: str) -> None:
        self._last_success = self.time.wall()
        if self._logged.pop(context, None) is not None:
            log.warning("%s: %s works again", self.profile, context)

    def _failed(self, error: BaseException, context: str, *, in_round: bool = False) -> ErrorReport:
        """Count one failure; log it unless it repeats the last failure of the same request."""
        code = error_code(error)
        if code not in self._errors and len(self._errors) >= MAX_ERROR_CODES:
            code = OTHER_CODE
        self._errors[code] = self._errors.get(code, 0) + 1
        report = ErrorReport.from_exception(error, context)
        if self._logged.get(context) != report.key:
            # A failure that repeats every poll is logged once, not once a poll.
            self._logged[context] = report.key
            log.warning("%s: %s failed: %s", self.profile, context, report.message)
        if not in_round:  # a round's failures reach the policy through round_finished
            self.policy.failed(report)
        return report

    def _on_resync(self, text: str) -> None:
        # Called from whichever thread saw the refusal; the next snapshot carries the note.
        self._note = f"{time.strftime('%H:%M:%S')}: {text}"

    def _publish(self) -> None:
        counts = RequestCounts(
            requests=self._signed_seen + self._unsigned,
            signed=self._signed_seen,
            errors=MappingProxyType(dict(self._errors)),
        )
        has_wallets = bool(self.settings.wallet_ids)
        self._snapshot = LoopSnapshot(
            profile=self.profile,
            status=self.policy.status(),
            clock=self.monitor.clock_state(
                signatures_failing=self._signatures_failing, note=self._note
            ),
            configuration=self._configuration,
            last_round=self._round,
            wallets=tuple(self._wallets.values()),
            counts=counts,
            up=self._probe_ok and (self._round_ok or not has_wallets),
            last_success=self._last_success,
        )
        if self._listener is None:
            return
        try:
            self._listener(self._snapshot)
        except Exception:  # the listener's bug must not end the polling
            log.error("the snapshot listener failed (%s)", self.profile, exc_info=True)


__all__ = ["MAX_ERROR_CODES", "LoopSnapshot", "PollLoop", "RequestCounts", "Task", "error_code"]
