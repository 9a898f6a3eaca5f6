"""The clock panel's chart: the offset history, its uncertainty band, and a choice of range.

The axes follow the data shown: the time axis covers the chosen range (the last five
minutes, the last hour, or everything kept) with labels on round, distinct times (a
category axis, so that the labels need not sit at the ends of the range); the offset axis
zooms to the offsets and their bands, at least ``Y_MIN_SPAN_S`` tall, so that a clock steady
within ±0.07 s is not a flat line on a two-second scale. The arithmetic is in ``chart_scale``.

QtCharts is imported inside the constructor: it is a large module that only this widget
needs, so importing the window's modules (for instance to type-check) stays cheap.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QLocale, QMargins, QPointF, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen, QResizeEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from wallet_gui.core.state import ClockPoint
from wallet_gui.ui.chart_scale import (
    CHART_RANGES,
    DEFAULT_RANGE,
    band_limits,
    shown_times,
    time_scale,
    value_scale,
)

if TYPE_CHECKING:
    from PySide6.QtCharts import QAreaSeries, QCategoryAxis, QChartView, QLineSeries, QValueAxis

# Chart colours: one calm blue for the offset and a translucent tint of it for the band.
_LINE_COLOUR = QColor(31, 111, 178)
_BAND_COLOUR = QColor(31, 111, 178, 60)


def _is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def _utc_offset(wall_time: float) -> float:
    """Local time minus UTC at ``wall_time``, in seconds: time labels fall on local hours."""
    return float(time.localtime(wall_time).tm_gmtoff)


class ClockChart(QWidget):
    """The offset history (line) with its guaranteed uncertainty band (shaded).

    Slots:
        set_history(tuple[ClockPoint, ...]): draw these points (the newest ``history_limit``).
        set_range(str): show the last 5 minutes (``"5min"``), hour (``"1h"``) or all.

    Signals:
        rangeChanged(str): the user chose another range (its key).
    """

    rangeChanged = Signal(str)

    #: Up to this many history points, each is drawn as a dot as well as joined by the line.
    MARKED_POINTS = 12
    #: The narrowest time axis, in seconds: a burst of probes a second apart stays readable.
    X_MIN_SPAN_S = 30.0
    #: The shortest offset axis, in seconds (±10 ms): finer is noise, not information.
    Y_MIN_SPAN_S = 0.02

    def __init__(self, parent: QWidget | None = None, *, history_limit: int = 500) -> None:
        super().__init__(parent)
        self.setObjectName("clockChartPanel")
        self._history_limit = history_limit
        self._points: tuple[ClockPoint, ...] = ()

        self._range = QComboBox(self)
        self._range.setObjectName("clockRangeCombo")
        labels = {
            "5min": self.tr("Last 5 minutes"),
            "1h": self.tr("Last hour"),
            "all": self.tr("All measurements"),
        }
        for choice in CHART_RANGES:
            self._range.addItem(labels[choice.key], choice.key)
        self._range.setCurrentIndex(self._range.findData(DEFAULT_RANGE))
        self._range.setToolTip(self.tr("How much of the offset history the chart shows"))
        self._range.currentIndexChanged.connect(self._on_range_chosen)
        range_label = QLabel(self.tr("&Show:"), self)
        range_label.setBuddy(self._range)

        self._build_chart()

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addStretch(1)
        top.addWidget(range_label)
        top.addWidget(self._range)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self._view, 1)

    # -- public API ----------------------------------------------------------------------

    @property
    def view(self) -> QChartView:
        return self._view

    @property
    def offset_series(self) -> QLineSeries:
        return self._line

    @property
    def band_series(self) -> QAreaSeries:
        return self._band

    @property
    def x_axis(self) -> QCategoryAxis:
        return self._x_axis

    @property
    def y_axis(self) -> QValueAxis:
        return self._y_axis

    @property
    def range_key(self) -> str:
        """The chosen range: ``"5min"``, ``"1h"`` or ``"all"``."""
        return str(self._range.currentData())

    def time_labels(self) -> list[str]:
        """The time axis's labels as drawn (for tests and diagnostics)."""
        return list(self._x_axis.categoriesLabels())

    @Slot(str)
    def set_range(self, key: str) -> None:
        """Show the range ``key``; an unknown key (from an older settings file) is ignored."""
        index = self._range.findData(key)
        if index >= 0:
            self._range.setCurrentIndex(index)

    @Slot(object)
    def set_history(self, history: tuple[ClockPoint, ...]) -> None:
        points = history[-self._history_limit :]
        self._points = points
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
        self._fit_axes()

    # -- building ------------------------------------------------------------------------

    def _build_chart(self) -> None:
        # Imported here on purpose: see the module docstring.
        from PySide6.QtCharts import (
            QAreaSeries,
            QCategoryAxis,
            QChart,
            QChartView,
            QLineSeries,
            QValueAxis,
        )

        chart = QChart()
        chart.legend().setVisible(False)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(0)
        chart.layout().setContentsMargins(0, 0, 0, 0)
        # The axis labels' decimal separator follows the language, as every other number does
        # ("%.3f" alone is C's printf: "-12.30" beside "−12,373 с").
        chart.setLocalizeNumbers(True)
        chart.setLocale(QLocale())
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
        # Times are ms since the epoch; each label sits on its own round time.
        self._x_axis: QCategoryAxis = QCategoryAxis()
        self._x_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        self._x_axis.setLabelsFont(font)
        # Labels on round offsets anywhere in the range (the range's ends need not be round).
        self._y_axis: QValueAxis = QValueAxis()
        self._y_axis.setTickType(QValueAxis.TickType.TicksDynamic)
        self._y_axis.setTickAnchor(0.0)
        self._y_axis.setLabelFormat("%.3f")
        self._y_axis.setLabelsFont(font)
        self._y_axis.setTitleText(self.tr("server − local (s)"))
        self._y_axis.setTitleFont(font)
        chart.addAxis(self._x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self._y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in (self._band, self._line):
            series.attachAxis(self._x_axis)
            series.attachAxis(self._y_axis)

        self._view = QChartView(chart, self)
        self._view.setObjectName("clockChart")
        self._view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._view.setStyleSheet("background: transparent")
        self._view.setMinimumSize(360, 150)
        self._view.setToolTip(
            self.tr("Offset history (line) with its guaranteed uncertainty band (shaded).")
        )

    # -- axes ----------------------------------------------------------------------------

    @Slot(int)
    def _on_range_chosen(self, _index: int) -> None:
        self._fit_axes()
        self.rangeChanged.emit(self.range_key)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """More room, more labels (and fewer on a narrow chart, so that none overlap)."""
        super().resizeEvent(event)
        self._fit_axes()

    def _fit_axes(self) -> None:
        seconds = next(c.seconds for c in CHART_RANGES if c.key == self.range_key)
        times = shown_times([p.wall_time for p in self._points], seconds)
        if times is None:
            now = time.time()
            first, last = now - (seconds or self.X_MIN_SPAN_S), now
            low, high = -1.0, 1.0  # nothing to show yet: an honest, neutral scale
        else:
            first, last = times
            shown = [(p.offset, p.half_width) for p in self._points if p.wall_time >= first]
            low, high = band_limits(shown) or (-1.0, 1.0)
        # About one label per 110 px across and per 24 px up; Qt draws every tick's label.
        width, height = self._view.width(), self._view.height()
        x = time_scale(
            first,
            last,
            max_ticks=min(8, max(3, (width - 80) // 110)),
            min_span=self.X_MIN_SPAN_S,
            utc_offset=_utc_offset(last),
        )
        for label in self._x_axis.categoriesLabels():
            self._x_axis.remove(label)
        self._x_axis.setStartValue(x.start * 1000)
        for tick in x.ticks:
            when = QDateTime.fromMSecsSinceEpoch(round(tick * 1000))
            self._x_axis.append(when.toString(x.label_format), tick * 1000)
        self._x_axis.setRange(x.start * 1000, x.end * 1000)
        y = value_scale(
            low, high, max_ticks=min(6, max(3, (height - 30) // 24)), min_span=self.Y_MIN_SPAN_S
        )
        self._y_axis.setTickInterval(y.step)
        self._y_axis.setRange(y.low, y.high)
        self._y_axis.setLabelFormat(f"%.{y.decimals}f")
