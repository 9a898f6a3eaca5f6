"""Shared fixtures: Qt without a screen, the emulator, and isolation from the user's state.

Every test runs with its own HOME/XDG folders and its own QSettings location, so no test
can read or write the developer's real settings; the OS keyring is only touched by tests
marked ``keyring``, which run against the throwaway Secret Service that ``.ci/test`` starts.
"""

from __future__ import annotations

import os

# Qt aborts the process (not an exception) when it has no platform: set it before any import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")

from collections.abc import Iterator

import keyring
import pytest

from wallet_gui.sandbox import DEMO_CLIENT_ID, Sandbox

# Pick the OS keyring now: keyring chains every backend class it knows at its first use,
# and test modules define small backend classes of their own that must not join the chain.
keyring.get_keyring()


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.delenv("WALLET_GUI_MAC_KEY", raising=False)


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    """A fresh emulator on 127.0.0.1 with the demo data and one MAC client."""
    with Sandbox(seed=1) as server:
        yield server


@pytest.fixture
def demo_key(sandbox: Sandbox) -> str:
    return sandbox.clients[DEMO_CLIENT_ID]


@pytest.fixture
def secret_service() -> None:
    """Require a real Secret Service keyring: fail in CI (it was promised), skip elsewhere."""
    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if "SecretService" in name:
        return
    if os.environ.get("WALLET_GUI_REAL_KEYRING") == "1":
        pytest.fail(f"a Secret Service keyring was promised but the backend is {name}")
    pytest.skip(f"no Secret Service keyring here ({name}); run through .ci/test")
