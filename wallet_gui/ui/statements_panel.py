"""The Transactions tab: a wallet's statements, newest first, older pages loaded on scroll.

The panel never fetches: it asks for pages with ``moreRequested`` and is handed them with
``set_statements`` (the newest page) and ``append_page`` (an older one). It asks once per
page: while a request is pending, scrolling asks nothing more, and a wallet whose last page
said "no more" asks nothing at all. Statements that arrive after a wallet's first load (a new
newest page) are tinted, like the balances table's changed amounts, until they have been on
screen for ``highlight_ms`` (a tint that fades while the tab is hidden would go unseen).

It also answers "why did this balance change" (``explain_change``) from the statements it
holds, for the balances table's tooltip.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtGui import QHideEvent, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wallet_gui.api.models import Statement
from wallet_gui.ui.copying import TableCopying
from wallet_gui.ui.plain_text import cell_text, plain_label
from wallet_gui.ui.statements_model import (
    DETAILS_COLUMN,
    Explanation,
    StatementsModel,
    explaining,
    explanation_tooltip,
)
from wallet_gui.ui.tones import CHANGED_BACKGROUND, background_for

# (light palette, dark palette): the balances table's tint for what changed.


@dataclass
class _Wallet:
    """What the panel knows of one wallet's statements and their paging."""

    statements: dict[int, Statement] = field(default_factory=dict)
    new: set[int] = field(default_factory=set)
    loaded: bool = False
    has_more: bool = False
    cursor: object = None  # what the next (older) page is asked for with
    pending: bool = False


