"""Every status colour of the window in one place, readable on light and dark palettes.

Error, warning and good texts, the state dot, the clock badges, the keyring warning and the
"changed" highlight each have a variant for a light palette and one for a dark palette. Which
one is used depends on the background actually drawn on (the palette's colour for that
role), not on a setting, so the window follows the system's colour scheme: when the scheme
changes, Qt changes the application palette, and widgets re-style themselves on the
``PaletteChange`` event (see :func:`is_palette_change`).

Readability is WCAG 2's: text needs a contrast ratio of at least 4.5:1 against its
background (relative luminance, https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio). The fixed
colours meet it on every reference background below (``tests/ui/test_tones.py`` checks each
pair); on an unusual palette :func:`readable` moves a colour towards black or white just far
enough to meet it anyway.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor, QPalette

#: WCAG 2 AA for normal text.
MIN_TEXT_CONTRAST: Final = 4.5

#: Backgrounds the light and dark variants are checked against: Qt's standard light palette
#: (Window, Base, AlternateBase) and a little darker; near-black to mid-dark greys of common
#: dark themes (Fusion's, Breeze's, Adwaita's windows and views).
LIGHT_SURFACES: Final = ("#ffffff", "#f7f7f7", "#efefef", "#e8e8e8")
DARK_SURFACES: Final = ("#000000", "#191919", "#1e1e1e", "#2a2a2a", "#323232", "#3c3c3c")
#: The palette's own text colour on a light and on a dark palette, for tints text is drawn on.
LIGHT_PALETTE_TEXT: Final = "#000000"
DARK_PALETTE_TEXT: Final = "#ffffff"


@dataclass(frozen=True, slots=True)
class Shade:
    """One colour in a variant for light palettes and one for dark palettes (``#rrggbb``)."""

    light: str
    dark: str

    def on(self, dark: bool) -> str:
        return self.dark if dark else self.light


@dataclass(frozen=True, slots=True)
class Pair:
    """A text colour with the background it is drawn on."""

    background: str
    text: str


@dataclass(frozen=True, slots=True)
class PairShade:
    """A background-and-text pair for light palettes and one for dark palettes."""

    light: Pair
    dark: Pair

    def on(self, dark: bool) -> Pair:
        return self.dark if dark else self.light


#: Texts (and the status bar's state dot) drawn straight on the window or a table's base.
#: Keys are the status line's ``Tone`` values.
TEXT_TONES: Final[dict[str, Shade]] = {
    "good": Shade("#1a6b2e", "#6fd58a"),
    "warning": Shade("#8a5a00", "#f0b429"),
    "bad": Shade("#b3261e", "#ff8a80"),
    "idle": Shade("#5c5c5c", "#b0b0b0"),
}

#: The clock panel's badge per level (``ClockLevel`` values): calm, readable, not alarming.
CLOCK_BADGES: Final[dict[str, PairShade]] = {
    "fine": PairShade(Pair("#dcefdc", "#1d5a2a"), Pair("#1f3d26", "#b8e6c1")),
    "risky": PairShade(Pair("#fbeccb", "#6e4a00"), Pair("#4a3a12", "#f5d98f")),
    "failing": PairShade(Pair("#f7d9d7", "#8a1f17"), Pair("#4d2220", "#f4b9b4")),
    "stale": PairShade(Pair("#e4e4e4", "#3a3a3a"), Pair("#3a3a3a", "#d6d6d6")),
}

#: The keyring warning above the Connect form, and its border (a decoration, not text).
WARNING_BANNER: Final = PairShade(Pair("#fff4ce", "#3d2e00"), Pair("#4a3a12", "#f5e3a8"))
WARNING_BORDER: Final = Shade("#e0b000", "#a07c00")

#: The background of a balance that just changed; its text is the palette's own text.
CHANGED_BACKGROUND: Final = Shade("#fff0b3", "#5c4b12")


# -- contrast (WCAG 2) ---------------------------------------------------------------------


def _channel(value: int) -> float:
    srgb = value / 255
    return srgb / 12.92 if srgb <= 0.04045 else ((srgb + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """WCAG relative luminance of ``#rrggbb``: 0 for black, 1 for white."""
    rgb = QColor(colour)
    if not rgb.isValid():
        raise ValueError(f"not a colour: {colour!r}")
    red, green, blue = _channel(rgb.red()), _channel(rgb.green()), _channel(rgb.blue())
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio of two colours, from 1 (the same) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)))[::-1]
    return (lighter + 0.05) / (darker + 0.05)


def is_dark_colour(colour: str) -> bool:
    """Whether white text reads better than black on ``colour``: a dark background."""
    return contrast_ratio(colour, "#ffffff") > contrast_ratio(colour, "#000000")


def is_dark(palette: QPalette, role: QPalette.ColorRole = QPalette.ColorRole.Window) -> bool:
    """Whether the palette's ``role`` (the background drawn on) is dark."""
    return is_dark_colour(palette.color(role).name())


def readable(colour: str, background: str, minimum: float = MIN_TEXT_CONTRAST) -> str:
    """``colour``, or the least change of it towards black or white that reaches
    ``minimum`` contrast on ``background`` (one of the two always reaches 4.58:1)."""
    if contrast_ratio(colour, background) >= minimum:
        return colour
    target = QColor("#ffffff" if is_dark_colour(background) else "#000000")
    start = QColor(colour)
    for step in range(1, 21):
        share = step / 20
        mixed = QColor.fromRgbF(
            start.redF() + (target.redF() - start.redF()) * share,
            start.greenF() + (target.greenF() - start.greenF()) * share,
            start.blueF() + (target.blueF() - start.blueF()) * share,
        ).name()
        if contrast_ratio(mixed, background) >= minimum:
            return mixed
    return target.name()


# -- for widgets ---------------------------------------------------------------------------


def text_colour(
    tone: str, palette: QPalette, role: QPalette.ColorRole = QPalette.ColorRole.Window
) -> QColor:
    """The ``tone``'s text colour (a ``TEXT_TONES`` key) for text on the palette's ``role``."""
    background = palette.color(role).name()
    return QColor(readable(TEXT_TONES[tone].on(is_dark_colour(background)), background))


def text_style(tone: str | None, palette: QPalette) -> str:
    """A style sheet that colours a label's text in ``tone`` on the palette's window;
    none (the palette's own text colour) for no tone."""
    return f"color: {text_colour(tone, palette).name()};" if tone else ""


def pair_for(shade: PairShade, palette: QPalette) -> Pair:
    """The light or the dark pair of ``shade``, as the palette's window is light or dark."""
    return shade.on(is_dark(palette))


def background_for(shade: Shade, palette: QPalette, role: QPalette.ColorRole) -> QColor:
    """A tint (such as ``CHANGED_BACKGROUND``) for the palette's ``role`` area."""
    return QColor(shade.on(is_dark(palette, role)))


def is_palette_change(event: QEvent) -> bool:
    """The events after which colours taken from the palette must be taken again."""
    return event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)


__all__ = [
    "CHANGED_BACKGROUND",
    "CLOCK_BADGES",
    "DARK_SURFACES",
    "LIGHT_SURFACES",
    "MIN_TEXT_CONTRAST",
    "TEXT_TONES",
    "WARNING_BANNER",
    "WARNING_BORDER",
    "Pair",
    "PairShade",
    "Shade",
    "background_for",
    "contrast_ratio",
    "is_dark",
    "is_dark_colour",
    "is_palette_change",
    "pair_for",
    "readable",
    "relative_luminance",
    "text_colour",
    "text_style",
]
