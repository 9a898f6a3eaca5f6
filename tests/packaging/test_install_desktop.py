"""``wallet-gui install-desktop``: the user's menu entry, metainfo and icons, and back out."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import pytest

from tests.packaging.conftest import DESKTOP_TOOLS, REPO, offscreen_env, require_tool, run
from wallet_gui import __version__
from wallet_gui.commands import desktop_install
from wallet_gui.commands.desktop_install import (
    DesktopInstallRequest,
    exec_value,
    installed_paths,
    run_install_desktop,
)
from wallet_gui.core.app_identity import APP_ID, ICON_SIZES, icon_png_path, icon_svg_path


def _exec_line(desktop: Path) -> str:
    lines = desktop.read_text(encoding="utf-8").splitlines()
    return next(line for line in lines if line.startswith("Exec=")).removeprefix("Exec=")


def _install(data_home: Path, *extra: str) -> tuple[int, str, str]:
    result = run(
        [sys.executable, "-m", "wallet_gui", "install-desktop", *extra],
        env=offscreen_env(XDG_DATA_HOME=str(data_home)),
    )
    return result.returncode, result.stdout, result.stderr


def test_it_installs_a_valid_entry_that_starts_this_installation(tmp_path: Path) -> None:
    status, out, err = _install(tmp_path)
    assert (status, err) == (0, "")
    desktop = tmp_path / "applications" / f"{APP_ID}.desktop"
    assert f"installed {desktop}" in out.splitlines()
    validator = require_tool("desktop-file-validate", DESKTOP_TOOLS)
    checked = run([validator, str(desktop)])
    assert checked.returncode == 0, checked.stdout + checked.stderr
    command = shlex.split(_exec_line(desktop))
    assert Path(command[0]).is_absolute()
    started = run([*command, "--version"])  # the very program the menu would start
    assert started.stdout.strip() == f"wallet-gui {__version__}"


def test_icons_go_to_the_hicolor_theme_by_size(tmp_path: Path) -> None:
    assert _install(tmp_path)[0] == 0
    hicolor = tmp_path / "icons" / "hicolor"
    for size in ICON_SIZES:
        installed = hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert installed.read_bytes() == icon_png_path(size).read_bytes()
    assert (hicolor / "scalable" / "apps" / f"{APP_ID}.svg").read_bytes() == (
        icon_svg_path().read_bytes()
    )
    metainfo = tmp_path / "metainfo" / f"{APP_ID}.metainfo.xml"
    assert (
        metainfo.read_bytes()
        == (REPO / "packaging" / "linux" / f"{APP_ID}.metainfo.xml").read_bytes()
    )


def test_installing_again_replaces_and_uninstall_removes_only_its_own_files(
    tmp_path: Path,
) -> None:
    someone_elses = tmp_path / "applications" / "other.desktop"
    someone_elses.parent.mkdir(parents=True)
    someone_elses.write_text("[Desktop Entry]\n", encoding="utf-8")
    assert _install(tmp_path)[0] == 0
    assert _install(tmp_path)[0] == 0
    status, out, _ = _install(tmp_path, "--uninstall")
    assert status == 0
    assert len(out.splitlines()) == len(installed_paths(tmp_path))
    assert not any(path.exists() for path in installed_paths(tmp_path))
    assert someone_elses.exists()
    assert not list(tmp_path.rglob(".*"))  # no temporary file left behind
    status, out, _ = _install(tmp_path, "--uninstall")
    assert (status, out.strip()) == (0, f"nothing to remove under {tmp_path}")


def test_a_folder_that_cannot_be_made_is_one_line_and_status_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    status = run_install_desktop(DesktopInstallRequest(data_home=blocker / "share"))
    err = capsys.readouterr().err
    assert status == 1
    assert err.startswith("install-desktop: cannot write ")
    assert err.count("\n") == 1


def test_exec_quotes_and_escapes_what_the_specification_reserves() -> None:
    assert exec_value(["/opt/wallet gui/wallet-gui"]) == '"/opt/wallet gui/wallet-gui"'
    assert exec_value(["/a/b", "-m", "wallet_gui"]) == "/a/b -m wallet_gui"
    assert exec_value(["/x/100%"]) == "/x/100%%"
    # $ is escaped inside the quotes, then every backslash doubled for the file's string.
    assert exec_value(["/p/$HOME dir"]) == '"/p/\\\\$HOME dir"'


def test_the_launcher_is_the_frozen_program_itself_when_frozen(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    program = tmp_path / "wallet-gui"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(program))
    assert desktop_install.launcher_command() == [str(program)]


def test_without_a_script_the_launcher_runs_the_module(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    python = tmp_path / "bin" / "python3"
    monkeypatch.setattr(sys, "executable", str(python))
    monkeypatch.setattr(sys, "argv", [str(tmp_path / "__main__.py")])
    assert desktop_install.launcher_command() == [str(python), "-m", "wallet_gui"]
