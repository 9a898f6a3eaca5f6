"""The problem book: which failure opens the window, counts, places, and resolution."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from wallet_gui.core.error_gate import (
    BALANCES_PLACE,
    CLOCK_PLACE,
    CONFIGURATION_PLACE,
    DEFAULT_REOPEN_AFTER,
    Action,
    ErrorGate,
    Problem,
    needs_user,
    place_of,
    wallet_place,
)
from wallet_gui.core.reports import ErrorReport

START = datetime(2024, 5, 1, 12, 0, 3).astimezone()


def api(status: int, code: str, context: str = "Balance of wallet 14471") -> ErrorReport:
    return ErrorReport(
        context=context, kind="api", message=f"{code} (HTTP {status})", code=code, status=status
    )


def transport(context: str = "Clock measurement (GET /server)") -> ErrorReport:
    return ErrorReport(context=context, kind="transport", message="connection refused")


UNAUTHORIZED = api(401, "unauthorized")
FORBIDDEN = api(403, "forbidden")
RESET = transport()


class Clocks:
    """A monotonic clock and a wall clock that move together, by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def monotonic(self) -> float:
        return self.now

    def wall(self) -> datetime:
        return START + timedelta(seconds=self.now - 1000.0)

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clocks() -> Clocks:
    return Clocks()


@pytest.fixture
def gate(clocks: Clocks) -> ErrorGate:
    return ErrorGate(reopen_after=300, clock=clocks.monotonic, wall_clock=clocks.wall)


# -- who needs the user --------------------------------------------------------------------


@pytest.mark.parametrize(
    "report",
    [
        transport(),
        ErrorReport(context="Configuration", kind="format", message="not JSON"),
        api(500, "internal_server_error"),
        api(502, "http_502"),
        api(503, "http_503"),
        api(429, "rate_limit_exceeded"),
        api(401, "invalid_timestamp"),
    ],
    ids=lambda r: f"{r.kind}-{r.code}",
)
def test_faults_the_app_retries_by_itself_do_not_need_the_user(report: ErrorReport) -> None:
    assert not needs_user(report)


@pytest.mark.parametrize(
    "report",
    [
        api(401, "unauthorized"),
        api(403, "forbidden"),
        api(404, "not_found"),
        api(400, "invalid_parameters"),
        ErrorReport(context="Setting up the connection", kind="credentials", message="no key"),
        ErrorReport(context="The app itself", kind="internal", message="internal error (X)"),
    ],
    ids=lambda r: f"{r.kind}-{r.code}",
)
def test_refusals_credentials_and_bugs_need_the_user(report: ErrorReport) -> None:
    assert needs_user(report)


def test_places_follow_the_worker_contexts() -> None:
    assert place_of("Balance of wallet 14471") == wallet_place("14471")
    assert place_of("Clock measurement (GET /server)") == CLOCK_PLACE
    assert place_of("Configuration (GET /configuration)") == CONFIGURATION_PLACE
    assert place_of("Balances") == BALANCES_PLACE
    assert place_of("The profile was not saved").startswith("once:")


# -- opening -------------------------------------------------------------------------------


def test_a_new_problem_that_needs_the_user_opens_the_window_once(gate: ErrorGate) -> None:
    first = gate.admit(UNAUTHORIZED)
    repeats = [gate.admit(UNAUTHORIZED) for _ in range(49)]

    assert first.action is Action.OPEN
    assert first.started
    assert first.problem == Problem(
        UNAUTHORIZED.key, UNAUTHORIZED, 1, START, True, ("Balance of wallet 14471",)
    )
    assert {v.action for v in repeats} == {Action.LIST}
    assert [v.problem.count for v in repeats] == list(range(2, 51))
    assert not any(v.started for v in repeats)


def test_retried_faults_are_listed_and_never_open_the_window(gate: ErrorGate) -> None:
    verdicts = [gate.admit(r) for r in (RESET, api(503, "http_503"), api(429, "rate_limit"))]

    assert {v.action for v in verdicts} == {Action.LIST}
    assert all(v.started for v in verdicts)
    assert gate.open_count == 3


def test_each_new_problem_that_needs_the_user_opens_it(gate: ErrorGate) -> None:
    assert gate.admit(UNAUTHORIZED).action is Action.OPEN
    assert gate.admit(FORBIDDEN).action is Action.OPEN
    assert gate.admit(UNAUTHORIZED).action is Action.LIST


def test_the_same_failure_of_several_wallets_is_one_problem(gate: ErrorGate) -> None:
    gate.admit(api(403, "forbidden", "Balance of wallet 1"))
    verdict = gate.admit(api(403, "forbidden", "Balance of wallet 2"))

    assert verdict.action is Action.LIST
    assert verdict.problem.count == 2
    assert verdict.problem.where == ("Balance of wallet 2", "Balance of wallet 1")
    assert len(gate.problems()) == 1


