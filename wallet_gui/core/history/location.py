"""Where the history database lives when nobody says otherwise."""

from __future__ import annotations

import os
import sys
from pathlib import Path

FILE_NAME = "history.sqlite3"


def data_folder() -> Path:
    """``$XDG_DATA_HOME/wallet-gui``, else the platform's data folder.

    ``$XDG_DATA_HOME`` wins on every platform (tests and sandboxed runs set it); otherwise
    ``~/.local/share`` on Linux and other Unixes, ``~/Library/Application Support`` on macOS
    and ``%LOCALAPPDATA%`` on Windows. Resolved on every call, never cached.
    """
    base = os.environ.get("XDG_DATA_HOME")
    if not base and sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
    elif not base and sys.platform == "darwin":
        base = str(Path.home() / "Library" / "Application Support")
    elif not base:
        base = str(Path.home() / ".local" / "share")
    return Path(base) / "wallet-gui"


def default_history_path() -> Path:
    """``<data folder>/wallet-gui/history.sqlite3``; the folder may not exist yet."""
    return data_folder() / FILE_NAME
