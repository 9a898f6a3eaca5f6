"""The rows of the Transactions table: one wallet's statements, newest first, as a Qt model.

A model rather than a table widget, because a wallet's history can grow to thousands of
statements page by page: appending a page inserts rows, it does not rebuild every cell.
Amounts stay ``Decimal`` up to the text (``format_money``, signed by direction); every text
that came from the server (details, names, type) is shown as a one-line excerpt and never
interpreted as markup (the tooltip is escaped by ``plain_tooltip``).

``explaining`` (Qt-free) answers "why did this balance change": the statements of a
currency dated between two balance readings, and whether they add up to the change.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from wallet_gui.api.models import Statement
from wallet_gui.ui.copying import FULL_TEXT_ROLE
from wallet_gui.ui.formatting import format_money
from wallet_gui.ui.plain_text import FULL_TEXT_CHARS, capped, cell_text, plain_tooltip

DATE_COLUMN = 0
AMOUNT_COLUMN = 1
DIRECTION_COLUMN = 2
PARTY_COLUMN = 3
DETAILS_COLUMN = 4
TYPE_COLUMN = 5
COLUMN_COUNT = 6

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_Index = QModelIndex | QPersistentModelIndex


def newest_first(statements: Iterable[Statement]) -> list[Statement]:
    """Newest first; statements of the same second by id, highest (latest) first."""
    return sorted(statements, key=lambda s: (s.date, s.id), reverse=True)


def format_date(date: int) -> str:
    """Local ``2026-11-29 19:04``: a statement's date to the minute, with its day."""
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(date))


def party_text(statement: Statement) -> str:
    """The other party's name, else its account or code; empty when the API names none."""
    party = statement.other_party
    if party is None:
        return ""
    for text in (party.name, party.account_number, *party.ibans, party.code):
        if text:
            return text
    return ""


def signed_money(statement: Statement) -> str:
    """``+12.50 EUR`` in, ``−12.50 EUR`` out: the amount as it changed the balance."""
    text = format_money(statement.signed_amount, statement.currency)
    return text if statement.direction == "out" else f"+{text}"


def statement_line(statement: Statement) -> str:
    """``2026-11-29 19:04  −12.00 EUR  Coffee``: one statement on one line (a tooltip's)."""
    money = signed_money(statement)
    return f"{format_date(statement.date)}  {money}  {cell_text(statement.details, 60)}"


@dataclass(frozen=True, slots=True)
class Explanation:
    """The statements behind a balance change and how much of the change they account for."""

    statements: tuple[Statement, ...]
    total: Decimal  # the sum of their signed amounts
    change: Decimal | None  # the balance change they should explain, when known

    @property
    def complete(self) -> bool:
        """They add up to the change exactly (``False`` when the change is not known)."""
        return self.change is not None and self.total == self.change


def explaining(
    statements: Iterable[Statement],
    currency: str,
    since: float,
    until: float,
    change: Decimal | None = None,
) -> Explanation:
    """The statements of ``currency`` dated after ``since`` and up to ``until`` (the two
    balance readings), oldest first, with their total against ``change``."""
    found = [s for s in statements if s.currency == currency and since < s.date <= until]
    found.sort(key=lambda s: (s.date, s.id))
    total = sum((s.signed_amount for s in found), Decimal(0))
    return Explanation(tuple(found), total, change)


