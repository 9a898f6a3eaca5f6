"""The rows of each export kind, as text: exact amounts, ISO 8601 UTC times.

Ranges are half-open: ``since <= time < until``; ``None`` leaves that end open. Times are
``2026-11-29T18:00:00Z`` (clock estimates, kept to the millisecond: ``…:00.250Z``); amounts
are the decimal text stored when they were recorded, every digit as the API sent it.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime

KINDS = ("balances", "clock", "statements", "events")

HEADERS: dict[str, tuple[str, ...]] = {
    "balances": ("time", "wallet_id", "currency", "at_disposal", "reserved", "heartbeat"),
    "clock": (
        "time",
        "offset_s",
        "half_width_s",
        "rtt_min_s",
        "rate_ppm",
        "rate_half_width_ppm",
    ),
    "statements": (
        "id",
        "wallet_id",
        "date",
        "direction",
        "amount",
        "signed_amount",
        "currency",
        "type",
        "details",
        "other_party_name",
        "other_party_account",
        "transfer_id",
        "reference_number",
    ),
    "events": ("time", "kind", "rule", "message"),
}

#: Columns holding free text (from the server, or messages quoting it).
FREE_TEXT = frozenset(
    {"details", "type", "other_party_name", "other_party_account", "reference_number", "message"}
)


def iso_utc(seconds: int) -> str:
    return datetime.fromtimestamp(seconds, tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def iso_utc_ms(milliseconds: int) -> str:
    whole, fraction = divmod(milliseconds, 1000)
    stamp = datetime.fromtimestamp(whole, tz=UTC).strftime("%Y-%m-%dT%H:%M:%S")
    return f"{stamp}.{fraction:03d}Z"


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)  # the shortest text that reads back as the same float
    return str(value)


def _bounds(since: float | None, until: float | None, scale: int) -> tuple[int, int]:
    low = -(2**62) if since is None else math.ceil(since * scale)
    high = 2**62 if until is None else math.ceil(until * scale)
    return low, high


def export_rows(
    db: sqlite3.Connection, profile: int, kind: str, since: float | None, until: float | None
) -> Iterator[dict[str, str]]:
    if kind == "balances":
        yield from _balances(db, profile, *_bounds(since, until, 1))
    elif kind == "clock":
        yield from _clock(db, profile, *_bounds(since, until, 1000))
    elif kind == "statements":
        yield from _statements(db, profile, *_bounds(since, until, 1))
    elif kind == "events":
        yield from _events(db, profile, *_bounds(since, until, 1000))
    else:
        raise ValueError(f"unknown export kind {kind!r}; expected one of {KINDS}")


def _balances(
    db: sqlite3.Connection, profile: int, low: int, high: int
) -> Iterator[dict[str, str]]:
    rows = db.execute(
        "SELECT b.t, s.wallet_id, s.currency, b.at_disposal, b.reserved, b.beat "
        "FROM balance AS b JOIN series AS s ON s.id = b.series "
        "WHERE s.profile = ? AND s.kind = 'balance' AND b.t >= ? AND b.t < ? "
        "ORDER BY b.t, s.wallet_id, s.currency",
        (profile, low, high),
    )
    for t, wallet, currency, at_disposal, reserved, beat in rows:
        yield {
            "time": iso_utc(t),
            "wallet_id": wallet,
            "currency": currency,
            "at_disposal": _text(at_disposal),
            "reserved": _text(reserved),
            "heartbeat": "1" if beat else "0",
        }


def _clock(db: sqlite3.Connection, profile: int, low: int, high: int) -> Iterator[dict[str, str]]:
    rows = db.execute(
        "SELECT t, offset_s, half_width_s, rtt_min_s, rate_ppm, rate_half_width_ppm FROM clock "
        "WHERE profile = ? AND t >= ? AND t < ? ORDER BY t",
        (profile, low, high),
    )
    names = HEADERS["clock"][1:]
    for t, *values in rows:
        row = {"time": iso_utc_ms(t)}
        row.update({name: _text(value) for name, value in zip(names, values, strict=True)})
        yield row


def _statements(
    db: sqlite3.Connection, profile: int, low: int, high: int
) -> Iterator[dict[str, str]]:
    rows = db.execute(
        "SELECT id, wallet_id, date, direction, amount, currency, type, details, other_party, "
        "transfer_id, reference_number FROM statement "
        "WHERE profile = ? AND date >= ? AND date < ? ORDER BY date, wallet_id, id",
        (profile, low, high),
    )
    for id_, wallet, date, direction, amount, currency, kind, details, party, transfer, ref in rows:
        other = json.loads(party) if party else {}
        account = other.get("account_number") or ", ".join(other.get("ibans") or ())
        yield {
            "id": str(id_),
            "wallet_id": wallet,
            "date": iso_utc(date),
            "direction": direction,
            "amount": amount,
            "signed_amount": ("-" + amount) if direction == "out" else amount,
            "currency": currency,
            "type": kind,
            "details": details,
            "other_party_name": _text(other.get("name")),
            "other_party_account": _text(account or None),
            "transfer_id": _text(transfer),
            "reference_number": _text(ref),
        }


def _events(db: sqlite3.Connection, profile: int, low: int, high: int) -> Iterator[dict[str, str]]:
    rows = db.execute(
        "SELECT t, kind, rule, message FROM event WHERE profile = ? AND t >= ? AND t < ? "
        "ORDER BY t, id",
        (profile, low, high),
    )
    for t, kind, rule, message in rows:
        yield {"time": iso_utc_ms(t), "kind": kind, "rule": _text(rule), "message": message}
