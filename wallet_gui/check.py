"""``wallet-gui check``: the window's diagnosis for scripts and monitoring.

It measures the clock offset with the same estimator as the window, reads the
configuration and, for the wallets given, their balances (concurrently, while the clock
burst goes on), then prints a summary for people or one JSON object with ``--json``.

Exit status: 0 all good; 1 the measured offset is beyond ``--max-offset``; 2 any error
(API, transport, configuration, keyring). Errors are one readable line each, never a
traceback, and nothing printed — even with ``--verbose`` — contains the key.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from decimal import Decimal
from typing import Any

from wallet_gui.api.errors import WalletError
from wallet_gui.api.models import Configuration
from wallet_gui.cli import (
    UsageError,
    add_connection_options,
    configure_logging,
    resolve_secret,
    resolve_settings,
)
from wallet_gui.clock import OffsetEstimate
from wallet_gui.monitor import BalanceResult, Monitor
from wallet_gui.redaction import install_redaction
from wallet_gui.reports import ErrorReport

EXIT_OK, EXIT_OFFSET, EXIT_ERROR = 0, 1, 2
log = logging.getLogger(__name__)

#: Probes in the burst: the research's 8 reach the RTT-limited bound on ordinary links.
BURST_PROBES = 8
#: Two probes first (about a second): enough to sign the balance requests with.
SIGNING_PROBES = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wallet-gui check",
        description="Measure the clock offset to the Wallet API and read configuration and "
        "balances. Exit status: 0 fine, 1 offset beyond --max-offset, 2 any error.",
    )
    add_connection_options(parser)
    parser.add_argument(
        "--max-offset",
        type=float,
        default=1.0,
        metavar="S",
        help="largest acceptable |offset| in seconds (default 1)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--verbose", action="store_true", help="log details to stderr")
    return parser


def _amount(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


class _Result:
    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.estimate: OffsetEstimate | None = None
        self.configuration: Configuration | None = None
        self.balances: list[BalanceResult] = []
        self.errors: list[ErrorReport] = []
        self.resyncs = 0

    def fail(self, error: BaseException, context: str) -> None:
        self.errors.append(ErrorReport.from_exception(error, context))

    def as_json(self, max_offset: float) -> dict[str, Any]:
        est = self.estimate
        return {
            "base_url": self.base_url,
            "offset_s": None if est is None else round(est.offset, 6),
            "uncertainty_s": None if est is None else round(est.half_width, 6),
            "typical_error_s": None
            if est is None or est.typical_error is None
            else round(est.typical_error, 6),
            "rtt_s": None if est is None else round(est.rtt_min, 6),
            "rate_ppm": None if est is None or est.rate_ppm is None else round(est.rate_ppm, 3),
            "samples": 0 if est is None else est.samples,
            "falsetickers": 0 if est is None else est.falsetickers,
            "resyncs": self.resyncs,
            "max_offset_s": max_offset,
            "configuration": None if self.configuration is None else dict(self.configuration.raw),
            "balances": {
                result.wallet_id: {
                    currency: {
                        "at_disposal": _amount(balance.at_disposal),
                        "reserved": _amount(balance.reserved),
                    }
                    for currency, balance in (result.balances or {}).items()
                }
                for result in self.balances
                if result.balances is not None
            },
            "errors": [
                {
                    "context": e.context,
                    "kind": e.kind,
                    "code": e.code,
                    "status": e.status,
                    "description": e.description,
                    "uri": e.uri,
                    "correlation_id": e.correlation_id,
                    "message": e.message,
                }
                for e in self.errors
            ],
        }


def _run(monitor: Monitor, wallet_ids: Sequence[str], result: _Result) -> None:
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="check") as pool:
        configuration: Future[Configuration] = pool.submit(monitor.configuration)
        balances: Future[list[BalanceResult]] | None = None
        try:
            monitor.acquire(probes=SIGNING_PROBES, deadline_s=3.0)
            if wallet_ids:
                balances = pool.submit(monitor.balances, wallet_ids)
            monitor.acquire(probes=BURST_PROBES - SIGNING_PROBES, deadline_s=9.0)
        except WalletError as error:
            result.fail(error, "Clock measurement (GET /server)")
        if wallet_ids and balances is None:
            balances = pool.submit(monitor.balances, wallet_ids)
        result.estimate = monitor.clock.estimate()
        result.resyncs = monitor.resyncs
        try:
            result.configuration = configuration.result()
        except WalletError as error:
            result.fail(error, "Configuration (GET /configuration)")
        if balances is not None:
            result.balances = balances.result()
            for item in result.balances:
                if item.error is not None:
                    result.fail(item.error, f"Balance of wallet {item.wallet_id}")


def _signed(value: float) -> str:
    return ("−" if value < 0 else "+") + f"{abs(value):.3f}"


def _print_text(result: _Result, max_offset: float, elapsed: float) -> None:
    est = result.estimate
    print(f"Wallet API     {result.base_url}")
    if est is None:
        print("Clock offset   not measured")
    else:
        typical = "" if est.typical_error is None else f"typical ±{est.typical_error:.3f} s; "
        print(
            f"Clock offset   {_signed(est.offset)} s ± {est.half_width:.3f} s  "
            f"({typical}RTT {1000 * est.rtt_min:.0f} ms; {est.samples} probes)"
        )
        side = "behind" if est.offset > 0 else "ahead of"
        print(
            f"               this machine's clock is {side} the server by {abs(est.offset):.3f} s"
        )
        if result.resyncs:
            print(
                f"               re-measured {result.resyncs} time(s) after the server refused "
                "a timestamp; the request was retried once"
            )
        if est.rate_ppm is not None:
            print(f"Drift          {est.rate_ppm:+.1f} ppm ± {est.rate_half_width_ppm or 0:.1f}")
    if result.configuration is not None:
        for number, (key, value) in enumerate(result.configuration.raw.items()):
            label = "Configuration" if number == 0 else ""
            print(f"{label:<15}{key} = {json.dumps(value, ensure_ascii=False)}")
    for item in result.balances:
        if item.balances is None:
            continue
        for currency, balance in sorted(item.balances.items()):
            at_disposal = _amount(balance.at_disposal) or "—"
            reserved = _amount(balance.reserved) or "—"
            print(
                f"Wallet {item.wallet_id:<8}{currency}  at disposal {at_disposal}  "
                f"reserved {reserved}"
            )
    verdict = "OK"
    if result.errors:
        verdict = f"ERROR: {len(result.errors)} error(s)"
    elif est is not None and abs(est.offset) > max_offset:
        verdict = (
            f"OFFSET: |offset| {abs(est.offset):.3f} s is beyond --max-offset {max_offset:g} s"
        )
    print(f"Result         {verdict}  (in {elapsed:.1f} s)")


def _error_line(report: ErrorReport) -> str:
    return f"error: {report.context}: {report.message}"


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # Without --verbose the summary says everything (retries included): no log lines.
    configure_logging(args.verbose, quiet_level=logging.ERROR)
    started = time.monotonic()
    try:
        settings = resolve_settings(args)
        secret = resolve_secret(settings, required=bool(settings.wallet_ids))
    except WalletError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_ERROR
    if secret:
        install_redaction(secret)
    result = _Result(settings.base_url)
    try:
        monitor = Monitor(settings, secret)
    except WalletError as error:
        result.fail(error, "Setting up the connection")
    else:
        try:
            _run(monitor, settings.wallet_ids, result)
        except Exception as error:
            log.debug("check failed", exc_info=True)
            result.fail(error, "Running the check")
        finally:
            monitor.close()
    elapsed = time.monotonic() - started
    if args.json:
        print(json.dumps(result.as_json(args.max_offset), ensure_ascii=False, indent=2))
    else:
        _print_text(result, args.max_offset, elapsed)
    for report in result.errors:
        print(_error_line(report), file=sys.stderr)
    if result.errors:
        return EXIT_ERROR
    if result.estimate is not None and abs(result.estimate.offset) > args.max_offset:
        return EXIT_OFFSET
    return EXIT_OK


__all__ = ["EXIT_ERROR", "EXIT_OFFSET", "EXIT_OK", "UsageError", "main"]
