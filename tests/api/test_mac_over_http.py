"""``MacAuth`` plugged into plain ``requests``, verified by the emulator over loopback HTTP."""

from __future__ import annotations

import time

import pytest
import requests

from wallet_gui.api import ApiError, MacAuth, WalletClient
from wallet_gui.sandbox import DEMO_CLIENT_ID, Sandbox


def test_signed_request_is_accepted(sandbox: Sandbox, mac_auth: MacAuth) -> None:
    response = requests.get(sandbox.url + "/wallet/14471", auth=mac_auth, timeout=5)
    assert response.status_code == 200
    assert response.json()["id"] == 14471
    record = sandbox.records[-1]
    assert record.client_id == DEMO_CLIENT_ID
    assert record.headers["Authorization"].startswith(f'MAC id="{DEMO_CLIENT_ID}", ts="')


def test_signed_request_with_query_is_accepted(sandbox: Sandbox, mac_auth: MacAuth) -> None:
    response = requests.get(
        sandbox.url + "/wallet/14471/balance",
        params={"convert_to": "EUR"},
        auth=mac_auth,
        timeout=5,
    )
    assert response.status_code == 200
    assert sandbox.records[-1].query == {"convert_to": ["EUR"]}


def test_signed_body_hash_matches_what_the_server_computes(
    sandbox: Sandbox, mac_auth: MacAuth
) -> None:
    body = '{"note": "ąčę ☕"}'
    response = requests.post(sandbox.url + "/client", data=body.encode(), auth=mac_auth, timeout=5)
    assert response.status_code == 200, response.text
    assert "body_hash=" in sandbox.records[-1].headers["Authorization"]


def test_body_changed_after_signing_is_refused(sandbox: Sandbox, mac_auth: MacAuth) -> None:
    url = sandbox.url + "/client"
    header = mac_auth.header("POST", url, b'{"amount": 1}')
    response = requests.post(
        url, data=b'{"amount": 9}', headers={"Authorization": header}, timeout=5
    )
    assert response.status_code == 401
    assert response.json()["error"] == "unauthorized"


def test_wrong_key_is_refused_as_unauthorized(sandbox: Sandbox) -> None:
    wrong = MacAuth(DEMO_CLIENT_ID, "not-the-key")
    response = requests.get(sandbox.url + "/wallet/14471", auth=wrong, timeout=5)
    assert response.status_code == 401
    assert response.json()["error"] == "unauthorized"
    with WalletClient(sandbox.url, wrong) as api, pytest.raises(ApiError) as caught:
        api.wallet(14471)
    assert caught.value.status == 401
    assert caught.value.error == "unauthorized"


@pytest.mark.parametrize(
    ("skew", "description"),
    [(+300.0, "Timestamp is in future"), (-300.0, "Timestamp lifetime exceeded")],
)
def test_clock_five_minutes_off_is_refused_as_invalid_timestamp(
    sandbox: Sandbox, demo_key: str, skew: float, description: str
) -> None:
    skewed = MacAuth(DEMO_CLIENT_ID, demo_key, clock=lambda: time.time() + skew)
    response = requests.get(sandbox.url + "/wallet/14471", auth=skewed, timeout=5)
    assert response.status_code == 401
    assert response.json() == {"error": "invalid_timestamp", "error_description": description}
    with WalletClient(sandbox.url, skewed) as api, pytest.raises(ApiError) as caught:
        api.wallet(14471)
    assert caught.value.is_invalid_timestamp


def test_replayed_header_is_refused(sandbox: Sandbox, mac_auth: MacAuth) -> None:
    url = sandbox.url + "/wallet/14471"
    headers = {"Authorization": mac_auth.header("GET", url)}
    with requests.Session() as session:
        first = session.get(url, headers=headers, timeout=5)
        second = session.get(url, headers=headers, timeout=5)
    assert first.status_code == 200
    assert second.status_code == 401
    assert second.json()["error"] == "unauthorized"


def test_extra_parameters_arrive_in_ext(sandbox: Sandbox, demo_key: str) -> None:
    auth = MacAuth(DEMO_CLIENT_ID, demo_key, extra={"project_id": 3})
    response = requests.get(sandbox.url + "/wallet/14471", auth=auth, timeout=5)
    assert response.status_code == 200
    assert sandbox.records[-1].ext == {"project_id": "3"}


def test_both_extra_parameters_arrive_in_ext(sandbox: Sandbox, demo_key: str) -> None:
    auth = MacAuth(DEMO_CLIENT_ID, demo_key, extra={"project_id": 3, "location_id": 12})
    with WalletClient(sandbox.url, auth) as api:
        api.client_info()
    assert sandbox.records[-1].ext == {"project_id": "3", "location_id": "12"}
    assert 'ext="project_id=3&location_id=12"' in sandbox.records[-1].headers["Authorization"]


def test_many_signed_requests_in_a_row_all_pass(client: WalletClient, sandbox: Sandbox) -> None:
    for _ in range(20):
        assert client.wallet(14471).id == 14471
    assert [r.status for r in sandbox.records] == [200] * 20
