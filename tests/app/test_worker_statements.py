"""Transactions through the worker: read after a balance changes, older pages on request."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from pytestqt.qtbot import QtBot

from tests.app.test_worker import settings_for
from wallet_gui.core.connection import ConnectionSettings
from wallet_gui.core.state import RoundResult
from wallet_gui.core.statement_feed import StatementsResult
from wallet_gui.qt.poller import Poller
from wallet_gui.sandbox import Sandbox

WAIT_MS = 15_000


def _collect(poller: Poller) -> tuple[list[StatementsResult], list[RoundResult]]:
    pages: list[StatementsResult] = []
    rounds: list[RoundResult] = []
    poller.statementsFetched.connect(pages.append)
    poller.roundFinished.connect(rounds.append)
    return pages, rounds


def test_each_wallets_newest_statements_follow_its_first_balance(
    qtbot: QtBot, sandbox: Sandbox, poller_for: Callable[[Sandbox, ConnectionSettings], Poller]
) -> None:
    poller = poller_for(sandbox, settings_for(sandbox, wallet_ids=("14471", "20002")))
    pages, _rounds = _collect(poller)
    poller.start()
    qtbot.waitUntil(lambda: {p.wallet_id for p in pages} == {"14471", "20002"}, timeout=WAIT_MS)
    first = next(p for p in pages if p.wallet_id == "14471")
    assert first.newest
    assert first.error is None
    assert first.page is not None
    dates = [s.date for s in first.page.statements]
    assert dates
    assert dates == sorted(dates, reverse=True)


def test_a_balance_change_brings_the_transaction_behind_it(
    qtbot: QtBot, sandbox: Sandbox, poller_for: Callable[[Sandbox, ConnectionSettings], Poller]
) -> None:
    poller = poller_for(sandbox, settings_for(sandbox, wallet_ids=("14471",)))
    pages, rounds = _collect(poller)
    poller.start()
    qtbot.waitUntil(lambda: len(pages) == 1, timeout=WAIT_MS)
    unchanged_rounds = len(rounds)
    poller.refresh()  # nothing moved: a round, but no statements read
    qtbot.waitUntil(lambda: len(rounds) > unchanged_rounds, timeout=WAIT_MS)
    assert len(pages) == 1

    new_id = sandbox.move_money(14471, "EUR", Decimal("12.34"), "in", "Invoice 7", "UAB Testas")
    poller.refresh()
    qtbot.waitUntil(lambda: len(pages) == 2, timeout=WAIT_MS)
    page = pages[1].page
    assert page is not None
    newest = page.statements[0]
    assert (newest.id, newest.signed_amount, newest.details) == (
        new_id,
        Decimal("12.34"),
        "Invoice 7",
    )


def test_an_older_page_is_read_when_asked_for(
    qtbot: QtBot, sandbox: Sandbox, poller_for: Callable[[Sandbox, ConnectionSettings], Poller]
) -> None:
    for cents in range(1, 26):  # more than one page
        sandbox.move_money(14471, "EUR", Decimal(cents).scaleb(-2), "in", f"top-up {cents}")
    poller = poller_for(sandbox, settings_for(sandbox, wallet_ids=("14471",)))
    pages, _rounds = _collect(poller)
    poller.start()
    qtbot.waitUntil(lambda: len(pages) == 1, timeout=WAIT_MS)
    top = pages[0].page
    assert top is not None
    assert top.has_next
    assert top.last is not None
    poller.request_statements("14471", top.last)
    qtbot.waitUntil(lambda: len(pages) == 2, timeout=WAIT_MS)
    older = pages[1]
    assert not older.newest
    assert older.older_than == top.last
    assert older.page is not None
    top_ids = {s.id for s in top.statements}
    assert older.page.statements
    assert not top_ids & {s.id for s in older.page.statements}
    assert max(s.date for s in older.page.statements) <= min(s.date for s in top.statements)
