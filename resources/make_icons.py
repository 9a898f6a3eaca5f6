"""Render the app icon's PNG sizes from its SVG: ``python resources/make_icons.py``.

The SVG (``wallet_gui/resources/icons/wallet-gui.svg``) is the one source; the PNGs are
committed because not every place that shows an icon renders SVG (the frozen build's window
manager hints, older desktops' hicolor theme, the tray on some platforms). Each size is
rendered directly from the vector drawing with Qt's own SVG renderer, never scaled down
from a bigger bitmap, so small sizes stay sharp. Run it again after changing the SVG;
``tests/packaging/test_icons.py`` fails when a PNG no longer matches the drawing.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "wallet_gui" / "resources" / "icons"
SVG = ICONS / "wallet-gui.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def png_path(size: int, folder: Path = ICONS) -> Path:
    return folder / f"wallet-gui-{size}.png"


def render(size: int, svg: Path = SVG) -> QImage:
    """The SVG drawn into a transparent size×size image."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"not a valid SVG: {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for size in SIZES:
        target = png_path(size)
        if not render(size).save(str(target), "PNG"):
            sys.stderr.write(f"could not write {target}\n")
            return 1
        sys.stdout.write(f"{target.relative_to(ICONS.parent.parent.parent)}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
