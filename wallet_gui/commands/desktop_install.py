"""``wallet-gui install-desktop``: make the app appear in the desktop's menus, for this user.

It copies what the package ships (``wallet_gui/resources``) into the user's data folder as
the freedesktop.org specifications expect, under ``$XDG_DATA_HOME`` (``~/.local/share``):

- ``applications/<id>.desktop``, whose ``Exec=`` names the installation running now (its own
  ``wallet-gui`` script, the frozen program, or this Python with ``-m wallet_gui``), so the
  menu starts this copy even when it is not on PATH;
- ``metainfo/<id>.metainfo.xml`` for software centres;
- ``icons/hicolor/<N>x<N>/apps/<id>.png`` for every size and ``scalable/apps/<id>.svg``.

``--uninstall`` removes exactly those files. Nothing needs root, and nothing outside these
paths is touched. Qt-free, like every command.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from wallet_gui.core.app_identity import (
    APP_ID,
    ICON_SIZES,
    desktop_entry_path,
    icon_png_path,
    icon_svg_path,
    metainfo_path,
)

EXIT_OK = 0
EXIT_FAILED = 1
#: Characters that make the desktop entry specification require a quoted Exec argument.
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


class DesktopInstallError(Exception):
    """Installing or removing the desktop files failed; the message is one readable line."""


@dataclass(frozen=True, slots=True)
class DesktopInstallRequest:
    uninstall: bool = False
    #: Where to install; ``None``: ``$XDG_DATA_HOME``, else ``~/.local/share``.
    data_home: Path | None = None


def user_data_home() -> Path:
    configured = os.environ.get("XDG_DATA_HOME", "")
    # The specification ignores a relative value.
    if configured and Path(configured).is_absolute():
        return Path(configured)
    return Path.home() / ".local" / "share"


def launcher_command() -> list[str]:
    """The command that starts this very installation of the app."""
    if getattr(sys, "frozen", False):  # a PyInstaller build: the program itself
        return [str(Path(sys.executable).absolute())]
    script = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if script is not None and script.name == "wallet-gui" and script.is_file():
        return [str(script.absolute())]
    sibling = Path(sys.executable).parent / "wallet-gui"
    if sibling.is_file():
        return [str(sibling.absolute())]
    return [str(Path(sys.executable).absolute()), "-m", "wallet_gui"]


def exec_value(command: Sequence[str]) -> str:
    """``command`` as an ``Exec=`` value: quoted per the desktop entry specification, then
    escaped as a desktop file string (backslashes doubled), with ``%`` doubled."""
    arguments = []
    for argument in command:
        if any(char in _RESERVED for char in argument):
            quoted = "".join("\\" + c if c in '"`$\\' else c for c in argument)
            argument = f'"{quoted}"'
        arguments.append(argument.replace("%", "%%"))
    return " ".join(arguments).replace("\\", "\\\\")


def desktop_entry_text(command: Sequence[str]) -> str:
    """The shipped ``.desktop`` file with ``Exec``/``TryExec`` naming ``command``."""
    lines = []
    for line in desktop_entry_path().read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            line = "Exec=" + exec_value(command)
        elif line.startswith("TryExec="):
            line = "TryExec=" + command[0].replace("\\", "\\\\")
        lines.append(line)
    return "\n".join(lines) + "\n"


def installed_paths(data_home: Path) -> dict[Path, Path]:
    """Target path → shipped source, for every file the command installs."""
    icons = data_home / "icons" / "hicolor"
    targets = {
        data_home / "applications" / f"{APP_ID}.desktop": desktop_entry_path(),
        data_home / "metainfo" / f"{APP_ID}.metainfo.xml": metainfo_path(),
        icons / "scalable" / "apps" / f"{APP_ID}.svg": icon_svg_path(),
    }
    for size in ICON_SIZES:
        targets[icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png"] = icon_png_path(size)
    return targets


def _write_atomically(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def install(data_home: Path, command: Sequence[str]) -> list[Path]:
    """Install every file (replacing older copies); returns the paths written."""
    targets = installed_paths(data_home)
    missing = [str(source) for source in targets.values() if not source.is_file()]
    if missing:
        raise DesktopInstallError(f"this installation lacks its desktop files: {missing[0]}")
    written = []
    try:
        for target, source in targets.items():
            if source == desktop_entry_path():
                data = desktop_entry_text(command).encode("utf-8")
            else:
                data = source.read_bytes()
            _write_atomically(target, data)
            written.append(target)
    except OSError as error:
        raise DesktopInstallError(
            f"cannot write {error.filename or data_home}: {error.strerror or error}"
        ) from None
    return written


def uninstall(data_home: Path) -> list[Path]:
    """Remove the files ``install`` writes (and nothing else); returns those removed."""
    removed = []
    try:
        for target in installed_paths(data_home):
            if target.is_file():
                target.unlink()
                removed.append(target)
    except OSError as error:
        raise DesktopInstallError(
            f"cannot remove {error.filename}: {error.strerror or error}"
        ) from None
    return removed


def build_parser() -> argparse.ArgumentParser:
    """The subcommand's parser; it lives here rather than in ``cli.py``, which only
    dispatches to it, because it is this small and has nothing to share."""
    parser = argparse.ArgumentParser(
        prog="wallet-gui install-desktop",
        description="Add the app to this user's desktop menus: its .desktop entry (starting "
        "this installation), AppStream metainfo and icons, under $XDG_DATA_HOME "
        "(default ~/.local/share). No root needed.",
    )
    parser.add_argument(
        "--uninstall", action="store_true", help="remove exactly the files it installs"
    )
    return parser


def main(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(list(argv))
    return run_install_desktop(DesktopInstallRequest(uninstall=args.uninstall))


def run_install_desktop(request: DesktopInstallRequest) -> int:
    data_home = request.data_home or user_data_home()
    try:
        if request.uninstall:
            paths = uninstall(data_home)
            verb = "removed"
        else:
            paths = install(data_home, launcher_command())
            verb = "installed"
    except DesktopInstallError as error:
        print(f"install-desktop: {error}", file=sys.stderr)
        return EXIT_FAILED
    for path in paths:
        print(f"{verb} {path}")
    if not paths:
        print(f"nothing to remove under {data_home}")
    return EXIT_OK


__all__ = [
    "DesktopInstallError",
    "DesktopInstallRequest",
    "build_parser",
    "desktop_entry_text",
    "exec_value",
    "install",
    "installed_paths",
    "launcher_command",
    "main",
    "run_install_desktop",
    "uninstall",
    "user_data_home",
]
