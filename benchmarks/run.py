"""The one entry point: every figure against the emulator, then one table.

``python -m benchmarks.run`` (about 8 minutes on 2 cores) or ``--quick`` (about 3 minutes).
Each figure prints its details as it goes; the table at the end puts this project, the
baseline measured in the same run, their ratio and the issue's target side by side. A
figure that fails to run is reported in the table instead of hiding the others.

Order matters a little: the responsiveness figure runs first, because it is the one that
shares this interpreter with Qt (the others run children or plain threads).
"""

from __future__ import annotations

import argparse
import os
import time
import traceback
from collections.abc import Callable

from benchmarks import (
    clock_accuracy,
    footprint,
    history_redraw,
    history_startup,
    history_store,
    many_wallets,
    responsiveness,
    startup,
)
from benchmarks.common import Row, print_table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="shorter runs (under 2 minutes)")
    parser.add_argument(
        "--only",
        action="append",
        choices=(
            "responsiveness",
            "many_wallets",
            "startup",
            "footprint",
            "clock_accuracy",
            "history_store",
            "history_redraw",
            "history_startup",
        ),
        help="run only this figure (repeatable)",
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    figures: list[tuple[str, Callable[[bool], list[Row]]]] = [
        ("responsiveness", responsiveness.run),
        ("many_wallets", many_wallets.run),
        ("startup", startup.run),
        ("footprint", footprint.run),
        ("clock_accuracy", clock_accuracy.run),
        ("history_store", history_store.run),
        ("history_redraw", history_redraw.run),
        ("history_startup", history_startup.run),
    ]
    started = time.monotonic()
    rows: list[Row] = []
    for name, figure in figures:
        if args.only and name not in args.only:
            continue
        try:
            rows.extend(figure(args.quick))
        except Exception as error:  # noqa: BLE001 - one broken figure must not hide the rest
            traceback.print_exc()
            rows.append(Row(name, f"failed: {type(error).__name__}", "", "", "", None))
    elapsed = time.monotonic() - started
    mode = "quick" if args.quick else "full"
    print(f"\n== Summary ({mode} run, {elapsed:.0f} s, {os.cpu_count()} CPUs) ==")
    print_table(rows)
    missed = [row.figure for row in rows if row.met is False]
    print(f"\n{len(rows) - len(missed)} of {len(rows)} figures meet their target (n/a counted)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
