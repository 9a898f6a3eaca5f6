"""Keep the window's translations in step with its sources, with Qt's own tools.

Why: every text of the window is written in English inside ``tr()``; Lithuanian and Russian
live in ``wallet_gui/translations/wallet_gui_xx.ts`` (Qt Linguist's format, reviewed by
people) and are loaded at run time from the ``.qm`` files compiled from them. A text added
or changed in the code must show up in the ``.ts`` files to be translated, and a ``.qm`` left
behind its ``.ts`` would ship old translations.

Usage:
    python resources/update_translations.py          # lupdate (keeps translations), lrelease
    python resources/update_translations.py --check  # change nothing; exit 1 and say what is
                                                     # missing, unfinished or out of date

``--check`` runs lupdate on temporary copies and compares the messages with the committed
``.ts`` files, then looks at every translation (finished, not empty, the right number of
plural forms, the same ``{0}`` placeholders and ``%n`` as its source) and compiles each ``.ts``
to a temporary ``.qm`` that must equal the committed one byte for byte.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "wallet_gui"
TRANSLATIONS = SOURCES / "translations"
CATALOGUE = "wallet_gui"
#: Each language with Qt's locale name and the number of plural forms Qt's rules give it.
LANGUAGES = {"en": ("en_US", 2), "lt": ("lt_LT", 3), "ru": ("ru_RU", 3)}
#: Catalogues of only the plural forms: the English sources say "%n wallet(s)", and the
#: English catalogue makes that "1 wallet" and "2 wallets".
PLURAL_ONLY = frozenset({"en"})
#: ``{0}``, ``{count}``, ``{0:.3f}`` (``{{`` and ``}}`` are literal braces, not fields).
_FIELD = re.compile(r"(?<!\{)\{([A-Za-z0-9_]*)(?:[:!][^{}]*)?\}(?!\})")
_PLURAL = re.compile(r"%n")
#: An accelerator: "&Copy", not "&&" (a literal ampersand).
_ACCELERATOR = re.compile(r"&(?!&)\w")


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


def tool(name: str) -> str:
    """``pyside6-lupdate`` or ``pyside6-lrelease`` beside this Python, else on the PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 (pip install -e '.[test]')")
    return found


