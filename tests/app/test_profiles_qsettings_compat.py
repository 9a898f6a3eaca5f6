"""The Qt-free ProfileStore and a real QSettings share one file and read each other exactly.

Users' files were written by the QSettings-based store (whose logic is kept inline below as
``qsettings_save``), and the window still writes its geometry with QSettings into the same
file; in the same process a QSettings object must also notice the store's rewrites.
"""

from __future__ import annotations

import itertools
import os
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QByteArray, QSettings

from wallet_gui.core.connection import AUTH_CERTIFICATE, ConnectionSettings
from wallet_gui.core.profiles import ProfileStore

NAMES = [
    "shop with spaces",
    "100% off",
    "Šiauliai ūkis",
    "Профиль",
    "emoji 😀",
    "back\\slash",
    "General",
    "a=b;c,d",
    " padded ",
]
VALUES = [
    "a,b,c",
    "x, y",
    "k=v",
    "semi;colon",
    'say "hi"',
    "C:\\path\\to\\file.pem",
    "  leading",
    "trailing  ",
    "two\nlines\r\n",
    "@at",
    "@@double",
    "@ByteArray(not really)",
    "tab\there",
    "nul\x00byte",
    "ctl\x01\x1f\x7f9",
    "ünïcødé 😀",
    "",
]
GEOMETRY = QByteArray(bytes(range(256)))
STATE = QByteArray(b"\x00\x00\x00\xff\x00\x00\x00\x00\xfd\x00\x00\x00\x01")
texts = st.text(st.characters(codec="utf-8"))
unique = itertools.count()


def tricky_profiles() -> list[ConnectionSettings]:
    values = itertools.cycle(VALUES)
    return [
        ConnectionSettings(
            profile=name,
            base_url=next(values),
            auth_method=AUTH_CERTIFICATE if index % 2 else next(values),
            client_id=next(values),
            cert_file=next(values),
            key_file=next(values),
            project_id=index if index % 3 else None,
            location_id=-index,
            wallet_ids=("14471", f"w{index}", "Ž"),
            interval=0.5 + index,
            ca_bundle=next(values),
        )
        for index, name in enumerate(NAMES)
    ]


def stored_fields(profile: ConnectionSettings) -> dict[str, str]:
    """What the QSettings-based store wrote for a profile, key by key."""
    return {
        "base_url": profile.base_url,
        "auth_method": profile.auth_method,
        "client_id": profile.client_id,
        "cert_file": profile.cert_file,
        "key_file": profile.key_file,
        "project_id": "" if profile.project_id is None else str(profile.project_id),
        "location_id": "" if profile.location_id is None else str(profile.location_id),
        "wallet_ids": ",".join(profile.wallet_ids),
        "interval": str(profile.interval),
        "ca_bundle": profile.ca_bundle,
    }


def qsettings_save(qsettings: QSettings, profile: ConnectionSettings) -> None:
    """The old, QSettings-based ``ProfileStore.save``."""
    qsettings.remove(f"profiles/{profile.profile}")
    qsettings.beginGroup(f"profiles/{profile.profile}")
    for key, value in stored_fields(profile).items():
        qsettings.setValue(key, value)
    qsettings.endGroup()
    qsettings.sync()


def qsettings_fields(qsettings: QSettings, name: str) -> dict[str, object]:
    return {
        key: qsettings.value(f"profiles/{name}/{key}")
        for key in stored_fields(ConnectionSettings())
    }


def open_qsettings(path: Path) -> QSettings:
    return QSettings(str(path), QSettings.Format.IniFormat)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "wallet-gui.ini"


