"""``wallet-gui check`` runs without loading any part of Qt.

Monitoring hosts often have no Qt libraries at all; the check must work there. The run
below blocks every PySide6 and shiboken6 import in a fresh interpreter and runs a real
check against the emulator, so a stray import anywhere on the check's path fails loudly.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from wallet_gui.sandbox import DEMO_CLIENT_ID, Sandbox

_BLOCK_QT_AND_RUN = textwrap.dedent(
    """
    import importlib.abc, sys

    class BlockQt(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("PySide6", "shiboken6"):
                raise ImportError(f"check imported {name}")
            return None

    sys.meta_path.insert(0, BlockQt())
    from wallet_gui.cli import main
    status = main(sys.argv[1:])
    loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
    assert not loaded, loaded
    sys.exit(status)
    """
)


def test_check_with_wallets_runs_with_every_qt_import_blocked(sandbox: Sandbox) -> None:
    env = {**os.environ, "WALLET_GUI_MAC_KEY": sandbox.clients[DEMO_CLIENT_ID]}
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            _BLOCK_QT_AND_RUN,
            "check",
            "--base-url",
            sandbox.url,
            "--client-id",
            DEMO_CLIENT_ID,
            "--wallet",
            "14471",
            "--json",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["balances"]["14471"]["EUR"]["at_disposal"] == "22.99"
