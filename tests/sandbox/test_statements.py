"""The emulator's statements: consistent with its balances, paged and filtered as promised,
refused as the API refuses, and changed atomically by ``move_money``.

Requests go over loopback HTTP, signed with ``MacAuth`` through a plain ``requests``
session, so these tests see the emulator's own answers (status, error object, metadata)
rather than what the typed client makes of them.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
import requests
from hypothesis import given, settings
from hypothesis import strategies as st

from wallet_gui.api import MacAuth
from wallet_gui.sandbox import DEMO_CLIENT_ID, Sandbox, ledger
from wallet_gui.sandbox.statement_route import MAX_LIMIT, cursor_of, statements_answer


@pytest.fixture
def busy() -> Iterator[Sandbox]:
    with Sandbox(seed=4, rate_limit=False) as server:
        yield server


@pytest.fixture
def session(busy: Sandbox) -> Iterator[requests.Session]:
    with requests.Session() as http:
        http.auth = MacAuth(DEMO_CLIENT_ID, busy.clients[DEMO_CLIENT_ID])
        yield http


def get(busy: Sandbox, session: requests.Session, wallet_id: int, **query: Any) -> Any:
    response = session.get(f"{busy.url}/wallet/{wallet_id}/statements", params=query, timeout=5)
    return response.status_code, response.json()


def assert_consistent(sandbox: Sandbox) -> None:
    """Every wallet's statements add up, per currency, to at disposal plus reserved."""
    with sandbox.state.lock:
        for wallet_id, balance in sandbox.balances.items():
            statements = sandbox.statements.get(wallet_id, [])
            for currency, entry in balance.items():
                total = ledger.total_of(entry, currency)
                assert ledger.signed_sum(statements, currency) == total, (wallet_id, currency)
            assert {item["currency"] for item in statements} <= set(balance)


# -- the opening history ---------------------------------------------------------------------


def test_every_demo_wallet_opens_with_a_consistent_history(busy: Sandbox) -> None:
    assert set(busy.statements) == set(busy.wallets)
    for wallet_id, statements in busy.statements.items():
        assert len(statements) == 4 * len(busy.balances[wallet_id]), wallet_id
        assert all(item["date"] < busy.now() for item in statements)
    assert_consistent(busy)
    ids = [item["id"] for items in busy.statements.values() for item in items]
    assert len(ids) == len(set(ids))


def test_history_is_dated_by_the_emulators_clock() -> None:
    with Sandbox(offset=-30 * 86_400.0) as shifted:
        newest = max(item["date"] for item in shifted.statements[14471])
        assert shifted.now() - 2 * 86_400 < newest < shifted.now()


def test_generated_wallets_open_with_their_deposit(busy: Sandbox) -> None:
    ids = busy.add_wallets(3)
    for wallet_id in ids:
        (deposit,) = busy.statements[wallet_id]
        assert deposit["amount_decimal"] == busy.balances[wallet_id]["EUR"]["at_disposal_decimal"]
    assert_consistent(busy)


# -- the route -------------------------------------------------------------------------------


def test_unsigned_and_badly_signed_requests_are_refused(busy: Sandbox) -> None:
    url = f"{busy.url}/wallet/14471/statements"
    with requests.Session() as http:
        assert http.get(url, timeout=5).status_code == 401
        http.auth = MacAuth(DEMO_CLIENT_ID, "not the key")
        response = http.get(url, timeout=5)
    assert response.status_code == 401
    assert response.json()["error"] == "unauthorized"
    assert "statements" not in response.json()


def test_unknown_wallet_is_a_404_error_object(busy: Sandbox, session: requests.Session) -> None:
    status, body = get(busy, session, 424242)
    assert status == 404
    assert body == {"error": "not_found", "error_description": "Wallet 424242 was not found"}


def test_default_page_and_metadata(busy: Sandbox, session: requests.Session) -> None:
    for number in range(30):
        busy.move_money(14471, "EUR", Decimal("0.10"), "in", f"tip {number}")
    status, body = get(busy, session, 14471)
    assert status == 200
    assert len(body["statements"]) == 20
    meta = body["_metadata"]
    assert {key: meta[key] for key in ("total", "offset", "limit", "has_next", "has_previous")} == {
        "total": 38,
        "offset": 0,
        "limit": 20,
        "has_next": True,
        "has_previous": False,
    }
    assert meta["first"] == cursor_of(14471, body["statements"][0])
    assert meta["last"] == cursor_of(14471, body["statements"][-1])
    assert body["statements"][0]["details"] == "tip 29"


