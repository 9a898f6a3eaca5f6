"""The one failure type of the history store.

Every ``sqlite3`` and ``OSError`` failure of the store becomes a ``HistoryError`` whose
``str()`` is one line naming the database file and the reason, so the window and the
command line show it as they show any other ``WalletError``. Nothing the store holds is
secret, and the message quotes no stored value.
"""

from __future__ import annotations

from pathlib import Path

from wallet_gui.api.errors import WalletError, one_line
from wallet_gui.core.translatable import QT_TRANSLATE_NOOP

#: The message for each thing the store does, marked so the window can translate it
#: (``{0}``: the database file, ``{1}``: the reason, as SQLite or the system says it).
_MESSAGES = {
    "create": QT_TRANSLATE_NOOP("WalletError", "cannot create the history {0}: {1}"),
    "open": QT_TRANSLATE_NOOP("WalletError", "cannot open the history {0}: {1}"),
    "read": QT_TRANSLATE_NOOP("WalletError", "cannot read the history {0}: {1}"),
    "write": QT_TRANSLATE_NOOP("WalletError", "cannot write the history {0}: {1}"),
}


class HistoryError(WalletError):
    """The history database could not be opened, read or written."""

    def __init__(self, action: str, path: Path | str, reason: str) -> None:
        template = _MESSAGES.get(action)
        if template is None:  # an action without a marked message: English only
            super().__init__(f"cannot {action} the history {path}: {reason}")
        else:
            super().__init__(template=template, args=(str(path), reason))
        self.action, self.path, self.reason = action, Path(path), reason

    def __str__(self) -> str:  # a long path must not cut off the reason
        return one_line(str(self.args[0]), 1000)

    def __reduce__(self) -> tuple[type[HistoryError], tuple[str, Path, str]]:
        return type(self), (self.action, self.path, self.reason)


def reason_of(error: BaseException) -> str:
    """A few words for why an ``sqlite3`` or OS call failed, without a traceback."""
    text = str(error).strip().rstrip(".") or type(error).__name__
    return one_line(text, 200)
