"""What every figure shares: the result row, the table, and reading a process from /proc.

Rows carry already formatted text, because each figure has its own unit and its own sense
of "better"; only the judgement (met or not) is a boolean, so the table can count misses.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

#: The project root: subprocesses run from here so ``-m benchmarks.…`` and ``wallet_gui`` resolve.
ROOT = Path(__file__).resolve().parent.parent
_CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
_PAGE_KIB = os.sysconf("SC_PAGE_SIZE") // 1024


@dataclass(frozen=True)
class Row:
    """One line of the final table."""

    figure: str
    ours: str
    baseline: str
    ratio: str
    target: str
    met: bool | None  # None: not judged (informational, or the baseline is unavailable)


def met_text(met: bool | None) -> str:
    return "n/a" if met is None else ("yes" if met else "NO")


def print_table(rows: Sequence[Row], file: object = None) -> None:
    """The one table: figure | this project | baseline | ratio | target | met?"""
    out = file if file is not None else sys.stdout
    header = ("figure", "this project", "baseline", "ratio", "target", "met?")
    cells = [header] + [
        (r.figure, r.ours, r.baseline, r.ratio, r.target, met_text(r.met)) for r in rows
    ]
    widths = [max(len(line[i]) for line in cells) for i in range(len(header))]

    def line(values: Iterable[str]) -> str:
        return "| " + " | ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)) + " |"

    print(line(header), file=out)  # type: ignore[arg-type]
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|", file=out)  # type: ignore[arg-type]
    for values in cells[1:]:
        print(line(values), file=out)  # type: ignore[arg-type]


def ratio_text(ours: float, baseline: float, digits: int = 2) -> str:
    if baseline == 0:
        return "n/a"
    return f"{ours / baseline:.{digits}f}×"


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile (share in 0..1): no interpolation, so it is a real sample."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))
    return ordered[index]


def rss_kib(pid: int) -> int:
    """Resident set size (VmRSS) of a process, in KiB."""
    for text in Path(f"/proc/{pid}/status").read_text().splitlines():
        if text.startswith("VmRSS:"):
            return int(text.split()[1])
    # A zombie has no VmRSS line; statm still answers in pages.
    return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * _PAGE_KIB


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of a process (all its threads), in seconds."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    fields = stat[stat.rindex(")") + 2 :].split()
    # After "pid (comm) ": state is field 3 → index 0; utime is field 14, stime field 15.
    return (int(fields[11]) + int(fields[12])) / _CLOCK_TICKS


def child_env(config_dir: str | None = None) -> dict[str, str]:
    """Environment for app subprocesses: offscreen Qt, throwaway settings and data folders.

    The throwaway ``XDG_CONFIG_HOME`` keeps the user's profiles and window geometry out of
    the measurement (and untouched by it).
    """
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["XDG_CONFIG_HOME"] = config_dir or tempfile.mkdtemp(prefix="wallet-bench-")
    # And a throwaway history: the demo's records must not land in the user's database.
    env["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="wallet-bench-data-")
    env["WALLET_GUI_NO_DIALOGS"] = "1"
    env.pop("WALLET_GUI_MAC_KEY", None)
    return env


def section(title: str) -> None:
    """A heading for a figure's detailed output (the final table comes after all of them)."""
    print(f"\n== {title} ==", flush=True)
