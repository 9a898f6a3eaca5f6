"""The one failure type of the history store.

Every ``sqlite3`` and ``OSError`` failure of the store becomes a ``HistoryError`` whose
``str()`` is one line naming the database file and the reason, so the window and the
command line show it as they show any other ``WalletError``. Nothing the store holds is
secret, and the message quotes no stored value.
"""

from __future__ import annotations

from pathlib import Path

from wallet_gui.api.errors import WalletError, one_line


class HistoryError(WalletError):
    """The history database could not be opened, read or written."""

    def __init__(self, action: str, path: Path | str, reason: str) -> None:
        super().__init__(f"cannot {action} the history {path}: {reason}")
        self.action, self.path, self.reason = action, Path(path), reason

    def __str__(self) -> str:  # a long path must not cut off the reason
        return one_line(str(self.args[0]), 1000)

    def __reduce__(self) -> tuple[type[HistoryError], tuple[str, Path, str]]:
        return type(self), (self.action, self.path, self.reason)


def reason_of(error: BaseException) -> str:
    """A few words for why an ``sqlite3`` or OS call failed, without a traceback."""
    text = str(error).strip().rstrip(".") or type(error).__name__
    return one_line(text, 200)
