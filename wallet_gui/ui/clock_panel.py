"""The clock panel: how far this computer's clock is from the server's, and how sure we are.

Signed requests carry a timestamp, so a skewed clock is the one failure a user cannot see
coming; this panel says it in words (a badge), in numbers (offset ± guaranteed uncertainty)
and over time (a chart of the history with its uncertainty band). It only shows the
``ClockState`` it is given: measuring is the clock estimator's job, on the worker thread.

QtCharts is imported inside the constructor: it is a large module that only this panel needs,
so importing the window's modules (for instance to type-check or to run ``check``) stays cheap.
"""

from __future__ import annotations

import math
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QMargins, QPointF, Qt, Slot
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from wallet_gui.state import ClockPoint, ClockState
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

if TYPE_CHECKING:
    from PySide6.QtCharts import QAreaSeries, QChartView, QDateTimeAxis, QLineSeries, QValueAxis

# Chart colours: one calm blue for the offset and a translucent tint of it for the band.
_LINE_COLOUR = QColor(31, 111, 178)
_BAND_COLOUR = QColor(31, 111, 178, 60)

# (background, text) per level, for a light and for a dark palette; the pairs are chosen to
# stay readable (contrast well above 4.5:1) rather than to alarm.
_BADGE_COLOURS: dict[ClockLevel, tuple[tuple[str, str], tuple[str, str]]] = {
    ClockLevel.FINE: (("#dcefdc", "#1d5a2a"), ("#1f3d26", "#b8e6c1")),
    ClockLevel.RISKY: (("#fbeccb", "#6e4a00"), ("#4a3a12", "#f5d98f")),
    ClockLevel.FAILING: (("#f7d9d7", "#8a1f17"), ("#4d2220", "#f4b9b4")),
}


def _is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


