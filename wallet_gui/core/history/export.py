"""CSV export of a profile's history with the standard ``csv`` module.

A header row, then one row per stored record: amounts as exact decimal text, times ISO 8601
UTC (see ``export_rows.py`` for the columns of each kind). Free text that came from the
server (statement details, names, messages) is written so that a spreadsheet shows it and
never runs it: a cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
gets a leading apostrophe, the usual defence against formula injection. Amount columns
are never touched, so ``-12.50`` stays a number.
"""

from __future__ import annotations

import csv
from typing import TextIO

from wallet_gui.core.history.export_rows import FREE_TEXT, HEADERS, KINDS
from wallet_gui.core.history.store import HistoryStore

__all__ = ["KINDS", "csv_cells", "defused", "write_csv"]

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def defused(text: str) -> str:
    """``text`` as a spreadsheet shows it without evaluating it."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def csv_cells(header: tuple[str, ...], row: dict[str, str]) -> list[str]:
    """One exported row's cells in ``header`` order, free text defused."""
    return [defused(row[name]) if name in FREE_TEXT else row[name] for name in header]


def write_csv(
    store: HistoryStore,
    profile: str,
    kind: str,
    since: float | None,
    until: float | None,
    out: TextIO,
) -> int:
    """Write ``kind`` rows of ``profile`` in ``[since, until)`` to ``out``; returns the count.

    ``out`` should be opened with ``newline=""`` (the ``csv`` module writes ``\\r\\n``).
    """
    if kind not in KINDS:
        raise ValueError(f"unknown export kind {kind!r}; expected one of {KINDS}")
    header = HEADERS[kind]
    writer = csv.writer(out)
    writer.writerow(header)
    count = 0
    for row in store.export_rows(profile, kind, since, until):
        writer.writerow(csv_cells(header, row))
        count += 1
    return count
