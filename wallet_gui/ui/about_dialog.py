"""Help → About: what is running, where its files are, and where to read more.

Everything a bug report needs, selectable and with a Copy button: the app's version, the Qt
and PySide versions it runs on, Python's, the settings file and the data folder, and the
licence. The documentation is the project's README: the app knows no web address for the
project, so the dialog points at the README of the clone it runs from, or its ``docs``
folder, and says so plainly when neither was installed with it.
"""

from __future__ import annotations

import os
import platform
import sys
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, Qt, QUrl, Slot, qVersion
from PySide6.QtGui import QDesktopServices, QFont, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wallet_gui import __version__
from wallet_gui.core.profiles import settings_path
from wallet_gui.ui.app_icon import app_icon

APP_NAME = "Wallet monitor"
LICENCE = "MIT"


def app_name() -> str:
    """``APP_NAME`` in the window's language (the main window's title says the same)."""
    return QCoreApplication.translate("MainWindow", "Wallet monitor")


def data_path() -> Path:
    """The app's data folder: ``$XDG_DATA_HOME/wallet-gui``, else the platform's data folder
    (``~/.local/share``, ``~/Library/Application Support``, ``%LOCALAPPDATA%``)."""
    base = os.environ.get("XDG_DATA_HOME")
    if not base and sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
    elif not base and sys.platform == "darwin":
        base = str(Path.home() / "Library" / "Application Support")
    elif not base:
        base = str(Path.home() / ".local" / "share")
    return Path(base) / "wallet-gui"


def readme_location(package_dir: Path | None = None) -> Path | None:
    """The README of the clone the app runs from, else its ``docs`` folder; None when the app
    was installed without them (a wheel keeps neither)."""
    package = package_dir or Path(__file__).resolve().parent.parent
    root = package.parent
    if not (root / "pyproject.toml").is_file():  # not a source tree: site-packages, say
        return None
    for candidate in (root / "README.md", root / "docs"):
        if candidate.exists():
            return candidate
    return None


def open_location(path: Path) -> bool:
    """Open a local file or folder with the desktop's default application."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def about_facts() -> list[tuple[str, str]]:
    """(label, value) of everything the dialog lists, in order; also what Copy copies."""
    data = data_path()
    readme = readme_location()
    return [
        ("Version", __version__),
        ("Qt", qVersion()),
        ("PySide", PySide6.__version__),
        ("Python", platform.python_version()),
        ("Settings file", str(settings_path())),
        (
            "Data folder",
            str(data)
            if data.exists()
            else QCoreApplication.translate("AboutDialog", "{0} (nothing stored there yet)").format(
                data
            ),
        ),
        ("Licence", LICENCE),
        (
            "Documentation",
            str(readme)
            if readme is not None
            else QCoreApplication.translate(
                "AboutDialog", "not installed with this copy: see README.md in the project's source"
            ),
        ),
    ]


class AboutDialog(QDialog):
    """The About box (objectName ``aboutDialog``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About {0}").format(app_name()))
        self._facts = about_facts()
        self._readme = readme_location()

        title = QLabel(f"{app_name()} {__version__}", self)
        title.setObjectName("aboutTitleLabel")
        title.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setWeight(QFont.Weight.DemiBold)
        title.setFont(font)
        summary = QLabel(
            self.tr(
                "A desktop monitor for the Paysera Wallet REST API: balances, the server's "
                "configuration and this computer's clock offset."
            ),
            self,
        )
        summary.setTextFormat(Qt.TextFormat.PlainText)
        summary.setWordWrap(True)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        form.setHorizontalSpacing(12)
        labels = {
            "Version": self.tr("Version:"),
            "Qt": self.tr("Qt:"),
            "PySide": self.tr("PySide:"),
            "Python": self.tr("Python:"),
            "Settings file": self.tr("Settings file:"),
            "Data folder": self.tr("Data folder:"),
            "Licence": self.tr("Licence:"),
            "Documentation": self.tr("Documentation:"),
        }
        for key, value in self._facts:
            field = QLabel(value, self)
            field.setObjectName(f"about{key.title().replace(' ', '')}Label")
            field.setTextFormat(Qt.TextFormat.PlainText)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            field.setWordWrap(True)
            form.addRow(labels[key], field)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self._readme_button = QPushButton(self.tr("Open &README"), self)
        self._readme_button.setObjectName("openReadmeButton")
        self._readme_button.setEnabled(self._readme is not None)
        self._readme_button.clicked.connect(self.open_readme)
        buttons.addButton(self._readme_button, QDialogButtonBox.ButtonRole.ActionRole)
        copy = QPushButton(self.tr("&Copy"), self)
        copy.setObjectName("copyAboutButton")
        copy.setToolTip(self.tr("Copy these details, for a bug report"))
        copy.clicked.connect(self.copy_details)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)

        icon = QLabel(self)
        icon.setObjectName("aboutIconLabel")
        icon.setPixmap(app_icon().pixmap(64, 64))
        heading = QHBoxLayout()
        heading.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        heading.addSpacing(8)
        texts = QVBoxLayout()
        texts.addWidget(title)
        texts.addWidget(summary)
        heading.addLayout(texts, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def details(self) -> str:
        """The dialog's content as plain text."""
        lines = [f"{APP_NAME} {__version__}"]
        lines.extend(f"{key}: {value}" for key, value in self._facts)
        return "\n".join(lines)

    @Slot()
    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details())

    @Slot()
    def open_readme(self) -> None:
        if self._readme is not None:
            open_location(self._readme)
