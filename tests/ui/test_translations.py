"""Lithuanian and Russian: complete catalogues in step with the code, and a window that speaks them.

The catalogue checks run Qt's own tools (``pyside6-lupdate`` into temporary copies,
``pyside6-lrelease`` into a temporary ``.qm``) through ``resources/update_translations.py``,
the script that maintains the files. The widget tests install the real compiled catalogues
and Qt's own, build real widgets and compare what they show with the exact expected words.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from datetime import UTC
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.fakes import NOW, FakePoller
from wallet_gui.api.models import CurrencyBalance
from wallet_gui.core.alert_rules import AlertRules, LowBalanceRule
from wallet_gui.core.alerts import AlertEngine
from wallet_gui.core.clock_text import describe_server_clock
from wallet_gui.core.connection import ConnectionSettings
from wallet_gui.core.error_gate import Problem
from wallet_gui.core.profiles import settings_path
from wallet_gui.core.reports import ErrorReport
from wallet_gui.core.secret_notice import missing_secret_notice
from wallet_gui.core.state import PollState, PollStatus, RoundResult, WalletBalances
from wallet_gui.ui import core_texts, i18n
from wallet_gui.ui.error_details import ErrorDetails
from wallet_gui.ui.language_menu import LanguageMenu
from wallet_gui.ui.main_window import MainWindow
from wallet_gui.ui.problems_indicator import ProblemsIndicator
from wallet_gui.ui.status_line import status_summary

ROOT = Path(__file__).resolve().parents[2]


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "resources" / "update_translations.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


script = _load_script()
LANGUAGES = list(script.LANGUAGES)
#: The languages translated in full (English has a catalogue of plural forms only).
TRANSLATED = [language for language in LANGUAGES if language not in script.PLURAL_ONLY]


# -- the catalogues ---------------------------------------------------------------------------


def test_the_ts_files_hold_exactly_the_messages_of_the_code(tmp_path: Path) -> None:
    copies = []
    for language in LANGUAGES:
        copy = script.ts_path(language, tmp_path)
        shutil.copyfile(script.ts_path(language), copy)
        copies.append(copy)
    # What lupdate finds in the sources today, into the copies.
    script.run_lupdate_all(dict(zip(LANGUAGES, copies, strict=True)))
    for language, copy in zip(LANGUAGES, copies, strict=True):
        committed = {m.key for m in script.read_messages(script.ts_path(language))}
        current = {m.key for m in script.read_messages(copy)}
        assert current - committed == set(), f"{language}: run resources/update_translations.py"
        assert committed - current == set(), f"{language}: texts gone from the code"
        if language in script.PLURAL_ONLY:
            assert all(numerus for _c, _s, _comment, numerus in committed)
        else:
            assert len(committed) > 300


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_with_all_its_plural_forms(language: str) -> None:
    messages = script.read_messages(script.ts_path(language))
    assert [m for m in messages if m.kind] == []  # nothing unfinished, vanished or obsolete
    assert [m for m in messages if not all(f.strip() for f in m.forms)] == []
    plural = [m for m in messages if m.numerus]
    assert len(plural) >= 5
    # lt and ru both have three forms in Qt, English two.
    assert {len(m.forms) for m in plural} == {2 if language == "en" else 3}


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders_and_accelerators_of_their_source(
    language: str,
) -> None:
    assert script.message_problems(language, script.read_messages(script.ts_path(language))) == []


def test_the_placeholder_check_catches_a_lost_field_a_lost_n_and_an_unfinished_entry() -> None:
    message = script.Message
    broken = [
        message("C", "Wallet {0}", "", False, "", ("Piniginė",)),
        message("C", "%n problems", "", True, "", ("%n problema", "problemos", "%n problemų")),
        message("C", "Copied", "", False, "unfinished", ("",)),
        message("C", "&Copy", "", False, "", ("Kopijuoti",)),
        message("C", "%n rows", "", True, "", ("%n eilutė", "%n eilutės")),
    ]
    problems = script.message_problems("lt", broken)
    assert len(problems) == 5
    assert "placeholders" in problems[0]
    assert "placeholders" in problems[1]
    assert problems[2].endswith("unfinished")
    assert "accelerator" in problems[3]
    assert "2 plural forms, not 3" in problems[4]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_shipped_qm_files_are_compiled_from_the_ts_files(language: str, tmp_path: Path) -> None:
    compiled = script.qm_path(language, tmp_path)
    script.run_lrelease(script.ts_path(language), compiled)
    assert script.qm_path(language).read_bytes() == compiled.read_bytes()


def test_the_update_script_check_mode_passes_and_changes_nothing() -> None:
    before = {p.name: p.read_bytes() for p in script.TRANSLATIONS.iterdir()}
    result = subprocess.run(
        [sys.executable, str(ROOT / "resources" / "update_translations.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "translations complete and up to date"
    assert {p.name: p.read_bytes() for p in script.TRANSLATIONS.iterdir()} == before


def test_every_context_marked_for_the_core_is_still_written_in_the_package() -> None:
    sources = "\n".join(
        p.read_text(encoding="utf-8")
        for p in (ROOT / "wallet_gui").rglob("*.py")
        if p.name != "core_texts.py"
    )
    for text in (*core_texts.KNOWN_CONTEXTS, *core_texts.KNOWN_STATUS_MESSAGES):
        assert f'"{text}"' in sources, f"{text!r} is marked but no longer used"


# -- loading ---------------------------------------------------------------------------------


def test_language_choice_follows_the_command_line_then_the_setting_then_the_system(
    qapp: QApplication,
) -> None:
    russian = QLocale(QLocale.Language.Russian, QLocale.Country.Russia)
    assert i18n.choose_language(None, russian) == "ru"
    assert i18n.choose_language(None, QLocale(QLocale.Language.German)) == "en"
    assert i18n.choose_language(None, QLocale.c()) == "en"
    i18n.save_language("lt")
    assert i18n.choose_language(None, russian) == "lt"
    assert i18n.choose_language("ru_RU", QLocale.c()) == "ru"
    assert i18n.choose_language("de", russian) == "lt"  # not spoken: the setting decides
    i18n.save_language("")
    assert i18n.saved_language() == ""
    assert i18n.choose_language(None, russian) == "ru"


def test_installing_a_language_sets_the_default_locale_and_english_removes_the_catalogues(
    qapp: QApplication, speak: object
) -> None:
    speak("lt")  # type: ignore[operator]
    assert QLocale().name() == "lt_LT"
    assert qapp.translate("LanguageMenu", "&Language") == "&Kalba"
    assert i18n.install_translators(qapp, "en") == "en"
    assert qapp.translate("LanguageMenu", "&Language") == "&Language"
    assert i18n.install_translators(qapp, "xx") == "en"


# -- what the window shows -------------------------------------------------------------------

EXPECTED_WINDOW = {
    "lt": {
        "title": "Piniginių stebėsena — test",
        "menus": ["&Ryšys", "&Žinynas"],
        "tabs": ["Likučiai", "Serverio konfigūracija"],
        "refresh": "&Atnaujinti",
        "clock": "Serverio laikrodis",
        "state": "Neprisijungta",
        "language": ["Kaip sistemoje", "English", "Lietuvių", "Русский"],
    },
    "ru": {
        "title": "Монитор кошельков — test",
        "menus": ["&Подключение", "&Справка"],
        "tabs": ["Балансы", "Конфигурация сервера"],
        "refresh": "&Обновить",
        "clock": "Часы сервера",
        "state": "Не подключено",
        "language": ["Как в системе", "English", "Lietuvių", "Русский"],
    },
}


def test_english_says_one_row_and_two_rows(qtbot: QtBot, speak: object) -> None:
    speak("en")  # type: ignore[operator]
    translate = QCoreApplication.translate
    one = translate("StatementsPanel", "%n transaction(s), all shown.", "", 1)
    two = translate("StatementsPanel", "%n transaction(s), all shown.", "", 2)
    assert (one, two) == ("1 transaction, all shown.", "2 transactions, all shown.")


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_window_shows_its_menus_tabs_and_status_in_the_language(
    language: str, qtbot: QtBot, speak: object
) -> None:
    speak(language)  # type: ignore[operator]
    window = MainWindow(FakePoller(), title_suffix="test", wall_clock=lambda: NOW)
    qtbot.addWidget(window)
    expected = EXPECTED_WINDOW[language]
    assert window.windowTitle() == expected["title"]
    menus = [a.text() for a in window.menuBar().actions()]
    for menu in expected["menus"]:
        assert menu in menus
    tabs = window.findChild(QTabWidget, "dataTabs")
    assert tabs is not None
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    for title in expected["tabs"]:
        assert title in titles
    assert window.refresh_action.text() == expected["refresh"]
    clock = window.findChild(QGroupBox, "clockGroup")
    assert clock is not None
    assert clock.title() == expected["clock"]
    state = window.findChild(QLabel, "connectionStateLabel")
    assert state is not None
    assert state.text() == expected["state"]
    languages = window.findChild(QMenu, "languageMenu")
    assert languages is not None
    assert [a.text() for a in languages.actions()] == expected["language"]
    window.close()


@pytest.mark.parametrize(
    ("language", "undo", "paste", "select_all", "cancel", "close"),
    [
        ("ru", "&Отменить действие", "В&ставить", "Выделить всё", "Отмена", "Закрыть"),
        ("lt", "&Atšaukti", "Į&dėti", "Pažymėti viską", "Atsisakyti", "Užverti"),
    ],
)
def test_qt_s_own_context_menu_and_buttons_speak_the_language(
    language: str,
    undo: str,
    paste: str,
    select_all: str,
    cancel: str,
    close: str,
    qtbot: QtBot,
    speak: object,
) -> None:
    speak(language)  # type: ignore[operator]
    edit = QLineEdit("text")
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    assert menu is not None
    texts = [a.text().split("\t")[0] for a in menu.actions() if a.text()]
    assert texts[0] == undo
    assert paste in texts
    assert texts[-1] == select_all
    menu.deleteLater()
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Close
    )
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == cancel
    assert buttons.button(QDialogButtonBox.StandardButton.Close).text() == close


@pytest.mark.parametrize(
    ("language", "counts"),
    [
        (
            "ru",
            {
                1: "Подключено, 1 кошелёк не прочитан",
                3: "Подключено, 3 кошелька не прочитаны",
                5: "Подключено, 5 кошельков не прочитано",
                11: "Подключено, 11 кошельков не прочитано",
                21: "Подключено, 21 кошелёк не прочитан",
            },
        ),
        (
            "lt",
            {
                1: "Prisijungta, 1 piniginės nepavyko nuskaityti",
                3: "Prisijungta, 3 piniginių nepavyko nuskaityti",
                10: "Prisijungta, 10 piniginių nepavyko nuskaityti",
                21: "Prisijungta, 21 piniginės nepavyko nuskaityti",
            },
        ),
        ("en", {1: "Connected, 1 wallet failed", 3: "Connected, 3 wallets failed"}),
    ],
)
def test_the_status_line_says_how_many_wallets_failed_in_the_language_s_plural_forms(
    language: str, counts: dict[int, str], speak: object
) -> None:
    speak(language)  # type: ignore[operator]
    for count, expected in counts.items():
        status = PollStatus(PollState.CONNECTED, f"{count} wallet(s) failed")
        assert status_summary(status)[0] == expected


def test_the_problem_count_takes_russian_plural_forms(qtbot: QtBot, speak: object) -> None:
    speak("ru")  # type: ignore[operator]
    indicator = ProblemsIndicator()
    qtbot.addWidget(indicator)
    shown = {}
    for count in (1, 2, 5, 22):
        indicator.set_count(count)
        shown[count] = indicator.text()
    assert shown == {1: "1 проблема", 2: "2 проблемы", 5: "5 проблем", 22: "22 проблемы"}


def test_the_core_s_english_is_translated_where_the_window_shows_it(
    qtbot: QtBot, speak: object
) -> None:
    speak("ru")  # type: ignore[operator]
    status = PollStatus(PollState.RATE_LIMITED, "Some requests were rate limited")
    assert status_summary(status)[0] == "Часть запросов отклонена из-за ограничения частоты"
    connecting = PollStatus(
        PollState.CONNECTING, "Measuring the clock and reading the configuration…"
    )
    assert status_summary(connecting)[0] == "Подключение: измерение часов и чтение конфигурации…"
    report = ErrorReport(
        context="Balance of wallet 14471", kind="transport", message="connection refused"
    )
    assert report.title == "The Wallet API could not be reached"  # the core stays English
    details = ErrorDetails()
    qtbot.addWidget(details)
    details.show_problem(Problem.single(report, None))
    labels = {label.objectName(): label.text() for label in details.findChildren(QLabel)}
    assert labels["errorTitleLabel"] == "Не удалось связаться с Wallet API"
    assert labels["errorContextLabel"] == "При выполнении: Баланс кошелька 14471"
    assert labels["errorMessageLabel"] == "connection refused"  # server and API text as is


def test_server_text_that_looks_like_a_marked_text_is_only_shown_never_formatted(
    speak: object,
) -> None:
    speak("lt")  # type: ignore[operator]
    assert core_texts.request_context("Balance of wallet {0}{1}") == "Piniginės {0}{1} likutis"
    assert core_texts.request_context("no such context") == "no such context"
    assert core_texts.request_context("Balance of wallet 14471") == "Piniginės 14471 likutis"
    assert core_texts.request_context("Balances") == "Likučiai"


def test_help_language_saves_the_choice_and_says_when_it_applies_in_both_languages(
    qtbot: QtBot,
) -> None:
    window = MainWindow(FakePoller(), title_suffix="test", wall_clock=lambda: NOW)
    qtbot.addWidget(window)
    menu = window.findChild(LanguageMenu, "languageMenu")
    assert menu is not None
    entries = menu.actions_by_code()
    assert entries[""].isChecked()  # nothing saved yet: the system's language
    entries["ru"].trigger()
    assert "language=ru" in settings_path().read_text(encoding="utf-8").splitlines()
    assert i18n.choose_language(None, QLocale.c()) == "ru"
    note = menu.note
    assert note is not None
    assert note.isVisible()
    assert note.text() == (
        "The language changes the next time the app starts.\n\n"
        "Язык сменится при следующем запуске приложения."
    )
    assert entries["ru"].isChecked()
    assert not entries[""].isChecked()
    entries[""].trigger()  # back to the system's (English here): the key goes
    assert "language=" not in settings_path().read_text(encoding="utf-8")
    assert i18n.saved_language() == ""
    assert menu.note is note  # the one note, now saying it once
    assert note.text() == "The language changes the next time the app starts."
    note.close()
    window.close()


def test_sentences_the_core_builds_from_parts_follow_the_language(speak: object) -> None:
    speak("ru")  # type: ignore[operator]
    translate = QCoreApplication.translate
    # The server said 14:02:03 UTC (whole seconds) between 20.0 and 20.2 s local: 3.4 s ahead
    clock = describe_server_clock(1_795_960_923, 1_795_960_920.0, 1_795_960_920.2, tz=UTC)
    assert clock == "server clock 2026-11-29 14:02:03, 3.4 s ahead of this computer (±0.6 s)"
    russian = describe_server_clock(
        1_795_960_923, 1_795_960_920.0, 1_795_960_920.2, tz=UTC, translate=translate
    )
    assert russian == "часы сервера 2026-11-29 14:02:03, на 3.4 с впереди этого компьютера (±0.6 с)"
    profile = ConnectionSettings(profile="shop", base_url="https://example.test", client_id="c")
    assert missing_secret_notice(profile, None, translate=translate) == (
        "Для «shop» в системной связке ключей не сохранён ключ MAC. Он нужен для подключения: "
        "введите его ниже, и он снова будет сохранён."
    )
    assert missing_secret_notice(profile, None).startswith("No MAC key is saved for “shop”")


def test_alerts_for_the_list_and_the_notifications_speak_the_language(speak: object) -> None:
    speak("lt")  # type: ignore[operator]
    now = [1_000_000.0]
    rules = AlertRules(low_balances=(LowBalanceRule("14471", "EUR", Decimal("100.00")),))
    alerts = AlertEngine(rules, clock=lambda: now[0], translate=QCoreApplication.translate)
    low = RoundResult(
        (
            WalletBalances(
                "14471", balances={"EUR": CurrencyBalance("EUR", Decimal("12.50"), None)}
            ),
        ),
        PollStatus(PollState.CONNECTED),
    )
    [fired] = alerts.observe_round(low)
    assert fired.title == "Mažas likutis: piniginė 14471 EUR"
    assert fired.message == "Piniginėje 14471 disponuojama 12.50 EUR – mažiau nei 100.00 EUR."
    english = AlertEngine(rules, clock=lambda: now[0])  # check and the exporter: English
    [plain] = english.observe_round(low)
    assert plain.title == "Low balance: wallet 14471 EUR"


def test_every_context_is_a_class_or_a_context_named_in_the_code() -> None:
    """``parent.tr(…)`` is looked up under the parent's class at run time, but lupdate files
    it under "parent": such texts would never be translated. Each context must be a class
    of the package (``self.tr``) or a name written out (``translate("Context", …)``)."""
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "wallet_gui").rglob("*.py"))
    contexts = {m.context for m in script.read_messages(script.ts_path("lt"))}
    for context in contexts:
        assert re.fullmatch(r"_?[A-Z][A-Za-z]+", context), f"context {context!r}"
        written = f'"{context}"' in sources or re.search(rf"^class {context}\(", sources, re.M)
        assert written, f"context {context!r} is neither a class nor written in the code"


def test_the_status_bar_counts_down_in_the_language(qtbot: QtBot, speak: object) -> None:
    speak("ru")  # type: ignore[operator]
    poller = FakePoller()
    window = MainWindow(poller, title_suffix="test", wall_clock=lambda: NOW)
    qtbot.addWidget(window)
    poller.statusChanged.emit(
        PollStatus(PollState.CONNECTED, last_poll=NOW - 4, next_poll=NOW + 125)
    )
    times = window.findChild(QLabel, "pollTimesLabel")
    assert times is not None
    assert times.text().startswith("Последний опрос ")
    assert " · следующий опрос " in times.text()
    assert times.text().endswith(", через 2 мин 05 с")
    window.close()
