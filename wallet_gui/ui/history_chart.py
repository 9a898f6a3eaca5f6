"""The History tab's chart: a balance or the clock offset over a long range, decimated.

The store hands over at most one low/high pair per pixel column of the plot (min/max
decimation), so the chart never holds more points than it has pixels, whatever the range:
a year of 15-second samples draws as fast as an hour. Each column becomes a short vertical
stroke from its lowest to its highest value, joined to the next column, so a spike that lasted
one sample in a month still shows, and a flat stretch stays a flat line. Where the monitor was
not running the series has a gap (``Series.segments()``), and the line stops there instead of
drawing a made-up straight line across it. The clock's uncertainty band is shaded behind.

Painted by hand rather than with QtCharts: gaps need one line per segment, which QtCharts can
only do with a series object each, and a plain ``QPainter`` polyline of a few thousand points
paints in a millisecond or two. Colours come from the palette (light and dark alike); the
axes use ``chart_scale`` like the clock chart, with times labelled in local time.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from PySide6.QtCore import QDateTime, QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from wallet_gui.ui.chart_scale import TimeScale, ValueScale, time_scale, value_scale

Segments = Sequence[tuple[int, int]]


def column_strokes(
    times: Sequence[float],
    lows: Sequence[float],
    highs: Sequence[float],
    lasts: Sequence[float] | None = None,
) -> tuple[list[float], list[float]]:
    """x and y of the line through every column's low and high, two points per column.

    Each column is a vertical stroke; its second point is the one nearer the column's last
    value (when known), else the one nearer the previous column's end, so the line leaves
    the column where the data did and never zig-zags across the column for nothing.
    """
    xs: list[float] = []
    ys: list[float] = []
    previous: float | None = None
    for index, when in enumerate(times):
        low, high = lows[index], highs[index]
        if lasts is not None:
            end_high = abs(lasts[index] - high) <= abs(lasts[index] - low)
        else:
            end_high = previous is not None and abs(previous - low) < abs(previous - high)
        first, second = (low, high) if end_high else (high, low)
        xs.extend((when, when))
        ys.extend((first, second))
        previous = second
    return xs, ys


def _utc_offset(wall_time: float) -> float:
    """Local time minus UTC at ``wall_time``, in seconds: labels fall on local hours."""
    return float(time.localtime(wall_time).tm_gmtoff)


class HistoryChart(QWidget):
    """A decimated value line over a time range, with an optional band behind it.

    Methods:
        plot_columns() -> int: the plot's width in pixels, i.e. how many columns to ask for.
        show_columns(times, lows, highs, lasts, first, last, *, title, band=None,
            segments=None, min_span=0.02): draw these columns over ``first``…``last``.
        show_empty(first, last, title): an empty chart over that range.
        lines() -> list of (x, y) point lists, one per segment, as drawn (tests).
        time_labels() / value_labels(): the axes' labels as drawn.
    """

    #: The narrowest time axis, in seconds.
    X_MIN_SPAN_S = 60.0
    #: Columns with data up to this many: each is marked with a dot too.
    MARKED_COLUMNS = 12
    #: Up to this many columns the line is antialiased; more are drawn a pixel wide.
    SMOOTH_COLUMNS = 200

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyChart")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("History chart"))
        self._title = ""
        self._xs: list[float] = []
        self._ys: list[float] = []
        self._segments: list[tuple[int, int]] = []  # in columns
        self._band: tuple[list[float], list[float], list[float]] | None = None
        self._first, self._last = time.time() - 3600.0, time.time()
        self._low, self._high, self._min_span = -1.0, 1.0, 0.02

    def sizeHint(self) -> QSize:
        return QSize(640, 320)

    def minimumSizeHint(self) -> QSize:
        return QSize(360, 180)

    # -- public API ----------------------------------------------------------------------

    def plot_rect(self) -> QRectF:
        """The plot area inside the axes' labels, in widget pixels."""
        metrics = self.fontMetrics()
        left = metrics.horizontalAdvance("−0,000,000.00") + 12
        top = metrics.height() + 8  # the value axis's title sits above the plot
        bottom = metrics.height() + 10
        width = max(1.0, self.width() - left - 12)
        return QRectF(left, top, width, max(1.0, self.height() - top - bottom))

    def plot_columns(self) -> int:
        """How many pixel columns the plot area has: the store's decimation target."""
        return max(1, int(self.plot_rect().width()))

    def show_columns(
        self,
        times: Sequence[float],
        lows: Sequence[float],
        highs: Sequence[float],
        lasts: Sequence[float] | None,
        first: float,
        last: float,
        *,
        title: str,
        band: tuple[Sequence[float], Sequence[float]] | None = None,
        segments: Segments | None = None,
        min_span: float = 0.02,
    ) -> None:
        """Draw one stroke per column (times in UNIX seconds) and, if given, the band
        ``(lower, upper)`` behind it, over ``first``…``last``; ``segments`` are the
        ``[start, stop)`` column ranges without a gap (default: one)."""
        self._xs, self._ys = column_strokes(times, lows, highs, lasts)
        self._segments = list(segments) if segments is not None else [(0, len(times))]
        self._segments = [(a, b) for a, b in self._segments if b > a]
        low = min(lows, default=0.0)
        high = max(highs, default=0.0)
        self._band = None
        if band is not None and times:
            lower, upper = band
            self._band = (list(times), list(lower), list(upper))
            low = min(low, min(lower))
            high = max(high, max(upper))
        if not times:
            low, high = -1.0, 1.0
        self._title = title
        self._first, self._last = first, last
        self._low, self._high, self._min_span = low, high, min_span
        self.update()

    def show_empty(self, first: float, last: float, title: str) -> None:
        """No data for the range: an honest, neutral scale."""
        self.show_columns((), (), (), (), first, last, title=title)

    def lines(self) -> list[list[tuple[float, float]]]:
        """The line's points (time, value) per segment, as drawn."""
        return [
            list(zip(self._xs[2 * a : 2 * b], self._ys[2 * a : 2 * b], strict=True))
            for a, b in self._segments
        ]

    def title(self) -> str:
        return self._title

    def band(self) -> tuple[list[float], list[float]]:
        """The band's lower and upper edge per column, as drawn (empty without a band)."""
        if self._band is None:
            return [], []
        return list(self._band[1]), list(self._band[2])

    def time_ticks(self) -> list[float]:
        """Where the time axis's labels are (UNIX seconds)."""
        return list(self._time_scale(self.plot_rect()).ticks)

    def time_labels(self) -> list[str]:
        scale = self._time_scale(self.plot_rect())
        return [self._time_text(tick, scale) for tick in scale.ticks]

    def value_labels(self) -> list[str]:
        scale = self._value_scale(self.plot_rect())
        return [self._value_text(v, scale) for v in self._value_ticks(scale)]

    # -- scales --------------------------------------------------------------------------

    def _time_scale(self, plot: QRectF) -> TimeScale:
        ticks = min(8, max(3, int(plot.width()) // 110))
        return time_scale(
            self._first,
            self._last,
            max_ticks=ticks,
            min_span=self.X_MIN_SPAN_S,
            utc_offset=_utc_offset(self._last),
        )

    def _value_scale(self, plot: QRectF) -> ValueScale:
        ticks = min(6, max(3, int(plot.height()) // 28))
        return value_scale(self._low, self._high, max_ticks=ticks, min_span=self._min_span)

    @staticmethod
    def _value_ticks(scale: ValueScale) -> list[float]:
        start = -(-scale.low // scale.step) * scale.step
        return [start + i * scale.step for i in range(scale.ticks)]

    @staticmethod
    def _time_text(tick: float, scale: TimeScale) -> str:
        when = QDateTime.fromMSecsSinceEpoch(round(tick * 1000))  # local time
        return QLocale().toString(when, scale.label_format)  # month names of the language

    @staticmethod
    def _value_text(value: float, scale: ValueScale) -> str:
        # An axis label, not an amount: the language's separators, a float is exact enough.
        text = QLocale().toString(abs(value), "f", scale.decimals)
        return ("−" + text) if value < 0 and text.strip("0.,\u00a0 ") else text

    # -- painting ------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        palette = self.palette()
        plot = self.plot_rect()
        xs_scale, ys_scale = self._time_scale(plot), self._value_scale(plot)
        x0, x1 = xs_scale.start, xs_scale.end
        y0, y1 = ys_scale.low, ys_scale.high
        x_factor = plot.width() / (x1 - x0)
        y_factor = plot.height() / (y1 - y0)
        left, bottom = plot.left(), plot.bottom()

        painter.fillRect(plot, palette.color(QPalette.ColorRole.Base))
        grid = QColor(palette.color(QPalette.ColorRole.Mid))
        grid.setAlpha(90)
        text = palette.color(QPalette.ColorRole.WindowText)
        metrics = self.fontMetrics()
        painter.setPen(QPen(grid, 1.0))
        for value in self._value_ticks(ys_scale):
            y = bottom - (value - y0) * y_factor
            painter.drawLine(QPointF(left, y), QPointF(plot.right(), y))
        for tick in xs_scale.ticks:
            x = left + (tick - x0) * x_factor
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, bottom))
        painter.setPen(text)
        for value in self._value_ticks(ys_scale):
            y = bottom - (value - y0) * y_factor
            label = self._value_text(value, ys_scale)
            width = metrics.horizontalAdvance(label)
            painter.drawText(QPointF(left - width - 6, y + metrics.ascent() / 2 - 1), label)
        for tick in xs_scale.ticks:
            x = left + (tick - x0) * x_factor
            label = self._time_text(tick, xs_scale)
            width = metrics.horizontalAdvance(label)
            painter.drawText(QPointF(x - width / 2, bottom + metrics.ascent() + 4), label)
        painter.drawText(QPointF(4, metrics.ascent() + 2), self._title)

        painter.save()
        painter.setClipRect(plot)
        # A column per pixel needs no smoothing, and aliased strokes paint several times
        # faster (the redraw budget is 50 ms); a sparse line is smoothed.
        dense = len(self._xs) > 2 * self.SMOOTH_COLUMNS
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, not dense)
        colour = palette.color(QPalette.ColorRole.Highlight)
        if self._band is not None:
            tint = QColor(colour)
            tint.setAlpha(70)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(tint)
            times, lower, upper = self._band
            for a, b in self._segments:
                top_edge = [
                    QPointF(left + (times[i] - x0) * x_factor, bottom - (upper[i] - y0) * y_factor)
                    for i in range(a, b)
                ]
                low_edge = [
                    QPointF(left + (times[i] - x0) * x_factor, bottom - (lower[i] - y0) * y_factor)
                    for i in reversed(range(a, b))
                ]
                painter.drawPolygon(QPolygonF(top_edge + low_edge))
        pen = QPen(colour, 1.0 if dense else 1.5)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        xs, ys = self._xs, self._ys
        for a, b in self._segments:
            points = [
                QPointF(left + (xs[i] - x0) * x_factor, bottom - (ys[i] - y0) * y_factor)
                for i in range(2 * a, 2 * b)
            ]
            painter.drawPolyline(QPolygonF(points))
        if len(xs) <= 2 * self.MARKED_COLUMNS:
            painter.setBrush(colour)
            for x, y in zip(xs, ys, strict=True):
                centre = QPointF(left + (x - x0) * x_factor, bottom - (y - y0) * y_factor)
                painter.drawEllipse(centre, 2.5, 2.5)
        painter.restore()
        if self.hasFocus():
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 1.0))
            painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
