"""``wallet-gui history export``: a profile's stored history as CSV, without the window.

    wallet-gui history export --profile NAME --kind balances|clock|statements|events
        [--since ISO-8601] [--until ISO-8601] [--output PATH] [--database PATH]

It reads the database the window writes (``$XDG_DATA_HOME/wallet-gui/history.sqlite3``
unless ``--database`` names another) and never creates one; a file of an older schema is
migrated first, as the window would, and one of a newer schema is refused untouched.
Times on the command line are ISO 8601 (``2026-11-29``, ``2026-11-29T18:00``, ``…Z``,
``…+02:00``); a time without a zone is UTC. The range is half-open: ``since <= time < until``.

Output goes to stdout, or with ``--output`` to a file that is written atomically (a
temporary file renamed over it: a reader never sees half a file, and a failed export
leaves an older file as it was). Exit status: 0 done (also for no rows), 1 the database
or the output file failed, 2 a usage error or a profile the database does not know. Each
failure is one line on stderr.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import NoReturn, TextIO

from wallet_gui.core.atomic_file import write_atomically
from wallet_gui.core.history.errors import HistoryError
from wallet_gui.core.history.export import write_csv
from wallet_gui.core.history.export_rows import KINDS
from wallet_gui.core.history.location import default_history_path
from wallet_gui.core.history.store import HistoryStore
from wallet_gui.core.terminal_text import terminal_safe

EXIT_OK, EXIT_DATABASE, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
PROG = "wallet-gui history export"


@dataclass(frozen=True, slots=True)
class HistoryExportRequest:
    profile: str
    kind: str
    since: float | None = None
    until: float | None = None
    output: Path | None = None
    database: Path | None = None


class _OneLineParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        print(f"error: {message} (see {self.prog} --help)", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def parse_time(text: str) -> float:
    """ISO 8601 to UNIX seconds; a time without a zone is UTC."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not an ISO 8601 time: {terminal_safe(text, 60)} (e.g. 2026-11-29T18:00:00Z)"
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


def build_parser() -> argparse.ArgumentParser:
    parser = _OneLineParser(
        prog=PROG,
        description="Write a profile's stored history as CSV: amounts as exact decimal "
        "text, times ISO 8601 UTC. Exit status: 0 done, 1 database or file error, 2 usage "
        "error or unknown profile.",
    )
    parser.add_argument("--profile", required=True, metavar="NAME", help="whose history")
    parser.add_argument("--kind", required=True, choices=KINDS, help="what to export")
    parser.add_argument("--since", type=parse_time, metavar="ISO-8601", help="from (inclusive)")
    parser.add_argument("--until", type=parse_time, metavar="ISO-8601", help="to (exclusive)")
    parser.add_argument("--output", type=Path, metavar="PATH", help="a file (default: stdout)")
    parser.add_argument(
        "--database",
        type=Path,
        metavar="PATH",
        help=f"the history database (default: {default_history_path()})",
    )
    return parser


def parse_request(argv: Sequence[str]) -> HistoryExportRequest:
    parser = build_parser()
    args = parser.parse_args(list(argv))
    if args.since is not None and args.until is not None and args.until <= args.since:
        parser.error("--until must be later than --since")
    return HistoryExportRequest(
        profile=args.profile,
        kind=args.kind,
        since=args.since,
        until=args.until,
        output=args.output,
        database=args.database,
    )


def run_history_export(request: HistoryExportRequest, stdout: TextIO | None = None) -> int:
    path = request.database or default_history_path()
    try:
        store = HistoryStore(path, create=False)
    except HistoryError as error:
        return _fail(str(error), EXIT_DATABASE)
    with store:
        try:
            known = store.profiles()
            if request.profile not in known:
                names = ", ".join(terminal_safe(name, 60) for name in known) or "none"
                return _fail(
                    f"no history for profile {terminal_safe(request.profile, 60)!r} in "
                    f"{path} (profiles there: {names})",
                    EXIT_USAGE,
                )
            if request.output is None:
                _to_stream(store, request, stdout or sys.stdout)
            else:
                _to_file(store, request, request.output)
        except HistoryError as error:
            return _fail(str(error), EXIT_DATABASE)
        except OSError as error:
            target = request.output or "stdout"
            return _fail(f"cannot write {target}: {error.strerror or error}", EXIT_DATABASE)
    return EXIT_OK


def _export(store: HistoryStore, request: HistoryExportRequest, out: TextIO) -> int:
    return write_csv(store, request.profile, request.kind, request.since, request.until, out)


def _to_stream(store: HistoryStore, request: HistoryExportRequest, out: TextIO) -> None:
    if hasattr(out, "reconfigure"):
        out.reconfigure(newline="")  # the csv module writes its own \r\n
    _export(store, request, out)
    out.flush()


def _to_file(store: HistoryStore, request: HistoryExportRequest, target: Path) -> None:
    write_atomically(target, lambda file: _export(store, request, file))


def _fail(message: str, status: int) -> int:
    print(f"error: {message}", file=sys.stderr)
    return status


def main(argv: Sequence[str]) -> int:
    """``wallet-gui history …``: ``argv`` is what follows ``history``."""
    if list(argv[:1]) != ["export"]:
        print(
            "error: wallet-gui history takes one command, export "
            "(see wallet-gui history export --help)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        return run_history_export(parse_request(argv[1:]))
    except BrokenPipeError:  # `… | head`: the reader left; not an error worth a traceback
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - Python flushes it at exit
        return EXIT_OK
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
