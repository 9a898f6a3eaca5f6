"""When the worker reads a wallet's newest statements: first sight, then on every change."""

from __future__ import annotations

from decimal import Decimal

from wallet_gui.api.errors import TransportError
from wallet_gui.api.models import CurrencyBalance, StatementPage
from wallet_gui.core.statement_feed import PAGE_SIZE, StatementFeed, StatementsResult, read_page


def _eur(amount: str) -> dict[str, CurrencyBalance]:
    return {"EUR": CurrencyBalance(currency="EUR", at_disposal=Decimal(amount), reserved=None)}


def test_first_sight_and_changes_are_due_and_nothing_else() -> None:
    feed = StatementFeed()
    assert feed.due([("1", _eur("10")), ("2", None)]) == ["1"]  # a failed wallet waits
    assert feed.due([("1", _eur("10")), ("2", _eur("5"))]) == ["2"]
    assert feed.due([("1", _eur("10.00")), ("2", _eur("5"))]) == []  # the same amount
    assert feed.due([("1", _eur("9")), ("2", _eur("5"))]) == ["1"]


def test_a_forgotten_wallet_is_due_again() -> None:
    feed = StatementFeed()
    feed.due([("1", _eur("10"))])
    feed.forget("1")
    assert feed.due([("1", _eur("10"))]) == ["1"]


def test_read_page_asks_for_the_page_after_the_cursor_and_reports_failures() -> None:
    calls: list[dict[str, object]] = []

    def fetch(wallet_id: str, **query: object) -> StatementPage:
        calls.append({"wallet": wallet_id, **query})
        if query.get("after") == "broken":
            raise TransportError("connection refused", kind="connection")
        return StatementPage(statements=())

    ok = read_page(fetch, "7", "cursor-1")
    assert ok.page is not None
    assert ok.error is None
    assert not ok.newest
    assert calls[0] == {"wallet": "7", "limit": PAGE_SIZE, "after": "cursor-1"}
    failed = read_page(fetch, "7", "broken")
    assert failed.page is None
    assert failed.error is not None
    assert failed.error.kind == "transport"
    assert "wallet 7" in failed.error.context


def test_older_statements_are_reachable_only_through_a_cursor() -> None:
    with_cursor = StatementPage(statements=(), has_next=True, last="c-42")
    without_cursor = StatementPage(statements=(), has_next=True)  # a server that says "more"
    last_page = StatementPage(statements=(), has_next=False, last="c-43")
    assert StatementsResult("14471", with_cursor).more_reachable
    assert not StatementsResult("14471", without_cursor).more_reachable
    assert not StatementsResult("14471", last_page).more_reachable
    assert not StatementsResult("14471", None).more_reachable
