"""``wallet-gui check``: the window's diagnosis for scripts and monitoring.

It measures the clock offset with the same estimator as the window, reads the
configuration and, for the wallets given, their balances (concurrently, while the clock
burst goes on), then prints a summary for people or one JSON object with ``--json``.

The whole command has one deadline (``-t/--timeout``, default 10 s): whatever the server
does, when it passes, requests still in flight are cut, what arrived is printed with one
line per part that did not finish, and the command exits non-zero. Ctrl+C cuts them the
same way and exits with 130. The work runs on pool threads; the main thread only waits, so
it stays free to notice the deadline and the interrupt.

Its text output is a monitoring plugin's (see ``plugin_output``), and its exit status the
plugin's state: 0 OK, 1 WARNING, 2 CRITICAL (the API unreachable, timing out or answering
errors, or a threshold's critical range), 3 UNKNOWN (usage, missing key, keyring, a bug of
ours); 130 when interrupted. Errors are one readable line each, never a traceback, and
nothing printed — even with ``-vvv`` — contains the key.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Any

from wallet_gui.api.client import DEFAULT_TIMEOUT_S
from wallet_gui.api.errors import WalletError
from wallet_gui.api.urls import is_cleartext_remote
from wallet_gui.commands.check_output import CheckResult, error_line, print_json
from wallet_gui.commands.check_verdict import PluginState, Thresholds, judge
from wallet_gui.commands.plugin_output import print_plugin_output, unknown_line
from wallet_gui.core.credentials import CredentialStore
from wallet_gui.core.logging_setup import configure_logging
from wallet_gui.core.monitor import BalanceResult, Monitor
from wallet_gui.core.profiles import ProfileStore
from wallet_gui.core.redaction import install_redaction
from wallet_gui.core.reports import ErrorReport
from wallet_gui.core.resolve import ConnectionOptions, resolve_secret, resolve_settings
from wallet_gui.core.terminal_text import terminal_safe

EXIT_INTERRUPTED = 130
CLEARTEXT_WARNING = (
    "the base URL is plain http:// to another computer: requests and answers cross the "
    "network unencrypted"
)
log = logging.getLogger(__name__)

_CLOCK = "Clock measurement (GET /server)"
_CONFIGURATION = "Configuration (GET /configuration)"
_BALANCES = "Balances"
#: Part of the deadline kept back from the clock burst, so its last probe ends in time.
_BURST_MARGIN_S = 0.3


@dataclass(frozen=True, slots=True)
class CheckRequest:
    """What the command line asked ``check`` for."""

    options: ConnectionOptions = field(default_factory=ConnectionOptions)
    thresholds: Thresholds = field(default_factory=Thresholds)
    json: bool = False
    verbosity: int = 0  # -v: INFO logs on stderr; -vv and more: DEBUG
    timeout: float = DEFAULT_TIMEOUT_S


def request_deadline(check_deadline: float) -> float:
    """Each request may take half the check's deadline (10 s at most): one stalled answer
    then still leaves time to finish and report the others."""
    return min(DEFAULT_TIMEOUT_S, check_deadline / 2)


class _Deadline:
    """Seconds left until one monotonic instant."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._at = time.monotonic() + seconds

    def left(self) -> float:
        return max(0.0, self._at - time.monotonic())


def _measure_clock(monitor: Monitor, deadline: _Deadline, signing_ready: threading.Event) -> None:
    """The concurrent burst; balances start as soon as two probes agree."""
    try:
        monitor.burst(
            deadline_s=max(0.0, deadline.left() - _BURST_MARGIN_S),
            on_signing_ready=signing_ready.set,
        )
    finally:
        signing_ready.set()


def _read_balances(
    monitor: Monitor,
    wallet_ids: Sequence[str],
    deadline: _Deadline,
    signing_ready: threading.Event,
) -> list[BalanceResult]:
    # Signed with the corrected clock once two probes agree; with the local one otherwise.
    signing_ready.wait(min(3.0, deadline.left()))
    return monitor.balances(wallet_ids)