def test_limit_may_reach_the_maximum(busy: Sandbox, session: requests.Session) -> None:
    status, body = get(busy, session, 20002, limit=MAX_LIMIT)
    assert status == 200
    assert body["_metadata"]["limit"] == MAX_LIMIT
    assert len(body["statements"]) == 12


def test_an_empty_page_has_no_cursors(busy: Sandbox, session: requests.Session) -> None:
    status, body = get(busy, session, 20002, currency="CHF")
    assert status == 200
    assert body["statements"] == []
    assert body["_metadata"] == {
        "total": 0,
        "offset": 0,
        "limit": 20,
        "has_next": False,
        "has_previous": False,
    }


@pytest.mark.parametrize(
    "query",
    [
        {"limit": "0"},
        {"limit": str(MAX_LIMIT + 1)},
        {"limit": "ten"},
        {"offset": "-1"},
        {"offset": "1", "after": "x"},
        {"from": "yesterday"},
        {"to": "9" * 40},
        {"currency": "eur"},
        {"after": "not-a-cursor"},
        {"before": "%%%"},
    ],
)
def test_bad_parameters_are_invalid_parameters(
    busy: Sandbox, session: requests.Session, query: dict[str, str]
) -> None:
    status, body = get(busy, session, 20002, **query)
    assert status == 400
    assert body["error"] == "invalid_parameters"
    assert body["error_description"]


def test_a_cursor_works_only_on_its_own_wallet(busy: Sandbox, session: requests.Session) -> None:
    _, body = get(busy, session, 20002, limit=2)
    cursor = body["_metadata"]["last"]
    assert get(busy, session, 20002, after=cursor)[0] == 200
    status, refused = get(busy, session, 14471, after=cursor)
    assert status == 400
    assert refused["error_description"] == "Parameter after is not a valid cursor"


def test_after_and_before_mirror_each_other(busy: Sandbox, session: requests.Session) -> None:
    _, first = get(busy, session, 20002, limit=5)
    _, second = get(busy, session, 20002, limit=5, after=first["_metadata"]["last"])
    _, again = get(busy, session, 20002, limit=5, before=second["_metadata"]["first"])
    assert again["statements"] == first["statements"]
    assert second["_metadata"]["offset"] == 5
    assert second["_metadata"]["has_previous"]
    assert not again["_metadata"]["has_previous"]


def test_faults_reach_the_statements_route(busy: Sandbox, session: requests.Session) -> None:
    busy.faults.add("internal_server_error", path="/statements")
    status, body = get(busy, session, 20002)
    assert status == 500
    assert body["error"] == "internal_server_error"
    assert get(busy, session, 20002)[0] == 200


# -- moving money ----------------------------------------------------------------------------


def test_move_money_changes_balance_and_history_together(busy: Sandbox) -> None:
    count = len(busy.statements[20002])
    new_id = busy.move_money(20002, "JPY", Decimal(500), "out", "Ramen", "Ichiraku")
    assert busy.balances[20002]["JPY"]["at_disposal"] == 14500
    assert busy.balances[20002]["JPY"]["at_disposal_decimal"] == "14500"
    newest = busy.statements[20002][-1]
    assert len(busy.statements[20002]) == count + 1
    assert newest == {
        "id": new_id,
        "amount": 500,
        "amount_decimal": "500",
        "currency": "JPY",
        "date": newest["date"],
        "direction": "out",
        "type": "transfer",
        "details": "Ramen",
        "other_party": {"name": "Ichiraku"},
    }
    assert abs(newest["date"] - busy.now()) < 5
    assert_consistent(busy)


def test_move_money_keeps_the_sparse_forms_of_a_balance(busy: Sandbox) -> None:
    busy.move_money(30003, "EUR", Decimal("0.95"), "in", "Interest")
    busy.move_money(30003, "KWD", Decimal("0.250"), "out", "Fee")
    assert busy.balances[30003] == {
        "EUR": {"at_disposal": 1100},
        "KWD": {"at_disposal_decimal": "3.000"},
    }
    busy.move_money(30003, "USD", Decimal("2.00"), "in", "A new currency")
    assert busy.balances[30003]["USD"] == {"at_disposal": 200, "at_disposal_decimal": "2.00"}
    assert_consistent(busy)


