"""The window's own ``QSettings``: geometry and state, in the same file as the profiles.

The profiles are read and written by the Qt-free ``ProfileStore``; the window keeps using
``QSettings`` for what only it needs (``[window]`` with ``@ByteArray`` values). Both point at
``settings_path()``, and each leaves the other's lines alone.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from wallet_gui.core.profiles import settings_path


def window_settings() -> QSettings:
    """A ``QSettings`` on the app's settings file (INI format, path from ``settings_path``)."""
    return QSettings(str(settings_path()), QSettings.Format.IniFormat)
