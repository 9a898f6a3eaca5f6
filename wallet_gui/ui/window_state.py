"""What the window remembers between sessions, and a first window that fits the screen.

Kept under ``window/…`` in the app's settings file (``window_settings``): the geometry, the
chosen tab, the splitter between clock and tables, each table's column widths and sort
order (and which columns the user sized by hand), and the chart's range. Anything missing
or unreadable (a first start, a file from another version) leaves that part at its default.

A window must also fit the screen it opens on: at 200 % scaling a 1100×720 default is larger
than a 1600×1000 screen, and a geometry saved on a larger monitor may no longer fit. Both
are shrunk to the screen's available area (``fitted_geometry``), so the status bar and the
window's edges stay reachable.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QByteArray, QMargins, QPoint, QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QSplitter, QTabWidget

from wallet_gui.ui.tables import TableColumns

GEOMETRY_KEY = "window/geometry"
TAB_KEY = "window/tab"
SPLITTER_KEY = "window/splitter"
CLOCK_RANGE_KEY = "window/clockRange"
#: Per table: ``window/<name>Columns`` (the header's state) and ``…UserSized``.
COLUMNS_KEY = "window/{0}Columns"
USER_SIZED_KEY = "window/{0}UserSized"

#: Room left around a window for its frame and title bar, which the window manager adds
#: outside the geometry Qt is given.
FRAME_ALLOWANCE = QMargins(8, 40, 8, 8)


class ChartWithRange(Protocol):
    """The part of ``ClockChart`` this module uses."""

    @property
    def range_key(self) -> str: ...

    def set_range(self, key: str) -> None: ...


def fitted_geometry(
    wanted: QRect, available: QRect, allowance: QMargins = FRAME_ALLOWANCE
) -> QRect:
    """``wanted`` shrunk to fit ``available`` (less ``allowance`` for the frame), and moved
    inside it when it sticks out; unchanged when it fits already."""
    room = available.marginsRemoved(allowance)
    size = wanted.size().boundedTo(room.size())
    left = min(max(wanted.x(), room.left()), room.right() + 1 - size.width())
    top = min(max(wanted.y(), room.top()), room.bottom() + 1 - size.height())
    return QRect(QPoint(left, top), size)


def centred_geometry(size: QSize, available: QRect) -> QRect:
    """A window of ``size`` (shrunk to fit) in the middle of ``available``."""
    room = available.marginsRemoved(FRAME_ALLOWANCE)
    fitted = size.boundedTo(room.size())
    rect = QRect(QPoint(0, 0), fitted)
    rect.moveCenter(room.center())
    return rect


def fits_a_screen(rect: QRect) -> bool:
    """``rect`` lies within the available area of one screen (frame allowance included)."""
    return any(
        screen.availableGeometry().marginsRemoved(FRAME_ALLOWANCE).contains(rect)
        for screen in QGuiApplication.screens()
    )


class WindowState:
    """Saves and restores a main window's state in ``settings`` (see the module docstring).

    Args:
        settings: where to keep it (``window_settings``, called once per restore and save so
            that the file's other lines, the profiles, are read fresh each time).
        window: the main window (geometry).
        tabs, splitter: the window's tabs and splitter.
        columns: each table's ``TableColumns`` by a short name ("balances", …).
        chart: the clock chart (its range), if any.
    """

    def __init__(
        self,
        settings: Callable[[], QSettings],
        window: QMainWindow,
        tabs: QTabWidget,
        splitter: QSplitter,
        columns: dict[str, TableColumns],
        chart: ChartWithRange | None = None,
    ) -> None:
        self._settings = settings
        self._window = window
        self._tabs = tabs
        self._splitter = splitter
        self._columns = columns
        self._chart = chart

    def restore(self, default_size: QSize) -> None:
        """Put back everything saved; fit the window to its screen either way."""
        settings = self._settings()
        window = self._window
        screen = window.screen() or QGuiApplication.primaryScreen()
        window.setGeometry(centred_geometry(default_size, screen.availableGeometry()))
        geometry = settings.value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            window.restoreGeometry(geometry)
            if not fits_a_screen(window.geometry()):
                screen = QGuiApplication.screenAt(window.geometry().center()) or screen
                window.setGeometry(fitted_geometry(window.geometry(), screen.availableGeometry()))
        tab = settings.value(TAB_KEY)
        if isinstance(tab, (int, str)) and str(tab).isdigit() and int(tab) < self._tabs.count():
            self._tabs.setCurrentIndex(int(tab))
        splitter = settings.value(SPLITTER_KEY)
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self._splitter.restoreState(splitter)
        for name, columns in self._columns.items():
            header_state = settings.value(COLUMNS_KEY.format(name))
            columns.restore_state(header_state, settings.value(USER_SIZED_KEY.format(name)))
        chart_range = settings.value(CLOCK_RANGE_KEY)
        if self._chart is not None and isinstance(chart_range, str):
            self._chart.set_range(chart_range)

    def save(self) -> None:
        settings = self._settings()
        settings.setValue(GEOMETRY_KEY, self._window.saveGeometry())
        settings.setValue(TAB_KEY, self._tabs.currentIndex())
        settings.setValue(SPLITTER_KEY, self._splitter.saveState())
        for name, columns in self._columns.items():
            header_state, user_sized = columns.save_state()
            settings.setValue(COLUMNS_KEY.format(name), header_state)
            settings.setValue(USER_SIZED_KEY.format(name), user_sized)
        if self._chart is not None:
            settings.setValue(CLOCK_RANGE_KEY, self._chart.range_key)
        settings.sync()