@pytest.mark.parametrize(
    ("arguments", "says"),
    [
        ((14471, "EUR", Decimal("22.99") + Decimal("0.01"), "out"), "only 22.99 EUR"),
        ((14471, "EUR", Decimal("1.005"), "in"), "more decimals"),
        ((20002, "JPY", Decimal("1.5"), "in"), "more decimals"),
        ((14471, "EUR", Decimal(0), "in"), "positive"),
        ((14471, "EUR", Decimal(-1), "in"), "positive"),
        ((14471, "EUR", Decimal("NaN"), "in"), "positive"),
        ((14471, "EUR", Decimal(1), "sideways"), "direction"),
        ((14471, "eur", Decimal(1), "in"), "currency"),
        ((99999, "EUR", Decimal(1), "in"), "no wallet"),
        ((14471, "CHF", Decimal(1), "out"), "only 0 CHF"),
    ],
)
def test_move_money_refuses_and_changes_nothing(
    busy: Sandbox, arguments: tuple[Any, ...], says: str
) -> None:
    balances, statements = repr(busy.balances), repr(busy.statements)
    with pytest.raises(ValueError, match=says):
        busy.move_money(*arguments, "refused")
    assert repr(busy.balances) == balances
    assert repr(busy.statements) == statements


def test_concurrent_moves_are_atomic(busy: Sandbox) -> None:
    """Readers holding the state's lock never see a balance without its statement."""
    moves_per_thread, threads = 200, 4
    stop = threading.Event()
    broken: list[str] = []

    def read() -> None:
        while not stop.is_set():
            try:
                assert_consistent(busy)
            except AssertionError as error:
                broken.append(str(error))
                return

    def move(index: int) -> None:
        for number in range(moves_per_thread):
            direction = "in" if (number + index) % 2 else "out"
            busy.move_money(14471, "EUR", Decimal("0.01"), direction, f"{index}/{number}")

    reader = threading.Thread(target=read)
    writers = [threading.Thread(target=move, args=(index,)) for index in range(threads)]
    reader.start()
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    stop.set()
    reader.join()
    assert broken == []
    assert busy.balances[14471]["EUR"]["at_disposal_decimal"] == "22.99"
    ids = [item["id"] for item in busy.statements[14471]]
    assert len(ids) == 8 + moves_per_thread * threads == len(set(ids))


def test_set_balance_still_works_and_explains_itself(busy: Sandbox) -> None:
    busy.set_balance(14471, "EUR", "30.00")
    assert busy.balances[14471]["EUR"] == {
        "at_disposal": 3000,
        "at_disposal_decimal": "30.00",
        "reserved": 0,
        "reserved_decimal": "0.00",
    }
    adjustment = busy.statements[14471][-1]
    assert (adjustment["type"], adjustment["direction"]) == ("adjustment", "in")
    assert adjustment["amount_decimal"] == "7.01"
    count = len(busy.statements[14471])
    busy.set_balance(14471, "EUR", "30.00")  # no change, nothing to explain
    assert len(busy.statements[14471]) == count
    assert_consistent(busy)


# -- paging, as a property of the route alone ------------------------------------------------

_ITEMS = st.lists(st.tuples(st.integers(1, 6), st.sampled_from(["EUR", "USD"])), max_size=40).map(
    lambda drafts: [
        {"id": 10 + number, "date": 1000 + day, "currency": currency}
        for number, (day, currency) in enumerate(drafts)
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    items=_ITEMS,
    limit=st.integers(1, 9),
    currency=st.sampled_from([None, "EUR"]),
    window=st.tuples(st.integers(1000, 1007), st.integers(1000, 1007)),
)
def test_cursor_pages_cover_the_filtered_list_exactly_once(
    items: list[dict[str, Any]], limit: int, currency: str | None, window: tuple[int, int]
) -> None:
    query = {"limit": [str(limit)], "from": [str(min(window))], "to": [str(max(window))]}
    if currency:
        query["currency"] = [currency]
    expected = sorted(
        (
            item["id"]
            for item in items
            if (currency is None or item["currency"] == currency)
            and min(window) <= item["date"] <= max(window)
        ),
        key=lambda identifier: (items[identifier - 10]["date"], identifier),
        reverse=True,
    )
    pages = [statements_answer(7, items, query)]
    while pages[-1]["_metadata"]["has_next"]:
        after = {**query, "after": [pages[-1]["_metadata"]["last"]]}
        pages.append(statements_answer(7, items, after))
        assert len(pages) <= len(items) + 1
    walked = [item["id"] for page in pages for item in page["statements"]]
    assert walked == expected
    assert all(page["_metadata"]["total"] == len(expected) for page in pages)
    back = [pages[-1]]
    while back[-1]["_metadata"]["has_previous"]:
        before = {**query, "before": [back[-1]["_metadata"]["first"]]}
        back.append(statements_answer(7, items, before))
        assert len(back) <= len(pages)
    assert [item["id"] for page in reversed(back) for item in page["statements"]] == expected
