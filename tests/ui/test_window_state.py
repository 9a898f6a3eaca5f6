"""What the window remembers between sessions, and fitting it to its screen."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QMargins, QRect, QSize, Qt
from PySide6.QtWidgets import QSplitter, QTableWidget, QTabWidget
from pytestqt.qtbot import QtBot

from tests.ui.fakes import FakePoller
from wallet_gui.api.models import CurrencyBalance
from wallet_gui.core.state import WalletBalances
from wallet_gui.ui.main_window import MainWindow
from wallet_gui.ui.window_state import FRAME_ALLOWANCE, centred_geometry, fitted_geometry

#: A 1600×1000 screen at QT_SCALE_FACTOR=2, less a 30 px panel: what Qt reports as available.
SCALED_SCREEN = QRect(0, 15, 800, 485)


def test_the_default_window_at_twice_the_scale_fits_the_screen() -> None:
    rect = centred_geometry(QSize(1100, 720), SCALED_SCREEN)
    room = SCALED_SCREEN.marginsRemoved(FRAME_ALLOWANCE)
    assert room.contains(rect)
    assert rect.size() == room.size()


def test_a_window_that_fits_keeps_its_size_and_is_centred() -> None:
    screen = QRect(0, 0, 1920, 1080)
    rect = centred_geometry(QSize(1100, 720), screen)
    assert rect.size() == QSize(1100, 720)
    assert abs(rect.center().x() - screen.center().x()) <= 1


def test_a_restored_geometry_too_large_is_shrunk_and_moved_onto_the_screen() -> None:
    saved = QRect(300, 200, 1500, 900)  # from a larger monitor
    rect = fitted_geometry(saved, SCALED_SCREEN)
    assert SCALED_SCREEN.marginsRemoved(FRAME_ALLOWANCE).contains(rect)


def test_a_geometry_that_fits_is_left_alone() -> None:
    saved = QRect(100, 100, 500, 300)
    assert fitted_geometry(saved, QRect(0, 0, 1920, 1080)) == saved


def test_a_window_off_the_side_of_a_screen_is_brought_back() -> None:
    saved = QRect(-900, 50, 600, 400)  # on a monitor to the left that is gone
    rect = fitted_geometry(saved, QRect(0, 0, 1920, 1080), QMargins())
    assert rect == QRect(0, 50, 600, 400)


# -- remembered state ------------------------------------------------------------------------


def test_tab_splitter_columns_sort_and_chart_range_are_restored(
    qtbot: QtBot, poller: FakePoller
) -> None:
    first = MainWindow(poller)
    qtbot.addWidget(first)
    first.resize(760, 560)
    first.show()
    qtbot.waitExposed(first)
    tabs = first.findChild(QTabWidget, "dataTabs")
    splitter = first.findChild(QSplitter, "mainSplitter")
    balances = first.findChild(QTableWidget, "balancesTable")
    configuration = first.findChild(QTableWidget, "configurationTable")
    assert None not in (tabs, splitter, balances, configuration)
    total = sum(splitter.sizes())
    splitter.setSizes([total - 200, 200])
    wanted_sizes = splitter.sizes()
    balances.horizontalHeader().resizeSection(3, 151)  # as a drag of a divider does
    balances.horizontalHeader().setSortIndicator(4, Qt.SortOrder.DescendingOrder)
    configuration.horizontalHeader().resizeSection(0, 222)
    first.clock_panel.chart.set_range("5min")
    tabs.setCurrentIndex(1)
    first.close()

    second = MainWindow(FakePoller())
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert second.findChild(QTabWidget, "dataTabs").currentIndex() == 1
    assert second.findChild(QSplitter, "mainSplitter").sizes() == wanted_sizes
    header = second.findChild(QTableWidget, "balancesTable").horizontalHeader()
    assert header.sectionSize(3) == 151
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        4,
        Qt.SortOrder.DescendingOrder,
    )
    config_header = second.findChild(QTableWidget, "configurationTable").horizontalHeader()
    assert config_header.sectionSize(0) == 222
    assert second.clock_panel.chart.range_key == "5min"
    # Widths the user chose survive new data; the others still fit their content.
    second.balances_panel.set_wallet(
        WalletBalances(
            wallet_id="1",
            balances={"EUR": CurrencyBalance("EUR", Decimal("123456789.00"), Decimal("0"))},
        )
    )
    assert header.sectionSize(3) == 151
    second.close()


def test_a_saved_geometry_larger_than_the_screen_is_fitted_to_it(
    qtbot: QtBot, poller: FakePoller
) -> None:
    # As saved on a bigger monitor (or before the scale factor went up).
    big = MainWindow(poller)
    qtbot.addWidget(big)
    available = big.screen().availableGeometry()
    big.setGeometry(0, 0, available.width() + 400, available.height() + 300)
    big.close()

    second = MainWindow(FakePoller())
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert available.contains(second.frameGeometry())
    second.close()
