"""``pipx install`` of a clean copy of the repository gives a working app.

One install per session (the ``pipx_install`` fixture: a temporary PIPX_HOME and PIPX_BIN_DIR,
the package built from a copy without .venv or egg-info, its dependencies resolved by pip).
"""

from __future__ import annotations

import shlex

import pytest

from tests.packaging.conftest import (
    DESKTOP_TOOLS,
    REPO,
    Product,
    offscreen_env,
    require_tool,
    run,
)
from wallet_gui import __version__
from wallet_gui.core.app_identity import APP_ID

pytestmark = pytest.mark.timeout(900)  # the first test pays for the install


def test_the_installed_command_prints_its_version(pipx_install: Product) -> None:
    result = run([str(pipx_install.program), "--version"])
    assert (result.returncode, result.stdout.strip()) == (0, f"wallet-gui {__version__}")


def test_the_gui_script_is_installed_beside_it(pipx_install: Product) -> None:
    window = pipx_install.program.with_name("wallet-gui-window")
    result = run([str(window), "--version"])
    assert (result.returncode, result.stdout.strip()) == (0, f"wallet-gui {__version__}")


def test_the_installed_check_explains_itself(pipx_install: Product) -> None:
    result = run([str(pipx_install.program), "check", "--help"])
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: wallet-gui check")


def test_the_installed_window_shows_the_demo_and_exits_0(pipx_install: Product) -> None:
    result = run([str(pipx_install.program), "--demo", "--exit-after-first-round"])
    assert result.returncode == 0, result.stderr


def test_the_installed_copy_installs_its_desktop_files(pipx_install: Product, tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = run(
        [str(pipx_install.program), "install-desktop"],
        env=offscreen_env(XDG_DATA_HOME=str(tmp_path)),
    )
    assert result.returncode == 0, result.stderr
    desktop = tmp_path / "applications" / f"{APP_ID}.desktop"
    exec_line = next(
        line
        for line in desktop.read_text(encoding="utf-8").splitlines()
        if line.startswith("Exec=")
    )
    assert shlex.split(exec_line.removeprefix("Exec=")) == [str(pipx_install.program)]
    validator = require_tool("desktop-file-validate", DESKTOP_TOOLS)
    assert run([validator, str(desktop)]).returncode == 0


def test_the_installed_package_carries_its_data_files(pipx_install: Product) -> None:
    """Icons, desktop files and compiled translations: what package-data must name."""
    (installed,) = (pipx_install.home / "home" / "venvs" / "wallet-gui").glob(
        "lib/python3*/site-packages/wallet_gui"
    )
    package = REPO / "wallet_gui"
    wanted = [
        path.relative_to(package)
        for pattern in ("resources/icons/*", "resources/linux/*", "translations/*.qm")
        for path in package.glob(pattern)
    ]
    assert any(path.suffix == ".qm" for path in wanted)
    missing = [str(path) for path in wanted if not (installed / path).is_file()]
    assert not missing, f"not installed: {missing}"
