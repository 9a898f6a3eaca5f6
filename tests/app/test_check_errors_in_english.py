"""``check`` says an error in English whatever the locale, as the API layer wrote it.

The window translates the API's error messages (``wallet_gui.ui.core_texts``); ``check`` is
for programs and logs and prints the very same English under a Russian locale.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

from wallet_gui.sandbox import DEMO_CLIENT_ID, Sandbox

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def test_check_prints_an_answer_that_is_not_json_in_english_under_a_russian_locale(
    sandbox: Sandbox,
) -> None:
    # On a balance, every time: check's clock burst rides out a probe that fails, and its
    # requests go out together, so a fault for "the next request" may hit a probe instead.
    sandbox.faults.add("invalid_json", path="/wallet/14471/balance", times=None)
    command = [sys.executable, "-m", "wallet_gui", "check", "--base-url", sandbox.url]
    command += ["--client-id", DEMO_CLIENT_ID]
    for wallet in sandbox.wallets:
        command += ["--wallet", str(wallet)]
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    environment.update(
        WALLET_GUI_MAC_KEY=sandbox.clients[DEMO_CLIENT_ID],
        LANG="ru_RU.UTF-8",
        LC_ALL="ru_RU.UTF-8",
        NO_PROXY="127.0.0.1",
    )
    result = subprocess.run(
        command, env=environment, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 2, result.stdout + result.stderr  # CRITICAL
    first = result.stdout.splitlines()[0]
    assert first.startswith("WALLET_API CRITICAL - ")
    assert "127.0.0.1 sent an answer that is not JSON (application/json)" in first
    assert not _CYRILLIC.search(result.stdout + result.stderr)
