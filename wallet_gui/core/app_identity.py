"""Who the app is to the desktop: its application id, and where its icon and desktop files are.

One reverse-DNS id names the app everywhere a desktop looks for it: the ``.desktop`` file's
name (``QGuiApplication.setDesktopFileName``, so Wayland compositors and task bars match
windows to it), the AppStream metainfo's ``<id>``, and the icon's name in the hicolor theme.
The files ship inside the package (``wallet_gui/resources``), so an installed copy, a pipx
install or the frozen build can install them for the user (``wallet-gui install-desktop``).
Qt-free: the installer command runs without loading Qt.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

#: The reverse-DNS application id; ``packaging/linux`` names its files after it.
APP_ID = "io.github.walletgui.WalletGui"
#: The icon's sizes in pixels, each a PNG rendered from the SVG (resources/make_icons.py).
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def icon_svg_path() -> Path:
    return RESOURCES / "icons" / "wallet-gui.svg"


def icon_png_path(size: int) -> Path:
    return RESOURCES / "icons" / f"wallet-gui-{size}.png"


def desktop_entry_path() -> Path:
    """The ``.desktop`` file as shipped (``Exec=wallet-gui``, found on PATH)."""
    return RESOURCES / "linux" / f"{APP_ID}.desktop"


def metainfo_path() -> Path:
    return RESOURCES / "linux" / f"{APP_ID}.metainfo.xml"


def instance_server_path(settings_file: Path) -> Path:
    """Where the running window listens, so that a second launch shows it instead.

    One window per user and settings file: the user's runtime folder (private to them),
    else the temporary folder with the user id in the name; the settings file's path,
    hashed, tells apart two configurations of one user (tests, a sandboxed copy).
    """
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    folder = Path(runtime) if runtime and os.path.isdir(runtime) else Path(tempfile.gettempdir())
    user = f"-{os.getuid()}" if hasattr(os, "getuid") else ""
    digest = hashlib.sha256(str(settings_file.absolute()).encode("utf-8")).hexdigest()[:16]
    return folder / f"{APP_ID}{user}-{digest}.instance"