class StatementsModel(QAbstractTableModel):
    """One wallet's statements, newest first; rows of ``new_ids`` get ``highlight``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Statement] = []
        self._ids: set[int] = set()
        self._new: set[int] = set()
        self._highlight = QBrush(QColor("#fff0b3"))
        self._headers = (
            self.tr("Date"),
            self.tr("Amount"),
            self.tr("Direction"),
            self.tr("Other party"),
            self.tr("Details"),
            self.tr("Type"),
        )

    # -- contents ------------------------------------------------------------------------

    @property
    def statements(self) -> tuple[Statement, ...]:
        return tuple(self._rows)

    def statement(self, row: int) -> Statement:
        return self._rows[row]

    def set_statements(self, statements: Sequence[Statement], new_ids: Iterable[int]) -> None:
        """Show these (any order, duplicates dropped); ``new_ids`` are highlighted."""
        self.beginResetModel()
        unique = {s.id: s for s in statements}
        self._rows = newest_first(unique.values())
        self._ids = set(unique)
        self._new = set(new_ids) & self._ids
        self.endResetModel()

    def add(self, statements: Sequence[Statement], *, new: bool) -> int:
        """Merge ``statements`` in (those already shown are skipped); returns how many were
        added. ``new`` ones are highlighted. A page of older ones lands at the end and new ones
        on top, inserted as rows rather than by resetting the table, so the selection and the
        scroll position stay."""
        fresh = newest_first({s.id: s for s in statements if s.id not in self._ids}.values())
        if not fresh:
            return 0
        if not self._rows or self._key(fresh[0]) < self._key(self._rows[-1]):
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(fresh) - 1)
            self._rows.extend(fresh)
            self._ids.update(s.id for s in fresh)
            self._take_new(fresh, new)
            self.endInsertRows()
        elif self._key(fresh[-1]) > self._key(self._rows[0]):  # newer ones: on top
            self.beginInsertRows(QModelIndex(), 0, len(fresh) - 1)
            self._rows[0:0] = fresh
            self._ids.update(s.id for s in fresh)
            self._take_new(fresh, new)
            self.endInsertRows()
        else:  # interleaved (rare: a late statement dated in the past)
            self.beginResetModel()
            self._rows = newest_first([*self._rows, *fresh])
            self._ids.update(s.id for s in fresh)
            self._take_new(fresh, new)
            self.endResetModel()
        return len(fresh)

    def _take_new(self, fresh: list[Statement], new: bool) -> None:
        if new:
            self._new.update(s.id for s in fresh)

    @staticmethod
    def _key(statement: Statement) -> tuple[int, int]:
        return statement.date, statement.id

    @property
    def new_ids(self) -> frozenset[int]:
        return frozenset(self._new)

    def forget_new(self) -> None:
        """Stop highlighting every row."""
        if not self._new:
            return
        self._new.clear()
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self._rows) - 1, COLUMN_COUNT - 1),
                [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole],
            )

    def set_highlight(self, colour: QColor) -> None:
        self._highlight = QBrush(colour)

    # -- QAbstractTableModel -------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if section == AMOUNT_COLUMN else _LEFT
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        statement = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(self._text(statement, column))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(statement, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column == AMOUNT_COLUMN else _LEFT
        if role == Qt.ItemDataRole.BackgroundRole and statement.id in self._new:
            return self._highlight
        if role == FULL_TEXT_ROLE:  # what a copy takes: the whole text
            return capped(self._text(statement, column), FULL_TEXT_CHARS)
        return None

    def _text(self, statement: Statement, column: int) -> str:
        if column == DATE_COLUMN:
            return format_date(statement.date)
        if column == AMOUNT_COLUMN:
            return signed_money(statement)
        if column == DIRECTION_COLUMN:
            if statement.direction == "in":
                return self.tr("In")
            return self.tr("Out") if statement.direction == "out" else statement.direction
        if column == PARTY_COLUMN:
            return party_text(statement)
        if column == DETAILS_COLUMN:
            return statement.details
        return statement.type

    def _tooltip(self, statement: Statement, column: int) -> str:
        text = self._text(statement, column)
        if column == PARTY_COLUMN and statement.other_party is not None:
            party = statement.other_party
            lines = [party.name, party.code, party.bic, party.account_number, *party.ibans]
            text = "\n".join(line for line in lines if line)
        if statement.id in self._new:
            text = self.tr("New since this window opened") + ("\n" + text if text else "")
        return plain_tooltip(text)


def explanation_tooltip(found: Explanation, currency: str, limit: int = 10) -> str:
    """The tooltip (escaped rich text) listing ``found``'s newest ``limit`` statements and
    what they leave unexplained; empty when there are none."""
    if not found.statements:
        return ""

    translate = QCoreApplication.translate  # lupdate knows this name, not a local tr()
    lines = [statement_line(s) for s in found.statements[-limit:]]
    if len(found.statements) > limit:
        earlier = translate("StatementsPanel", "… and {0} earlier")
        lines.insert(0, earlier.format(len(found.statements) - limit))
    if found.change is not None and not found.complete:
        rest = format_money(found.change - found.total, currency)
        unexplained = translate("StatementsPanel", "Not explained by known transactions: {0}")
        lines.append(unexplained.format(rest))
    heading = translate("StatementsPanel", "Transactions behind this change:")
    return plain_tooltip("\n".join([heading, *lines]))
