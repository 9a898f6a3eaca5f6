"""The one-folder frozen build (packaging/build-frozen.sh, PyInstaller): it starts offscreen,
shows the demo and exits 0, and it carries the data files the window needs.

Built once per session (the ``frozen_build`` fixture), which takes about half a minute.
"""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from tests.packaging.conftest import REPO, Product, offscreen_env, run
from wallet_gui import __version__
from wallet_gui.core.app_identity import APP_ID

pytestmark = pytest.mark.timeout(900)  # the first test pays for the build

#: The folder shipped is about 200 MB, nearly all Qt; a hook pulling in a large module
#: (QtQuick, QtWebEngine) would show here first.
SIZE_BUDGET_MB = 260


def _internal(build: Product) -> Path:
    return build.program.parent / "_internal"


def test_the_frozen_program_shows_the_demo_and_exits_0(frozen_build: Product) -> None:
    result = run([str(frozen_build.program), "--demo", "--exit-after-first-round"])
    assert result.returncode == 0, result.stderr


def test_the_frozen_program_knows_its_version_and_subcommands(frozen_build: Product) -> None:
    version = run([str(frozen_build.program), "--version"])
    assert version.stdout.strip() == f"wallet-gui {__version__}"
    check = run([str(frozen_build.program), "check", "--help"])
    assert check.returncode == 0
    assert check.stdout.startswith("usage: wallet-gui check")


def test_every_data_file_of_the_package_is_in_the_build(frozen_build: Product) -> None:
    package = REPO / "wallet_gui"
    wanted = [
        path.relative_to(package)
        for folder in ("resources", "translations")
        if (package / folder).is_dir()
        for path in (package / folder).rglob("*")
        if path.is_file()
        and path.suffix not in {".py", ".pyc", ".ts"}
        and "__pycache__" not in path.parts
    ]
    assert {".png", ".svg", ".desktop", ".xml", ".qm"} <= {path.suffix for path in wanted}
    bundled = _internal(frozen_build) / "wallet_gui"
    missing = [str(path) for path in wanted if not (bundled / path).is_file()]
    assert not missing, f"not in the frozen build: {missing}"


def test_qts_own_translations_come_for_the_windows_languages(frozen_build: Product) -> None:
    translations = _internal(frozen_build) / "PySide6" / "Qt" / "translations"
    names = {path.name for path in translations.glob("*.qm")}
    assert {"qt_lt.qm", "qt_ru.qm", "qtbase_ru.qm"} <= names
    assert "qt_de.qm" not in names  # languages the window does not speak stay out


def test_the_build_stays_lean(frozen_build: Product) -> None:
    files = [path for path in frozen_build.program.parent.rglob("*") if path.is_file()]
    names = {path.name for path in files}
    heavy = {
        name
        for name in names
        if name.startswith(("libQt6Quick", "libQt6Qml", "libQt6WebEngine", "libQt6Pdf", "libQt63D"))
    }
    assert not heavy
    size_mb = sum(path.stat().st_size for path in files if not path.is_symlink()) / 2**20
    assert size_mb < SIZE_BUDGET_MB, f"{size_mb:.0f} MB"


def test_the_frozen_program_installs_a_menu_entry_that_starts_itself(
    frozen_build: Product, tmp_path: Path
) -> None:
    result = run(
        [str(frozen_build.program), "install-desktop"],
        env=offscreen_env(XDG_DATA_HOME=str(tmp_path)),
    )
    assert result.returncode == 0, result.stderr
    desktop = tmp_path / "applications" / f"{APP_ID}.desktop"
    exec_line = next(
        line
        for line in desktop.read_text(encoding="utf-8").splitlines()
        if line.startswith("Exec=")
    )
    assert shlex.split(exec_line.removeprefix("Exec=")) == [str(frozen_build.program)]
