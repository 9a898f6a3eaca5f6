"""The Transactions tab: rows and order, plain server text, paging on scroll, new ones tinted."""

from __future__ import annotations

import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QComboBox, QTableView
from pytestqt.qtbot import QtBot

from wallet_gui.api.models import OtherParty, Statement
from wallet_gui.core.history.store import HistoryStore
from wallet_gui.ui.statements_panel import StatementsPanel

T0 = 1_790_000_000


def statement(
    sid: int,
    amount: str = "10.00",
    *,
    direction: str = "in",
    date: int | None = None,
    currency: str = "EUR",
    details: str = "Payment",
    party: str | None = "Jonas Jonaitis",
) -> Statement:
    return Statement(
        id=sid,
        amount=Decimal(amount),
        currency=currency,
        date=T0 + sid * 60 if date is None else date,
        direction=direction,
        type="transfer",
        details=details,
        other_party=OtherParty(name=party) if party else None,
    )


@pytest.fixture
def panel(qtbot: QtBot) -> Iterator[StatementsPanel]:
    widget = StatementsPanel(highlight_ms=100)
    qtbot.addWidget(widget)
    widget.resize(900, 320)
    yield widget
    widget.clear()


def cells(table: QTableView, row: int) -> list[str]:
    model = table.model()
    return [model.index(row, c).data() for c in range(model.columnCount())]


def requests(panel: StatementsPanel) -> list[tuple[str, object]]:
    seen: list[tuple[str, object]] = []
    panel.moreRequested.connect(lambda wallet, cursor: seen.append((wallet, cursor)))
    return seen


def test_rows_are_newest_first_with_signed_exact_amounts(panel: StatementsPanel) -> None:
    panel.set_statements(
        "14471",
        [
            statement(1, "12.50"),
            statement(3, "0.005", direction="out", currency="KWD", party=None),
            statement(2, "1250.00", direction="out"),
        ],
        has_more=False,
    )
    table = panel.findChild(QTableView, "statementsTable")
    assert table is not None
    assert table.model().rowCount() == 3
    first = cells(table, 0)
    assert first[0] == time.strftime("%Y-%m-%d %H:%M", time.localtime(T0 + 180))
    assert first[1:] == ["−0.005 KWD", "Out", "", "Payment", "transfer"]
    assert cells(table, 1)[1:4] == ["−1,250.00 EUR", "Out", "Jonas Jonaitis"]
    assert cells(table, 2)[1:3] == ["+12.50 EUR", "In"]
    alignment = Qt.AlignmentFlag(table.model().index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole))
    assert alignment & Qt.AlignmentFlag.AlignRight
    assert panel.status_text() == "3 transaction(s), all shown."


def test_server_text_is_shown_literally_on_one_line(panel: StatementsPanel) -> None:
    details = "<img src=file:///dev/zero><b>rent</b>\nsecond line"
    panel.set_statements("1", [statement(1, details=details, party="<i>Evil</i>")], False)
    model = panel.table.model()
    assert model.index(0, 4).data() == "<img src=file:///dev/zero><b>rent</b> second line"
    assert model.index(0, 3).data() == "<i>Evil</i>"
    tooltip = model.index(0, 4).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;img src=file:///dev/zero&gt;" in tooltip
    assert "<img" not in tooltip
    assert model.index(0, 4).data(Qt.ItemDataRole.UserRole) == details  # what Copy takes


