"""Footprint: resident memory after first data and CPU while idle, demo app vs a bare window.

The demo runs as a child (``benchmarks.appdriver``) exactly as ``python -m wallet_gui --demo``
would, offscreen, emulator included (it is part of what the demo costs). After its first
balances are on screen it is left to settle (the clock's acquisition burst), then its CPU
time (utime + stime from /proc, every thread) is read across a window that contains the
ordinary polls: if that stays under 1 % of a core, the time between polls is idle a
fortiori. VmRSS is read at the end of that window; the mappings that account for the
difference from the bare window are listed, because a ratio alone does not say what to cut.

``--soak S`` keeps the demo running S seconds and samples VmRSS once a minute (the issue's
"memory flat over an hour": ``--soak 3600``); it is not part of the full run.

Run alone: ``python -m benchmarks.footprint [--quick] [--soak S]``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from benchmarks.common import ROOT, Row, child_env, cpu_seconds, print_table, rss_kib, section

TARGET_RSS_RATIO = 1.3
TARGET_CPU_SHARE = 0.01


@dataclass(frozen=True)
class Footprint:
    """What one child used."""

    rss_first_kib: int
    rss_end_kib: int
    cpu_share: float  # of one core, over the measuring window
    window_s: float
    mappings: dict[str, int]  # KiB resident per mapped file (or [heap], [anon])


def _mappings(pid: int) -> dict[str, int]:
    """Resident KiB per mapping name from /proc/<pid>/smaps (files by base name)."""
    totals: dict[str, int] = defaultdict(int)
    name = "[anon]"
    try:
        text = Path(f"/proc/{pid}/smaps").read_text()
    except OSError:
        return {}
    for line in text.splitlines():
        head = line.split(maxsplit=5)
        if len(head) >= 5 and "-" in head[0] and ":" not in head[0]:
            name = Path(head[5]).name if len(head) == 6 else "[anon]"
        elif line.startswith("Rss:"):
            totals[name] += int(line.split()[1])
    return dict(totals)


def measure(mode: str, settle: float, window: float, *, soak: float = 0.0) -> Footprint:
    """Run the child, wait for its first data, settle, then measure CPU over ``window``."""
    hold = settle + window + soak + 5.0
    env = child_env()
    env["BENCH_T0"] = repr(time.monotonic())
    with subprocess.Popen(
        [sys.executable, "-m", "benchmarks.appdriver", mode, "--hold", str(hold)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as child:
        try:
            assert child.stdout is not None
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                text = child.stdout.readline()
                if not text:
                    raise RuntimeError(f"{mode} child ended before showing anything")
                if json.loads(text).get("event") == "shown":
                    break
            rss_first = rss_kib(child.pid)
            time.sleep(settle)
            cpu_start, wall_start = cpu_seconds(child.pid), time.monotonic()
            time.sleep(window)
            if child.poll() is not None:
                raise RuntimeError(f"{mode} child exited during the measurement")
            cpu_end, wall_end = cpu_seconds(child.pid), time.monotonic()
            rss_end = rss_kib(child.pid)
            mappings = _mappings(child.pid)
            if soak:
                _soak(child.pid, soak)
        finally:
            child.terminate()  # the app quits cleanly on SIGTERM
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
    return Footprint(
        rss_first,
        rss_end,
        (cpu_end - cpu_start) / (wall_end - wall_start),
        wall_end - wall_start,
        mappings,
    )


def _soak(pid: int, seconds: float) -> None:
    """Print VmRSS once a minute for ``seconds``: is memory flat while polling?"""
    start = time.monotonic()
    first = rss_kib(pid)
    print(f"  soak: VmRSS {first / 1024:.1f} MiB at start", flush=True)
    while (elapsed := time.monotonic() - start) < seconds:
        time.sleep(min(60.0, seconds - elapsed))
        now = rss_kib(pid)
        print(
            f"  soak: {time.monotonic() - start:6.0f} s  VmRSS {now / 1024:.1f} MiB "
            f"({(now - first) / 1024:+.1f})",
            flush=True,
        )


def run(quick: bool = False, soak: float = 0.0) -> list[Row]:
    """Measure and print the footprint figures; returns their table rows."""
    section("Footprint: resident memory after first data, CPU while idle (demo vs bare window)")
    settle = 5.0 if quick else 12.0
    window = 10.0 if quick else 20.0
    print(f"  settle {settle:g} s after first data, then CPU over {window:g} s", flush=True)
    bare = measure("bare", settle, window)
    app = measure("app", settle, window, soak=soak)
    rss_ratio = app.rss_end_kib / bare.rss_end_kib
    for label, item in (("demo", app), ("bare", bare)):
        private = item.mappings.get("[anon]", 0) + item.mappings.get("[heap]", 0)
        print(
            f"  {label}: VmRSS {item.rss_first_kib / 1024:.1f} MiB at first data, "
            f"{item.rss_end_kib / 1024:.1f} MiB after {settle + window:g} s "
            f"(anonymous + heap {private / 1024:.1f}, mapped files "
            f"{(item.rss_end_kib - private) / 1024:.1f}); "
            f"CPU {100 * item.cpu_share:.2f} % of a core over {item.window_s:.1f} s"
        )
    print(
        "  (mapped-file pages count only once touched, so VmRSS also depends on the page "
        "cache; runs on the same machine minutes apart varied by up to 10 MiB for both)"
    )
    extra = {
        name: kib - bare.mappings.get(name, 0)
        for name, kib in app.mappings.items()
        if kib - bare.mappings.get(name, 0) > 0
    }
    print(
        f"  the demo's extra {(app.rss_end_kib - bare.rss_end_kib) / 1024:.1f} MiB, "
        "largest contributions (MiB resident, demo − bare):"
    )
    for name, kib in sorted(extra.items(), key=lambda item: item[1], reverse=True)[:10]:
        print(f"    {kib / 1024:6.1f}  {name}")
    return [
        Row(
            "resident memory after first data",
            f"{app.rss_end_kib / 1024:.0f} MiB",
            f"{bare.rss_end_kib / 1024:.0f} MiB (bare window)",
            f"{rss_ratio:.2f}×",
            f"≤ {TARGET_RSS_RATIO}×",
            rss_ratio <= TARGET_RSS_RATIO,
        ),
        Row(
            f"CPU while idle ({window:g} s incl. polls)",
            f"{100 * app.cpu_share:.2f} % of a core",
            f"{100 * bare.cpu_share:.2f} % (bare window)",
            f"+{100 * (app.cpu_share - bare.cpu_share):.2f} pt",
            f"< {100 * TARGET_CPU_SHARE:.0f} %",
            app.cpu_share < TARGET_CPU_SHARE,
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="shorter windows (about 35 s)")
    parser.add_argument(
        "--soak", type=float, default=0.0, metavar="S", help="also sample VmRSS for S seconds"
    )
    args = parser.parse_args(argv)
    rows = run(quick=args.quick, soak=args.soak)
    print()
    print_table(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