def ts_path(language: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"{CATALOGUE}_{language}.ts"


def qm_path(language: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"{CATALOGUE}_{language}.qm"


def run_lupdate(ts_files: list[Path], *, plural_only: bool = False) -> None:
    """Collect every text of the package into ``ts_files``, keeping their translations.

    Without locations (line numbers would change the files with every edit of the code) and
    without obsolete entries (a text no longer in the code is dropped, not kept as vanished).
    """
    command = [tool("pyside6-lupdate"), "-extensions", "py", "-locations", "none"]
    command += ["-no-obsolete", "-source-language", "en", "-silent", str(SOURCES)]
    if plural_only:
        command.append("-pluralonly")
    for path in ts_files:
        command += ["-ts", str(path)]
    subprocess.run(command, check=True, cwd=ROOT, capture_output=True)


def run_lupdate_all(ts_files: dict[str, Path]) -> None:
    """lupdate each language's file; the plural-only ones in a run of their own."""
    for plural_only in (False, True):
        chosen = [p for lang, p in ts_files.items() if (lang in PLURAL_ONLY) == plural_only]
        if chosen:
            run_lupdate(chosen, plural_only=plural_only)


def run_lrelease(ts_file: Path, qm_file: Path) -> None:
    command = [tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)]
    subprocess.run(command, check=True, cwd=ROOT, capture_output=True)


@dataclass(frozen=True, slots=True)
class Message:
    """One ``<message>`` of a ``.ts`` file."""

    context: str
    source: str
    comment: str
    numerus: bool
    kind: str  # the translation's type attribute: "" (finished), "unfinished", "vanished"…
    forms: tuple[str, ...]  # the translation, or its plural forms

    @property
    def key(self) -> tuple[str, str, str, bool]:
        return (self.context, self.source, self.comment, self.numerus)


def read_messages(path: Path) -> list[Message]:
    root = ET.parse(path).getroot()
    messages = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            numerus = message.get("numerus") == "yes"
            if translation is None:
                kind, forms = "missing", ()
            elif numerus:
                kind = translation.get("type", "")
                forms = tuple(f.text or "" for f in translation.iter("numerusform"))
            else:
                kind, forms = translation.get("type", ""), (translation.text or "",)
            messages.append(
                Message(
                    name,
                    message.findtext("source") or "",
                    message.findtext("comment") or "",
                    numerus,
                    kind,
                    forms,
                )
            )
    return messages


def fields(text: str) -> list[str]:
    """The placeholders of ``text`` in a comparable form: ``{0}``/``{count}`` names and
    ``%n``, sorted (a translation may put them in another order)."""
    found = [f"{{{name}}}" for name in _FIELD.findall(text)]
    found += _PLURAL.findall(text)
    return sorted(found)


def message_problems(language: str, messages: list[Message]) -> list[str]:
    """What is wrong with the translations themselves, one line each."""
    _locale, plural_forms = LANGUAGES[language]
    problems = []
    for m in messages:
        where = f"{language}: [{m.context}] {m.source!r}"
        if m.kind:
            problems.append(f"{where}: {m.kind}")
            continue
        if m.numerus and len(m.forms) != plural_forms:
            problems.append(f"{where}: {len(m.forms)} plural forms, not {plural_forms}")
        for form in m.forms:
            if not form.strip():
                problems.append(f"{where}: empty translation")
            elif fields(form) != fields(m.source):
                problems.append(f"{where}: placeholders {fields(form)} in {form!r}")
            elif bool(_ACCELERATOR.search(m.source)) != bool(_ACCELERATOR.search(form)):
                problems.append(f"{where}: the & accelerator is lost or added in {form!r}")
    return problems


def check() -> list[str]:
    """Everything that keeps the committed translations from being complete and current."""
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        copies = []
        for language in LANGUAGES:
            committed = ts_path(language)
            if not committed.exists():
                problems.append(f"{committed.relative_to(ROOT)} is missing")
                continue
            copy = ts_path(language, folder)
            shutil.copyfile(committed, copy)
            copies.append((language, committed, copy))
        run_lupdate_all({language: copy for language, _committed, copy in copies})
        for language, committed, copy in copies:
            have = {m.key for m in read_messages(committed)}
            want = {m.key for m in read_messages(copy)}
            for context, source, _comment, _numerus in sorted(want - have):
                problems.append(f"{language}: not in the .ts yet: [{context}] {source!r}")
            for context, source, _comment, _numerus in sorted(have - want):
                problems.append(f"{language}: gone from the code: [{context}] {source!r}")
            problems += message_problems(language, read_messages(committed))
            compiled = qm_path(language, folder)
            run_lrelease(committed, compiled)
            shipped = qm_path(language)
            if not shipped.exists() or shipped.read_bytes() != compiled.read_bytes():
                problems.append(f"{shipped.relative_to(ROOT)} is not compiled from its .ts")
    return problems


def update() -> None:
    """lupdate into the committed ``.ts`` files, then lrelease each into its ``.qm``."""
    TRANSLATIONS.mkdir(exist_ok=True)
    for language, (locale, _forms) in LANGUAGES.items():
        path = ts_path(language)
        if not path.exists():  # a new language: lupdate takes its plural rules from this
            path.write_text(
                '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                f'<TS version="2.1" language="{locale}" sourcelanguage="en"></TS>\n',
                encoding="utf-8",
            )
    run_lupdate_all({language: ts_path(language) for language in LANGUAGES})
    for language in LANGUAGES:
        run_lrelease(ts_path(language), qm_path(language))
        messages = read_messages(ts_path(language))
        left = message_problems(language, messages)
        say(f"{language}: {len(messages)} messages, {len(left)} to translate or fix")
        for line in left:
            say(f"  {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; report problems")
    args = parser.parse_args(argv)
    if not args.check:
        update()
        return 0
    problems = check()
    for line in problems:
        say(line)
    if problems:
        say(f"{len(problems)} problem(s): run python resources/update_translations.py")
        return 1
    say("translations complete and up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