class StatementsPanel(QWidget):
    """A wallet chooser over the chosen wallet's statements.

    Constructor: ``StatementsPanel(parent=None, *, highlight_ms=60000)``.

    Methods and slots:
        set_wallets(Sequence[tuple[str, str]]): the wallets to offer, as (id, label).
        set_statements(wallet_id, statements, has_more, next_cursor=None): the newest page;
            after the wallet's first load, unseen statements are new (highlighted).
        append_page(wallet_id, statements, has_more, next_cursor=None): an older page.
        request_failed(wallet_id): the pending request failed; scrolling may ask again.
        explain_change(wallet_id, currency, since, until, change=None) -> Explanation.
        change_tooltip(wallet_id, currency, since, until, change=None) -> str (escaped).
        clear(): forget everything (another profile).

    Signals:
        moreRequested(str, object): load the page of ``wallet_id`` before the cursor: the
            ``next_cursor`` given with its last page, else the oldest date held (UNIX
            seconds); ``None`` asks for the newest page (a wallet chosen before any load).
        walletChanged(str): the user chose another wallet.
    """

    moreRequested = Signal(str, object)
    walletChanged = Signal(str)

    #: How long new statements stay tinted once on screen, in milliseconds.
    HIGHLIGHT_MS = 60_000
    #: Ask for the next page when the view is within this many rows of the bottom.
    NEAR_BOTTOM_ROWS = 5

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        highlight_ms: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("statementsPanel")
        self._wallets: dict[str, _Wallet] = {}
        self._shown: str | None = None  # the wallet whose statements the model holds
        self._highlight_ms = highlight_ms if highlight_ms is not None else self.HIGHLIGHT_MS

        self._highlight_timer = QTimer(self)
        self._highlight_timer.setObjectName("statementsHighlightTimer")
        self._highlight_timer.setSingleShot(True)
        self._highlight_timer.timeout.connect(self._expire_highlights)

        self._chooser = QComboBox(self)
        self._chooser.setObjectName("statementsWalletCombo")
        self._chooser.setToolTip(self.tr("Whose transactions the table shows"))
        self._chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._chooser.currentIndexChanged.connect(self._on_wallet_chosen)
        chooser_label = QLabel(self.tr("&Wallet:"), self)
        chooser_label.setBuddy(self._chooser)

        self._model = StatementsModel(self)
        self._table = QTableView(self)
        self._table.setObjectName("statementsTable")
        self._table.setModel(self._model)
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self._table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self._table.setAlternatingRowColors(True)
        self._table.setWordWrap(False)
        self._table.verticalHeader().hide()
        # Pixels, not rows: "near the bottom" below is measured in pixels.
        self._table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self._table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DETAILS_COLUMN, QHeaderView.ResizeMode.Stretch)
        self._copying = TableCopying(self._table, "Statements")
        bar = self._table.verticalScrollBar()
        bar.valueChanged.connect(self._check_bottom)
        bar.rangeChanged.connect(self._check_bottom)

        self._status = plain_label("statementsStatus", parent=self, wrap=False)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(chooser_label)
        top.addWidget(self._chooser)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self._table, 1)
        layout.addWidget(self._status)
        self._update_status()

    # -- public API ----------------------------------------------------------------------

    @property
    def table(self) -> QTableView:
        return self._table

    @property
    def model(self) -> StatementsModel:
        return self._model

    @property
    def copying(self) -> TableCopying:
        return self._copying

    @property
    def wallet_id(self) -> str | None:
        """The wallet shown, or None before any."""
        data = self._chooser.currentData()
        return str(data) if data is not None else None

    def is_pending(self, wallet_id: str) -> bool:
        state = self._wallets.get(wallet_id)
        return state is not None and state.pending

    def status_text(self) -> str:
        return self._status.text()

    @Slot(object)
    def set_wallets(self, wallets: Sequence[tuple[str, str]]) -> None:
        """Offer these wallets (id, label), keeping the current choice when it stays."""
        current = self.wallet_id
        self._chooser.blockSignals(True)
        try:
            self._chooser.clear()
            for wallet_id, label in wallets:
                self._chooser.addItem(cell_text(label or wallet_id, 80), wallet_id)
                self._wallets.setdefault(wallet_id, _Wallet())
            index = self._chooser.findData(current) if current is not None else -1
            self._chooser.setCurrentIndex(index if index >= 0 else 0)
        finally:
            self._chooser.blockSignals(False)
        if self.wallet_id != current:
            self._on_wallet_chosen(self._chooser.currentIndex())

    def set_statements(
        self,
        wallet_id: str,
        statements: Sequence[Statement],
        has_more: bool,
        next_cursor: object = None,
    ) -> None:
        """The newest page of ``wallet_id``. The first one sets the paging; a later one only
        adds what was not there (tinted as new) and keeps the older pages and their paging."""
        state = self._state(wallet_id)
        fresh = [s for s in statements if s.id not in state.statements]
        first_load = not state.loaded
        for statement in fresh:
            state.statements[statement.id] = statement
        if first_load:  # the answer to the first request; a later one leaves paging alone
            state.loaded, state.pending = True, False
            state.has_more, state.cursor = has_more, next_cursor
        else:
            state.new.update(s.id for s in fresh)
        self._show_added(wallet_id, fresh, new=not first_load)
        if not first_load and fresh and self.isVisible():
            self._highlight_timer.start(self._highlight_ms)  # seen from now on
        self._update_status()
        self._rows_changed()

    def append_page(
        self,
        wallet_id: str,
        statements: Sequence[Statement],
        has_more: bool,
        next_cursor: object = None,
    ) -> None:
        """An older page of ``wallet_id`` (the answer to ``moreRequested``)."""
        state = self._state(wallet_id)
        state.pending = False
        state.loaded = True
        state.has_more, state.cursor = has_more, next_cursor
        fresh = [s for s in statements if s.id not in state.statements]
        for statement in fresh:
            state.statements[statement.id] = statement
        self._show_added(wallet_id, fresh, new=False)
        self._update_status()
        self._rows_changed()

    def request_failed(self, wallet_id: str) -> None:
        """The pending request of ``wallet_id`` failed: scrolling to the bottom asks again."""
        state = self._wallets.get(wallet_id)
        if state is not None:
            state.pending = False
        self._update_status()

    def explain_change(
        self,
        wallet_id: str,
        currency: str,
        since: float,
        until: float,
        change: Decimal | None = None,
    ) -> Explanation:
        """The statements held of ``wallet_id`` and ``currency`` dated after ``since`` and up
        to ``until`` (the last known balance and the new one), with what they add up to."""
        state = self._wallets.get(wallet_id)
        held = state.statements.values() if state is not None else ()
        return explaining(held, currency, since, until, change)

    def change_tooltip(
        self,
        wallet_id: str,
        currency: str,
        since: float,
        until: float,
        change: Decimal | None = None,
    ) -> str:
        """A tooltip (escaped rich text) listing the statements behind a balance change;
        empty when none is known."""
        found = self.explain_change(wallet_id, currency, since, until, change)
        return explanation_tooltip(found, currency)

    @Slot()
    def clear(self) -> None:
        self._wallets.clear()
        self._shown = None
        self._highlight_timer.stop()
        self._chooser.blockSignals(True)
        self._chooser.clear()
        self._chooser.blockSignals(False)
        self._model.set_statements((), ())
        self._update_status()

    # -- internals -----------------------------------------------------------------------

    def _state(self, wallet_id: str) -> _Wallet:
        state = self._wallets.get(wallet_id)
        if state is None:
            state = self._wallets[wallet_id] = _Wallet()
        if self._chooser.findData(wallet_id) < 0:
            # Quietly: the caller is about to hand over this wallet's statements.
            self._chooser.blockSignals(True)
            self._chooser.addItem(cell_text(wallet_id, 80), wallet_id)
            self._chooser.blockSignals(False)
        return state

    def _show_added(self, wallet_id: str, fresh: list[Statement], *, new: bool) -> None:
        """Put ``fresh`` statements of ``wallet_id`` on screen if it is the one shown."""
        if wallet_id != self.wallet_id:
            return
        if self._shown != wallet_id:  # chosen quietly (the first wallet): show all it has
            self._shown = wallet_id
            state = self._wallets[wallet_id]
            self._model.set_statements(tuple(state.statements.values()), state.new)
        else:
            self._model.add(fresh, new=new)

    def showEvent(self, event: QShowEvent) -> None:
        """New statements stay tinted until they have been on screen for a while."""
        super().showEvent(event)
        # The balances table's tint for a changed amount: new here means changed there.
        palette, base = self.palette(), QPalette.ColorRole.Base
        self._model.set_highlight(background_for(CHANGED_BACKGROUND, palette, base))
        if any(state.new for state in self._wallets.values()):
            self._highlight_timer.start(self._highlight_ms)
        self._check_bottom()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._highlight_timer.stop()  # unseen: the tint waits for the next show

    @Slot(int)
    def _on_wallet_chosen(self, _index: int) -> None:
        wallet_id = self.wallet_id
        if wallet_id is None:
            return
        state = self._wallets.setdefault(wallet_id, _Wallet())
        self._shown = wallet_id
        self._model.set_statements(tuple(state.statements.values()), state.new)
        self._table.scrollToTop()
        self.walletChanged.emit(wallet_id)
        if not state.loaded and not state.pending:
            state.pending = True
            self.moreRequested.emit(wallet_id, None)
        self._update_status()
        self._rows_changed()

    def _rows_changed(self) -> None:
        """Rows came or went: lay them out now (Qt would later), then see whether the view
        shows the bottom, e.g. a first page too short to fill it."""
        if self._table.isVisible():
            self._table.doItemsLayout()  # updates the scroll bar's range at once
        self._check_bottom()

    @Slot()
    def _check_bottom(self) -> None:
        """Near the bottom of a wallet with more pages and nothing pending: ask for one."""
        wallet_id = self.wallet_id
        state = self._wallets.get(wallet_id) if wallet_id is not None else None
        if wallet_id is None or state is None or not self._table.isVisible():
            return
        if not state.loaded or not state.has_more or state.pending:
            return
        bar = self._table.verticalScrollBar()
        row_height = max(1, self._table.verticalHeader().defaultSectionSize())
        near = self.NEAR_BOTTOM_ROWS * row_height
        if bar.maximum() - bar.value() > near:
            return
        cursor = state.cursor
        if cursor is None and state.statements:
            cursor = min(s.date for s in state.statements.values())
        state.pending = True
        self._update_status()
        self.moreRequested.emit(wallet_id, cursor)

    @Slot()
    def _expire_highlights(self) -> None:
        for state in self._wallets.values():
            state.new.clear()
        self._model.forget_new()

    def _update_status(self) -> None:
        wallet_id = self.wallet_id
        state = self._wallets.get(wallet_id) if wallet_id is not None else None
        count = self._model.rowCount()
        if state is None:
            text = self.tr("No wallet to show.")
        elif state.pending and not count:
            text = self.tr("Loading transactions…")
        elif not count:
            text = self.tr("No transactions.")
        elif state.pending:
            text = self.tr("%n transaction(s) shown; loading older ones…", "", count)
        elif state.has_more:
            text = self.tr("%n transaction(s) shown; scroll down for older ones.", "", count)
        else:
            text = self.tr("%n transaction(s), all shown.", "", count)
        self._status.setText(text)