def _collect(monitor: Monitor, wallet_ids: Sequence[str], deadline: _Deadline) -> CheckResult:
    """Run the parts concurrently until they finish or the deadline passes."""
    signing_ready = threading.Event()
    pool = ThreadPoolExecutor(max_workers=3, thread_name_prefix="check")
    try:
        clock = pool.submit(_measure_clock, monitor, deadline, signing_ready)
        configuration = pool.submit(monitor.configuration)
        balances = (
            pool.submit(_read_balances, monitor, wallet_ids, deadline, signing_ready)
            if wallet_ids
            else None
        )
        parts: dict[str, Future[Any]] = {
            _CLOCK: clock,
            _CONFIGURATION: configuration,
            **({_BALANCES: balances} if balances is not None else {}),
        }
        pending = set(parts.values())
        while pending and deadline.left() > 0:
            # Short waits keep the main thread responsive to Ctrl+C on every platform.
            _, pending = wait(pending, timeout=min(0.2, deadline.left()))
    finally:
        # Cut whatever is still in flight (deadline or Ctrl+C); the threads then end at once.
        monitor.abort()
        pool.shutdown(wait=True, cancel_futures=True)
    result = CheckResult(monitor.settings.base_url)
    for name, future in parts.items():
        if future in pending:
            message = f"did not finish within the {deadline.seconds:g} s deadline (-t/--timeout)"
            result.errors.append(ErrorReport(context=name, kind="transport", message=message))
        elif (error := future.exception()) is not None:
            if not isinstance(error, WalletError):
                log.debug("%s failed", name, exc_info=error)
            result.fail(error, name)
    if configuration not in pending and configuration.exception() is None:
        result.configuration = configuration.result()
    if balances is not None and balances not in pending and balances.exception() is None:
        result.balances = balances.result()
        for item in result.balances:
            if item.error is not None:
                result.fail(item.error, f"Balance of wallet {item.wallet_id}")
    result.estimate = monitor.clock.estimate()
    result.resyncs = monitor.resyncs
    return result


def run_check(request: CheckRequest) -> int:
    """Run the diagnosis and print it; returns the exit status (the plugin state)."""
    # Without -v the output says everything (retries included): no log lines.
    level = {0: logging.ERROR, 1: logging.INFO}.get(request.verbosity, logging.DEBUG)
    configure_logging(level == logging.DEBUG, quiet_level=level)
    started = time.monotonic()
    deadline = _Deadline(request.timeout)
    try:
        settings = resolve_settings(request.options, ProfileStore())
        secret = resolve_secret(settings, CredentialStore(), required=bool(settings.wallet_ids))
    except WalletError as error:
        return _cannot_start(request, str(error))
    if is_cleartext_remote(settings.base_url):
        print(f"warning: {CLEARTEXT_WARNING}", file=sys.stderr)
    if secret:
        install_redaction(secret)
    try:
        monitor = Monitor(settings, secret, timeout=request_deadline(request.timeout))
    except WalletError as error:
        result = CheckResult(settings.base_url)
        result.fail(error, "Setting up the connection")
    else:
        try:
            result = _collect(monitor, settings.wallet_ids, deadline)
        finally:
            monitor.close()
    verdict = judge(result, request.thresholds)
    if request.json:
        extra = {"state": verdict.state.name, "thresholds": request.thresholds.as_json()}
        print_json(result, extra)
        for report in result.errors:
            print(error_line(report), file=sys.stderr)
    else:
        print_plugin_output(result, verdict, request.thresholds, time.monotonic() - started)
    return int(verdict.state)


def _cannot_start(request: CheckRequest, message: str) -> int:
    """Usage, key or keyring problems: UNKNOWN, said once on stdout (and stderr for people)."""
    if request.json:
        print_json(CheckResult(""), {"state": PluginState.UNKNOWN.name, "error": message})
    else:
        print(unknown_line(message))
    print(f"error: {terminal_safe(message)}", file=sys.stderr)
    return int(PluginState.UNKNOWN)


__all__ = ["EXIT_INTERRUPTED", "CheckRequest", "run_check"]
