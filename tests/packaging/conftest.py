"""What the packaging tests share: the tools they need, a clean copy of the repository, and
the two expensive products built once per test session (a pipx install, the frozen build).

A tool that is missing fails the test with the way to get it, rather than skipping it:
``bash .ci/test`` installs all of them (desktop-file-utils and appstream through
``WALLET_GUI_WITH_DESKTOP_TOOLS=1``; pipx and PyInstaller from the ``test`` extras).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
#: Long enough for a cold start of a frozen or freshly installed copy plus the clock burst,
#: well under ``FIRST_ROUND_TIMEOUT_S`` and pytest's limit.
RUN_TIMEOUT_S = 90


def require_tool(command: str, how: str) -> str:
    """The path of ``command``, or a failure that says how to install it."""
    found = shutil.which(command)
    if found is None:
        pytest.fail(f"{command} is missing: {how}", pytrace=False)
    return found


def require_module(name: str) -> None:
    if importlib.util.find_spec(name) is None:
        pytest.fail(
            f"the Python module {name} is missing: pip install -e '.[test]' (bash .ci/setup)",
            pytrace=False,
        )


DESKTOP_TOOLS = (
    "apt-get install desktop-file-utils appstream "
    "(bash .ci/setup does with WALLET_GUI_WITH_DESKTOP_TOOLS=1, as .ci/test sets)"
)


def offscreen_env(**extra: str) -> dict[str, str]:
    """This process's environment for a child that shows windows without a screen."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.setdefault("NO_PROXY", "127.0.0.1,localhost")
    env.update(extra)
    return env


def run(
    command: list[str], env: Mapping[str, str] | None = None, timeout: float = RUN_TIMEOUT_S
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command,
        env=dict(env) if env is not None else offscreen_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def clean_copy(target: Path) -> Path:
    """The repository's files as a fresh clone would have them (tracked, plus new files not
    yet committed, minus everything .gitignore names: no .venv, no caches, no egg-info)."""
    git = require_tool("git", "apt-get install git")
    listing = subprocess.run(
        [git, "-C", str(REPO), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        capture_output=True,
        check=True,
    )
    for name in filter(None, listing.stdout.decode("utf-8").split("\0")):
        source = REPO / name
        if not source.exists() and not source.is_symlink():
            continue  # deleted in the working tree, not yet committed
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        if source.is_symlink():
            destination.symlink_to(os.readlink(source))
        else:
            shutil.copy2(source, destination)
    return target


@dataclass(frozen=True)
class Product:
    """An installed or built program and how long making it took."""

    program: Path
    seconds: float
    home: Path


@pytest.fixture(scope="session")
def pipx_install(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Product]:
    """``pipx install`` of a clean copy, into a temporary pipx home and bin folder."""
    require_module("pipx")
    root = tmp_path_factory.mktemp("pipx")
    source = clean_copy(root / "source")
    env = dict(os.environ)
    env.update(
        PIPX_HOME=str(root / "home"),
        PIPX_BIN_DIR=str(root / "bin"),
        PIPX_MAN_DIR=str(root / "man"),
        USE_EMOJI="0",
    )
    started = time.monotonic()
    result = run(
        [sys.executable, "-m", "pipx", "install", "--python", sys.executable, str(source)],
        env=env,
        timeout=600,
    )
    seconds = time.monotonic() - started
    assert result.returncode == 0, f"pipx install failed:\n{result.stdout}\n{result.stderr}"
    yield Product(program=root / "bin" / "wallet-gui", seconds=seconds, home=root)
    shutil.rmtree(root, ignore_errors=True)  # about 700 MB, mostly Qt


@pytest.fixture(scope="session")
def frozen_build(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Product]:
    """The one-folder PyInstaller build made by packaging/build-frozen.sh."""
    require_module("PyInstaller")
    build = tmp_path_factory.mktemp("frozen")
    env = dict(os.environ)
    env["PYTHON"] = sys.executable
    started = time.monotonic()
    result = run(["bash", str(REPO / "packaging" / "build-frozen.sh"), str(build)], env, 900)
    seconds = time.monotonic() - started
    assert result.returncode == 0, f"the frozen build failed:\n{result.stdout}\n{result.stderr}"
    program = build / "dist" / "wallet-gui" / "wallet-gui"
    yield Product(program=program, seconds=seconds, home=build)
    shutil.rmtree(build, ignore_errors=True)  # about 250 MB with PyInstaller's work folder
