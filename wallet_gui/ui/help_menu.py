"""The Help menu: the README, the language choice and the About box.

Its own object so the main window keeps to its panels and the poller; the About box is
made on first use and reused (one at a time, beside the window).
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from wallet_gui.ui import about_dialog
from wallet_gui.ui.language_menu import LanguageMenu


class HelpMenu(QMenu):
    """Help ▸ README, Language, About (objectNames ``helpMenu``, ``readmeAction``,
    ``aboutAction``; the About box is ``aboutDialog``)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(self.tr("&Help"), window)
        self.setObjectName("helpMenu")
        self._window = window
        self._about: about_dialog.AboutDialog | None = None
        readme = about_dialog.readme_location()
        self.readme_action = QAction(self.tr("&README"), self)
        self.readme_action.setObjectName("readmeAction")
        if readme is None:
            self.readme_action.setEnabled(False)
            self.readme_action.setToolTip(self.tr("The README was not installed with this copy"))
        else:
            self.readme_action.setToolTip(str(readme))
        self.readme_action.setStatusTip(self.readme_action.toolTip())
        self.readme_action.triggered.connect(self._on_readme)
        self.about_action = QAction(self.tr("&About {0}").format(about_dialog.app_name()), self)
        self.about_action.setObjectName("aboutAction")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        self.addAction(self.readme_action)
        self.addMenu(LanguageMenu(self))
        self.addSeparator()
        self.addAction(self.about_action)

    @Slot()
    def show_about(self) -> None:
        """Show the About box (one at a time; it stays open beside the window)."""
        if self._about is None:
            self._about = about_dialog.AboutDialog(self._window)
        if self._about.isVisible():  # already open, perhaps behind the window: bring it up
            self._about.raise_()
            self._about.activateWindow()
        else:
            self._about.show()

    @Slot()
    def _on_readme(self) -> None:
        readme = about_dialog.readme_location()
        if readme is not None:
            about_dialog.open_location(readme)


__all__ = ["HelpMenu"]