# -- resolution ----------------------------------------------------------------------------


def test_a_problem_resolves_when_its_request_succeeds_again(
    gate: ErrorGate, clocks: Clocks
) -> None:
    gate.admit(RESET)
    clocks.advance(30)

    assert gate.succeeded(wallet_place("14471"), CONFIGURATION_PLACE) == []
    assert gate.succeeded(CLOCK_PLACE) == [RESET.key]

    (problem,) = gate.problems()
    assert not problem.is_open
    assert problem.resolved_at == START + timedelta(seconds=30)
    assert problem.where == ()
    assert gate.open_count == 0


def test_a_problem_of_several_places_stays_open_until_each_works(gate: ErrorGate) -> None:
    gate.admit(transport("Clock measurement (GET /server)"))
    gate.admit(transport("Configuration (GET /configuration)"))

    assert gate.succeeded(CLOCK_PLACE) == []
    assert gate.open_count == 1
    assert gate.problems()[0].where == ("Configuration (GET /configuration)",)
    assert gate.succeeded(CONFIGURATION_PLACE) == [RESET.key]


def test_still_failing_notes_a_place_without_counting(gate: ErrorGate) -> None:
    gate.admit(api(403, "forbidden", "Balance of wallet 1"))

    assert gate.still_failing(api(403, "forbidden", "Balance of wallet 2"))
    assert not gate.still_failing(api(404, "not_found", "Balance of wallet 3"))

    (problem,) = gate.problems()
    assert problem.count == 1
    assert gate.succeeded(wallet_place("1")) == []
    assert gate.succeeded(wallet_place("2")) == [problem.key]


def test_one_off_notices_end_when_the_user_closes_the_window(gate: ErrorGate) -> None:
    notice = ErrorReport(context="The profile was not saved", kind="credentials", message="ro")
    gate.admit(notice)
    gate.admit(RESET)

    assert gate.succeeded(CLOCK_PLACE, CONFIGURATION_PLACE, BALANCES_PLACE) == [RESET.key]
    assert gate.open_count == 1
    assert gate.acknowledged() == [notice.key]
    assert gate.open_count == 0


def test_a_problem_back_after_resolution_is_a_new_episode_at_the_top(
    gate: ErrorGate, clocks: Clocks
) -> None:
    gate.admit(RESET)
    gate.admit(RESET)
    gate.admit(FORBIDDEN)
    gate.succeeded(CLOCK_PLACE)
    clocks.advance(60)

    verdict = gate.admit(RESET)

    assert verdict.started
    assert verdict.problem.count == 1
    assert verdict.problem.first_seen == START + timedelta(seconds=60)
    assert [p.key for p in gate.problems()] == [RESET.key, FORBIDDEN.key]


def test_a_returning_problem_reopens_the_window_only_after_reopen_after(
    gate: ErrorGate, clocks: Clocks
) -> None:
    gate.admit(UNAUTHORIZED)
    gate.succeeded(wallet_place("14471"))
    clocks.advance(299)
    quiet = gate.admit(UNAUTHORIZED)
    gate.succeeded(wallet_place("14471"))
    clocks.advance(1)
    loud = gate.admit(UNAUTHORIZED)

    assert (quiet.started, quiet.action) == (True, Action.LIST)
    assert (loud.started, loud.action) == (True, Action.OPEN)


def test_zero_reopen_after_lets_every_return_open_it(gate: ErrorGate) -> None:
    gate.reopen_after = 0
    gate.admit(FORBIDDEN)
    gate.succeeded(wallet_place("14471"))

    assert gate.admit(FORBIDDEN).action is Action.OPEN


def test_reset_forgets_everything(gate: ErrorGate) -> None:
    gate.admit(UNAUTHORIZED)
    gate.admit(RESET)

    gate.reset()

    assert gate.problems() == ()
    assert gate.open_count == 0
    assert gate.admit(UNAUTHORIZED).action is Action.OPEN


def test_old_resolved_problems_are_forgotten_first(clocks: Clocks) -> None:
    gate = ErrorGate(clock=clocks.monotonic, wall_clock=clocks.wall, max_problems=3)
    gate.admit(transport("Balance of wallet 1"))
    gate.succeeded(wallet_place("1"))
    gate.admit(UNAUTHORIZED)
    gate.admit(FORBIDDEN)
    newest = api(404, "not_found")

    gate.admit(newest)

    assert [p.key for p in gate.problems()] == [newest.key, FORBIDDEN.key, UNAUTHORIZED.key]


def test_defaults_use_the_real_clocks() -> None:
    gate = ErrorGate()

    verdict = gate.admit(UNAUTHORIZED)

    assert gate.reopen_after == DEFAULT_REOPEN_AFTER
    assert verdict.action is Action.OPEN
    assert verdict.problem.first_seen.tzinfo is not None
    assert abs(verdict.problem.first_seen - datetime.now().astimezone()) < timedelta(seconds=5)
