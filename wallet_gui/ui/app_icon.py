"""The app's icon as a ``QIcon``: the window icon (``app.run``) and the tray's.

Built from the shipped PNGs, one per size, so Qt picks the bitmap drawn for the size it needs
(16 px in a title bar, 22–24 px in a tray, 48 px and up in a task switcher) instead of
scaling one picture. Not from the SVG: that would load Qt's SVG icon engine into every start
and exit for sizes the PNGs already cover (the SVG is for the desktop's icon theme, where
``wallet-gui install-desktop`` puts it). Not from the icon theme either: the window shows
the same icon whatever copy of it a theme holds.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from wallet_gui.core.app_identity import ICON_SIZES, icon_png_path


def app_icon() -> QIcon:
    """The icon from the package's own PNGs, every size (empty if they were not installed)."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = icon_png_path(size)
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    return icon


__all__ = ["app_icon"]
