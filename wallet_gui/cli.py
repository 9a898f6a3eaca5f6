"""The ``wallet-gui`` command: parses the command line and dispatches, nothing else.

``wallet-gui`` opens the window; ``wallet-gui check`` runs the headless diagnosis;
``wallet-gui exporter`` polls without pause for Prometheus. Each gets a plain request
value; profiles, the keyring and logging are the commands' business. The window is
imported only when it is asked for, so ``check`` and ``exporter`` never load Qt.

There is no option to pass a key on the command line: arguments are visible to every user
of the machine through the process list (``check`` reads ``WALLET_GUI_MAC_KEY`` instead).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

from wallet_gui import __version__
from wallet_gui.api.client import DEFAULT_TIMEOUT_S
from wallet_gui.commands.check import CheckRequest
from wallet_gui.commands.check_verdict import BalanceRule, Thresholds
from wallet_gui.commands.plugin_range import RangeError, ThresholdRange
from wallet_gui.core.display_check import missing_display
from wallet_gui.core.qt_arguments import QtArgumentError, split_qt_arguments
from wallet_gui.core.resolve import ConnectionOptions
from wallet_gui.core.window_request import WindowRequest

if TYPE_CHECKING:  # imported when used: only the exporter needs prometheus_client
    from wallet_gui.commands.exporter import ExporterRequest


def _add_connection_options(
    parser: argparse.ArgumentParser, *, many_profiles: bool = False
) -> argparse._ArgumentGroup:
    """The connection options of every command; the exporter takes several profiles."""
    title = "connection (the options apply to every profile)" if many_profiles else "connection"
    group = parser.add_argument_group(title)
    who = group.add_mutually_exclusive_group()
    if many_profiles:
        who.add_argument(
            "--profile",
            metavar="NAME",
            action="append",
            default=None,
            dest="profiles",
            help="a profile saved by the window (repeatable: each is polled on its own)",
        )
    else:
        who.add_argument("--profile", metavar="NAME", help="a profile saved by the window")
    who.add_argument("--client-id", metavar="ID", help="the API client id (MAC id)")
    group.add_argument("--base-url", metavar="URL", help="API root (default: production)")
    group.add_argument(
        "--wallet",
        metavar="ID",
        action="append",
        default=None,
        dest="wallets",
        help="a wallet to read (repeatable)",
    )
    group.add_argument("--project-id", metavar="N", type=int, help="extra parameter project_id")
    group.add_argument("--location-id", metavar="N", type=int, help="extra parameter location_id")
    group.add_argument("--ca-bundle", metavar="PATH", help="extra trusted CA certificates (PEM)")
    return group


def _connection_options(args: argparse.Namespace) -> ConnectionOptions:
    return ConnectionOptions(
        profile=args.profile,
        client_id=args.client_id,
        base_url=args.base_url,
        wallet_ids=tuple(args.wallets or ()),
        project_id=args.project_id,
        location_id=args.location_id,
        ca_bundle=args.ca_bundle,
        interval=getattr(args, "interval", None),
    )


def build_window_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wallet-gui",
        description="Monitor Paysera Wallet balances, configuration and clock drift.",
        epilog="Qt's own options (-style NAME, -platform NAME, -reverse, -qwindowgeometry "
        "WxH+X+Y, …) are passed to Qt. Run 'wallet-gui check --help' for the headless "
        "diagnosis.",
    )
    parser.add_argument("--version", action="version", version=f"wallet-gui {__version__}")
    parser.add_argument("--demo", action="store_true", help="run against the built-in emulator")
    parser.add_argument(
        "--demo-offset",
        type=float,
        # Skewed by default: the demo shows what the app is for, the clock alert included.
        default=2.5,
        metavar="S",
        help="demo: the emulated server's clock is S seconds ahead of this machine "
        "(default 2.5; 0 for a server in step)",
    )
    parser.add_argument(
        "--demo-latency",
        type=float,
        default=0.0,
        metavar="S",
        help="demo: added network round-trip time in seconds",
    )
    parser.add_argument(
        "--interval", type=float, default=None, metavar="S", help="balance poll period"
    )
    parser.add_argument(
        "--language",
        choices=("en", "lt", "ru"),
        default=None,
        help="the window's language for this run (default: Help > Language, else the system's)",
    )
    parser.add_argument(
        "--exit-after-first-round",
        action="store_true",
        help="quit with status 0 once the first balances reached the window, 1 if none did "
        "within a minute (a smoke test of an installation: wallet-gui --demo "
        "--exit-after-first-round)",
    )
    parser.add_argument(
        "--new-instance",
        action="store_true",
        help="start another window even if one is running (by default a second launch "
        "brings the running window to the front, on the --profile it names, and exits; the "
        "demo and a connection given by its options always start their own)",
    )
    _add_connection_options(parser)
    return parser


class _PluginArgumentParser(argparse.ArgumentParser):
    """A parser whose usage errors are a plugin's UNKNOWN (exit 3), not argparse's exit 2."""

    def error(self, message: str) -> NoReturn:
        from wallet_gui.commands.plugin_output import unknown_line

        self.print_usage(sys.stderr)
        print(unknown_line(f"usage: {message}"))
        raise SystemExit(3)


def _range(text: str) -> ThresholdRange:
    try:
        return ThresholdRange.parse(text)
    except RangeError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _balance_rule(text: str) -> BalanceRule:
    try:
        return BalanceRule.parse(text)
    except RangeError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _seconds_as_range(text: str) -> ThresholdRange:
    """``--max-offset S``, the old spelling of ``--warning S``."""
    _positive_seconds(text)
    return _range(text)


def build_check_parser() -> argparse.ArgumentParser:
    parser = _PluginArgumentParser(
        prog="wallet-gui check",
        description="Measure the clock offset to the Wallet API and read configuration and "
        "balances, as a monitoring plugin. Exit status: 0 OK, 1 WARNING, 2 CRITICAL, "
        "3 UNKNOWN.",
        epilog="Ranges use the Monitoring Plugins syntax [@][start:][end], ~ for minus "
        "infinity: 5 alerts outside 0..5, 100: below 100, @1:2 inside 1..2.",
    )
    parser.add_argument("-V", "--version", action="version", version=f"wallet-gui {__version__}")
    _add_connection_options(parser)
    thresholds = parser.add_argument_group("thresholds")
    offset = thresholds.add_mutually_exclusive_group()
    offset.add_argument(
        "-w",
        "--warning",
        type=_range,
        default=None,
        metavar="RANGE",
        help="WARNING when |offset| in seconds is outside RANGE (default 1)",
    )
    offset.add_argument(
        "--max-offset",
        type=_seconds_as_range,
        dest="warning",
        metavar="S",
        help="the same as --warning S",
    )
    thresholds.add_argument(
        "-c",
        "--critical",
        type=_range,
        default=None,
        metavar="RANGE",
        help="CRITICAL when |offset| in seconds is outside RANGE (default 5)",
    )
    for level in ("warning", "critical"):
        thresholds.add_argument(
            f"--balance-{level}",
            type=_balance_rule,
            action="append",
            default=[],
            metavar="WALLET:CUR:RANGE",
            help=f"{level.upper()} when that wallet's amount at disposal is outside RANGE "
            "(repeatable), e.g. 14471:EUR:100:",
        )
    parser.add_argument(
        "-t",
        "--timeout",
        type=_positive_seconds,
        default=DEFAULT_TIMEOUT_S,
        metavar="SECONDS",
        help=f"deadline for the whole check (default {DEFAULT_TIMEOUT_S:g})",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "-v",
        "--verbose",
        action="count",
        default=0,
        help="log to stderr: -v information, -vv details (never a secret)",
    )
    return parser


def _positive_seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError("must be more than 0 and at most 3600 seconds")
    return value


def parse_window_request(argv: Sequence[str]) -> WindowRequest:
    """Our options through argparse; Qt's own (``-style fusion``) set aside for Qt."""
    parser = build_window_parser()
    try:
        split = split_qt_arguments(list(argv))
    except QtArgumentError as error:
        parser.error(str(error))
    args = parser.parse_args(list(split.ours))
    return WindowRequest(
        demo=args.demo,
        demo_offset=args.demo_offset,
        demo_latency=args.demo_latency,
        options=_connection_options(args),
        qt_arguments=split.qt,
        exit_after_first_round=args.exit_after_first_round,
        language=args.language,
        new_instance=args.new_instance,
    )


