"""The window's language: which one, and Qt translators that make the texts speak it.

Texts are written in English and wrapped in ``tr()`` (or ``QCoreApplication.translate``);
``pyside6-lupdate`` collects them into ``wallet_gui/translations/wallet_gui_xx.ts`` and
``pyside6-lrelease`` compiles those into the ``.qm`` files loaded here
(``resources/update_translations.py`` does both). Qt's own catalogue is loaded beside ours,
so standard dialogs, buttons and context menus (Undo, Copy, Paste, Cancel) speak the same
language.

The language follows the system; the ``language`` key of the settings file (Help ▸ Language)
overrides it, and ``wallet-gui --language xx`` overrides both for one run. Everything must be
installed before the first widget is built: texts are translated when widgets are made.

The Qt-free core marks the few texts of its own that the window shows with
``wallet_gui.core.translatable.QT_TRANSLATE_NOOP`` and keeps returning English;
``core_text`` translates them where they are shown.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from wallet_gui.core.translatable import QT_TRANSLATE_NOOP
from wallet_gui.ui.window_settings import window_settings

log = logging.getLogger(__name__)

#: The languages the window speaks; the first is the one its texts are written in.
LANGUAGES = ("en", "lt", "ru")
#: Each language by its own name, as a language menu shows them.
LANGUAGE_NAMES = {"en": "English", "lt": "Lietuvių", "ru": "Русский"}
#: The settings key of the chosen language; absent or empty: follow the system.
LANGUAGE_KEY = "language"
#: The file name stem of our compiled translations: ``wallet_gui_lt.qm``.
CATALOGUE = "wallet_gui"

#: Qt 6 takes its standard buttons' texts (Cancel, Close…) from the context QPlatformTheme;
#: the Lithuanian catalogue PySide ships (qt_lt.qm, Qt 5's) has them only under the older
#: QDialogButtonBox. Marked here, they are in our catalogue too; Qt's, where it has them,
#: is installed later and so asked first.
QT_STANDARD_BUTTONS = (
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Open"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Yes to &All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&No"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "N&o to All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Abort"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Retry"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Ignore"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Discard"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Help"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Apply"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Reset"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Restore Defaults"),
)

#: The translators installed by ``install_translators``, kept alive and removable.
_installed: list[QTranslator] = []


def translations_dir() -> Path:
    """Where the package's ``.ts`` and ``.qm`` files are."""
    return Path(__file__).resolve().parent.parent / "translations"


def qt_translations_dir() -> str:
    """Where Qt's own ``.qm`` files are (PySide6 ships them)."""
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def supported(language: str | None) -> str:
    """``language`` (``"lt"``, ``"ru_RU"``, ``"RU"``) as one of ``LANGUAGES``, or ``""``."""
    code = (language or "").strip().replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else ""


def system_language(system: QLocale | None = None) -> str:
    """The system's language if the window speaks it, English otherwise (also for "C")."""
    locale = system if system is not None else QLocale.system()
    return supported(locale.name()) or LANGUAGES[0]


def saved_language() -> str:
    """The language chosen in Help ▸ Language; ``""`` when the system's is followed."""
    value = window_settings().value(LANGUAGE_KEY, "")
    return supported(value if isinstance(value, str) else "")


def save_language(language: str) -> None:
    """Remember ``language`` for the next start (``""``: follow the system)."""
    settings = window_settings()
    code = supported(language)
    if code:
        settings.setValue(LANGUAGE_KEY, code)
    else:
        settings.remove(LANGUAGE_KEY)
    settings.sync()


def choose_language(requested: str | None = None, system: QLocale | None = None) -> str:
    """The command line's language, else the saved one, else the system's."""
    return supported(requested) or saved_language() or system_language(system)


def _load(directory: str | Path, *names: str) -> QTranslator | None:
    """The first of ``names`` (``.qm`` stems) that loads from ``directory``."""
    for name in names:
        translator = QTranslator()
        if translator.load(name, str(directory)):
            return translator
    return None


def remove_translators(app: QCoreApplication) -> None:
    """Undo ``install_translators``: the texts are English again."""
    while _installed:
        app.removeTranslator(_installed.pop())


def install_translators(app: QCoreApplication, language: str) -> str:
    """Make ``app`` speak ``language``: our catalogue and Qt's, and its locale as default.

    Replaces what an earlier call installed. Returns the language really installed:
    ``"en"`` for an unknown one. A missing catalogue is logged and the texts stay English.
    """
    remove_translators(app)
    code = supported(language) or LANGUAGES[0]
    system = QLocale.system()
    # The system's own locale keeps its region (en_GB dates); another language gets its own.
    QLocale.setDefault(system if system_language(system) == code else QLocale(code))
    # English too: its catalogue has only the plural forms ("1 row", "2 rows").
    ours = _load(translations_dir(), f"{CATALOGUE}_{code}")
    if ours is None:
        log.warning("No %s translation in %s: the window stays English", code, translations_dir())
    # qtbase_xx where Qt ships it, else the older all-in-one qt_xx (Lithuanian).
    qt = None
    if code != LANGUAGES[0]:  # Qt's own texts are English already
        qt = _load(qt_translations_dir(), f"qtbase_{code}", f"qt_{code}")
    for translator in (ours, qt):
        if translator is not None and app.installTranslator(translator):
            _installed.append(translator)
    return code


def core_text(context: str, text: str) -> str:
    """A text the core marked with ``QT_TRANSLATE_NOOP(context, …)``, translated; any
    other text (from the server, say) comes back unchanged."""
    return QCoreApplication.translate(context, text)


__all__ = [
    "CATALOGUE",
    "LANGUAGES",
    "LANGUAGE_KEY",
    "LANGUAGE_NAMES",
    "QT_STANDARD_BUTTONS",
    "choose_language",
    "core_text",
    "install_translators",
    "qt_translations_dir",
    "remove_translators",
    "save_language",
    "saved_language",
    "supported",
    "system_language",
    "translations_dir",
]
