"""The clock panel shows the offset it is given, its colour state and the history chart."""

from __future__ import annotations

import pytest
from PySide6.QtCharts import QAreaSeries, QChartView, QLineSeries
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from wallet_gui.state import ClockPoint, ClockState
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


@pytest.fixture
def panel(qtbot: QtBot) -> ClockPanel:
    widget = ClockPanel()
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
        (measured(offset=-42.0, half_width=0.1), ClockLevel.FAILING, "Uncorrected signatures fail"),
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