def parse_check_request(argv: Sequence[str]) -> CheckRequest:
    args = build_check_parser().parse_args(list(argv))
    defaults = Thresholds()
    thresholds = Thresholds(
        warning=args.warning or defaults.warning,
        critical=args.critical or defaults.critical,
        balance_warning=tuple(args.balance_warning),
        balance_critical=tuple(args.balance_critical),
    )
    return CheckRequest(
        options=_connection_options(args),
        thresholds=thresholds,
        json=args.json,
        verbosity=args.verbose,
        timeout=args.timeout,
    )


class _OneLineArgumentParser(argparse.ArgumentParser):
    """Usage errors as one line and exit 2: a service manager's log shows every line."""

    def error(self, message: str) -> NoReturn:
        print(f"error: {message} (see {self.prog} --help)", file=sys.stderr)
        raise SystemExit(2)


def build_exporter_parser() -> argparse.ArgumentParser:
    from wallet_gui.commands.exporter import DEFAULT_LISTEN

    parser = _OneLineArgumentParser(
        prog="wallet-gui exporter",
        description="Poll profiles continuously and export the clock offset, the balances "
        "and request counts as Prometheus metrics: on HTTP (loopback by default), or in a "
        "file for node_exporter's textfile collector. SIGTERM or Ctrl+C stops it.",
    )
    group = _add_connection_options(parser, many_profiles=True)
    group.add_argument("--interval", type=float, metavar="S", help="balance poll period")
    output = parser.add_argument_group("output").add_mutually_exclusive_group()
    output.add_argument(
        "--listen",
        metavar="HOST:PORT",
        default=DEFAULT_LISTEN,
        help=f"serve /metrics there (default {DEFAULT_LISTEN}); loopback only, unless "
        "--listen-any-address",
    )
    output.add_argument(
        "--textfile",
        metavar="PATH",
        help="rewrite PATH (ending in .prom) after each poll instead of listening",
    )
    parser.add_argument(
        "--listen-any-address",
        action="store_true",
        help="allow a --listen address other machines reach (the metrics show balances "
        "and have no authentication)",
    )
    parser.add_argument(
        "-t",
        "--timeout",
        type=_positive_seconds,
        default=DEFAULT_TIMEOUT_S,
        metavar="SECONDS",
        help=f"deadline of each request (default {DEFAULT_TIMEOUT_S:g})",
    )
    parser.add_argument("--verbose", action="store_true", help="log details (never a secret)")
    return parser


