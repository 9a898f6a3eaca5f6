"""``WalletClient.statements`` and ``Monitor.fetch_statements`` against the emulator over
loopback HTTP, and the statement parser against a hostile server's bad answers.

Paging is checked by walking a wallet's whole history (offset pages, ``after`` cursors
forwards, ``before`` cursors back) and comparing with what the emulator holds: each
statement exactly once, newest first. Amounts are compared as exact decimals.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import pytest

from tests.hostile.server import HostileServer, SeenRequest, Step, reply
from wallet_gui.api import ApiError, MacAuth, ResponseFormatError, TransportError, WalletClient
from wallet_gui.api.client import ConfigurationError
from wallet_gui.api.models import OtherParty, Statement, StatementPage
from wallet_gui.api.statement_parser import parse_statement_page
from wallet_gui.core.connection import ConnectionSettings
from wallet_gui.core.monitor import Monitor
from wallet_gui.sandbox import DEMO_CLIENT_ID, Sandbox

WALLET = 20002  # three currencies, twelve opening statements


@pytest.fixture
def busy() -> Iterator[Sandbox]:
    """An emulator without the rate limit: walking a history takes many signed requests."""
    with Sandbox(seed=3, rate_limit=False) as server:
        yield server


@pytest.fixture
def api(busy: Sandbox) -> Iterator[WalletClient]:
    with WalletClient(busy.url, MacAuth(DEMO_CLIENT_ID, busy.clients[DEMO_CLIENT_ID])) as client:
        yield client


def newest_first_ids(sandbox: Sandbox, wallet_id: int) -> list[int]:
    items = sorted(sandbox.statements[wallet_id], key=lambda s: (s["date"], s["id"]), reverse=True)
    return [item["id"] for item in items]


def grow(sandbox: Sandbox, wallet_id: int, moves: int) -> None:
    for number in range(moves):
        direction = "in" if number % 3 else "out"
        sandbox.move_money(wallet_id, "EUR", Decimal("1.25"), direction, f"move {number}")


def walk(first: StatementPage, next_page: Callable[[StatementPage], StatementPage]) -> list[int]:
    ids, page, seen = [], first, 0
    while True:
        ids += [statement.id for statement in page.statements]
        seen += 1
        assert seen < 100, "paging never ended"
        if not page.has_next:
            return ids
        page = next_page(page)


# -- reading -------------------------------------------------------------------------------------


def test_first_page_is_newest_first_and_exact(api: WalletClient, busy: Sandbox) -> None:
    page = api.statements(WALLET)
    assert [s.id for s in page.statements] == newest_first_ids(busy, WALLET)
    assert (page.total, page.offset, page.limit) == (12, 0, 20)
    assert not page.has_next
    assert not page.has_previous
    assert page.first
    assert page.last
    assert page.first != page.last
    dates = [s.date for s in page.statements]
    assert dates == sorted(dates, reverse=True)
    for statement in page.statements:
        assert type(statement.amount) is Decimal
        assert statement.amount > 0
        assert statement.direction in ("in", "out")
    assert busy.records[-1].client_id == DEMO_CLIENT_ID  # signed, and the MAC checked


def test_statements_add_up_to_the_balance(api: WalletClient) -> None:
    balances = api.wallet_balance(WALLET)
    page = api.statements(WALLET)
    for currency, balance in balances.items():
        signed = sum(
            (s.signed_amount for s in page.statements if s.currency == currency), Decimal(0)
        )
        assert signed == balance.total, currency


def test_other_party_and_references_are_parsed(api: WalletClient) -> None:
    page = api.statements(14471, currency="EUR")
    by_details = {s.details: s for s in page.statements}
    salary = by_details["Salary"]
    assert salary.type == "transfer"
    assert salary.other_party == OtherParty(
        name="UAB Darbdavys",
        code="300000001",
        bic="EVIULT2VXXX",
        account_number="EVP0000000000001",
        ibans=("LT093500010000000001",),
    )
    assert salary.transfer_id is not None
    assert salary.reference_number is not None
    assert salary.raw["amount_decimal"] == str(salary.amount)
    fee = by_details["Monthly account fee"]
    assert fee.direction == "out"
    assert fee.signed_amount == -fee.amount
    assert fee.other_party is None
    assert fee.transfer_id is None
    assert fee.reference_number is None


def test_query_is_sent_as_given(api: WalletClient, busy: Sandbox) -> None:
    api.statements(WALLET, limit=3, date_from=100, date_to=2**33, currency="JPY")
    record = busy.records[-1]
    assert record.path == f"/rest/v1/wallet/{WALLET}/statements"
    assert record.query == {
        "limit": ["3"],
        "from": ["100"],
        "to": [str(2**33)],
        "currency": ["JPY"],
    }
    assert record.status == 200


# -- paging --------------------------------------------------------------------------------------


def test_offset_paging_walks_every_statement_once(api: WalletClient, busy: Sandbox) -> None:
    grow(busy, WALLET, 31)  # 43 statements: six full pages of seven and one of one
    ids = walk(
        api.statements(WALLET, limit=7),
        lambda page: api.statements(WALLET, limit=7, offset=(page.offset or 0) + 7),
    )
    assert ids == newest_first_ids(busy, WALLET)
    assert len(ids) == 43


def test_after_cursors_walk_every_statement_once(api: WalletClient, busy: Sandbox) -> None:
    grow(busy, WALLET, 31)
    ids = walk(
        api.statements(WALLET, limit=7),
        lambda page: api.statements(WALLET, limit=7, after=page.last),
    )
    assert ids == newest_first_ids(busy, WALLET)


def test_before_cursors_walk_back_to_the_newest(api: WalletClient, busy: Sandbox) -> None:
    grow(busy, WALLET, 9)  # 21 statements: pages of 5, the oldest page has one
    pages = [api.statements(WALLET, limit=5)]
    while pages[-1].has_next:
        pages.append(api.statements(WALLET, limit=5, after=pages[-1].last))
    assert pages[-1].has_previous
    back = [pages[-1]]
    while back[-1].has_previous:
        back.append(api.statements(WALLET, limit=5, before=back[-1].first))
    assert [p.statements for p in back] == [p.statements for p in reversed(pages)]
    assert not back[-1].has_previous
    assert back[-1].offset == 0


def test_cursors_and_offsets_page_the_same_filtered_list(api: WalletClient) -> None:
    by_offset = api.statements(WALLET, currency="GBP", limit=2, offset=2)
    first = api.statements(WALLET, currency="GBP", limit=2)
    by_cursor = api.statements(WALLET, currency="GBP", limit=2, after=first.last)
    assert by_cursor.statements == by_offset.statements
    assert by_cursor.total == by_offset.total == 4


# -- filters -------------------------------------------------------------------------------------


def test_currency_filter(api: WalletClient) -> None:
    page = api.statements(WALLET, currency="JPY")
    assert page.total == 4
    assert {s.currency for s in page.statements} == {"JPY"}
    assert sum((s.signed_amount for s in page.statements), Decimal(0)) == Decimal(15000)
    assert api.statements(WALLET, currency="CHF").statements == ()


def test_date_filters_are_inclusive_bounds(api: WalletClient, busy: Sandbox) -> None:
    dates = sorted({item["date"] for item in busy.statements[WALLET]})
    low, high = dates[3], dates[8]
    page = api.statements(WALLET, date_from=low, date_to=high)
    assert {s.date for s in page.statements} == set(dates[3:9])
    assert page.total == sum(1 for item in busy.statements[WALLET] if low <= item["date"] <= high)
    assert api.statements(WALLET, date_from=dates[-1] + 1).statements == ()
    assert len(api.statements(WALLET, date_to=dates[0]).statements) == 1


# -- money moving --------------------------------------------------------------------------------


def test_moved_money_shows_in_balance_and_statements(api: WalletClient, busy: Sandbox) -> None:
    before = api.wallet_balance(14471)["EUR"].at_disposal
    assert before == Decimal("22.99")
    new_id = busy.move_money(14471, "EUR", Decimal("7.50"), "out", "Coffee beans", "Kavinė")
    assert api.wallet_balance(14471)["EUR"].at_disposal == Decimal("15.49")
    newest = api.statements(14471, limit=1)
    assert newest.has_next
    moved = newest.statements[0]
    assert moved.id == new_id
    assert (moved.amount, moved.signed_amount) == (Decimal("7.50"), Decimal("-7.50"))
    assert moved.details == "Coffee beans"
    assert moved.other_party == OtherParty(name="Kavinė")
    assert abs(moved.date - busy.now()) < 5


# -- refusals before sending ---------------------------------------------------------------------


@pytest.mark.parametrize("wallet_id", ["..", ".", "me", "1/2", "", "0", -1])
def test_bad_wallet_ids_are_refused_without_a_request(
    api: WalletClient, busy: Sandbox, wallet_id: Any
) -> None:
    with pytest.raises(ConfigurationError):
        api.statements(wallet_id)
    assert busy.records == []
    assert api.signed_requests_sent == 0


@pytest.mark.parametrize(
    ("arguments", "says"),
    [
        ({"offset": 0, "after": "x"}, "not offset and after"),
        ({"after": "x", "before": "y"}, "not after and before"),
        ({"limit": 0}, "'limit' must be from 1 to 200"),
        ({"limit": 201}, "'limit' must be from 1 to 200"),
        ({"limit": True}, "'limit' must be a whole number"),
        ({"offset": -1}, "'offset'"),
        ({"date_from": 20, "date_to": 10}, "'from' is later than 'to'"),
        ({"date_to": 2**40}, "'to'"),
        ({"currency": "eur"}, "'currency'"),
        ({"after": ""}, "'after'"),
        ({"before": "abc\r\nX-Injected: 1"}, "'before'"),
        ({"after": "x" * 300}, "'after'"),
    ],
)
def test_bad_arguments_are_refused_without_a_request(
    api: WalletClient, busy: Sandbox, arguments: dict[str, Any], says: str
) -> None:
    with pytest.raises(ConfigurationError) as caught:
        api.statements(WALLET, **arguments)
    assert says in str(caught.value)
    assert busy.records == []


# -- the error model -----------------------------------------------------------------------------


def test_unknown_wallet_is_not_found(api: WalletClient) -> None:
    with pytest.raises(ApiError) as caught:
        api.statements(99999)
    assert caught.value.status == 404
    assert caught.value.error == "not_found"
    assert caught.value.description == "Wallet 99999 was not found"


def test_api_errors_keep_description_and_uri(api: WalletClient, busy: Sandbox) -> None:
    busy.faults.add("forbidden", path="/statements")
    with pytest.raises(ApiError) as caught:
        api.statements(WALLET)
    error = caught.value
    assert (error.status, error.error) == (403, "forbidden")
    assert error.description
    assert "no rights" in error.description
    assert error.uri == "https://developers.paysera.com/en/wallet/"
    assert error.correlation_id


def test_a_wrong_shape_is_a_format_error_naming_the_field(api: WalletClient, busy: Sandbox) -> None:
    busy.faults.add("wrong_types", path="/statements")
    with pytest.raises(ResponseFormatError) as caught:
        api.statements(WALLET)
    assert str(caught.value) == "statements: 'statements' has the wrong type (an object)"


def test_invalid_timestamp_is_resigned_once(busy: Sandbox) -> None:
    resyncs: list[float] = []
    auth = MacAuth(DEMO_CLIENT_ID, busy.clients[DEMO_CLIENT_ID])
    with WalletClient(busy.url, auth, on_invalid_timestamp=lambda: resyncs.append(1)) as api:
        busy.faults.add("invalid_timestamp", path="/statements")
        page = api.statements(WALLET, limit=2)
        assert len(page.statements) == 2
        assert api.signed_requests_sent == 2
    assert resyncs == [1]


# -- the monitor ---------------------------------------------------------------------------------


def test_monitor_fetches_signed_and_counted(busy: Sandbox) -> None:
    settings = ConnectionSettings(
        base_url=busy.url, client_id=DEMO_CLIENT_ID, wallet_ids=(str(WALLET),)
    )
    monitor = Monitor(settings, busy.clients[DEMO_CLIENT_ID])
    try:
        first = monitor.fetch_statements(str(WALLET), limit=5)
        older = monitor.fetch_statements(str(WALLET), limit=5, after=first.last)
        assert monitor.client.signed_requests_sent == 2
        with pytest.raises(ApiError):
            monitor.fetch_statements("99999")
        with pytest.raises(ConfigurationError):
            monitor.fetch_statements("..")
        assert monitor.client.signed_requests_sent == 3
    finally:
        monitor.close()
    assert [s.id for s in first.statements + older.statements] == newest_first_ids(busy, WALLET)[
        :10
    ]
    assert [r.client_id for r in busy.requests_to("/statements")] == [DEMO_CLIENT_ID] * 3


# -- bad answers from a hostile server -----------------------------------------------------------

GOOD = {
    "id": 5,
    "amount": 1250,
    "amount_decimal": "12.50",
    "currency": "EUR",
    "date": 1_790_000_000,
    "direction": "in",
    "type": "transfer",
    "details": "Rent",
}


def page_with(**changes: Any) -> dict[str, Any]:
    item = {key: value for key, value in {**GOOD, **changes}.items() if value is not ...}
    return {"statements": [dict(GOOD), item], "_metadata": {"total": 2, "has_next": False}}


BAD_ANSWERS = [
    (page_with(amount_decimal="1e999999999"), "statement #2: 'amount_decimal' is out of range"),
    (page_with(amount_decimal="0.0000000001"), "statement #2: 'amount_decimal' is out of range"),
    (page_with(amount_decimal=..., amount=10**20), "statement #2: 'amount' is out of range"),
    (page_with(amount_decimal=..., amount=...), "statement #2: required field 'amount' is missing"),
    (page_with(amount_decimal="-3.00"), "statement #2: 'amount_decimal' is negative"),
    (page_with(amount_decimal="NaN"), "statement #2: 'amount_decimal' 'NaN' is not a finite"),
    (page_with(direction="sideways"), "statement #2: 'direction' 'sideways' is neither"),
    (page_with(date=2**40), "statement #2: 'date' is out of range"),
    (page_with(date="today"), "statement #2: 'date' has the wrong type (a string)"),
    (page_with(id=True), "statement #2: 'id' has the wrong type (a boolean)"),
    (page_with(id=2**63), "statement #2: 'id' is out of range"),
    (page_with(id=...), "statement #2: required field 'id' is missing"),
    (page_with(currency="eur"), "statement #2: 'currency' 'eur' is not a code"),
    (page_with(type=...), "statement #2: required field 'type' is missing"),
    (page_with(details="x" * 2001), "statement #2: 'details' is too long (2,001 characters)"),
    (page_with(transfer_id=-1), "statement #2: 'transfer_id' is out of range"),
    (page_with(reference_number=["RF"]), "statement #2: 'reference_number' has the wrong type"),
    (page_with(other_party="Bob"), "statement #2: 'other_party' has the wrong type (a string)"),
    (page_with(other_party={"name": "n" * 201}), "statement #2 other_party: 'name' is too long"),
    (page_with(other_party={"ibans": [1]}), "statement #2 other_party: 'ibans' must be a list"),
    (page_with(other_party={"ibans": ["LT1"] * 21}), "other_party: 'ibans' lists too many (21)"),
    ({"_metadata": {}}, "statements: required field 'statements' is missing"),
    ({"statements": [5]}, "statement #1: expected a JSON object, got a number"),
    ([GOOD], "statements: expected a JSON object, got an array"),
    ({"statements": [], "_metadata": []}, "statements: '_metadata' has the wrong type"),
    ({"statements": [], "_metadata": {"has_next": "yes"}}, "'has_next' has the wrong type"),
    ({"statements": [], "_metadata": {"total": -1}}, "_metadata: 'total' is out of range"),
    ({"statements": [], "_metadata": {"last": "a\u202eb"}}, "'last' is not a printable cursor"),
    ({"statements": [], "_metadata": {"first": "c" * 257}}, "'first' is too long"),
]


def hostile_answer(body: Any) -> Callable[[SeenRequest], list[Step]]:
    return lambda _request: reply(200, body)


@pytest.mark.parametrize(("body", "says"), BAD_ANSWERS)
def test_bad_answers_name_the_field(body: Any, says: str) -> None:
    with (
        HostileServer(hostile_answer(body)) as server,
        WalletClient(server.url, MacAuth(DEMO_CLIENT_ID, "k" * 32), timeout=5.0) as api,
    ):
        with pytest.raises(ResponseFormatError) as caught:
            api.statements(WALLET)
        assert server.requests[0].path == f"/rest/v1/wallet/{WALLET}/statements"
    message = str(caught.value)
    assert says in message
    assert "\n" not in message
    assert len(message) < 200


def test_a_sparse_answer_parses_with_defaults() -> None:
    minimal = {key: GOOD[key] for key in ("id", "amount", "currency", "date", "direction", "type")}
    page = parse_statement_page({"statements": [minimal, {**minimal, "currency": "JPY"}]})
    assert page == StatementPage(
        statements=(
            Statement(
                id=5,
                amount=Decimal("12.50"),
                currency="EUR",
                date=1_790_000_000,
                direction="in",
                type="transfer",
                details="",
                raw=minimal,
            ),
            Statement(
                id=5,
                amount=Decimal(1250),  # yen have no minor unit
                currency="JPY",
                date=1_790_000_000,
                direction="in",
                type="transfer",
                details="",
                raw={**minimal, "currency": "JPY"},
            ),
        ),
    )
    assert (page.total, page.has_next, page.first) == (None, False, None)


def test_the_decimal_text_wins_over_minor_units() -> None:
    page = parse_statement_page({"statements": [{**GOOD, "amount": 1, "amount_decimal": "2.500"}]})
    assert str(page.statements[0].amount) == "2.500"


def test_a_dripping_answer_is_cut_at_the_deadline() -> None:
    body = b'{"statements": []}'
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
    head += b"Content-Length: %d\r\n\r\n" % len(body)
    drip: list[Step] = [head]
    # A byte every 0.3 s: each read ends well within the read timeout, so only the 2 s
    # deadline can cut it (a 1 s drip against a 1 s read timeout raced the two).
    for byte in body:
        drip += [bytes([byte]), 0.3]
    with (
        HostileServer(lambda _request: drip) as server,
        WalletClient(
            server.url, MacAuth(DEMO_CLIENT_ID, "k" * 32), timeout=10.0, deadline=2.0
        ) as api,
    ):
        started = time.monotonic()
        with pytest.raises(TransportError) as caught:
            api.statements(WALLET)
        took = time.monotonic() - started
    assert caught.value.kind == "timeout"
    assert 1.9 < took < 4.0
