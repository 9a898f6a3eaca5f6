"""Marks the core's English texts that the window shows translated, without importing Qt.

The core stays Qt-free and speaks English: ``check``, the exporter and the logs print what
it returns, whatever the locale. Some of its texts also reach the window (an error report's
title, the poll status's message). Those are written as ``QT_TRANSLATE_NOOP(context, text)``:
at run time the call returns ``text`` unchanged, and ``pyside6-lupdate`` recognises the name
and collects ``(context, text)`` into the ``.ts`` files. The window translates the same
English text when it shows it (``wallet_gui.ui.core_texts``), so a text that was never
marked (server text) is simply shown as it came. The marker itself lives in the API layer
(``wallet_gui.api.translatable``), whose error messages are marked the same way. Sentences the
core builds from parts take a ``translate`` function instead (``Translate``; English by
default), so that each language can order the parts its own way.
"""

from __future__ import annotations

from collections.abc import Callable

# One marker for the whole package: the API layer marks its error messages with it too.
from wallet_gui.api.translatable import QT_TRANSLATE_NOOP

#: ``(context, English text) -> text``, for core functions that build sentences from parts:
#: they call it (by this name, which ``pyside6-lupdate`` knows) on each English template;
#: the window passes ``QCoreApplication.translate``, everything else keeps ``english``.
Translate = Callable[[str, str], str]


def english(context: str, source: str) -> str:
    """The default ``Translate``: the English text, unchanged."""
    del context
    return source


__all__ = ["QT_TRANSLATE_NOOP", "Translate", "english"]