def parse_exporter_request(argv: Sequence[str]) -> ExporterRequest:
    from wallet_gui.commands.exporter import ExporterRequest

    args = build_exporter_parser().parse_args(list(argv))
    args.profile = None  # the request lists the profiles; each is resolved on its own
    return ExporterRequest(
        profiles=tuple(args.profiles or ()),
        options=_connection_options(args),
        listen=args.listen,
        listen_any_address=args.listen_any_address,
        textfile=args.textfile,
        verbose=args.verbose,
        timeout=args.timeout,
    )


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["check"]:
        from wallet_gui.commands.check import EXIT_INTERRUPTED, run_check

        try:
            return run_check(parse_check_request(arguments[1:]))
        except KeyboardInterrupt:  # between the command's own checks: still no traceback
            print("interrupted", file=sys.stderr)
            return EXIT_INTERRUPTED
    if arguments[:1] == ["exporter"]:
        from wallet_gui.commands.exporter import run_exporter

        try:
            return run_exporter(parse_exporter_request(arguments[1:]))
        except KeyboardInterrupt:  # before the command's own signal handling: no traceback
            print("interrupted", file=sys.stderr)
            return 130
    if arguments[:1] == ["history"]:  # `history export`; its parser lives with it, Qt-free
        from wallet_gui.commands.history_export import main as history

        return history(arguments[1:])
    if arguments[:1] == ["install-desktop"]:  # its small parser lives with it, Qt-free
        from wallet_gui.commands.desktop_install import main as install_desktop

        return install_desktop(arguments[1:])
    request = parse_window_request(arguments)
    no_display = missing_display(request.qt_arguments, os.environ, sys.platform)
    if no_display is not None:  # before Qt is loaded: Qt would abort with a core dump
        print(no_display, file=sys.stderr)
        return 1
    from wallet_gui.app import run

    return run(request)


__all__ = ["build_check_parser", "build_exporter_parser", "build_window_parser", "main"]
