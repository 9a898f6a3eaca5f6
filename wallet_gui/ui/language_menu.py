"""Help ▸ Language: follow the system, or always speak English, Lithuanian or Russian.

The choice is saved in the settings file (``wallet_gui.ui.i18n.save_language``) and takes
effect at the next start: every widget translates its texts when it is built, so switching
live would mean rebuilding the window. A short note says so, in the language in use and,
when it differs, in the one chosen, so that the person who chose it can read it.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt, QTranslator, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from wallet_gui.core.translatable import QT_TRANSLATE_NOOP
from wallet_gui.ui.i18n import (
    CATALOGUE,
    LANGUAGE_NAMES,
    LANGUAGES,
    save_language,
    saved_language,
    supported,
    system_language,
    translations_dir,
)

log = logging.getLogger(__name__)

#: Marked, not translated here: it is also read from the chosen language's catalogue.
_NOTE = QT_TRANSLATE_NOOP("LanguageMenu", "The language changes the next time the app starts.")


def _note_in(language: str) -> str:
    """The note in ``language``, read straight from its catalogue (not the installed one)."""
    if language == LANGUAGES[0]:
        return _NOTE
    translator = QTranslator()
    if not translator.load(f"{CATALOGUE}_{language}", str(translations_dir())):
        return _NOTE
    return translator.translate("LanguageMenu", _NOTE) or _NOTE


class LanguageMenu(QMenu):
    """The language entries, one checked: "System default" or a language by its own name.

    Signals:
        languageChosen(str): the code saved (``""``: follow the system).
    """

    languageChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("&Language"))
        self.setObjectName("languageMenu")
        self._group = QActionGroup(self)
        self._group.setExclusive(True)
        saved = saved_language()
        entries = [("", self.tr("System default")), *LANGUAGE_NAMES.items()]
        for code, text in entries:
            action = QAction(text, self)
            action.setObjectName(f"language{code.upper() or 'System'}Action")
            action.setCheckable(True)
            action.setChecked(code == saved)
            action.setData(code)
            self._group.addAction(action)
            self.addAction(action)
        self._group.triggered.connect(self._on_triggered)
        self.note: QMessageBox | None = None

    def actions_by_code(self) -> dict[str, QAction]:
        """Each entry by the code it saves (``""``: System default)."""
        return {str(a.data()): a for a in self._group.actions()}

    @Slot(QAction)
    def _on_triggered(self, action: QAction) -> None:
        code = supported(str(action.data()))
        save_language(code)
        log.info("language set to %s", code or "the system's")
        self.languageChosen.emit(code)
        self._tell(code or system_language())

    def _tell(self, language: str) -> None:
        """Say when the choice applies, without blocking the window (one note, reused)."""
        text = QCoreApplication.translate("LanguageMenu", _NOTE)
        chosen = _note_in(language)
        if chosen != text:
            text = f"{text}\n\n{chosen}"
        if self.note is None:
            owner = self.parentWidget()
            self.note = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("Language"),
                "",
                QMessageBox.StandardButton.Ok,
                owner.window() if owner is not None else None,
            )
            self.note.setObjectName("languageNote")
            self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setText(text)
        self.note.open()


__all__ = ["LanguageMenu"]
