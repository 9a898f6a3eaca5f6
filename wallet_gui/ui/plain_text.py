"""Server text on screen: always plain text, always cut to a size a window can show.

Qt shows a tooltip, and a label left at its default format, as rich text whenever the text
*looks like* HTML (``Qt::mightBeRichText``). For text from the server that is a hazard, not
a feature: ``<img src=file:///dev/zero>`` makes Qt read a local file until memory runs out,
and a few nested ``<table>`` tags take minutes to lay out. So every widget that shows server
text takes it through here:

- labels come from ``plain_label`` (``Qt.TextFormat.PlainText``, links never opened);
- tooltips, which have no plain-text switch, come from ``plain_tooltip``: the text escaped
  and wrapped in a paragraph that keeps its line breaks, so it always renders literally;
- a cell or a label shows an ``excerpt`` (``cell_text`` for a one-line cell), a tooltip a
  longer one, and what is copied keeps the full text up to ``FULL_TEXT_CHARS``.

Plain functions of strings apart from ``plain_label``, so the rules are trivial to test.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

#: Characters of one server text shown in a table cell or a label; the rest is cut off.
EXCERPT_CHARS = 500
#: Characters of one server text in a cell that shares its width with others (a message
#: spanning a table's columns): about one line of a window.
LINE_CHARS = 80
#: Characters of one server text in a tooltip: a few paragraphs, still smaller than a screen.
TOOLTIP_CHARS = 1_000
#: Characters of one server text kept for copying ("Copy details", a table's Copy).
FULL_TEXT_CHARS = 64 * 1024
#: Ends every text that was cut.
ELLIPSIS = "…"

# Unbroken runs longer than this (ids, tokens, URLs) get invisible break opportunities in the
# *displayed* text, so a long token wraps instead of widening its label off the screen.
_SOFT_BREAK_RUN = 40
_ZERO_WIDTH_SPACE = "\u200b"
_LONG_RUN = re.compile(rf"\S{{{_SOFT_BREAK_RUN + 1},}}")
# Everything that would start a new line in a table cell (tabs too: they jump, not space).
_LINE_BREAKS = re.compile("[\r\n\t\v\f\x85\u2028\u2029]+")


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """The first ``limit`` characters of ``text``, then "…" when there was more."""
    if len(text) <= limit:
        return text
    return text[:limit] + ELLIPSIS


def capped(text: str, limit: int = FULL_TEXT_CHARS) -> str:
    """``text`` for copying: all of it up to ``limit`` characters, then a note of the rest."""
    if len(text) <= limit:
        return text
    note = QCoreApplication.translate("PlainText", "({count} more characters left out)")
    return f"{text[:limit]}{ELLIPSIS} {note.format(count=len(text) - limit)}"


def one_line(text: str) -> str:
    """``text`` with each run of line breaks and tabs as one space, for a one-line cell."""
    return _LINE_BREAKS.sub(" ", text)


def cell_text(text: str, limit: int = EXCERPT_CHARS) -> str:
    """What a one-line table cell shows of ``text``: a bounded excerpt on one line."""
    return one_line(excerpt(text, limit))


def breakable(text: str) -> str:
    """``text`` with zero-width spaces inside long unbroken runs (display only, never copied)."""

    def split(match: re.Match[str]) -> str:
        run = match.group(0)
        chunks = [run[i : i + _SOFT_BREAK_RUN] for i in range(0, len(run), _SOFT_BREAK_RUN)]
        return _ZERO_WIDTH_SPACE.join(chunks)

    return _LONG_RUN.sub(split, text)


def plain_tooltip(text: str, limit: int = TOOLTIP_CHARS) -> str:
    """A tooltip that shows ``text`` literally, line breaks kept, cut to ``limit`` characters.

    The result is escaped rich text, so Qt never has to guess; long unbroken runs get soft
    breaks so that the tooltip wraps within the screen. An empty text stays empty (no
    tooltip at all).
    """
    if not text:
        return ""
    lines = excerpt(text, limit).replace("\r\n", "\n").replace("\r", "\n")
    return f"<p style='white-space:pre-wrap'>{html.escape(breakable(lines))}</p>"


def plain_label(
    object_name: str = "",
    *,
    parent: QWidget | None = None,
    wrap: bool = True,
    selectable: bool = True,
) -> QLabel:
    """A label that never interprets markup: server text goes in one of these.

    ``wrap`` makes it a wrapping, horizontally expanding label (pass it ``breakable`` text);
    ``selectable`` lets people select and copy what it says.
    """
    label = QLabel(parent)
    if object_name:
        label.setObjectName(object_name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setOpenExternalLinks(False)
    label.setWordWrap(wrap)
    if wrap:
        label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
