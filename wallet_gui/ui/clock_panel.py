"""The clock panel: how far this computer's clock is from the server's, and how sure we are.

Signed requests carry a timestamp, so a skewed clock is the one failure a user cannot see
coming; this panel says it in words (a badge and what it means), in numbers (offset ±
guaranteed uncertainty) and over time (``ClockChart``). It only shows the ``ClockState`` it
is given: measuring is the clock estimator's job, on the worker thread.

An estimate is only as good as its age: when the server cannot be reached (``set_reachable``)
or nothing was measured for ``stale_after_s``, the badge turns grey ("Clock unknown") and
says since when, instead of vouching for a clock nobody has checked. The one timer that
notices the age runs only while the panel is visible and the estimate still fresh. What the
column beside the chart says, in words and numbers, is ``ClockSummary`` (``clock_summary``).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Slot
from PySide6.QtGui import QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QWidget

from wallet_gui.core.state import ClockState
from wallet_gui.ui.clock_chart import ClockChart
from wallet_gui.ui.clock_summary import ClockSummary
from wallet_gui.ui.formatting import ClockLevel, clock_level

if TYPE_CHECKING:
    from PySide6.QtCharts import QChartView, QLineSeries

#: The longest the estimator waits between two maintenance probes (``clock.estimator``).
LONGEST_PROBE_INTERVAL_S = 600.0


class ClockPanel(QWidget):
    """Offset, uncertainty, drift and their history.

    Args:
        history_limit: how many of the newest history points the chart draws.
        wall_clock: the time source the estimate's age is measured with; tests pass a fake.
        stale_after_s: an estimate older than this is no longer vouched for (default: three
            of the estimator's longest intervals between probes).

    Slots:
        set_state(ClockState): show a new measurement (replaces everything shown).
        set_reachable(bool): whether the server answers; False turns the badge grey at once,
            and a newer measurement (or True) lifts it.
    """

    #: How many of the newest history points the chart draws; older ones add nothing a
    #: person can see at this width and would only slow the repaint.
    HISTORY_LIMIT = 500
    STALE_AFTER_S = 3 * LONGEST_PROBE_INTERVAL_S

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        history_limit: int | None = None,
        wall_clock: Callable[[], float] = time.time,
        stale_after_s: float | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("clockPanel")
        self._wall_clock = wall_clock
        self._stale_after = stale_after_s if stale_after_s is not None else self.STALE_AFTER_S
        self._state = ClockState()
        self._level = ClockLevel.UNKNOWN
        self._reachable = True
        self._unreachable_since: float | None = None

        self._stale_timer = QTimer(self)
        self._stale_timer.setObjectName("clockStaleTimer")
        self._stale_timer.setSingleShot(True)
        self._stale_timer.timeout.connect(self._show_level)

        self._summary = ClockSummary(self, stale_after_s=self._stale_after)
        self._chart = ClockChart(self, history_limit=history_limit or self.HISTORY_LIMIT)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self._summary)
        layout.addWidget(self._chart, 1)

        self.set_state(self._state)

    # -- public API ----------------------------------------------------------------------

    @property
    def level(self) -> ClockLevel:
        """The colour state currently shown."""
        return self._level

    @property
    def chart(self) -> ClockChart:
        return self._chart

    @property
    def chart_view(self) -> QChartView:
        return self._chart.view

    @property
    def offset_series(self) -> QLineSeries:
        return self._chart.offset_series

    @property
    def stale_timer(self) -> QTimer:
        return self._stale_timer

    @Slot(object)
    def set_state(self, state: ClockState) -> None:
        """Show ``state``; cheap enough to call on every measurement."""
        previous = self._state.measured_at
        if state.measured_at is not None and (previous is None or state.measured_at > previous):
            self._reachable = True  # a new measurement: the server answered
        self._state = state
        self._summary.show_state(state)
        self._show_level()
        self._chart.set_history(state.history)

    @Slot(bool)
    def set_reachable(self, reachable: bool) -> None:
        """Whether the server can be reached; while not, no estimate is vouched for."""
        if not reachable and self._reachable:
            self._unreachable_since = self._wall_clock()
        self._reachable = reachable
        self._show_level()

    def is_stale(self) -> bool:
        """The estimate shown says nothing about the clock now (unreachable or too old)."""
        measured = self._state.measured_at
        if self._state.offset is None:
            return False
        if not self._reachable or measured is None:
            return not self._reachable
        return self._wall_clock() - measured >= self._stale_after

    def summary_text(self) -> str:
        """What the panel says, as plain text lines (Copy clock details)."""
        return self._summary.summary_text()

    # -- staleness -----------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._show_level()  # the estimate may have aged while the window was hidden

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._stale_timer.stop()  # nobody sees it age: check again when shown

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._summary.keep_whole()

    def _arm_stale_timer(self) -> None:
        measured = self._state.measured_at
        if self.isVisible() and self._level is not ClockLevel.STALE and measured is not None:
            due = measured + self._stale_after - self._wall_clock()
            self._stale_timer.start(min(max(0, math.ceil(due * 1000)), 2**31 - 1))
        else:
            self._stale_timer.stop()

    # -- updating ------------------------------------------------------------------------

    @Slot()
    def _show_level(self) -> None:
        self._level = clock_level(self._state, stale=self.is_stale())
        self._summary.show_level(
            self._level,
            self._state,
            reachable=self._reachable,
            unreachable_since=self._unreachable_since,
        )
        self._arm_stale_timer()
