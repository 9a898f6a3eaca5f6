"""The language at start-up, end to end; and ``check``'s machine output, whatever the locale.

The window's language comes from ``--language``, else the saved choice (Help ▸ Language),
else the system's locale. Each case starts the real app in a child process on the demo,
with ``--exit-after-first-round``; a subclass of the main window records what the window
said when it was built (the texts are translated once, as widgets are made, so a catalogue
installed too late would leave them English). ``check`` prints for programs: its plugin
line and JSON keys must not change with ``LANG``/``LC_ALL``.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from wallet_gui import cli
from wallet_gui.sandbox import DEMO_CLIENT_ID, Sandbox
from wallet_gui.ui import i18n

ROOT = Path(__file__).resolve().parents[2]

#: Starts the app through ``cli.main`` with a main window that notes its title and menus.
_RECORDING_APP = """
import json, sys
from wallet_gui import cli
from wallet_gui.ui import main_window

seen = []

class Recording(main_window.MainWindow):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        menus = [action.text() for action in self.menuBar().actions()]
        seen.append({"title": self.windowTitle(), "menus": menus})

main_window.MainWindow = Recording
status = cli.main(sys.argv[1:])
sys.stdout.write(json.dumps({"status": status, "windows": seen}) + "\\n")
"""


def _environment(**extra: str) -> dict[str, str]:
    """This test's isolated HOME and settings (from the conftest), offscreen, no dialogs."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update(QT_QPA_PLATFORM="offscreen", WALLET_GUI_NO_DIALOGS="1", NO_PROXY="127.0.0.1")
    env.update(extra)
    return env


def _start_app(*argv: str, **env: str) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, "-c", _RECORDING_APP, "--demo", "--exit-after-first-round", *argv],
        env=_environment(**env),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    recorded: dict[str, Any] = json.loads(result.stdout.splitlines()[-1])
    assert recorded["status"] == 0
    assert len(recorded["windows"]) == 1
    window: dict[str, Any] = recorded["windows"][0]
    return window


def test_language_option_builds_the_window_in_russian() -> None:
    window = _start_app("--language", "ru", LANG="C.UTF-8")
    assert window["title"] == "Монитор кошельков — демо (локальный эмулятор)"
    assert "&Подключение" in window["menus"]
    assert "&Справка" in window["menus"]


def test_the_system_locale_chooses_the_language_when_nothing_is_saved() -> None:
    window = _start_app(LANG="lt_LT.UTF-8", LC_ALL="lt_LT.UTF-8")
    assert window["title"] == "Piniginių stebėsena — demonstracija (vietinis emuliatorius)"
    assert "&Žinynas" in window["menus"]


def test_the_saved_choice_overrides_the_system_and_the_option_overrides_both() -> None:
    i18n.save_language("ru")  # Help ▸ Language ▸ Русский, in this test's settings file
    saved = _start_app(LANG="lt_LT.UTF-8", LC_ALL="lt_LT.UTF-8")
    assert saved["title"].startswith("Монитор кошельков — ")
    english = _start_app("--language", "en", LANG="lt_LT.UTF-8", LC_ALL="lt_LT.UTF-8")
    assert english["title"] == "Wallet monitor — demo (local emulator)"
    assert "&Help" in english["menus"]


def test_the_language_option_takes_only_the_languages_the_window_speaks(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.parse_window_request(["--language", "lt"]).language == "lt"
    assert cli.parse_window_request([]).language is None
    with pytest.raises(SystemExit) as exit_info:
        cli.parse_window_request(["--language", "de"])
    assert exit_info.value.code == 2
    assert "invalid choice: 'de'" in capsys.readouterr().err


# -- check ------------------------------------------------------------------------------------


def _check(sandbox: Sandbox, *argv: str, **env: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "wallet_gui", "check", "--base-url", sandbox.url]
    command += ["--client-id", DEMO_CLIENT_ID]
    for wallet in sandbox.wallets:
        command += ["--wallet", str(wallet)]
    command += argv
    environment = _environment(WALLET_GUI_MAC_KEY=sandbox.clients[DEMO_CLIENT_ID], **env)
    return subprocess.run(
        command, env=environment, capture_output=True, text=True, timeout=120, check=False
    )


def _shape(line: str) -> str:
    """The plugin line with its measured numbers replaced: what must never change."""
    return re.sub(r"[-+−]?\d+(?:\.\d+)?", "N", line)


def _keys(value: object, path: str = "") -> set[str]:
    """Every key path of a JSON value (list items share their list's path)."""
    if isinstance(value, dict):
        found = set()
        for key, item in value.items():
            found |= {f"{path}/{key}"} | _keys(item, f"{path}/{key}")
        return found
    if isinstance(value, list):
        return set().union(*(_keys(item, f"{path}[]") for item in value)) if value else set()
    return set()


LITHUANIAN = {"LANG": "lt_LT.UTF-8", "LC_ALL": "lt_LT.UTF-8"}


def test_check_prints_the_same_plugin_line_under_a_lithuanian_locale(sandbox: Sandbox) -> None:
    plain = _check(sandbox, LANG="C", LC_ALL="C")
    lithuanian = _check(sandbox, **LITHUANIAN)
    assert plain.returncode == lithuanian.returncode == 0, plain.stdout + lithuanian.stdout
    first = plain.stdout.splitlines()[0]
    assert first.startswith("WALLET_API OK - ")
    assert _shape(lithuanian.stdout.splitlines()[0]) == _shape(first)
    assert "." in first.split("|", 1)[1]  # decimal points, never commas, in the perfdata
    assert "," not in lithuanian.stdout.splitlines()[0].split("|", 1)[1]


def test_check_json_has_the_same_keys_under_a_lithuanian_locale(sandbox: Sandbox) -> None:
    plain = json.loads(_check(sandbox, "--json", LANG="C", LC_ALL="C").stdout)
    lithuanian = json.loads(_check(sandbox, "--json", **LITHUANIAN).stdout)
    assert _keys(lithuanian) == _keys(plain)
    assert len(_keys(plain)) > 5
