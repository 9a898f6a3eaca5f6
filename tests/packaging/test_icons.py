"""The app icon: one SVG, PNGs of every size rendered from it, one QIcon for window and tray."""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from tests.packaging.conftest import REPO
from wallet_gui.core.app_identity import ICON_SIZES, icon_png_path, icon_svg_path
from wallet_gui.ui.app_icon import app_icon


def _make_icons_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "make_icons", REPO / "resources" / "make_icons.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_svg_is_square_and_well_formed() -> None:
    root = ET.parse(icon_svg_path()).getroot()
    assert root.tag.endswith("svg")
    _, _, width, height = root.attrib["viewBox"].split()
    assert width == height


@pytest.mark.parametrize("size", ICON_SIZES)
def test_each_png_is_the_svg_rendered_at_its_size(qtbot: QtBot, size: int) -> None:
    """Fails when the SVG changed and resources/make_icons.py was not run again."""
    shipped = QImage(str(icon_png_path(size)))
    assert shipped.size() == QSize(size, size)
    fresh = _make_icons_module().render(size).convertToFormat(shipped.format())
    differing = sum(
        1
        for y in range(size)
        for x in range(size)
        if _distance(shipped.pixel(x, y), fresh.pixel(x, y)) > 8
    )
    assert differing <= size * size // 100, f"{differing} pixels differ at {size} px"


def _distance(a: int, b: int) -> int:
    return max(abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)) for shift in (0, 8, 16, 24))


@pytest.mark.parametrize("size", [16, 256])
def test_the_icon_is_drawn_with_a_transparent_corner_and_an_opaque_middle(size: int) -> None:
    image = QImage(str(icon_png_path(size)))
    assert image.hasAlphaChannel()
    assert image.pixelColor(0, size - 1).alpha() == 0  # nothing drawn in the corner
    assert image.pixelColor(size // 3, size // 2).alpha() == 255  # the wallet's body


def test_the_qicon_offers_every_drawn_size(qtbot: QtBot) -> None:
    icon = app_icon()
    assert {s.width() for s in icon.availableSizes()} == set(ICON_SIZES)
    # Asked for a size it has, Qt returns that bitmap rather than a scaled one.
    assert icon.pixmap(QSize(16, 16)).toImage().convertToFormat(QImage.Format.Format_ARGB32) == (
        QImage(str(icon_png_path(16))).convertToFormat(QImage.Format.Format_ARGB32)
    )
