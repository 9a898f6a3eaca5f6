"""Marks English texts that the window shows translated, without importing Qt.

The API layer and the core are Qt-free and speak English: ``check``, the exporter and the logs
print what they return, whatever the locale. Some of their texts also reach the window (an
error's message, an error report's title). Those are written as ``QT_TRANSLATE_NOOP(context,
text)``: at run time the call returns ``text`` unchanged, and ``pyside6-lupdate`` recognises the
name and collects ``(context, text)`` into the ``.ts`` files. The window translates the same
English text when it shows it (``wallet_gui.ui.core_texts``).

An error whose message has variable parts (a host, a number of seconds) keeps the marked
English template and the parts (``WalletError.template`` and ``.template_args``), so the window
translates the template and fills in the same parts. A part that is itself one of our English
phrases ("another origin", "a number") is a ``Phrase``: the window translates it too, while a
part that came from the server is always shown as it came.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # the name lupdate knows
    """``source``, unchanged; marks it for translation in ``context``."""
    del context  # only lupdate reads it
    return source


class Phrase(str):
    """An English phrase of ours, marked in the ``WalletError`` context, used as a part of a
    message: it formats as the English text, and only the window translates it."""

    __slots__ = ()


def phrase(source: str) -> Phrase:
    """``source`` as a ``Phrase``; write it as ``phrase(QT_TRANSLATE_NOOP("WalletError", …))``."""
    return Phrase(source)


__all__ = ["QT_TRANSLATE_NOOP", "Phrase", "phrase"]
