"""Help → About: versions, where the files are, the licence, and the way to the README."""

from __future__ import annotations

from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from wallet_gui import __version__
from wallet_gui.core.profiles import settings_path
from wallet_gui.ui import about_dialog
from wallet_gui.ui.about_dialog import AboutDialog, data_path, readme_location

PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture
def dialog(qtbot: QtBot) -> AboutDialog:
    widget = AboutDialog()
    qtbot.addWidget(widget)
    return widget


def text(dialog: AboutDialog, name: str) -> str:
    label = dialog.findChild(QLabel, name)
    assert label is not None, name
    return label.text()


def test_about_lists_versions_paths_and_the_licence(dialog: AboutDialog) -> None:
    assert dialog.objectName() == "aboutDialog"
    assert text(dialog, "aboutVersionLabel") == __version__
    assert text(dialog, "aboutQtLabel") == qVersion()
    assert text(dialog, "aboutPysideLabel") == PySide6.__version__
    assert text(dialog, "aboutSettingsFileLabel") == str(settings_path())
    assert text(dialog, "aboutDataFolderLabel").startswith(str(data_path()))
    assert text(dialog, "aboutLicenceLabel") == "MIT"
    assert text(dialog, "aboutDocumentationLabel") == str(PROJECT / "README.md")


def test_the_data_folder_follows_xdg_data_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert data_path() == tmp_path / "wallet-gui"


def test_a_missing_data_folder_is_said_to_be_empty(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    widget = AboutDialog()
    qtbot.addWidget(widget)
    assert text(widget, "aboutDataFolderLabel").endswith("(nothing stored there yet)")


def test_the_readme_is_the_clones_else_its_docs_else_none(tmp_path: Path) -> None:
    package = tmp_path / "wallet_gui"
    package.mkdir()
    assert readme_location(package) is None  # site-packages: no project around it
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "docs").mkdir()
    assert readme_location(package) == tmp_path / "docs"
    (tmp_path / "README.md").write_text("")
    assert readme_location(package) == tmp_path / "README.md"


def test_open_readme_opens_the_local_file(
    qtbot: QtBot, dialog: AboutDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(about_dialog, "open_location", lambda path: opened.append(path) or True)
    button = dialog.findChild(QPushButton, "openReadmeButton")
    assert button is not None
    assert button.isEnabled()
    button.click()
    assert opened == [PROJECT / "README.md"]


def test_copy_puts_the_details_on_the_clipboard(dialog: AboutDialog) -> None:
    QGuiApplication.clipboard().clear()
    button = dialog.findChild(QPushButton, "copyAboutButton")
    assert button is not None
    button.click()
    copied = QGuiApplication.clipboard().text()
    assert f"Version: {__version__}" in copied
    assert f"Qt: {qVersion()}" in copied
    assert f"Settings file: {settings_path()}" in copied
    assert "Licence: MIT" in copied
