"""The History tab on a real history database: lazy reads, min/max columns, ranges, gaps."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QComboBox, QWidget
from pytestqt.qtbot import QtBot

from wallet_gui.api.models import CurrencyBalance
from wallet_gui.core.history.store import HistoryStore
from wallet_gui.core.state import ClockState, WalletBalances
from wallet_gui.ui.history_panel import CLOCK_KEY, HistoryPanel

NOW = 1_790_000_000.0  # 2026-09-21
PROFILE = "demo"


def wallets(amount: str, wallet_id: str = "14471", currency: str = "EUR") -> list[WalletBalances]:
    balance = CurrencyBalance(currency=currency, at_disposal=Decimal(amount), reserved=Decimal(0))
    return [WalletBalances(wallet_id=wallet_id, balances={currency: balance}, updated_at=NOW)]


class Recorder:
    """The real store, with a note of every read the panel makes through it."""

    def __init__(self, store: HistoryStore) -> None:
        self.store = store
        self.calls: list[str] = []

    def __getattr__(self, name: str) -> Any:
        method = getattr(self.store, name)

        def call(*args: Any, **kwargs: Any) -> Any:
            self.calls.append(name)
            return method(*args, **kwargs)

        return call


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    with HistoryStore(tmp_path / "history.sqlite3", clock=lambda: NOW) as opened:
        yield opened


def fill_hour(store: HistoryStore, *, spike_at: float | None = None) -> None:
    """The last hour: the balance steps every 2 s between 100 and 101 (1 800 rows), and
    one sample (``spike_at``) jumps to 5 000."""
    with store.batch():
        for step in range(1800):
            at = NOW - 3600 + 2 * step
            amount = "5000" if spike_at is not None and at == spike_at else str(100 + step % 2)
            store.record_balances(PROFILE, at, wallets(amount))


def make_panel(qtbot: QtBot, reader: Any, *, show: bool = True) -> HistoryPanel:
    panel = HistoryPanel(reader, PROFILE, clock=lambda: NOW, refresh_ms=20)
    qtbot.addWidget(panel)
    panel.resize(800, 400)
    if show:
        with qtbot.waitSignal(panel.redrawn, timeout=2000):
            panel.show()
    return panel


def test_nothing_is_read_until_the_panel_is_first_shown(qtbot: QtBot, store: HistoryStore) -> None:
    fill_hour(store)
    reader = Recorder(store)
    panel = make_panel(qtbot, reader, show=False)
    panel.refresh()
    panel.set_range("7d")
    assert reader.calls == []

    with qtbot.waitSignal(panel.redrawn, timeout=2000):
        panel.show()
    assert "balance_series" in reader.calls
    assert panel.chart.lines()  # and it drew what it read


def test_each_column_is_one_low_high_stroke_and_a_one_sample_spike_survives(
    qtbot: QtBot, store: HistoryStore
) -> None:
    fill_hour(store, spike_at=NOW - 1800)
    panel = make_panel(qtbot, store)
    panel.set_range("1h")

    columns = panel.chart.plot_columns()
    assert panel.columns_drawn == columns
    assert 300 < columns < 1800  # fewer pixels than samples: decimation has work to do
    (line,) = panel.chart.lines()
    times = [t for t, _ in line]
    assert len(line) % 2 == 0
    # Two points per column, both at the column's time; never more columns than pixels.
    assert all(times[i] == times[i + 1] for i in range(0, len(times), 2))
    assert len(set(times)) == len(line) // 2 <= columns
    assert len(line) // 2 > columns * 0.9  # a sample every 2 s fills (nearly) every column
    values = [v for _, v in line]
    assert max(values) == 5000.0  # one sample in 1 800, still drawn
    assert min(values) == 100.0
    assert values.count(5000.0) == 1


def test_a_range_change_redraws_once_over_the_chosen_range(
    qtbot: QtBot, store: HistoryStore
) -> None:
    with store.batch():  # three days, a sample an hour (a change each time)
        for hour in range(72):
            store.record_balances(PROFILE, NOW - 72 * 3600 + hour * 3600, wallets(str(hour)))
        store.record_balances(PROFILE, NOW, wallets("72"))
    panel = make_panel(qtbot, store)
    combo = panel.findChild(QComboBox, "historyRangeCombo")
    assert combo is not None
    assert [combo.itemData(i) for i in range(combo.count())] == ["1h", "24h", "7d", "30d", "all"]

    panel.set_range("1h")
    drawn: list[None] = []
    panel.redrawn.connect(lambda: drawn.append(None))
    with qtbot.waitSignal(panel.rangeChanged) as changed:
        combo.setCurrentIndex(combo.findData("24h"))
    assert changed.args == ["24h"]
    assert len(drawn) == 1  # synchronous, once
    day = [t for segment in panel.chart.lines() for t, _ in segment]
    assert min(day) >= NOW - 86400 - 3600  # the columns of the last day only
    assert len(set(day)) == 25

    combo.setCurrentIndex(combo.findData("all"))
    assert len(drawn) == 2
    everything = [t for segment in panel.chart.lines() for t, _ in segment]
    assert NOW - 73 * 3600 < min(everything) <= NOW - 72 * 3600  # the column of the first
    assert len(set(everything)) == 73
    assert panel.chart.time_labels() != []


def test_time_labels_fall_on_round_local_hours(
    qtbot: QtBot, store: HistoryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "Asia/Kolkata")  # UTC+5:30: UTC hours are not local hours
    time.tzset()
    try:
        fill_hour(store)
        panel = make_panel(qtbot, store)
        panel.set_range("24h")
        ticks = panel.chart.time_ticks()
        assert len(ticks) >= 3
        assert all(time.localtime(t).tm_min == 0 for t in ticks)
        labels = [time.strftime("%H:%M", time.localtime(t)) for t in ticks]
        assert panel.chart.time_labels() == labels
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_a_stretch_without_the_monitor_is_a_gap_not_a_line(
    qtbot: QtBot, store: HistoryStore
) -> None:
    with store.batch():
        for minute in range(60):  # two sessions of an hour, five hours apart
            store.record_balances(PROFILE, NOW - 7 * 3600 + 60 * minute, wallets(str(minute)))
            store.record_balances(PROFILE, NOW - 3600 + 60 * minute, wallets(str(100 + minute)))
    panel = make_panel(qtbot, store)
    first, second = panel.chart.lines()
    assert max(t for t, _ in first) < NOW - 6 * 3600
    assert min(t for t, _ in second) >= NOW - 3600 - 300


def test_the_series_box_offers_every_balance_and_the_clock_with_its_band(
    qtbot: QtBot, store: HistoryStore
) -> None:
    with store.batch():
        store.record_balances(PROFILE, NOW - 600, wallets("1", "30003", "USD"))
        store.record_balances(PROFILE, NOW - 600, wallets("2", "14471", "EUR"))
        for i in range(20):
            state = ClockState(offset=0.5 + i / 100, half_width=0.1, measured_at=NOW - 600 + i)
            store.record_clock(PROFILE, state)
    panel = make_panel(qtbot, store)
    combo = panel.findChild(QComboBox, "historySeriesCombo")
    assert combo is not None
    assert [combo.itemData(i) for i in range(combo.count())] == [
        ("balance", "14471", "EUR"),
        ("balance", "30003", "USD"),
        CLOCK_KEY,
    ]
    assert combo.itemText(0) == "Wallet 14471 · EUR"
    panel.set_wallet_names({"14471": "Jonas <b>J</b>"})
    assert combo.itemText(0) == "Wallet 14471 · Jonas <b>J</b> · EUR"

    with qtbot.waitSignal(panel.redrawn):
        combo.setCurrentIndex(2)
    assert panel.chart.title().startswith("server")
    values = [v for segment in panel.chart.lines() for _, v in segment]
    assert min(values) == pytest.approx(0.5)
    assert max(values) == pytest.approx(0.69)
    lower, upper = panel.chart.band()
    assert min(lower) == pytest.approx(0.4)
    assert max(upper) == pytest.approx(0.79)


def test_refresh_calls_coalesce_into_one_read_and_a_hidden_panel_waits(
    qtbot: QtBot, store: HistoryStore
) -> None:
    fill_hour(store)
    reader = Recorder(store)
    panel = make_panel(qtbot, reader)
    reader.calls.clear()
    with qtbot.waitSignal(panel.redrawn, timeout=2000):
        for _ in range(10):
            panel.refresh()
    assert reader.calls.count("balance_series") == 1

    panel.hide()
    reader.calls.clear()
    store.record_balances(PROFILE, NOW + 1, wallets("999"))
    panel.refresh()
    assert reader.calls == []
    with qtbot.waitSignal(panel.redrawn, timeout=2000):
        panel.show()
    assert max(v for segment in panel.chart.lines() for _, v in segment) == 999.0


def test_a_database_that_fails_says_so_in_one_line(qtbot: QtBot, tmp_path: Path) -> None:
    broken = HistoryStore(tmp_path / "history.sqlite3")
    broken.close()  # every read now fails inside sqlite3
    panel = make_panel(qtbot, broken)
    text = panel.status_text()
    assert text.startswith("History unavailable: cannot read the history")
    assert "\n" not in text
    assert panel.chart.lines() == []


def test_without_a_store_the_panel_says_no_history_is_kept(qtbot: QtBot) -> None:
    panel = make_panel(qtbot, None)
    assert "No history" in panel.status_text()


def test_controls_are_named_and_reachable_by_keyboard(qtbot: QtBot, store: HistoryStore) -> None:
    panel = make_panel(qtbot, store)
    for name in ("historyRangeCombo", "historySeriesCombo", "historyChart"):
        widget = panel.findChild(QWidget, name)
        assert widget is not None, name
        assert widget.focusPolicy() & widget.focusPolicy().TabFocus, name


def test_drift_from_history_is_shown_with_its_baseline(qtbot: QtBot, store: HistoryStore) -> None:
    with store.batch():  # an hour of estimates; the offset grows by 20 µs a second: +20 ppm
        for minute in range(61):
            at = NOW - 3600 + 60 * minute
            state = ClockState(offset=0.5 + 20e-6 * 60 * minute, half_width=0.001, measured_at=at)
            store.record_clock(PROFILE, state)
    panel = make_panel(qtbot, store)
    drift = store.drift(PROFILE)
    assert drift is not None
    assert drift.ppm == pytest.approx(20.0, abs=1.0)
    text = panel.status_text()
    assert text.startswith("Clock drift: +")
    assert f"{drift.ppm:.1f} ppm ± {drift.half_width_ppm:.1f} ppm" in text
    assert "measured over 1.0 hours" in text


def test_the_chosen_series_survives_a_refresh(qtbot: QtBot, store: HistoryStore) -> None:
    with store.batch():
        store.record_balances(PROFILE, NOW - 60, wallets("1", "14471", "EUR"))
        store.record_balances(PROFILE, NOW - 60, wallets("2", "30003", "USD"))
    panel = make_panel(qtbot, store)
    assert panel.series_key == ("balance", "14471", "EUR")  # the first, until one is chosen
    panel.set_series(("balance", "30003", "USD"))
    assert panel.chart.title() == "At disposal (USD)"
    store.record_balances(PROFILE, NOW - 30, wallets("3", "10000", "EUR"))
    with qtbot.waitSignal(panel.redrawn, timeout=2000):
        panel.refresh()
    assert panel.series_key == ("balance", "30003", "USD")
    combo = panel.findChild(QComboBox, "historySeriesCombo")
    assert combo is not None
    assert combo.count() == 4  # the new wallet is offered too


def test_the_chart_paints_with_the_palette_so_dark_themes_work(
    qtbot: QtBot, store: HistoryStore
) -> None:
    fill_hour(store, spike_at=NOW - 1800)  # the line hugs the bottom, the plot is ground
    panel = make_panel(qtbot, store)
    palette = panel.palette()
    palette.setColor(QPalette.ColorRole.Base, QColor(20, 20, 24))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(250, 120, 0))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(230, 230, 230))
    panel.chart.setPalette(palette)
    panel.set_range("1h")
    image = panel.chart.grab().toImage()
    plot = panel.chart.plot_rect()
    colours = Counter(
        image.pixelColor(x, y).rgb()
        for x in range(int(plot.left()) + 1, int(plot.right()), 3)
        for y in range(int(plot.top()) + 1, int(plot.bottom()), 3)
    )
    assert colours.most_common(1)[0][0] == QColor(20, 20, 24).rgb()  # the plot's ground
    assert colours[QColor(250, 120, 0).rgb()] > 20  # the line, in the highlight colour


def test_the_drift_baseline_is_written_with_the_language_s_decimal_separator(
    qtbot: QtBot, store: HistoryStore
) -> None:
    with store.batch():
        for minute in range(61):
            at = NOW - 3600 + 60 * minute
            state = ClockState(offset=0.5 + 20e-6 * 60 * minute, half_width=0.001, measured_at=at)
            store.record_clock(PROFILE, state)
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Russian, QLocale.Country.Russia))
    try:
        panel = make_panel(qtbot, store)
        assert "measured over 1,0 hours" in panel.status_text()
    finally:
        QLocale.setDefault(previous)
