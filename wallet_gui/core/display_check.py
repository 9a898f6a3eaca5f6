"""Is there a display for the window? Asked before Qt is loaded, so the answer is one line.

Qt without a usable platform plugin aborts the whole process (SIGABRT, a core dump, exit
134) after several lines about plugins, the first of which ("xcb-cursor0 is needed") is
misleading when the real cause is that no display exists. On Linux and the BSDs the window
needs X11 (``DISPLAY``) or Wayland (``WAYLAND_DISPLAY``); when neither is set and nobody chose
a platform (``QT_QPA_PLATFORM`` or ``-platform``), the window cannot open, and saying so
plainly is all there is to do.
"""

from __future__ import annotations

from collections.abc import Mapping

from wallet_gui.core.qt_arguments import chosen_platform

#: Where the display comes from environment variables (Linux, the BSDs); macOS and Windows
#: always have their native platform.
_DISPLAY_SYSTEMS = ("linux", "freebsd", "openbsd", "netbsd", "dragonfly")

RUN_HINT = "xvfb-run -a wallet-gui …"


def no_display_message(command: str = RUN_HINT) -> str:
    """The one line said when there is no display; ``command`` shows how to run under Xvfb."""
    return (
        "wallet-gui: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set), so the "
        f"window cannot open; run it in a desktop session, under a virtual one with "
        f"'{command}', or without a screen with QT_QPA_PLATFORM=offscreen"
    )


def missing_display(
    qt_arguments: tuple[str, ...], environ: Mapping[str, str], system: str
) -> str | None:
    """The one-line message when the window has no display to open on, else ``None``.

    ``system`` is ``sys.platform``; ``environ`` the process environment.
    """
    if not system.startswith(_DISPLAY_SYSTEMS):
        return None
    if chosen_platform(qt_arguments) or environ.get("QT_QPA_PLATFORM"):
        return None  # someone chose (offscreen, vnc…); a failing one: qt.platform_guard
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return None
    return no_display_message()


__all__ = ["RUN_HINT", "missing_display", "no_display_message"]
