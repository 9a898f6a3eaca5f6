"""Profiles live in QSettings; secrets never do."""

from __future__ import annotations

import os
from pathlib import Path

from wallet_gui.connection import AUTH_CERTIFICATE, ConnectionSettings
from wallet_gui.settings import ProfileStore, settings_path


def test_profile_round_trip_and_last_used() -> None:
    store = ProfileStore()
    profile = ConnectionSettings(
        profile="shop",
        base_url="https://wallet-api.paysera.com/rest/v1",
        client_id="abc",
        project_id=3,
        location_id=17,
        wallet_ids=("14471", "20002"),
        interval=45.0,
    )
    store.save(profile)
    store.last_used = "shop"
    reopened = ProfileStore()
    assert reopened.load("shop") == profile
    assert reopened.names() == ["shop"]
    assert reopened.last_used == "shop"
    assert reopened.find_by_client_id("abc") == profile


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
