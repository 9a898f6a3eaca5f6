"""The clock panel: how far this computer's clock is from the server's, and how sure we are.

Signed requests carry a timestamp, so a skewed clock is the one failure a user cannot see
coming; this panel says it in words (a badge and what it means), in numbers (offset ±
guaranteed uncertainty) and over time (``ClockChart``). It only shows the ``ClockState`` it
is given: measuring is the clock estimator's job, on the worker thread.

An estimate is only as good as its age: when the server cannot be reached (``set_reachable``)
or nothing was measured for ``stale_after_s``, the badge turns grey ("Clock unknown") and
says since when, instead of vouching for a clock nobody has checked. The one timer that
notices the age runs only while the panel is visible and the estimate still fresh.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, Qt, QTimer, Slot
from PySide6.QtGui import QFont, QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from wallet_gui.core.state import ClockState
from wallet_gui.ui.clock_chart import ClockChart
from wallet_gui.ui.copying import label_copy_actions
from wallet_gui.ui.formatting import (
    FINE_LIMIT_S,
    RISKY_LIMIT_S,
    ClockLevel,
    clock_level,
    format_duration,
    format_local_time,
    format_offset,
    format_ppm,
)
from wallet_gui.ui.tones import CLOCK_BADGES, Pair, is_palette_change, pair_for

if TYPE_CHECKING:
    from PySide6.QtCharts import QChartView, QLineSeries

#: The longest the estimator waits between two maintenance probes (``clock.estimator``).
LONGEST_PROBE_INTERVAL_S = 600.0


def _text(widget: QWidget | None) -> str:
    return widget.text() if isinstance(widget, QLabel) else ""


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

        self._badge = self._value_label("clockStatusLabel")
        self._badge.setToolTip(self._threshold_help())
        self._badge.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self._advice = self._value_label("clockAdviceLabel", wrap=True)

        self._offset = self._value_label("clockOffsetLabel")
        self._offset.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        big = QFont(self._offset.font())
        big.setPointSizeF(big.pointSizeF() * 1.6)
        big.setWeight(QFont.Weight.DemiBold)
        self._offset.setFont(big)
        self._offset.setToolTip(
            self.tr(
                "Server time minus this computer's time. The ± is a guaranteed bound: the true "
                "offset lies within it."
            )
        )
        label_copy_actions(
            self._offset,
            (
                (self.tr("&Copy offset"), "copyClockOffsetAction", self._offset.text),
                (self.tr("Copy clock &details"), "copyClockDetailsAction", self.summary_text),
            ),
        )

        self._direction = self._value_label("clockDirectionLabel", wrap=True)
        self._typical = self._value_label("clockTypicalErrorLabel")
        self._rtt = self._value_label("clockRoundTripLabel")
        self._drift = self._value_label("clockDriftLabel")
        self._samples = self._value_label("clockSamplesLabel")
        self._falsetickers = self._value_label("clockFalsetickersLabel")
        self._measured = self._value_label("clockMeasuredAtLabel")
        self._note = self._value_label("clockNoteLabel", wrap=True)

        self._details = QFormLayout()
        self._details.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self._details.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._details.setHorizontalSpacing(12)
        self._details.setVerticalSpacing(3)
        self._details.addRow(self.tr("Typical error:"), self._typical)
        self._details.addRow(self.tr("Round trip:"), self._rtt)
        self._details.addRow(self.tr("Drift:"), self._drift)
        self._details.addRow(self.tr("Samples:"), self._samples)
        self._details.addRow(self.tr("Falsetickers:"), self._falsetickers)
        self._details.addRow(self.tr("Last measured:"), self._measured)
        self._drift.setToolTip(
            self.tr("How fast this computer's clock runs off the server's, in parts per million.")
        )
        self._falsetickers.setToolTip(
            self.tr("Samples left out because they disagreed with all the others.")
        )

        summary = QVBoxLayout()
        summary.setSpacing(6)
        summary.addWidget(self._badge)
        summary.addWidget(self._advice)
        summary.addWidget(self._offset)
        summary.addWidget(self._direction)
        summary.addSpacing(4)
        summary.addLayout(self._details)
        summary.addWidget(self._note)
        summary.addStretch(1)
        self._summary = summary_widget = QWidget(self)
        summary_widget.setLayout(summary)
        summary_widget.setMinimumWidth(300)
        summary_widget.setMaximumWidth(420)
        summary_widget.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        summary.setContentsMargins(0, 0, 0, 0)

        self._chart = ClockChart(self, history_limit=history_limit or self.HISTORY_LIMIT)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(summary_widget)
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
        self._show_summary(state)
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
        lines = [w.text() for w in (self._badge, self._advice, self._offset, self._direction)]
        for row in range(self._details.rowCount()):
            name = self._details.itemAt(row, QFormLayout.ItemRole.LabelRole)
            value = self._details.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if name and value and self._details.isRowVisible(row):
                lines.append(f"{_text(name.widget())} {_text(value.widget())}")
        return "\n".join(line for line in [*lines, self._note.text()] if line)

    # -- staleness -----------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._show_level()  # the estimate may have aged while the window was hidden

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._stale_timer.stop()  # nobody sees it age: check again when shown

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._keep_summary_whole()

    def _keep_summary_whole(self) -> None:
        """Ask for the height the wrapped lines need: a splitter would squeeze them."""
        width = max(self._summary.width(), self._summary.minimumWidth())
        self._summary.setMinimumHeight(max(0, self._summary.heightForWidth(width)))

    def _arm_stale_timer(self) -> None:
        measured = self._state.measured_at
        if self.isVisible() and self._level is not ClockLevel.STALE and measured is not None:
            due = measured + self._stale_after - self._wall_clock()
            self._stale_timer.start(min(max(0, math.ceil(due * 1000)), 2**31 - 1))
        else:
            self._stale_timer.stop()

    # -- building ------------------------------------------------------------------------

    def _value_label(self, name: str, *, wrap: bool = False) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        if wrap:  # and say so, so that the layout asks for the height the lines need
            label.setWordWrap(True)
            policy = label.sizePolicy()
            policy.setHeightForWidth(True)
            label.setSizePolicy(policy)
        return label

    def _threshold_help(self) -> str:
        return self.tr(
            "Clock fine: the offset plus its uncertainty is at most {fine:g} s.\n"
            "Clock skew risky: up to {risky:g} s; servers that check timestamps may start "
            "refusing requests signed with this computer's clock.\n"
            "Computer clock far off: more than {risky:g} s; other software signing with "
            "this computer's clock would be refused.\n"
            "Signatures failing: the server has refused this app's timestamp.\n"
            "Clock unknown: the server could not be reached, or nothing was measured for "
            "{stale:g} minutes.\n\n"
            "This app signs its requests with the corrected clock, so it keeps working; other "
            "programs on this computer use the uncorrected clock."
        ).format(fine=FINE_LIMIT_S, risky=RISKY_LIMIT_S, stale=self._stale_after / 60)

    # -- updating ------------------------------------------------------------------------

    def _show_summary(self, state: ClockState) -> None:
        if state.offset is None:
            self._offset.setText(self.tr("Measuring clock offset…"))
            self._direction.setText("")
            self._direction.hide()
        else:
            self._offset.setText(format_offset(state.offset, state.half_width))
            self._direction.setText(self._direction_text(state.offset, state.half_width))
            self._direction.show()

        self._set_row(
            self._typical,
            format_duration(state.typical_error),
            visible=state.typical_error is not None,
        )
        self._set_row(self._rtt, format_duration(state.rtt_min), visible=True)
        if state.rate_ppm is not None:
            drift = format_ppm(state.rate_ppm, state.rate_half_width_ppm)
        elif state.rate_bounds_ppm is not None:
            # Narrowing slowly (the interval's width over the time since the first probe):
            # show how far it has got instead of a bare "measuring…".
            low, high = state.rate_bounds_ppm
            drift = self.tr("measuring… (so far {0} to {1} ppm)").format(
                f"{low:+.0f}".replace("-", "−"), f"{high:+.0f}".replace("-", "−")
            )
        else:
            drift = self.tr("measuring…")
        self._set_row(self._drift, drift, visible=True)
        self._set_row(self._samples, str(state.samples), visible=True)
        self._set_row(self._falsetickers, str(state.falsetickers), visible=state.falsetickers > 0)
        self._set_row(self._measured, format_local_time(state.measured_at), visible=True)
        self._note.setText(state.note or "")
        self._note.setVisible(bool(state.note))
        self._show_level()

    def _set_row(self, field: QLabel, text: str, *, visible: bool) -> None:
        field.setText(text)
        self._details.setRowVisible(field, visible)

    def _direction_text(self, offset: float, half_width: float | None) -> str:
        if half_width is not None and abs(offset) <= half_width:
            # The interval holds zero: ahead or behind is not known, only how close.
            within = QLocale().toString(half_width, "f", 3)  # the locale's decimal sign
            return self.tr("This computer is within ±{0} s of the server.").format(within)
        amount = self.tr("{0} s").format(QLocale().toString(abs(offset), "f", 3))
        if round(abs(offset), 3) == 0:
            return self.tr("This computer agrees with the server.")
        if offset > 0:
            return self.tr("This computer is {0} behind the server.").format(amount)
        return self.tr("This computer is {0} ahead of the server.").format(amount)

    @Slot()
    def _show_level(self) -> None:
        state = self._state
        self._level = clock_level(state, stale=self.is_stale())
        since = format_local_time(state.measured_at if self._reachable else self._unreachable_since)
        texts = {
            ClockLevel.UNKNOWN: ("", ""),
            ClockLevel.STALE: (
                self.tr("Clock unknown"),
                self.tr("Server unreachable since {0}; the numbers are from {1}.")
                if not self._reachable
                else self.tr("Not measured since {1}; the numbers are from then."),
            ),
            ClockLevel.FINE: (self.tr("Clock fine"), ""),
            ClockLevel.RISKY: (
                self.tr("Clock skew risky"),
                self.tr(
                    "This app corrects for it. Other software signing with this computer's "
                    "clock may be refused."
                ),
            ),
            ClockLevel.FAILING: (
                self.tr("Signatures failing"),
                self.tr("The server refused this app's timestamp; measuring again."),
            )
            if state.signatures_failing
            else (
                self.tr("Computer clock far off"),
                self.tr(
                    "This app corrects for it. Other software signing with this computer's "
                    "clock would be refused."
                ),
            ),
        }
        badge, advice = texts[self._level]
        self._badge.setText(badge)
        self._advice.setText(advice.format(since, format_local_time(state.measured_at)))
        # Before the first result the offset label already says "Measuring…": no badge.
        self._badge.setVisible(self._level is not ClockLevel.UNKNOWN)
        self._advice.setVisible(bool(advice))
        self._keep_summary_whole()
        self._style_badge()
        self._arm_stale_timer()

    def _style_badge(self) -> None:
        """The level's badge colours (ui/tones.py: 4.5:1 at least) for the palette now."""
        shade = CLOCK_BADGES.get(self._level.value)
        pair = (
            pair_for(shade, self.palette())
            if shade is not None  # else nothing measured yet, and the badge is hidden
            else Pair("palette(alternate-base)", "palette(window-text)")
        )
        self._badge.setStyleSheet(
            f"QLabel {{ background: {pair.background}; color: {pair.text}; font-weight: 600;"
            " border-radius: 4px; padding: 3px 10px; }"
        )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if is_palette_change(event) and hasattr(self, "_badge"):  # light ↔ dark: they follow
            self._style_badge()
