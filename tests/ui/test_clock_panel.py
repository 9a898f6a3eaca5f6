"""The clock panel shows the offset it is given, its colour state and the history chart."""

from __future__ import annotations

import pytest
from PySide6.QtCharts import (
    QAbstractAxis,
    QAreaSeries,
    QCategoryAxis,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QLabel
from pytestqt.qtbot import QtBot

from wallet_gui.core.state import ClockPoint, ClockState
from wallet_gui.ui.clock_chart import ClockChart
from wallet_gui.ui.clock_panel import ClockPanel
from wallet_gui.ui.formatting import ClockLevel

T0 = 1_700_000_000.0


def measured(offset: float = -42.3714, half_width: float = 0.0123, **extra: object) -> ClockState:
    history = tuple(
        ClockPoint(wall_time=T0 + 30 * i, offset=offset + 0.001 * i, half_width=half_width)
        for i in range(5)
    )
    fields: dict[str, object] = {
        "offset": offset,
        "half_width": half_width,
        "typical_error": 0.004,
        "rtt_min": 0.0382,
        "rate_ppm": -15.2,
        "rate_half_width_ppm": 3.1,
        "samples": 5,
        "measured_at": T0 + 120,
        "history": history,
    }
    fields.update(extra)
    return ClockState(**fields)  # type: ignore[arg-type]


#: "Now" for the panels below: just after ``measured()``'s newest point.
NOW = T0 + 130


@pytest.fixture
def panel(qtbot: QtBot) -> ClockPanel:
    widget = ClockPanel(wall_clock=lambda: NOW)
    qtbot.addWidget(widget)
    return widget


def label(panel: ClockPanel, name: str) -> QLabel:
    found = panel.findChild(QLabel, name)
    assert found is not None, name
    return found


def test_before_any_measurement_the_panel_says_it_is_measuring(panel: ClockPanel) -> None:
    assert label(panel, "clockOffsetLabel").text() == "Measuring clock offset…"
    assert panel.level is ClockLevel.UNKNOWN


def test_offset_label_shows_sign_unit_and_bound(panel: ClockPanel) -> None:
    panel.set_state(measured())
    assert label(panel, "clockOffsetLabel").text() == "−42.371 s ± 0.012 s"
    assert "ahead" in label(panel, "clockDirectionLabel").text()


def test_detail_labels_show_rtt_drift_samples_and_time(panel: ClockPanel) -> None:
    panel.set_state(measured())
    assert label(panel, "clockRoundTripLabel").text() == "38.2 ms"
    assert label(panel, "clockDriftLabel").text() == "−15.2 ppm ± 3.1 ppm"
    assert label(panel, "clockSamplesLabel").text() == "5"
    assert label(panel, "clockTypicalErrorLabel").text() == "4.0 ms"
    assert label(panel, "clockMeasuredAtLabel").text().count(":") == 2


def test_drift_says_measuring_until_known(panel: ClockPanel) -> None:
    panel.set_state(measured(rate_ppm=None, rate_half_width_ppm=None))
    assert label(panel, "clockDriftLabel").text() == "measuring…"


def test_drift_shows_its_bounds_so_far_while_it_narrows(panel: ClockPanel) -> None:
    panel.set_state(
        ClockState(offset=0.1, half_width=0.02, samples=22, rate_bounds_ppm=(-93.4, 130.2))
    )
    assert label(panel, "clockDriftLabel").text() == "measuring… (so far −93 to +130 ppm)"


def test_falsetickers_and_note_show_only_when_present(panel: ClockPanel) -> None:
    panel.show()
    panel.set_state(measured())
    assert not label(panel, "clockFalsetickersLabel").isVisible()
    assert not label(panel, "clockNoteLabel").isVisible()

    panel.set_state(measured(falsetickers=2, note="Re-measured after invalid_timestamp"))
    assert label(panel, "clockFalsetickersLabel").isVisible()
    assert label(panel, "clockFalsetickersLabel").text() == "2"
    assert label(panel, "clockNoteLabel").isVisible()
    assert label(panel, "clockNoteLabel").text() == "Re-measured after invalid_timestamp"


@pytest.mark.parametrize(
    ("state", "level", "text"),
    [
        (measured(offset=0.4, half_width=0.1), ClockLevel.FINE, "Clock fine"),
        (measured(offset=-12.0, half_width=0.1), ClockLevel.RISKY, "Clock skew risky"),
        (measured(offset=-42.0, half_width=0.1), ClockLevel.FAILING, "Computer clock far off"),
        (
            measured(offset=0.1, half_width=0.1, signatures_failing=True),
            ClockLevel.FAILING,
            "Signatures failing",
        ),
    ],
)
def test_badge_names_the_colour_state(
    panel: ClockPanel, state: ClockState, level: ClockLevel, text: str
) -> None:
    panel.set_state(state)
    assert panel.level is level
    badge = label(panel, "clockStatusLabel")
    assert badge.text() == text
    assert "background" in badge.styleSheet()


def test_badge_tooltip_explains_thresholds_and_the_corrected_clock(panel: ClockPanel) -> None:
    tip = label(panel, "clockStatusLabel").toolTip()
    assert "1 s" in tip
    assert "30 s" in tip
    assert "corrected clock" in tip


def test_chart_series_get_the_history_and_its_band(panel: ClockPanel) -> None:
    state = measured()
    panel.set_state(state)
    view = panel.findChild(QChartView, "clockChart")
    assert view is not None
    series = view.chart().series()
    line = next(s for s in series if isinstance(s, QLineSeries))
    band = next(s for s in series if isinstance(s, QAreaSeries))

    assert [(p.x(), p.y()) for p in line.points()] == [
        (pt.wall_time * 1000, pt.offset) for pt in state.history
    ]
    assert [p.y() for p in band.upperSeries().points()] == pytest.approx(
        [pt.offset + pt.half_width for pt in state.history]
    )
    assert [p.y() for p in band.lowerSeries().points()] == pytest.approx(
        [pt.offset - pt.half_width for pt in state.history]
    )


def test_chart_is_updated_in_place_not_rebuilt(panel: ClockPanel) -> None:
    panel.set_state(measured())
    chart = panel.chart_view.chart()
    series_before = chart.series()
    panel.set_state(measured(offset=-1.0))
    assert panel.chart_view.chart() is chart
    assert chart.series() == series_before
    assert panel.offset_series.points()[0].y() == pytest.approx(-1.0)


def test_chart_draws_only_the_newest_points(qtbot: QtBot) -> None:
    panel = ClockPanel(history_limit=10)
    qtbot.addWidget(panel)
    history = tuple(ClockPoint(T0 + i, float(i), 0.1) for i in range(50))
    panel.set_state(ClockState(offset=49.0, half_width=0.1, history=history))
    points = panel.offset_series.points()
    assert len(points) == 10
    assert points[0].y() == 40.0


def test_y_axis_fits_the_band_with_padding(panel: ClockPanel) -> None:
    panel.set_state(measured(offset=-42.0, half_width=0.5))
    axis = panel.chart_view.chart().axes()[1]
    assert axis.min() < -42.5
    assert axis.max() > -41.5 + 0.004  # the history rises by 4 ms


def test_y_axis_is_sensible_when_all_points_are_equal(panel: ClockPanel) -> None:
    history = tuple(ClockPoint(T0 + i, 2.0, 0.0) for i in range(3))
    panel.set_state(ClockState(offset=2.0, half_width=0.0, history=history))
    axis = panel.chart_view.chart().axes()[1]
    assert axis.min() < 2.0 < axis.max()


# -- the chart's axes ---------------------------------------------------------------------------


def axes(panel: ClockPanel) -> tuple[QAbstractAxis, QValueAxis]:
    """The time axis (bottom) and the offset axis (left)."""
    chart = panel.chart_view.chart()
    x = chart.axes(Qt.Orientation.Horizontal)[0]
    y = chart.axes(Qt.Orientation.Vertical)[0]
    assert isinstance(y, QValueAxis)
    return x, y


def time_range(axis: QAbstractAxis) -> tuple[float, float]:
    """First and last time the axis shows, in UNIX seconds."""
    if isinstance(axis, QDateTimeAxis):
        return axis.min().toMSecsSinceEpoch() / 1000, axis.max().toMSecsSinceEpoch() / 1000
    assert isinstance(axis, QValueAxis)  # a QCategoryAxis over ms since the epoch
    return axis.min() / 1000, axis.max() / 1000


def time_labels(axis: QAbstractAxis) -> list[str]:
    """The labels Qt draws on the time axis."""
    if isinstance(axis, QCategoryAxis):
        return list(axis.categoriesLabels())
    assert isinstance(axis, QDateTimeAxis)  # ``tickCount`` times spread evenly
    start, end = axis.min().toMSecsSinceEpoch(), axis.max().toMSecsSinceEpoch()
    count = axis.tickCount()
    return [
        QDateTime.fromMSecsSinceEpoch(start + round(i * (end - start) / (count - 1))).toString(
            axis.format()
        )
        for i in range(count)
    ]


def burst_then_steady(minutes: float) -> tuple[ClockPoint, ...]:
    """An acquisition burst (wide bands, a second apart), then ±0.07 s every 20 s."""
    burst = [ClockPoint(T0 + i, 0.011 + 0.02 * (-1) ** i, 1.0 - 0.1 * i) for i in range(8)]
    steady = [
        ClockPoint(T0 + 8 + 20 * i, 0.011 + 0.004 * (-1) ** i, 0.07)
        for i in range(int(minutes * 3))
    ]
    return tuple(burst + steady)


@pytest.mark.parametrize("span_s", [2.0, 7.0, 45.0, 300.0, 3600.0, 30 * 3600.0])
def test_time_axis_labels_are_distinct(qtbot: QtBot, span_s: float) -> None:
    panel = ClockPanel(wall_clock=lambda: T0 + span_s)
    qtbot.addWidget(panel)
    panel.chart.set_range("all")
    history = tuple(ClockPoint(T0 + span_s * i / 4, 0.01, 0.02) for i in range(5))
    panel.set_state(ClockState(offset=0.01, half_width=0.02, history=history))
    x, _ = axes(panel)
    labels = time_labels(x)
    assert len(labels) == len(set(labels)), labels
    assert 2 <= len(labels) <= 8
    start, end = time_range(x)
    assert start <= T0
    assert end >= T0 + span_s


def test_offset_axis_zooms_in_on_a_steady_band_after_the_burst(panel: ClockPanel) -> None:
    history = burst_then_steady(minutes=5)
    panel.set_state(ClockState(offset=0.011, half_width=0.07, history=history))
    _, y = axes(panel)
    # The ±0.07 s band fills a good part of the height: the first probes' ±1 s do not set it.
    assert y.max() - y.min() <= 0.5
    assert y.min() <= 0.011 - 0.07
    assert y.max() >= 0.011 + 0.07


def test_offset_axis_keeps_a_minimum_span(panel: ClockPanel) -> None:
    history = tuple(ClockPoint(T0 + 20 * i, 0.5, 0.0001) for i in range(10))
    panel.set_state(ClockState(offset=0.5, half_width=0.0001, history=history))
    _, y = axes(panel)
    assert y.max() - y.min() >= 0.02
    assert y.min() < 0.5 < y.max()


def test_range_box_chooses_how_much_history_is_shown(panel: ClockPanel) -> None:
    history = burst_then_steady(minutes=20)
    panel.set_state(ClockState(offset=0.011, half_width=0.07, history=history))
    combo = panel.findChild(QComboBox, "clockRangeCombo")
    assert combo is not None
    assert [combo.itemData(i) for i in range(combo.count())] == ["5min", "1h", "all"]

    combo.setCurrentIndex(combo.findData("5min"))
    x, y = axes(panel)
    start, end = time_range(x)
    assert end - start == pytest.approx(300)
    assert end == pytest.approx(history[-1].wall_time)
    assert y.max() - y.min() <= 0.3  # only the steady points

    combo.setCurrentIndex(combo.findData("all"))
    x, _ = axes(panel)
    assert time_range(x)[0] <= T0


# -- what the badge and the words say -----------------------------------------------------------


def test_an_offset_within_its_uncertainty_is_not_called_behind_or_ahead(panel: ClockPanel) -> None:
    panel.set_state(measured(offset=0.011, half_width=0.017))
    direction = label(panel, "clockDirectionLabel").text()
    assert direction == "This computer is within ±0.017 s of the server."
    panel.set_state(measured(offset=0.051, half_width=0.017))
    assert label(panel, "clockDirectionLabel").text() == (
        "This computer is 0.051 s behind the server."
    )


def test_a_far_off_clock_says_whose_signatures_would_fail(panel: ClockPanel) -> None:
    panel.show()
    panel.set_state(measured(offset=-42.0, half_width=0.1))
    assert "Uncorrected signatures fail" not in label(panel, "clockStatusLabel").text()
    advice = label(panel, "clockAdviceLabel")
    assert advice.isVisible()
    assert "Other software signing with this computer's clock would be refused" in advice.text()
    assert "This app corrects for it" in advice.text()


# -- an estimate nobody has checked lately --------------------------------------------------------


class FakeClock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_badge_turns_grey_when_nothing_was_measured_for_too_long(qtbot: QtBot) -> None:
    clock = FakeClock(T0 + 130)
    panel = ClockPanel(wall_clock=clock, stale_after_s=600)
    qtbot.addWidget(panel)
    panel.set_state(measured(offset=0.4, half_width=0.1))  # measured at T0 + 120
    assert not panel.stale_timer.isActive()  # hidden: nothing to keep current
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.level is ClockLevel.FINE
    assert panel.stale_timer.isActive()
    assert panel.stale_timer.interval() <= 590_000

    clock.now = T0 + 120 + 600
    panel.stale_timer.timeout.emit()

    assert panel.level is ClockLevel.STALE
    assert label(panel, "clockStatusLabel").text() == "Clock unknown"
    assert "Not measured since" in label(panel, "clockAdviceLabel").text()
    assert not panel.stale_timer.isActive()
    panel.hide()


def test_badge_turns_grey_while_the_server_is_unreachable(qtbot: QtBot) -> None:
    clock = FakeClock(T0 + 130)
    panel = ClockPanel(wall_clock=clock)
    qtbot.addWidget(panel)
    panel.set_state(measured(offset=0.4, half_width=0.1))
    assert panel.level is ClockLevel.FINE

    panel.set_reachable(False)
    assert panel.level is ClockLevel.STALE
    assert "Server unreachable since" in label(panel, "clockAdviceLabel").text()
    assert "background" in label(panel, "clockStatusLabel").styleSheet()

    # A newer measurement proves the server answers again.
    clock.now += 60
    later = measured(offset=0.4, half_width=0.1, measured_at=T0 + 180)
    panel.set_state(later)
    assert panel.level is ClockLevel.FINE


def test_copy_offset_and_clock_details_from_the_context_menu(panel: ClockPanel) -> None:
    panel.set_state(measured())
    offset = label(panel, "clockOffsetLabel")
    assert offset.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    actions = {a.objectName(): a for a in offset.actions()}
    QGuiApplication.clipboard().clear()
    actions["copyClockOffsetAction"].trigger()
    assert QGuiApplication.clipboard().text() == "−42.371 s ± 0.012 s"
    actions["copyClockDetailsAction"].trigger()
    details = QGuiApplication.clipboard().text()
    assert "−42.371 s ± 0.012 s" in details
    assert "Round trip: 38.2 ms" in details


def test_the_offset_axis_writes_numbers_the_language_s_way(qtbot: QtBot) -> None:
    # "%.3f" alone is C's printf: "-12.30" beside "−12,373 с" in Russian.
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Russian, QLocale.Country.Russia))
    try:
        chart = ClockChart()
        qtbot.addWidget(chart)
        built = chart.view.chart()
        assert built.localizeNumbers()
        assert built.locale().decimalPoint() == ","
    finally:
        QLocale.setDefault(previous)
