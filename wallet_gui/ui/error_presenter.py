"""The one place that turns background failures into the one error window.

Workers, the monitor, the app and the excepthook all hand their ``ErrorReport``s to one
``ErrorPresenter``. It keeps the Qt-free problem book (``wallet_gui.core.error_gate``), which
says whether a report opens the window (a new problem only a person can fix) or is only
listed (the app retries it by itself), and it hears of successes (``note_round``,
``note_clock_ok``, ``note_configuration_ok``) that resolve problems. It owns the one
``ErrorDialog``, parented to the main window, updated in place, closed by itself when no
problem is left open, and brought back from the status bar's problems indicator.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from datetime import datetime

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from wallet_gui.core.error_gate import (
    BALANCES_PLACE,
    CLOCK_PLACE,
    CONFIGURATION_PLACE,
    DEFAULT_REOPEN_AFTER,
    Action,
    ErrorGate,
    Problem,
    ProblemKey,
    local_now,
    wallet_place,
)
from wallet_gui.core.reports import ErrorReport
from wallet_gui.core.state import ClockState, RoundResult
from wallet_gui.ui.disposal import dispose_later
from wallet_gui.ui.error_dialog import ErrorDialog
from wallet_gui.ui.problems_indicator import ProblemsIndicator

log = logging.getLogger(__name__)

#: How many problem-starting reports ``ErrorPresenter.reports`` keeps.
REPORTS_KEPT = 500
#: Platforms without window stacking (they warn on ``raise_``): tests, headless runs.
_CANNOT_RAISE = frozenset({"offscreen", "minimal"})


class ErrorPresenter(QObject):
    """Keeps the current problems and shows them in at most one window.

    The window opens by itself only for a new problem that needs the user (at most once per
    problem per ``reopen_after`` seconds), never while ``closing``, never for a main window
    that is not shown, and never with ``show_dialogs=False`` (tests, CI): then reports are
    logged and recorded in ``reports`` just the same.

    Signals:
        reportShown(ErrorReport): the window has just opened for this report.
        problemsChanged(int): the number of open problems changed.
    """

    reportShown = Signal(object)
    problemsChanged = Signal(int)

    def __init__(
        self,
        parent_widget: QWidget | None = None,
        show_dialogs: bool = True,
        *,
        reopen_after: float = DEFAULT_REOPEN_AFTER,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], datetime] | None = None,
    ) -> None:
        # No QObject parent: the presenter outlives the windows it is attached to.
        super().__init__()
        self.setObjectName("errorPresenter")
        self.show_dialogs = show_dialogs
        self._closing = False
        self._gate = ErrorGate(
            reopen_after=reopen_after, clock=clock, wall_clock=wall_clock or local_now
        )
        #: The first report of each problem (new, or back after it was resolved), oldest
        #: first; the newest ``REPORTS_KEPT`` of them, so a day of flaky network stays small.
        self.reports: deque[ErrorReport] = deque(maxlen=REPORTS_KEPT)
        self._parent: QWidget | None = None
        self._indicator: ProblemsIndicator | None = None
        self._window: ErrorDialog | None = None
        self._open_count = 0
        self._clock_measured_at: float | None = None
        self.attach(parent_widget)

    # -- set-up ------------------------------------------------------------------------------

    @property
    def reopen_after(self) -> float:
        """Seconds before a problem that came back may open the window again."""
        return self._gate.reopen_after

    @reopen_after.setter
    def reopen_after(self, seconds: float) -> None:
        self._gate.reopen_after = seconds

    @property
    def closing(self) -> bool:
        """Set when the app quits: from then on no error window opens (an open one closes)."""
        return self._closing

    @closing.setter
    def closing(self, closing: bool) -> None:
        self._closing = closing
        if closing:
            self._hide_window()

    def attach(self, parent: QWidget | None, indicator: ProblemsIndicator | None = None) -> None:
        """Belong to ``parent`` (the main window) and drive ``indicator`` from now on."""
        self._parent = parent
        window = self._live_window()
        if window is not None and window.parentWidget() is not parent:
            if window.isVisible():
                window.setParent(parent, window.windowFlags())  # this hides it
                window.show()
            else:
                self._hide_window()
        if self._indicator is not None and shiboken6.isValid(self._indicator):
            self._indicator.clicked.disconnect(self.show_window)
        self._indicator = indicator
        if indicator is not None:
            indicator.clicked.connect(self.show_window)
            indicator.set_count(self._gate.open_count)

    # -- what happened -----------------------------------------------------------------------

    @Slot(object)
    def present(self, report: ErrorReport) -> None:
        """List ``report``'s problem; open the window if it is new and needs the user."""
        verdict = self._gate.admit(report)
        if verdict.started:
            self.reports.append(report)
            log.warning("%s — while: %s — %s", report.title, report.context, report.message)
        else:
            log.debug("Repeat %d of %s", verdict.problem.count, report.key)
        opened = verdict.action is Action.OPEN and self._open_window(verdict.problem.key)
        self._refresh()
        if opened:
            self.reportShown.emit(report)

    @Slot(object)
    def note_round(self, result: RoundResult) -> None:
        """A balance round ended: wallets without error are fine again."""
        fine = [BALANCES_PLACE]
        for wallet in result.wallets:
            if wallet.error is None:
                fine.append(wallet_place(wallet.wallet_id))
            elif not self._gate.still_failing(wallet.error):
                self.present(wallet.error)
        self._resolved(self._gate.succeeded(*fine))

    @Slot(object)
    def note_clock_ok(self, state: ClockState | None = None) -> None:
        """A probe was answered: clock problems are over. A ``state`` without a newer
        measurement (re-sent after a round) proves nothing and changes nothing."""
        if state is not None:
            if state.measured_at is None or state.measured_at == self._clock_measured_at:
                return
            self._clock_measured_at = state.measured_at
        self._resolved(self._gate.succeeded(CLOCK_PLACE))

    @Slot(object)
    def note_configuration_ok(self, configuration: object = None) -> None:
        """The configuration was read: configuration problems are over."""
        self._resolved(self._gate.succeeded(CONFIGURATION_PLACE))

    # -- the window ------------------------------------------------------------------------

    @Slot()
    def show_window(self) -> None:
        """Bring the window up with every problem kept (the problems indicator's click)."""
        if self._may_show() and self._gate.problems():
            window = self._ensure_window()
            window.set_problems(self._gate.problems())
            window.select(None)
            if window.isVisible() and QGuiApplication.platformName() not in _CANNOT_RAISE:
                window.raise_()  # behind the main window, perhaps: bring it forward
            window.show()
            window.activateWindow()

    @Slot()
    def close_all(self) -> None:
        """Close the window and forget every problem (another connection starts)."""
        self._hide_window()
        self._gate.reset()
        self._refresh()

    def open_dialogs(self) -> list[ErrorDialog]:
        """The error windows on screen: the one window, or none."""
        window = self._live_window()
        return [window] if window is not None and window.isVisible() else []

    def problems(self) -> tuple[Problem, ...]:
        """Every problem kept, newest first."""
        return self._gate.problems()

    @property
    def open_count(self) -> int:
        return self._gate.open_count

    # -- inside ------------------------------------------------------------------------------

    def _may_show(self) -> bool:
        parent = self._parent
        if parent is not None:
            if not shiboken6.isValid(parent):
                return False
            # Shown once and no longer visible: the main window was closed (or is going),
            # so nothing pops up for it. Not yet shown (still being built) is fine.
            shown_once = parent.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide)
            if shown_once and not parent.isVisible():
                return False
        return self.show_dialogs and not self._closing

    def _open_window(self, key: ProblemKey) -> bool:
        """Open the window at problem ``key``; True if it was not open before."""
        if not self._may_show():
            return False
        window = self._ensure_window()
        window.set_problems(self._gate.problems())
        was_visible = window.isVisible()
        current = window.problem
        # Point at the new problem, unless the user is reading another one that needs them.
        if not was_visible or current is None or not (current.is_open and current.needs_user):
            window.select(key)
        if not was_visible:
            window.show()
        return not was_visible

    def _ensure_window(self) -> ErrorDialog:
        window = self._live_window()
        if window is None:
            parent = self._parent
            window = ErrorDialog(parent=parent if parent and shiboken6.isValid(parent) else None)
            window.finished.connect(self._on_window_finished)
            self._window = window
        return window

    def _live_window(self) -> ErrorDialog | None:
        # The window dies with its parent (the main window) when that is deleted.
        if self._window is not None and not shiboken6.isValid(self._window):
            self._window = None
        return self._window

    def _hide_window(self) -> None:
        """Close the window without the user (not ``close()``: ``finished`` means the user
        closed it). A closed window goes, through the event loop; the next one is new."""
        window = self._live_window()
        self._window = None
        if window is not None:
            window.finished.disconnect(self._on_window_finished)
            window.hide()
            dispose_later(window)

    @Slot()
    def _on_window_finished(self) -> None:
        """The user closed the window: the one-off notices it showed are over."""
        window = self._live_window()
        self._window = None
        dispose_later(window)
        self._resolved(self._gate.acknowledged())

    def _resolved(self, keys: list[ProblemKey]) -> None:
        for key in keys:
            problem = self._gate.problem(key)
            if problem is not None:
                log.info("Resolved: %s — %s", problem.report.title, problem.report.message)
        self._refresh()

    def _refresh(self) -> None:
        """Bring the window (in place) and the indicator up to date; close the window by
        itself when nothing is left open."""
        open_count = self._gate.open_count
        window = self._live_window()
        if window is not None:
            window.set_problems(self._gate.problems())
            if open_count == 0:
                self._hide_window()
        if self._indicator is not None and shiboken6.isValid(self._indicator):
            self._indicator.set_count(open_count)
        if open_count != self._open_count:
            self._open_count = open_count
            self.problemsChanged.emit(open_count)


def report_unexpected_errors(presenter: ErrorPresenter) -> None:
    """A bug of ours becomes one readable report, not a traceback in a user's face.

    The traceback goes to the log (redacted like every record); on the GUI thread the person
    gets an "internal error" report through the one presenter; elsewhere it is only logged,
    because widgets may not be touched from other threads.
    """

    def hook(kind: type[BaseException], error: BaseException, trace: object) -> None:
        log.error("unexpected error", exc_info=(kind, error, trace))  # type: ignore[arg-type]
        if threading.current_thread() is threading.main_thread():
            presenter.present(ErrorReport.from_exception(error, "The app itself"))

    sys.excepthook = hook
