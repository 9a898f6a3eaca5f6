"""The one error window: opens once per new problem that needs the user, lists everything,
updates in place, resolves problems as requests succeed again, and closes by itself."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from wallet_gui.core.reports import ErrorReport
from wallet_gui.core.state import ClockState, PollStatus, RoundResult, WalletBalances
from wallet_gui.ui.error_dialog import ErrorDialog
from wallet_gui.ui.error_presenter import ErrorPresenter
from wallet_gui.ui.problems_indicator import ProblemsIndicator


def api(status: int, code: str, wallet: str = "14471") -> ErrorReport:
    return ErrorReport(
        context=f"Balance of wallet {wallet}",
        kind="api",
        message=f"{code} (HTTP {status})",
        code=code,
        description=f"{code} described",
        status=status,
    )


def transport(context: str = "Clock measurement (GET /server)") -> ErrorReport:
    return ErrorReport(context=context, kind="transport", message="connection reset")


UNAUTHORIZED = api(401, "unauthorized")
FORBIDDEN = api(403, "forbidden", "20002")
NOT_FOUND = api(404, "not_found", "30003")


def round_of(**wallets: ErrorReport | None) -> RoundResult:
    """A round: wallet id → its error (``None``: read fine)."""
    return RoundResult(
        wallets=tuple(
            WalletBalances(wallet_id=w.removeprefix("w"), balances=None if e else {}, error=e)
            for w, e in wallets.items()
        ),
        status=PollStatus(state="connected"),
    )


def error_windows() -> list[QWidget]:
    """Every error window on screen, whoever made it."""
    return [
        w
        for w in QApplication.topLevelWidgets()
        if w.objectName() == "errorDialog" and w.isVisible()
    ]


def rows(dialog: ErrorDialog) -> list[list[str]]:
    table = dialog.findChild(QTableWidget, "problemList")
    assert table is not None
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


@pytest.fixture
def main(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def indicator(qtbot: QtBot, main: QWidget) -> ProblemsIndicator:
    return ProblemsIndicator(main)


@pytest.fixture
def presenter(main: QWidget, indicator: ProblemsIndicator) -> Iterator[ErrorPresenter]:
    shown = ErrorPresenter()
    shown.attach(main, indicator)
    yield shown
    shown.close_all()


def the_window(presenter: ErrorPresenter) -> ErrorDialog:
    (dialog,) = presenter.open_dialogs()
    return dialog


# -- at most one window, only for what needs the user ------------------------------------------


def test_fifty_reports_of_two_problems_make_one_window_parented_to_the_main_window(
    qtbot: QtBot, main: QWidget, presenter: ErrorPresenter
) -> None:
    for _ in range(25):
        presenter.present(UNAUTHORIZED)
        presenter.present(FORBIDDEN)

    dialog = the_window(presenter)
    assert error_windows() == [dialog]
    assert dialog.parentWidget() is main
    assert [r[:2] for r in rows(dialog)] == [
        ["Balance of wallet 20002: forbidden (HTTP 403)", "25"],
        ["Balance of wallet 14471: unauthorized (HTTP 401)", "25"],
    ]
    # The window explains the problem it opened for, with its count.
    repeat = dialog.findChild(QLabel, "errorRepeatLabel")
    assert repeat is not None
    assert repeat.text().startswith("Happened 25 times since")
    assert dialog.findChild(QLabel, "errorCodeLabel").text() == "unauthorized"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "report",
    [
        transport(),
        api(503, "http_503"),
        api(429, "rate_limit_exceeded"),
        api(401, "invalid_timestamp"),
        ErrorReport(context="Configuration (GET /configuration)", kind="format", message="bad"),
    ],
    ids=lambda r: r.code or r.kind,
)
def test_faults_the_app_retries_are_listed_but_open_no_window(
    qtbot: QtBot, presenter: ErrorPresenter, indicator: ProblemsIndicator, report: ErrorReport
) -> None:
    with qtbot.assertNotEmitted(presenter.reportShown):
        for _ in range(5):
            presenter.present(report)

    assert presenter.open_dialogs() == []
    assert error_windows() == []
    assert [p.count for p in presenter.problems()] == [5]
    assert indicator.isVisibleTo(indicator.parentWidget())
    assert indicator.text() == "1 problem"


def test_report_shown_is_emitted_once_when_the_window_opens(
    qtbot: QtBot, presenter: ErrorPresenter
) -> None:
    with qtbot.waitSignal(presenter.reportShown, timeout=1000) as shown:
        presenter.present(UNAUTHORIZED)
    assert shown.args == [UNAUTHORIZED]

    with qtbot.assertNotEmitted(presenter.reportShown):
        presenter.present(UNAUTHORIZED)
        presenter.present(FORBIDDEN)  # a new problem: listed in the window already open


def test_a_new_problem_while_open_is_listed_in_place_and_selected_only_if_idle(
    presenter: ErrorPresenter,
) -> None:
    presenter.present(UNAUTHORIZED)
    dialog = the_window(presenter)
    presenter.present(FORBIDDEN)

    assert the_window(presenter) is dialog
    assert len(rows(dialog)) == 2
    assert dialog.report == UNAUTHORIZED  # what the user is reading stays put


def test_after_the_user_closes_it_only_a_new_kind_of_problem_opens_it_again(
    qtbot: QtBot, presenter: ErrorPresenter
) -> None:
    presenter.present(UNAUTHORIZED)
    closing = the_window(presenter)
    qtbot.mouseClick(closing.findChild(QWidget, "closeButton"), Qt.MouseButton.LeftButton)
    assert presenter.open_dialogs() == []

    presenter.present(UNAUTHORIZED)
    presenter.present(transport())
    assert presenter.open_dialogs() == []

    presenter.present(FORBIDDEN)
    dialog = the_window(presenter)
    assert dialog.report == FORBIDDEN
    assert error_windows() == [dialog]


# -- resolution --------------------------------------------------------------------------------


def test_a_round_resolves_its_wallets_and_the_window_closes_when_none_is_open(
    qtbot: QtBot, presenter: ErrorPresenter, indicator: ProblemsIndicator
) -> None:
    reset = transport("Balance of wallet 14471")
    presenter.present(reset)
    presenter.present(FORBIDDEN)
    presenter.note_round(round_of(w14471=reset, w20002=FORBIDDEN))
    dialog = the_window(presenter)
    assert indicator.text() == "2 problems"

    presenter.note_round(round_of(w14471=None, w20002=FORBIDDEN))

    assert the_window(presenter) is dialog
    assert [r[2].startswith("Resolved at ") for r in rows(dialog)] == [False, True]
    assert indicator.text() == "1 problem"

    with qtbot.waitSignal(presenter.problemsChanged, timeout=1000) as changed:
        presenter.note_round(round_of(w14471=None, w20002=None))

    assert changed.args == [0]
    assert presenter.open_dialogs() == []
    assert not dialog.isVisible()
    assert not indicator.isVisibleTo(indicator.parentWidget())
    assert all(not p.is_open for p in presenter.problems())


def test_other_wallets_of_a_round_keep_a_shared_problem_open(presenter: ErrorPresenter) -> None:
    other = replace(FORBIDDEN, context="Balance of wallet 20003")
    presenter.present(FORBIDDEN)  # the worker reports a failure once per round
    presenter.note_round(round_of(w20002=FORBIDDEN, w20003=other))
    presenter.note_round(round_of(w20002=None, w20003=other))

    (problem,) = presenter.problems()
    assert problem.is_open
    assert problem.count == 1
    assert problem.where == ("Balance of wallet 20003",)


def test_a_new_clock_measurement_resolves_clock_problems(presenter: ErrorPresenter) -> None:
    presenter.present(transport("Clock measurement (GET /server)"))
    presenter.note_clock_ok(ClockState(offset=0.1, half_width=0.01, measured_at=100.0))
    assert presenter.open_count == 0

    presenter.present(transport("Clock measurement (GET /server)"))
    # The same measurement again (re-sent with a round's news) proves nothing.
    presenter.note_clock_ok(ClockState(offset=0.1, half_width=0.01, measured_at=100.0))
    presenter.note_clock_ok(ClockState())
    assert presenter.open_count == 1

    presenter.note_clock_ok(ClockState(offset=0.1, half_width=0.01, measured_at=130.0))
    assert presenter.open_count == 0


def test_reading_the_configuration_resolves_its_problems(presenter: ErrorPresenter) -> None:
    presenter.present(transport("Configuration (GET /configuration)"))
    presenter.note_round(round_of(w14471=None))
    presenter.note_clock_ok()
    assert presenter.open_count == 1

    presenter.note_configuration_ok(object())

    assert presenter.open_count == 0


def test_one_off_notices_end_when_the_user_closes_the_window(
    qtbot: QtBot, presenter: ErrorPresenter, indicator: ProblemsIndicator
) -> None:
    presenter.present(
        ErrorReport(context="The profile was not saved", kind="credentials", message="read-only")
    )
    dialog = the_window(presenter)

    with qtbot.waitSignal(dialog.finished, timeout=1000):
        qtbot.mouseClick(dialog.findChild(QWidget, "closeButton"), Qt.MouseButton.LeftButton)

    assert presenter.open_count == 0
    assert not indicator.isVisibleTo(indicator.parentWidget())


# -- the indicator, quitting, and the window's lifetime --------------------------------------


def test_the_indicator_brings_the_window_back(
    qtbot: QtBot, presenter: ErrorPresenter, indicator: ProblemsIndicator
) -> None:
    presenter.present(transport())
    presenter.present(api(503, "http_503"))
    assert presenter.open_dialogs() == []
    assert indicator.objectName() == "problemsIndicator"

    qtbot.mouseClick(indicator, Qt.MouseButton.LeftButton)

    (dialog,) = presenter.open_dialogs()
    assert len(rows(dialog)) == 2
    assert dialog.report is not None
    qtbot.mouseClick(indicator, Qt.MouseButton.LeftButton)  # already open: brought forward
    assert error_windows() == [dialog]


def test_nothing_opens_while_closing_or_once_the_main_window_is_closed(
    qtbot: QtBot, main: QWidget, presenter: ErrorPresenter
) -> None:
    presenter.closing = True
    presenter.present(UNAUTHORIZED)
    assert presenter.open_dialogs() == []

    presenter.closing = False
    main.close()
    presenter.present(FORBIDDEN)
    presenter.show_window()

    assert presenter.open_dialogs() == []
    assert error_windows() == []
    assert len(presenter.problems()) == 2  # still known, and logged


def test_setting_closing_closes_an_open_window(presenter: ErrorPresenter) -> None:
    presenter.present(UNAUTHORIZED)
    dialog = the_window(presenter)
    presenter.closing = True

    assert not dialog.isVisible()


def test_attach_moves_the_window_to_the_new_main_window(
    qtbot: QtBot, presenter: ErrorPresenter
) -> None:
    presenter.present(UNAUTHORIZED)
    dialog = the_window(presenter)
    successor = QWidget()
    qtbot.addWidget(successor)
    other = ProblemsIndicator(successor)

    presenter.attach(successor, other)

    assert dialog.parentWidget() is successor
    assert presenter.open_dialogs() == [dialog]
    assert other.text() == "1 problem"


def test_a_window_destroyed_with_its_main_window_is_made_anew(qtbot: QtBot) -> None:
    doomed = QWidget()
    presenter = ErrorPresenter(doomed)
    presenter.present(UNAUTHORIZED)
    (dialog,) = presenter.open_dialogs()

    doomed.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=1000)
    assert presenter.open_dialogs() == []

    survivor = QWidget()
    qtbot.addWidget(survivor)
    presenter.attach(survivor)
    presenter.present(FORBIDDEN)
    assert [d.parentWidget() for d in presenter.open_dialogs()] == [survivor]
    presenter.close_all()


def test_close_all_closes_the_window_and_forgets_every_problem(
    presenter: ErrorPresenter, indicator: ProblemsIndicator
) -> None:
    presenter.present(UNAUTHORIZED)
    presenter.present(transport())

    presenter.close_all()

    assert presenter.open_dialogs() == []
    assert presenter.problems() == ()
    assert not indicator.isVisibleTo(indicator.parentWidget())
    presenter.present(UNAUTHORIZED)
    assert len(presenter.open_dialogs()) == 1


def test_headless_presenter_records_each_problem_once_and_shows_nothing(
    qtbot: QtBot, main: QWidget
) -> None:
    presenter = ErrorPresenter(main, show_dialogs=False)

    with qtbot.assertNotEmitted(presenter.reportShown):
        for _ in range(5):
            presenter.present(UNAUTHORIZED)
        presenter.present(transport())
        presenter.show_window()

    assert presenter.open_dialogs() == []
    assert main.findChildren(ErrorDialog) == []
    assert [r.kind for r in presenter.reports] == ["api", "transport"]
    presenter.note_clock_ok()
    presenter.present(transport())  # back after it was resolved: recorded again
    assert [r.kind for r in presenter.reports] == ["api", "transport", "transport"]


def test_copy_details_copies_the_selected_problem(qtbot: QtBot, presenter: ErrorPresenter) -> None:
    presenter.present(UNAUTHORIZED)
    presenter.present(NOT_FOUND)
    dialog = the_window(presenter)
    dialog.select(NOT_FOUND.key)
    QGuiApplication.clipboard().clear()

    qtbot.mouseClick(dialog.findChild(QWidget, "copyDetailsButton"), Qt.MouseButton.LeftButton)

    copied = QGuiApplication.clipboard().text()
    assert copied.startswith(NOT_FOUND.details())
    assert copied.count("While: ") == 1