def test_scrolling_to_the_bottom_asks_for_the_next_page_once(
    qtbot: QtBot, panel: StatementsPanel
) -> None:
    seen = requests(panel)
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_statements("14471", [statement(i) for i in range(100, 200)], True, "cursor-1")
    bar = panel.table.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    assert seen == []  # the top of a long page: nothing to load yet

    bar.setValue(bar.maximum())
    assert seen == [("14471", "cursor-1")]
    bar.setValue(bar.maximum() - 1)
    bar.setValue(bar.maximum())
    assert len(seen) == 1  # pending: no second request
    assert panel.is_pending("14471")
    assert "loading older" in panel.status_text()
    panel.set_statements("14471", [statement(300)], True, "newest")  # a poll meanwhile
    bar.setValue(bar.maximum())
    assert len(seen) == 1  # the older page is still pending: still not asked twice
    assert panel.is_pending("14471")

    kept = bar.value()
    panel.append_page("14471", [statement(i) for i in range(50, 100)], True)
    assert panel.table.model().rowCount() == 151
    assert bar.value() == kept  # the rows went below; the view did not jump
    assert panel.table.model().index(150, 0).data() == time.strftime(
        "%Y-%m-%d %H:%M", time.localtime(T0 + 50 * 60)
    )

    qtbot.waitUntil(lambda: bar.maximum() > kept)
    bar.setValue(bar.maximum())
    # No cursor came with that page: the next one is asked for by the oldest date held.
    assert seen == [("14471", "cursor-1"), ("14471", T0 + 50 * 60)]
    panel.append_page("14471", [statement(i) for i in range(50)], False)
    bar.setValue(bar.maximum())
    assert len(seen) == 2  # the last page said there is no more
    assert panel.status_text() == "201 transaction(s), all shown."


def test_a_short_first_page_asks_for_more_to_fill_the_view(
    qtbot: QtBot, panel: StatementsPanel
) -> None:
    seen = requests(panel)
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_statements("14471", [statement(1), statement(2)], True, "c2")
    assert seen == [("14471", "c2")]
    panel.request_failed("14471")
    assert not panel.is_pending("14471")
    assert len(seen) == 1  # a failure is not retried in a loop ...
    panel.hide()
    panel.show()  # ... but coming back to the tab tries again
    assert seen == [("14471", "c2"), ("14471", "c2")]


def test_statements_arriving_after_the_first_load_stay_tinted_until_seen(
    qtbot: QtBot, panel: StatementsPanel
) -> None:
    panel.set_statements("14471", [statement(1), statement(2)], False)
    model = panel.table.model()
    assert all(model.index(r, 0).data(Qt.ItemDataRole.BackgroundRole) is None for r in range(2))

    panel.set_statements("14471", [statement(2), statement(3, "7.00")], False)
    assert model.rowCount() == 3
    assert cells(panel.table, 0)[1] == "+7.00 EUR"  # the new one, on top
    assert model.index(0, 1).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "New" in model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(1, 1).data(Qt.ItemDataRole.BackgroundRole) is None

    timer = panel.findChild(QTimer, "statementsHighlightTimer")
    assert timer is not None
    assert not timer.isActive()  # hidden: the tint does not fade unseen ...
    panel.show()  # ... it fades once the tab has been on screen for a while
    assert timer.isActive()
    qtbot.waitUntil(lambda: model.index(0, 1).data(Qt.ItemDataRole.BackgroundRole) is None)
    assert "New" not in model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)


def test_choosing_a_wallet_shows_its_rows_and_asks_for_its_first_page_once(
    qtbot: QtBot, panel: StatementsPanel
) -> None:
    seen = requests(panel)
    panel.set_wallets([("14471", "14471 · Jonas"), ("30003", "30003")])
    assert seen == [("14471", None)]  # the first wallet, shown at once, needs its first page
    panel.set_statements("14471", [statement(1)], False)
    combo = panel.findChild(QComboBox, "statementsWalletCombo")
    assert combo is not None
    assert combo.itemText(0) == "14471 · Jonas"

    with qtbot.waitSignal(panel.walletChanged) as chosen:
        combo.setCurrentIndex(1)
    assert chosen.args == ["30003"]
    assert seen == [("14471", None), ("30003", None)]
    assert panel.table.model().rowCount() == 0
    assert panel.status_text() == "Loading transactions…"
    combo.setCurrentIndex(0)
    combo.setCurrentIndex(1)
    assert len(seen) == 2  # still pending: not asked twice
    panel.set_statements("30003", [statement(5), statement(6)], False)
    assert panel.table.model().rowCount() == 2
    combo.setCurrentIndex(0)
    assert cells(panel.table, 0)[1] == "+10.00 EUR"


