"""The History tab: a balance or the clock offset over 1 h … all, from the history store.

The panel reads nothing until it is first shown: a year of history must not slow down the
start of a window whose user looks at balances first. Every read asks the store for one
low/high pair per pixel column of the plot, so a range change costs one small query and a
redraw whatever the size of the database. ``refresh()`` (new data was recorded) is cheap to
call often: calls are coalesced into one re-read a moment later, and a hidden panel only
notes that it must re-read when it is shown again.

The panel only reads: the store's reader is passed in (anything with the ``HistoryReader``
methods); it never writes, starts a thread or touches the network.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QLocale, QTimer, Signal, Slot
from PySide6.QtGui import QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from wallet_gui.api.errors import WalletError
from wallet_gui.core.history.series import ClockSeries, DriftEstimate, Series
from wallet_gui.ui.formatting import format_ppm
from wallet_gui.ui.history_chart import HistoryChart
from wallet_gui.ui.plain_text import cell_text, plain_label


class HistoryReader(Protocol):
    """What the panel reads of the history store (``core.history.store.HistoryStore``)."""

    def balance_keys(self, profile: str) -> list[tuple[str, str]]: ...

    def balance_series(
        self,
        profile: str,
        wallet_id: str,
        currency: str,
        since: float | None,
        until: float | None,
        columns: int,
    ) -> Series: ...

    def clock_series(
        self, profile: str, since: float | None, until: float | None, columns: int
    ) -> ClockSeries: ...

    def drift(self, profile: str) -> DriftEstimate | None: ...


@dataclass(frozen=True, slots=True)
class HistoryRange:
    """One choice of the range box: the last ``seconds``, or everything (``None``)."""

    key: str
    seconds: float | None


#: The ranges offered, in the order of the range box.
HISTORY_RANGES: tuple[HistoryRange, ...] = (
    HistoryRange("1h", 3600.0),
    HistoryRange("24h", 86400.0),
    HistoryRange("7d", 7 * 86400.0),
    HistoryRange("30d", 30 * 86400.0),
    HistoryRange("all", None),
)
DEFAULT_HISTORY_RANGE = "24h"
#: The series box's key of the clock offset; balances are ("balance", wallet_id, currency).
CLOCK_KEY: tuple[str, ...] = ("clock",)


class HistoryPanel(QWidget):
    """Balance per wallet and currency, or the clock offset with its band, over a range.

    Constructor: ``HistoryPanel(reader, profile, parent=None, *, clock=time.time,
    refresh_ms=500)``; ``reader`` may be None (no history store: the panel says so).

    Methods and slots:
        set_source(reader, profile): read another store or profile (re-read lazily).
        refresh(): new data arrived; re-read soon (coalesced), or when next shown.
        set_range(key): choose "1h", "24h", "7d", "30d" or "all".
        set_series(key): choose ``("balance", wallet_id, currency)`` or ``CLOCK_KEY``.
        set_wallet_names(Mapping[str, str]): show wallets as "id · name" in the series box.
        redraw(): re-read and draw now (the range box does this synchronously).

    Signals:
        rangeChanged(str): the user chose another range (its key), e.g. to save it.
        redrawn(): the chart shows fresh data (tests, benchmarks).
    """

    rangeChanged = Signal(str)
    redrawn = Signal()

    def __init__(
        self,
        reader: HistoryReader | None,
        profile: str | None = None,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], float] = time.time,
        refresh_ms: int = 500,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyPanel")
        self._reader = reader
        self._profile = profile
        self._clock = clock
        self._stale = True  # the shown data (none yet) may be older than the store's
        self._refresh_ms = refresh_ms
        self._filling = False  # the series box is being refilled: no redraw per item
        self._series_chosen = False  # the user picked a series: keep it across re-reads
        self._names: dict[str, str] = {}  # wallet id → display name, for the series box
        self._columns_drawn = 0

        self._timer = QTimer(self)
        self._timer.setObjectName("historyRefreshTimer")
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer)

        self._range = QComboBox(self)
        self._range.setObjectName("historyRangeCombo")
        labels = {
            "1h": self.tr("Last hour"),
            "24h": self.tr("Last 24 hours"),
            "7d": self.tr("Last 7 days"),
            "30d": self.tr("Last 30 days"),
            "all": self.tr("All history"),
        }
        for choice in HISTORY_RANGES:
            self._range.addItem(labels[choice.key], choice.key)
        self._range.setCurrentIndex(self._range.findData(DEFAULT_HISTORY_RANGE))
        self._range.setToolTip(self.tr("How much of the history the chart shows"))
        self._range.currentIndexChanged.connect(self._on_range_chosen)
        range_label = QLabel(self.tr("&Range:"), self)
        range_label.setBuddy(self._range)

        self._series = QComboBox(self)
        self._series.setObjectName("historySeriesCombo")
        self._series.setToolTip(self.tr("What the chart shows"))
        self._series.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._series.currentIndexChanged.connect(self._on_series_chosen)
        series_label = QLabel(self.tr("&Show:"), self)
        series_label.setBuddy(self._series)

        self._status = plain_label("historyStatus", parent=self, wrap=False)
        self._chart = HistoryChart(self)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(series_label)
        top.addWidget(self._series)
        top.addStretch(1)
        top.addWidget(range_label)
        top.addWidget(self._range)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self._chart, 1)
        layout.addWidget(self._status)
        self._fill_series([])

    # -- public API ----------------------------------------------------------------------

    @property
    def chart(self) -> HistoryChart:
        return self._chart

    @property
    def range_key(self) -> str:
        return str(self._range.currentData())

    @property
    def series_key(self) -> tuple[str, ...]:
        data = self._series.currentData()
        return tuple(data) if data else CLOCK_KEY

    @property
    def columns_drawn(self) -> int:
        """How many columns the last draw asked the store for (the plot's width)."""
        return self._columns_drawn

    def status_text(self) -> str:
        return self._status.text()

    def set_source(self, reader: HistoryReader | None, profile: str | None) -> None:
        """Read ``profile`` from ``reader`` from now on (at once if shown, else when shown)."""
        self._reader, self._profile = reader, profile
        self._stale = True
        if self.isVisible():
            self.redraw()

    @Slot()
    def refresh(self) -> None:
        """New data was recorded: re-read once, a moment from now (or when next shown)."""
        self._stale = True
        if self.isVisible() and not self._timer.isActive():
            self._timer.start(self._refresh_ms)

    @Slot(str)
    def set_range(self, key: str) -> None:
        """Show the range ``key``; an unknown key (from an older settings file) is ignored."""
        index = self._range.findData(key)
        if index >= 0:
            self._range.setCurrentIndex(index)

    def set_wallet_names(self, names: Mapping[str, str]) -> None:
        """Name wallets in the series box as the balances table does (id → name)."""
        self._names = dict(names)
        for index in range(self._series.count()):
            key = tuple(self._series.itemData(index))
            if key[0] == "balance":
                self._series.setItemText(index, self._series_label(key[1], key[2]))

    def _series_label(self, wallet_id: str, currency: str) -> str:
        name = self._names.get(wallet_id)
        wallet = f"{wallet_id} · {name}" if name else wallet_id
        return self.tr("Wallet {0} · {1}").format(cell_text(wallet, 60), currency)

    def set_series(self, key: tuple[str, ...]) -> None:
        index = self._index_of(key)
        if index >= 0:
            self._series.setCurrentIndex(index)

    @Slot()
    def redraw(self) -> None:
        """Re-read the series list and the chosen series, and draw them now."""
        self._timer.stop()
        self._stale = False
        if self._reader is None or self._profile is None:
            self._fill_series([])
            self._show_message(self.tr("No history is kept for this connection."))
            return
        try:
            keys = self._reader.balance_keys(self._profile)
            self._fill_series(keys)
            self._draw()
            drift = self._reader.drift(self._profile)
        except WalletError as error:
            self._show_message(self.tr("History unavailable: {0}").format(str(error)))
            return
        self._status.setText(self._drift_text(drift))

    # -- events --------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        """The first read happens here, not at start-up; later shows catch up if needed."""
        super().showEvent(event)
        if self._stale and not self._timer.isActive():
            self._timer.start(0)  # after the tab has painted, not before

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if self._timer.isActive():
            self._timer.stop()
            self._stale = True

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Another width, another column count: re-read (coalesced, while resizing)."""
        super().resizeEvent(event)
        if self.isVisible() and self._columns_drawn:
            self._stale = True
            if not self._timer.isActive():
                self._timer.start(self._refresh_ms)

    @Slot()
    def _on_timer(self) -> None:
        if self.isVisible() and self._stale:
            self.redraw()

    @Slot(int)
    def _on_range_chosen(self, _index: int) -> None:
        self.rangeChanged.emit(self.range_key)
        self._draw_now()

    @Slot(int)
    def _on_series_chosen(self, _index: int) -> None:
        if not self._filling:
            self._series_chosen = True
            self._draw_now()

    # -- reading and drawing -------------------------------------------------------------

    def _draw_now(self) -> None:
        """A choice changed: draw it at once when shown; a hidden panel waits to be shown."""
        if not self.isVisible() or self._reader is None or self._profile is None:
            self._stale = True
            return
        try:
            self._draw()
        except WalletError as error:
            self._show_message(self.tr("History unavailable: {0}").format(str(error)))

    def _fill_series(self, keys: list[tuple[str, str]]) -> None:
        """Offer each (wallet, currency) and the clock, keeping the current choice."""
        chosen = self._series.currentData()
        self._filling = True
        try:
            self._series.clear()
            for wallet_id, currency in sorted(keys):
                label = self._series_label(wallet_id, currency)
                self._series.addItem(label, ("balance", wallet_id, currency))
            self._series.addItem(self.tr("Clock offset"), CLOCK_KEY)
            index = self._index_of(chosen) if self._series_chosen else -1
            self._series.setCurrentIndex(max(0, index))
        finally:
            self._filling = False

    def _index_of(self, key: object) -> int:
        """The series box's row of ``key`` (a tuple: ``findData`` cannot compare those)."""
        wanted = tuple(key) if isinstance(key, tuple | list) else None
        for index in range(self._series.count()):
            if tuple(self._series.itemData(index)) == wanted:
                return index
        return -1

    def _time_range(self) -> tuple[float | None, float]:
        seconds = next(r.seconds for r in HISTORY_RANGES if r.key == self.range_key)
        now = self._clock()
        return (None if seconds is None else now - seconds), now

    def _draw(self) -> None:
        assert self._reader is not None
        assert self._profile is not None
        since, until = self._time_range()
        columns = self._chart.plot_columns()
        key = self.series_key
        self._columns_drawn = columns
        if key == CLOCK_KEY:
            clock = self._reader.clock_series(self._profile, since, until, columns)
            first = since if since is not None else (clock.times[0] if clock.times else until)
            self._chart.show_columns(
                clock.times,
                clock.offset_lo,
                clock.offset_hi,
                None,
                first,
                until,
                title=self.tr("server − local (s)"),
                band=(clock.band_lo, clock.band_hi),
                segments=clock.segments(),
            )
        else:
            _, wallet_id, currency = key
            series = self._reader.balance_series(
                self._profile, wallet_id, currency, since, until, columns
            )
            first = since if since is not None else (series.times[0] if series.times else until)
            self._chart.show_columns(
                series.times,
                series.lows,
                series.highs,
                series.lasts,
                first,
                until,
                title=self.tr("At disposal ({0})").format(currency),
                segments=series.segments(),
            )
        self.redrawn.emit()

    def _show_message(self, text: str) -> None:
        now = self._clock()
        self._chart.show_empty(now - 3600.0, now, "")
        self._status.setText(cell_text(text))
        self.redrawn.emit()

    def _drift_text(self, drift: DriftEstimate | None) -> str:
        if drift is None:
            return self.tr("Clock drift: not known yet")
        days = drift.baseline_s / 86400.0
        locale = QLocale()  # the language's decimal separator, as in every other number
        if days >= 1.0:
            span = self.tr("{0} days").format(locale.toString(days, "f", 1))
        else:
            span = self.tr("{0} hours").format(locale.toString(drift.baseline_s / 3600.0, "f", 1))
        rate = format_ppm(drift.ppm, drift.half_width_ppm)
        return self.tr("Clock drift: {0} (measured over {1})").format(rate, span)
