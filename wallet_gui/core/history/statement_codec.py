"""Statements to table rows and back: exact amounts as text, the rest as the API gave it."""

from __future__ import annotations

import json
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from wallet_gui.api.models import OtherParty, Statement
from wallet_gui.core.history.values import exact

COLUMNS = (
    "id, date, amount, currency, direction, type, details, other_party, transfer_id, "
    "reference_number, raw"
)


def to_row(statement: Statement) -> tuple[Any, ...]:
    party = statement.other_party
    party_text = None
    if party is not None:
        party_text = json.dumps(
            {
                "name": party.name,
                "code": party.code,
                "bic": party.bic,
                "account_number": party.account_number,
                "ibans": list(party.ibans),
            },
            ensure_ascii=False,
        )
    return (
        statement.id,
        statement.date,
        exact(statement.amount),
        statement.currency,
        statement.direction,
        statement.type,
        statement.details,
        party_text,
        statement.transfer_id,
        statement.reference_number,
        json.dumps(statement.raw, ensure_ascii=False, default=str),
    )


def from_row(row: Sequence[Any]) -> Statement:
    (id_, date, amount, currency, direction, kind, details, party, transfer, ref, raw) = row
    other = None
    if party is not None:
        data = json.loads(party)
        other = OtherParty(
            name=data.get("name"),
            code=data.get("code"),
            bic=data.get("bic"),
            account_number=data.get("account_number"),
            ibans=tuple(data.get("ibans") or ()),
        )
    return Statement(
        id=int(id_),
        amount=Decimal(amount),
        currency=currency,
        date=int(date),
        direction=direction,
        type=kind,
        details=details,
        other_party=other,
        transfer_id=transfer,
        reference_number=ref,
        raw=json.loads(raw),
    )
