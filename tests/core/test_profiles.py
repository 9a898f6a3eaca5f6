"""Profiles live in the INI file (read and written without Qt); secrets never do.

Moved from ``tests/app/test_settings.py`` when the store stopped using ``QSettings``. The
autouse fixture in ``tests/conftest.py`` points ``XDG_CONFIG_HOME`` at a fresh folder.

The tests of failures provoke them in ways that work as root too (where permission bits
stop nothing): a folder or a file in the settings file's way, a file name the temporary
copy cannot have, a file size limit, bytes that are not UTF-8.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from wallet_gui.api.client import DEFAULT_BASE_URL
from wallet_gui.api.errors import WalletError
from wallet_gui.core.connection import AUTH_CERTIFICATE, DEFAULT_INTERVAL, ConnectionSettings
from wallet_gui.core.profiles import ProfileStore, ProfileStoreError, settings_path

# A file as the QSettings-based store wrote it, with the window's section beside it.
LEGACY_FILE = (
    b"[General]\n"
    b"last_profile=shop\n"
    b"\n"
    b"[profiles]\n"
    b"shop\\auth_method=mac\n"
    b"shop\\base_url=https://wallet-api.paysera.com/rest/v1\n"
    b"shop\\ca_bundle=\n"
    b"shop\\cert_file=\n"
    b"shop\\client_id=abc\n"
    b"shop\\interval=45.0\n"
    b"shop\\key_file=\n"
    b"shop\\location_id=17\n"
    b"shop\\project_id=3\n"
    b'shop\\wallet_ids="14471,20002"\n'
    b"\n"
    b"[window]\n"
    b"geometry=@ByteArray(\\x1\\xd9\\xd0\\xcb\\0\\x3\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\x4\\xff)\n"
    b"state=@ByteArray(\\0\\0\\0\\xff\\0\\0\\0\\0\\xfd)\n"
)
SHOP = ConnectionSettings(
    profile="shop",
    base_url="https://wallet-api.paysera.com/rest/v1",
    client_id="abc",
    project_id=3,
    location_id=17,
    wallet_ids=("14471", "20002"),
    interval=45.0,
)


def write_settings(data: bytes) -> Path:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_profile_round_trip_and_last_used() -> None:
    store = ProfileStore()
    store.save(SHOP)
    store.last_used = "shop"
    reopened = ProfileStore()
    assert reopened.load("shop") == SHOP
    assert reopened.names() == ["shop"]
    assert reopened.last_used == "shop"
    assert reopened.find_by_client_id("abc") == SHOP


def test_settings_file_is_under_the_users_config_folder() -> None:
    ProfileStore().save(ConnectionSettings(profile="x", client_id="c"))
    path = settings_path()
    assert path.is_file()
    assert Path(os.environ["XDG_CONFIG_HOME"]) in path.parents


def test_deleting_a_profile_forgets_it_and_the_last_used_mark() -> None:
    store = ProfileStore()
    store.save(ConnectionSettings(profile="old", auth_method=AUTH_CERTIFICATE, cert_file="/c.pem"))
    store.last_used = "old"
    store.delete("old")
    assert store.load("old") is None
    assert store.last_used is None


def test_a_profile_saved_without_base_url_gets_the_production_default() -> None:
    """The QSettings loader read the slots descriptor ``ConnectionSettings.base_url`` as the
    default and so produced ``"<member 'base_url' ...>"`` for such a profile."""
    write_settings(b"[profiles]\nold\\client_id=abc\n")
    profile = ProfileStore().load("old")
    assert profile is not None
    assert profile.base_url == DEFAULT_BASE_URL
    assert profile.base_url.startswith("https://")
    assert profile.interval == DEFAULT_INTERVAL
    assert profile == ConnectionSettings(profile="old", client_id="abc")


def test_a_file_from_the_qsettings_based_version_keeps_working() -> None:
    path = write_settings(LEGACY_FILE)
    store = ProfileStore()
    assert store.names() == ["shop"]
    assert store.load("shop") == SHOP
    assert store.last_used == "shop"
    store.save(SHOP)
    store.last_used = "shop"
    assert path.read_bytes() == LEGACY_FILE  # nothing changed, nothing rewritten


def test_saving_and_deleting_leave_the_windows_section_byte_for_byte() -> None:
    path = write_settings(LEGACY_FILE)
    window_section = LEGACY_FILE[LEGACY_FILE.index(b"[window]") :]
    store = ProfileStore()
    store.save(ConnectionSettings(profile="Šiauliai ūkis", client_id="x, y"))
    store.save(ConnectionSettings(profile="shop", client_id="changed"))
    store.last_used = "Šiauliai ūkis"
    assert path.read_bytes().endswith(window_section)
    store.delete("shop")
    store.delete("Šiauliai ūkis")
    assert path.read_bytes() == b"[window]" + window_section.partition(b"[window]")[2]


def test_odd_stored_values_fall_back_to_defaults() -> None:
    write_settings(
        b"[profiles]\n"
        b"p\\wallet_ids=1, 2 ,3\n"  # hand-edited: Qt reads an unquoted comma as a list
        b"p\\interval=soon\n"
        b"p\\project_id=@ByteArray(3)\n"
        b"p\\location_id=x\n"
    )
    profile = ProfileStore().load("p")
    assert profile is not None
    assert profile.wallet_ids == ("1", "2", "3")
    assert profile.interval == DEFAULT_INTERVAL
    assert profile.project_id is None
    assert profile.location_id is None


def test_two_stores_on_one_file_see_each_others_changes() -> None:
    first, second = ProfileStore(), ProfileStore()
    assert first.names() == []
    second.save(SHOP)
    assert first.load("shop") == SHOP
    first.last_used = "shop"
    assert second.last_used == "shop"
    second.delete("shop")
    assert first.names() == []
    assert first.last_used is None


def test_saving_replaces_every_key_of_the_profile(tmp_path: Path) -> None:
    path = tmp_path / "injected.ini"
    path.write_bytes(b"[profiles]\nshop\\client_id=old\nshop\\retired_key=1\n")
    store = ProfileStore(path)
    store.save(SHOP)
    assert store.load("shop") == SHOP
    assert b"retired_key" not in path.read_bytes()
    assert not settings_path().exists()  # the injected path, not the default one


@pytest.mark.parametrize("name", ["", "a/b"])
def test_a_profile_name_must_be_a_single_key(name: str) -> None:
    with pytest.raises(ValueError, match="name"):
        ProfileStore().save(ConnectionSettings(profile=name))


@pytest.mark.parametrize(
    ("platform", "environment", "folder"),
    [
        ("linux", {}, "home/.config"),
        ("darwin", {}, "home/Library/Preferences"),
        ("win32", {"LOCALAPPDATA": "/appdata"}, "/appdata"),
        ("win32", {}, "home/AppData/Local"),
        ("darwin", {"XDG_CONFIG_HOME": "/xdg"}, "/xdg"),
    ],
)
def test_settings_path_is_qts_generic_config_location(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    platform: str,
    environment: dict[str, str],
    folder: str,
) -> None:
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.delenv("LOCALAPPDATA", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("USERPROFILE", str(tmp_path / "home"))
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(sys, "platform", platform)
    assert settings_path() == tmp_path / folder / "wallet-gui" / "wallet-gui.ini"


def set_last_used(name: str | None) -> Callable[[ProfileStore], object]:
    def call(store: ProfileStore) -> None:
        store.last_used = name

    return call


CALLS: dict[str, tuple[Callable[[ProfileStore], object], str]] = {
    "names": (ProfileStore.names, "read profiles from"),
    "load": (lambda store: store.load("shop"), "read profiles from"),
    "find_by_client_id": (lambda store: store.find_by_client_id("abc"), "read profiles from"),
    "last_used": (lambda store: store.last_used, "read profiles from"),
    "save": (lambda store: store.save(SHOP), "save profile 'shop' to"),
    "delete": (lambda store: store.delete("shop"), "delete profile 'shop' from"),
    "set_last_used": (set_last_used("shop"), "save 'shop' as the last used profile to"),
    "clear_last_used": (set_last_used(None), "forget the last used profile in"),
}


@pytest.mark.parametrize(("call", "action"), CALLS.values(), ids=CALLS.keys())
def test_a_folder_at_the_settings_path_is_one_readable_error(
    call: Callable[[ProfileStore], object], action: str
) -> None:
    path = settings_path()
    (path / "inside").mkdir(parents=True)
    with pytest.raises(WalletError) as caught:
        call(ProfileStore())
    error = caught.value
    assert isinstance(error, ProfileStoreError)
    assert str(error) == f"cannot {action} {path}: it is a folder, not a file"
    assert (error.path, error.reason) == (path, "it is a folder, not a file")
    assert isinstance(error.__cause__, OSError)  # what went wrong is kept, not swallowed
    assert str(pickle.loads(pickle.dumps(error))) == str(error)
    assert [p.name for p in path.iterdir()] == ["inside"]  # nothing written into it


def test_a_file_in_place_of_the_settings_folder_is_named_in_the_error() -> None:
    folder = settings_path().parent
    folder.parent.mkdir(parents=True)
    folder.write_bytes(b"not a folder")
    store = ProfileStore()
    expected = f"cannot save profile 'shop' to {settings_path()}: {folder} is a file, not a folder"
    with pytest.raises(ProfileStoreError) as caught:
        store.save(SHOP)
    assert str(caught.value) == expected
    with pytest.raises(ProfileStoreError) as caught:
        store.names()
    assert str(caught.value).endswith(f": {folder} is a file, not a folder")
    assert folder.read_bytes() == b"not a folder"


def test_a_save_that_cannot_start_leaves_the_file_and_the_store_as_they_were(
    tmp_path: Path,
) -> None:
    """The temporary copy's name, longer than the file's, exceeds the file system's limit."""
    path = tmp_path / f"{'w' * 248}.ini"
    path.write_bytes(LEGACY_FILE)
    store = ProfileStore(path)
    changed = ConnectionSettings(profile="shop", client_id="changed")
    with pytest.raises(ProfileStoreError) as caught:
        store.save(changed)
    assert str(caught.value).startswith(f"cannot save profile 'shop' to {path}: ")
    assert "\n" not in str(caught.value)
    assert path.read_bytes() == LEGACY_FILE
    assert [p.name for p in tmp_path.iterdir()] == [path.name]
    assert store.load("shop") == SHOP  # what is on disk, not what failed to get there