class ClockPanel(QWidget):
    """Offset, uncertainty, drift and their history.

    Slots:
        set_state(ClockState): show a new measurement (replaces everything shown).
    """

    #: How many of the newest history points the chart draws; older ones add nothing a
    #: person can see at this width and would only slow the repaint.
    HISTORY_LIMIT = 500
    #: Vertical padding around the data, as a share of its span, and at least this many s.
    Y_PADDING_SHARE = 0.15
    Y_PADDING_MIN_S = 0.02
    #: Up to this many history points, each is drawn as a dot as well as joined by the line.
    MARKED_POINTS = 12
    #: Shown span of the time axis when there is only one point (or none), in seconds.
    X_SPAN_DEFAULT_S = 300

    def __init__(self, parent: QWidget | None = None, *, history_limit: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clockPanel")
        self._history_limit = history_limit or self.HISTORY_LIMIT
        self._state = ClockState()
        self._level = ClockLevel.UNKNOWN

        self._badge = QLabel(self)
        self._badge.setObjectName("clockStatusLabel")
        self._badge.setTextFormat(Qt.TextFormat.PlainText)
        self._badge.setToolTip(self._threshold_help())
        self._badge.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)

        self._offset = QLabel(self)
        self._offset.setObjectName("clockOffsetLabel")
        self._offset.setTextFormat(Qt.TextFormat.PlainText)
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

        self._direction = QLabel(self)
        self._direction.setObjectName("clockDirectionLabel")
        self._direction.setTextFormat(Qt.TextFormat.PlainText)

        self._typical = self._value_label("clockTypicalErrorLabel")
        self._rtt = self._value_label("clockRoundTripLabel")
        self._drift = self._value_label("clockDriftLabel")
        self._samples = self._value_label("clockSamplesLabel")
        self._falsetickers = self._value_label("clockFalsetickersLabel")
        self._measured = self._value_label("clockMeasuredAtLabel")
        self._note = QLabel(self)
        self._note.setObjectName("clockNoteLabel")
        self._note.setTextFormat(Qt.TextFormat.PlainText)
        self._note.setWordWrap(True)

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
        summary.addWidget(self._offset)
        summary.addWidget(self._direction)
        summary.addSpacing(4)
        summary.addLayout(self._details)
        summary.addWidget(self._note)
        summary.addStretch(1)
        summary_widget = QWidget(self)
        summary_widget.setLayout(summary)
        summary_widget.setMinimumWidth(300)
        summary_widget.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        summary.setContentsMargins(0, 0, 0, 0)

        self._build_chart()

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(summary_widget)
        layout.addWidget(self._chart_view, 1)

        self.set_state(self._state)

    # -- public API ----------------------------------------------------------------------

    @property
    def level(self) -> ClockLevel:
        """The colour state currently shown."""
        return self._level

    @property
    def chart_view(self) -> QChartView:
        return self._chart_view

    @property
    def offset_series(self) -> QLineSeries:
        return self._line

    @property
    def band_series(self) -> QAreaSeries:
        return self._band

    @Slot(object)
    def set_state(self, state: ClockState) -> None:
        """Show ``state``; cheap enough to call on every measurement."""
        self._state = state
        self._show_summary(state)
        self._show_history(state.history)

    # -- building ------------------------------------------------------------------------

    def _value_label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    def _threshold_help(self) -> str:
        return self.tr(
            "Clock fine: the offset plus its uncertainty is at most {fine:g} s.\n"
            "Clock skew risky: up to {risky:g} s; servers that check timestamps may start "
            "refusing signed requests.\n"
            "Uncorrected signatures fail: more than {risky:g} s.\n"
            "Signatures failing: the server has refused this app's timestamp.\n\n"
            "This app signs its requests with the corrected clock, so it keeps working; other "
            "programs on this computer use the uncorrected clock and would not."
        ).format(fine=FINE_LIMIT_S, risky=RISKY_LIMIT_S)

    def _build_chart(self) -> None:
        # Imported here on purpose: see the module docstring.
        from PySide6.QtCharts import (
            QAreaSeries,
            QChart,
            QChartView,
            QDateTimeAxis,
            QLineSeries,
            QValueAxis,
        )

        chart = QChart()
        chart.legend().setVisible(False)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(0)
        chart.layout().setContentsMargins(0, 0, 0, 0)
        dark = _is_dark(self.palette())
        if dark:
            chart.setTheme(QChart.ChartTheme.ChartThemeDark)
        # Blend into the window: no card behind the chart, only the plot area on the base colour.
        chart.setBackgroundVisible(False)
        chart.setPlotAreaBackgroundBrush(self.palette().color(QPalette.ColorRole.Base))
        chart.setPlotAreaBackgroundVisible(True)

        self._upper = QLineSeries(chart)
        self._lower = QLineSeries(chart)
        self._band = QAreaSeries(self._upper, self._lower)
        self._band.setName(self.tr("Uncertainty"))
        band = QColor(_BAND_COLOUR)
        if dark:  # the same tint, lifted so it still shows on a dark plot area
            band = _LINE_COLOUR.lighter(150)
            band.setAlpha(70)
        self._band.setColor(band)
        self._band.setBorderColor(Qt.GlobalColor.transparent)
        self._band.setPen(QPen(Qt.PenStyle.NoPen))
        self._line = QLineSeries(chart)
        self._line.setName(self.tr("Offset"))
        line_pen = QPen(_LINE_COLOUR.lighter(150) if dark else _LINE_COLOUR)
        line_pen.setWidthF(2.0)
        self._line.setPen(line_pen)
        chart.addSeries(self._band)
        chart.addSeries(self._line)

        font = QFont(self.font())
        self._x_axis: QDateTimeAxis = QDateTimeAxis()
        self._x_axis.setFormat("HH:mm:ss")
        self._x_axis.setTickCount(5)
        self._x_axis.setLabelsFont(font)
        self._y_axis: QValueAxis = QValueAxis()
        self._y_axis.setLabelFormat("%.3f")
        self._y_axis.setTickCount(5)
        self._y_axis.setLabelsFont(font)
        self._y_axis.setTitleText(self.tr("server − local (s)"))
        self._y_axis.setTitleFont(font)
        chart.addAxis(self._x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self._y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in (self._band, self._line):
            series.attachAxis(self._x_axis)
            series.attachAxis(self._y_axis)

        self._chart_view = QChartView(chart, self)
        self._chart_view.setObjectName("clockChart")
        self._chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._chart_view.setStyleSheet("background: transparent")
        self._chart_view.setMinimumSize(360, 170)
        self._chart_view.setToolTip(
            self.tr("Offset history (line) with its guaranteed uncertainty band (shaded).")
        )

    # -- updating ------------------------------------------------------------------------

    def _show_summary(self, state: ClockState) -> None:
        self._level = clock_level(state)
        self._show_badge()

        if state.offset is None:
            self._offset.setText(self.tr("Measuring clock offset…"))
            self._direction.setText("")
            self._direction.hide()
        else:
            self._offset.setText(format_offset(state.offset, state.half_width))
            self._direction.setText(self._direction_text(state.offset))
            self._direction.show()

        self._set_row(
            self._typical,
            format_duration(state.typical_error),
            visible=state.typical_error is not None,
        )
        self._set_row(self._rtt, format_duration(state.rtt_min), visible=True)
        drift = (
            format_ppm(state.rate_ppm, state.rate_half_width_ppm)
            if state.rate_ppm is not None
            else self.tr("measuring…")
        )
        self._set_row(self._drift, drift, visible=True)
        self._set_row(self._samples, str(state.samples), visible=True)
        self._set_row(self._falsetickers, str(state.falsetickers), visible=state.falsetickers > 0)
        self._set_row(self._measured, format_local_time(state.measured_at), visible=True)
        self._note.setText(state.note or "")
        self._note.setVisible(bool(state.note))

    def _set_row(self, field: QLabel, text: str, *, visible: bool) -> None:
        field.setText(text)
        self._details.setRowVisible(field, visible)

    def _direction_text(self, offset: float) -> str:
        amount = f"{abs(offset):.3f} s"
        if round(abs(offset), 3) == 0:
            return self.tr("This computer agrees with the server.")
        if offset > 0:
            return self.tr("This computer is {0} behind the server.").format(amount)
        return self.tr("This computer is {0} ahead of the server.").format(amount)

    def _show_badge(self) -> None:
        texts = {
            ClockLevel.UNKNOWN: self.tr("Measuring…"),
            ClockLevel.FINE: self.tr("Clock fine"),
            ClockLevel.RISKY: self.tr("Clock skew risky"),
            ClockLevel.FAILING: self.tr("Signatures failing")
            if self._state.signatures_failing
            # This app still signs correctly (corrected clock); say whose signatures fail.
            else self.tr("Uncorrected signatures fail"),
        }
        self._badge.setText(texts[self._level])
        # Before the first result the offset label already says "Measuring…": no badge.
        self._badge.setVisible(self._level is not ClockLevel.UNKNOWN)
        colours = _BADGE_COLOURS.get(self._level)
        if colours is None:
            background = self.palette().color(QPalette.ColorRole.AlternateBase).name()
            foreground = self.palette().color(QPalette.ColorRole.WindowText).name()
        else:
            background, foreground = colours[1 if _is_dark(self.palette()) else 0]
        self._badge.setStyleSheet(
            f"QLabel {{ background: {background}; color: {foreground}; font-weight: 600;"
            " border-radius: 4px; padding: 3px 10px; }"
        )

    def _show_history(self, history: tuple[ClockPoint, ...]) -> None:
        points = history[-self._history_limit :]
        line: list[QPointF] = []
        upper: list[QPointF] = []
        lower: list[QPointF] = []
        for point in points:
            x = point.wall_time * 1000.0  # QDateTimeAxis works in ms since the epoch
            line.append(QPointF(x, point.offset))
            upper.append(QPointF(x, point.offset + point.half_width))
            lower.append(QPointF(x, point.offset - point.half_width))
        # replace() swaps the data in one go: one repaint, no series or axis rebuilt.
        self._upper.replace(upper)
        self._lower.replace(lower)
        self._line.replace(line)
        # A line needs two points; until there are a few, mark each one so it can be seen.
        self._line.setPointsVisible(len(line) <= self.MARKED_POINTS)
        self._fit_axes(points)

    def _fit_axes(self, points: tuple[ClockPoint, ...]) -> None:
        if points:
            start = points[0].wall_time
            end = points[-1].wall_time
            low = min(p.offset - p.half_width for p in points)
            high = max(p.offset + p.half_width for p in points)
        else:
            end = time.time()
            start = end
            low, high = -1.0, 1.0  # nothing to show yet: an honest, neutral scale
        if end - start < 1.0:
            # One point (or none): centre it in a window of sensible width.
            start -= self.X_SPAN_DEFAULT_S / 2
            end += self.X_SPAN_DEFAULT_S / 2
        pad = max((high - low) * self.Y_PADDING_SHARE, self.Y_PADDING_MIN_S)
        self._x_axis.setRange(
            QDateTime.fromMSecsSinceEpoch(round(start * 1000)),
            QDateTime.fromMSecsSinceEpoch(round(end * 1000)),
        )
        # Round tick values (…, −12.40, −12.35, …) read far better than exact extremes.
        self._y_axis.setRange(low - pad, high + pad)
        self._y_axis.applyNiceNumbers()
        # Just enough decimals to tell neighbouring ticks apart, at most milliseconds.
        step = (self._y_axis.max() - self._y_axis.min()) / max(1, self._y_axis.tickCount() - 1)
        decimals = min(3, max(0, math.ceil(-math.log10(step)))) if step > 0 else 3
        self._y_axis.setLabelFormat(f"%.{decimals}f")