@pytest.fixture(scope="module")
def scratch_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder for all hypothesis examples; each example uses new file names in it."""
    return tmp_path_factory.mktemp("round-trips")


def test_store_reads_profiles_qsettings_wrote(path: Path) -> None:
    qsettings = open_qsettings(path)
    for profile in tricky_profiles():
        qsettings_save(qsettings, profile)
    qsettings.setValue("last_profile", "Профиль")
    qsettings.sync()
    assert qsettings.status() == QSettings.Status.NoError
    store = ProfileStore(path)
    assert store.names() == sorted(NAMES)
    for profile in tricky_profiles():
        assert store.load(profile.profile) == profile
    assert store.last_used == "Профиль"


def test_qsettings_reads_profiles_the_store_wrote(path: Path) -> None:
    store = ProfileStore(path)
    for profile in tricky_profiles():
        store.save(profile)
    store.last_used = "emoji 😀"
    qsettings = open_qsettings(path)
    assert qsettings.status() == QSettings.Status.NoError
    assert qsettings.childGroups() == ["profiles"]
    assert qsettings.childKeys() == ["last_profile"]
    qsettings.beginGroup("profiles")
    assert sorted(qsettings.childGroups()) == sorted(NAMES)
    qsettings.endGroup()
    for profile in tricky_profiles():
        assert qsettings_fields(qsettings, profile.profile) == stored_fields(profile)
    assert qsettings.value("last_profile") == "emoji 😀"


def test_window_geometry_written_by_qsettings_survives_the_store(path: Path) -> None:
    window = open_qsettings(path)
    window.setValue("window/geometry", GEOMETRY)
    window.setValue("window/state", STATE)
    window.setValue("window/splitter", [100, 200])
    window.setValue("window/maximized", True)
    window.sync()
    before = path.read_bytes()
    window_section = before[before.index(b"[window]") :]
    store = ProfileStore(path)
    for profile in tricky_profiles():
        store.save(profile)
    store.last_used = "General"
    store.delete("Профиль")
    assert window_section in path.read_bytes()
    window.sync()
    for reader in (window, open_qsettings(path)):
        assert reader.value("window/geometry") == GEOMETRY
        assert reader.value("window/state") == STATE
        assert reader.value("window/splitter") == ["100", "200"]
        assert reader.value("window/maximized") == "true"
        assert reader.value("profiles/emoji 😀/client_id") is not None
    for name in NAMES:
        store.delete(name)
    store.last_used = None
    assert path.read_bytes() == before


def test_a_file_of_the_qsettings_based_store_keeps_working(path: Path) -> None:
    old = open_qsettings(path)
    for profile in tricky_profiles():
        qsettings_save(old, profile)
    old.setValue("last_profile", "100% off")
    old.setValue("window/geometry", GEOMETRY)
    old.sync()
    store = ProfileStore(path)
    for profile in tricky_profiles():
        assert store.find_by_client_id(profile.client_id) is not None
        assert store.load(profile.profile) == profile
        store.save(profile)  # the same values: the file is left as it is
    assert store.last_used == "100% off"
    assert open_qsettings(path).value("window/geometry") == GEOMETRY


def test_a_live_qsettings_sees_the_stores_changes_after_sync(path: Path) -> None:
    window = open_qsettings(path)
    window.setValue("window/geometry", GEOMETRY)
    window.sync()
    store = ProfileStore(path)
    for client_id in ("a", "b", "c"):  # same size, within the same millisecond
        store.save(ConnectionSettings(profile="p", client_id=client_id))
        window.sync()
        assert window.value("profiles/p/client_id") == client_id
    window.setValue("window/state", STATE)  # pending while the store writes
    store.last_used = "p"
    window.sync()
    assert window.value("last_profile") == "p"
    reread = open_qsettings(path)
    assert reread.value("window/state") == STATE
    assert reread.value("last_profile") == "p"
    assert store.load("p") == ConnectionSettings(profile="p", client_id="c")


def test_a_live_qsettings_sees_a_rewrite_within_one_clock_tick(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QSettings re-reads on ``sync()`` only if the size or the millisecond mtime moved; where
    the clock is coarse (FAT, HFS+, some network file systems) a same-size rewrite would keep
    both, so the store dates its rewrite after the file it replaces."""
    store = ProfileStore(path)
    store.save(ConnectionSettings(profile="p", client_id="a"))
    window = open_qsettings(path)
    assert window.value("profiles/p/client_id") == "a"
    tick = path.stat().st_mtime_ns
    fsync = os.fsync

    def fsync_on_a_coarse_clock(handle: int) -> None:
        fsync(handle)
        if stat.S_ISREG(os.fstat(handle).st_mode):
            os.utime(handle, ns=(tick, tick))

    monkeypatch.setattr(os, "fsync", fsync_on_a_coarse_clock)
    store.save(ConnectionSettings(profile="p", client_id="b"))
    window.sync()
    assert window.value("profiles/p/client_id") == "b"


def test_the_store_sees_what_qsettings_writes_meanwhile(path: Path) -> None:
    store = ProfileStore(path)
    assert store.names() == []
    qsettings = open_qsettings(path)
    qsettings_save(qsettings, ConnectionSettings(profile="p", client_id="from qt"))
    assert store.names() == ["p"]
    store.save(ConnectionSettings(profile="p", client_id="from store"))
    qsettings.sync()
    qsettings_save(qsettings, ConnectionSettings(profile="p", client_id="from qt again"))
    assert store.find_by_client_id("from qt again") is not None


@settings(max_examples=60, deadline=None)
@given(name=texts.filter(lambda n: n and "/" not in n), value=texts)
def test_any_name_and_value_round_trips_both_ways(
    scratch_folder: Path, name: str, value: str
) -> None:
    profile = ConnectionSettings(profile=name, client_id=value, base_url=value, key_file=value)
    written_by_qt = scratch_folder / f"qt-{next(unique)}.ini"
    qsettings_save(open_qsettings(written_by_qt), profile)
    assert ProfileStore(written_by_qt).load(name) == profile
    written_by_store = scratch_folder / f"store-{next(unique)}.ini"
    ProfileStore(written_by_store).save(profile)
    assert qsettings_fields(open_qsettings(written_by_store), name) == stored_fields(profile)
