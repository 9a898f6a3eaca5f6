"""The one window per user: which launches join a running window, and where it listens."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from wallet_gui.cli import parse_window_request
from wallet_gui.core.app_identity import APP_ID, instance_server_path


def test_in_the_users_runtime_folder_and_one_per_settings_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    path = instance_server_path(Path("/home/a/.config/wallet-gui/wallet-gui.ini"))
    assert path.parent == tmp_path
    assert path.name.startswith(f"{APP_ID}-{os.getuid()}-")
    assert path == instance_server_path(Path("/home/a/.config/wallet-gui/wallet-gui.ini"))
    assert path != instance_server_path(Path("/tmp/other/wallet-gui/wallet-gui.ini"))
    # A Unix socket's path has room for 107 bytes; /run/user/1000/ leaves 92 for the name.
    assert len(path.name.encode()) < 60


def test_without_a_runtime_folder_the_temporary_one_with_the_user_in_the_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    path = instance_server_path(Path("/home/a/.config/wallet-gui/wallet-gui.ini"))
    assert path.parent == Path(tempfile.gettempdir())
    assert f"-{os.getuid()}-" in path.name
    monkeypatch.setenv("XDG_RUNTIME_DIR", "/no/such/folder")
    assert path == instance_server_path(Path("/home/a/.config/wallet-gui/wallet-gui.ini"))


@pytest.mark.parametrize(
    ("argv", "joins"),
    [
        ([], True),
        (["--profile", "shop"], True),
        (["--language", "lt", "-style", "fusion"], True),
        (["--new-instance"], False),
        (["--demo"], False),
        (["--profile", "shop", "--interval", "10"], False),  # a connection of its own
        (["--client-id", "abc", "--wallet", "14471"], False),
        (["--base-url", "https://example.org/rest/v1"], False),
    ],
)
def test_a_plain_launch_or_one_naming_a_saved_profile_joins_a_running_window(
    argv: list[str], joins: bool
) -> None:
    assert parse_window_request(argv).for_a_running_window is joins