@pytest.mark.skipif(sys.platform == "win32", reason="needs POSIX file size limits")
def test_a_save_that_fails_halfway_leaves_the_previous_file_intact() -> None:
    """Like a full disk: the temporary copy cannot be written whole, so it never replaces
    the file, and it does not stay behind."""
    path = write_settings(LEGACY_FILE)
    code = (
        "import resource, signal\n"
        "from wallet_gui.core.connection import ConnectionSettings\n"
        "from wallet_gui.core.profiles import ProfileStore, ProfileStoreError\n"
        "store = ProfileStore()\n"
        "assert store.names() == ['shop']\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "hard = resource.getrlimit(resource.RLIMIT_FSIZE)[1]\n"
        f"resource.setrlimit(resource.RLIMIT_FSIZE, ({len(LEGACY_FILE)}, hard))\n"
        "try:\n"
        "    store.save(ConnectionSettings(profile='new', client_id='x' * 100))\n"
        "except ProfileStoreError as error:\n"
        "    print(error)\n"
    )
    project = Path(__file__).resolve().parents[2]
    run = subprocess.run(
        [sys.executable, "-c", code], check=True, timeout=60, cwd=project, capture_output=True
    )
    assert run.stdout.decode() == f"cannot save profile 'new' to {path}: file too large\n"
    assert path.read_bytes() == LEGACY_FILE
    assert [p.name for p in path.parent.iterdir()] == [path.name]


def test_a_file_that_is_not_utf8_is_refused_and_left_alone() -> None:
    """Read as Qt does (U+FFFD for the stray byte), the value would be wrong and a save
    would write the wrong value back: the store says what is wrong instead."""
    latin1 = LEGACY_FILE.replace(b"client_id=abc", b"client_id=caf\xe9")
    path = write_settings(latin1)
    store = ProfileStore()
    reason = "it is not UTF-8 text (byte 0xE9 on line 9)"
    for call, action in CALLS.values():
        with pytest.raises(ProfileStoreError) as caught:
            call(store)
        assert str(caught.value) == f"cannot {action} {path}: {reason}"
        assert isinstance(caught.value.__cause__, UnicodeDecodeError)
    assert path.read_bytes() == latin1
    write_settings(LEGACY_FILE)  # once mended, the same store reads it again
    assert store.load("shop") == SHOP


def test_the_profile_store_imports_no_qt() -> None:
    code = (
        "import sys, wallet_gui.core.profiles\n"
        "assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
    )
    project = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60, cwd=project)