def test_a_balance_change_is_explained_by_the_statements_between_the_readings(
    panel: StatementsPanel,
) -> None:
    panel.set_statements(
        "14471",
        [
            statement(1, "5.00", date=T0 - 10),  # before the last known balance
            statement(2, "20.00", date=T0 + 5),
            statement(3, "2.50", direction="out", date=T0 + 20, details="<b>fee</b>"),
            statement(4, "9.99", currency="USD", date=T0 + 7),
            statement(5, "1.00", date=T0 + 40),  # after the new reading
        ],
        False,
    )
    found = panel.explain_change("14471", "EUR", T0, T0 + 30, Decimal("17.50"))
    assert [s.id for s in found.statements] == [2, 3]
    assert found.total == Decimal("17.50")
    assert found.complete
    tooltip = panel.change_tooltip("14471", "EUR", T0, T0 + 30, Decimal("17.50"))
    assert "+20.00 EUR" in tooltip
    assert "−2.50 EUR" in tooltip
    assert "&lt;b&gt;fee&lt;/b&gt;" in tooltip
    assert "Not explained" not in tooltip

    partial = panel.change_tooltip("14471", "EUR", T0, T0 + 30, Decimal("20.00"))
    assert "Not explained by known transactions: 2.50 EUR" in partial
    assert panel.change_tooltip("14471", "EUR", T0 + 100, T0 + 200) == ""
    assert panel.change_tooltip("99999", "EUR", T0, T0 + 30) == ""


def test_pages_from_a_real_history_store_fill_the_table_in_order(
    qtbot: QtBot, panel: StatementsPanel, tmp_path: Path
) -> None:
    with HistoryStore(tmp_path / "history.sqlite3") as store:
        stored = [statement(i) for i in range(1, 121)]
        assert store.record_statements("demo", "14471", stored) == 120

        def load(wallet_id: str, before: object) -> None:
            assert before is None or isinstance(before, int)
            page = store.statements("demo", wallet_id, 40, before_date=before)
            panel.append_page(wallet_id, page, has_more=len(page) == 40)

        panel.moreRequested.connect(load)
        panel.show()
        qtbot.waitExposed(panel)
        panel.set_wallets([("14471", "14471")])
        bar = panel.table.verticalScrollBar()
        for _ in range(5):
            qtbot.waitUntil(lambda: bar.maximum() > 0)
            bar.setValue(bar.maximum())
        model = panel.table.model()
        assert model.rowCount() == 120
        dates = [panel.model.statement(r).date for r in range(120)]
        assert dates == sorted(dates, reverse=True)
        assert panel.status_text() == "120 transaction(s), all shown."


def test_new_statements_on_top_keep_the_selection_and_a_late_one_lands_in_date_order(
    panel: StatementsPanel,
) -> None:
    panel.set_statements("14471", [statement(i) for i in range(1, 6)], False)
    panel.table.selectRow(2)  # statement 3
    panel.set_statements("14471", [statement(7), statement(6)], False)
    selected = {index.row() for index in panel.table.selectionModel().selectedIndexes()}
    assert selected == {4}
    assert panel.model.statement(4).id == 3  # the same statement, two rows lower

    late = statement(99, date=T0 + 3 * 60 + 30)  # posted now, dated between 3 and 4
    panel.set_statements("14471", [late], False)
    assert [panel.model.statement(r).id for r in range(8)] == [7, 6, 5, 4, 99, 3, 2, 1]


def test_the_new_tint_has_a_dark_variant_for_dark_palettes(
    qtbot: QtBot, panel: StatementsPanel
) -> None:
    palette = panel.palette()
    palette.setColor(QPalette.ColorRole.Base, QColor(30, 30, 30))
    panel.setPalette(palette)
    panel.show()
    panel.set_statements("14471", [statement(1)], False)
    panel.set_statements("14471", [statement(2)], False)
    tint = panel.model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole).color()
    assert tint.lightness() < 128  # dark enough for the palette's light text
    assert tint == QColor("#5c4b12")
