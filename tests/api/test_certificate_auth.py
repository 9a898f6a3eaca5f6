"""TLS client-certificate authentication and server verification, over real TLS (trustme CA)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from wallet_gui.api import CertificateAuth, MacAuth, TransportError, WalletClient, WalletError
from wallet_gui.api.auth import CredentialsError
from wallet_gui.sandbox import DEMO_CLIENT_ID, Sandbox

if TYPE_CHECKING:
    from tests.api.conftest import PemFiles, Pki


def test_certificate_with_passphrase_authenticates_and_sends_extras_as_headers(
    tls_sandbox: Sandbox, pem_files: PemFiles
) -> None:
    auth = CertificateAuth(
        str(pem_files.client_cert),
        str(pem_files.encrypted_client_key),
        passphrase=pem_files.passphrase,
        extra={"project_id": 3, "location_id": 9},
    )
    with WalletClient(tls_sandbox.url, auth, ca_bundle=str(pem_files.ca)) as api:
        wallet = api.wallet(14471)
        info = api.client_info()
    assert wallet.id == 14471
    assert info.title
    for record in tls_sandbox.records:
        assert record.status == 200
        assert record.client_id == DEMO_CLIENT_ID
        assert record.headers["Wallet-Api-Project-Id"] == "3"
        assert record.headers["Wallet-Api-Location-Id"] == "9"
        assert "Authorization" not in record.headers
        assert record.ext == {"project_id": "3", "location_id": "9"}


def test_certificate_with_unencrypted_key_authenticates(
    tls_sandbox: Sandbox, pem_files: PemFiles
) -> None:
    auth = CertificateAuth(str(pem_files.client_cert), str(pem_files.client_key))
    with WalletClient(tls_sandbox.url, auth, ca_bundle=str(pem_files.ca)) as api:
        balances = api.wallet_balance(14471)
    assert set(balances) == {"EUR", "USD"}
    assert tls_sandbox.records[-1].client_id == DEMO_CLIENT_ID
    assert tls_sandbox.records[-1].ext == {}


def test_certificate_the_server_does_not_know_is_unauthorized(
    tls_sandbox: Sandbox, pki: Pki, tmp_path: Path, pem_files: PemFiles
) -> None:
    stranger = pki.ca.issue_cert("stranger.example", common_name="stranger")
    stranger.cert_chain_pems[0].write_to_path(str(tmp_path / "stranger.pem"))
    stranger.private_key_pem.write_to_path(str(tmp_path / "stranger.key"))
    auth = CertificateAuth(str(tmp_path / "stranger.pem"), str(tmp_path / "stranger.key"))
    with (
        WalletClient(tls_sandbox.url, auth, ca_bundle=str(pem_files.ca)) as api,
        pytest.raises(WalletError) as caught,
    ):
        api.wallet(14471)
    assert getattr(caught.value, "status", None) == 401
    assert getattr(caught.value, "error", None) == "unauthorized"


def test_wrong_passphrase_is_a_credentials_error_without_the_passphrase(
    tls_sandbox: Sandbox, pem_files: PemFiles, assert_clean: Callable[..., None]
) -> None:
    wrong = "hunter2-not-it"
    auth = CertificateAuth(
        str(pem_files.client_cert), str(pem_files.encrypted_client_key), passphrase=wrong
    )
    assert wrong not in repr(auth)
    with pytest.raises(CredentialsError) as caught:
        WalletClient(tls_sandbox.url, auth, ca_bundle=str(pem_files.ca))
    assert_clean(caught.value, wrong, pem_files.passphrase)
    assert tls_sandbox.records == []


def test_missing_certificate_file_is_a_credentials_error(
    tls_sandbox: Sandbox, pem_files: PemFiles, tmp_path: Path, assert_clean: Callable[..., None]
) -> None:
    auth = CertificateAuth(str(tmp_path / "absent.pem"), str(pem_files.client_key))
    with pytest.raises(CredentialsError) as caught:
        WalletClient(tls_sandbox.url, auth, ca_bundle=str(pem_files.ca))
    assert_clean(caught.value)
    assert "not found" in str(caught.value)


def test_encrypted_key_without_passphrase_fails_without_prompting(pem_files: PemFiles) -> None:
    """OpenSSL's fallback is a terminal prompt, which would freeze a GUI worker thread.

    Run in a fresh session (no controlling terminal) so a prompt shows up on stderr instead
    of blocking this test.
    """
    script = textwrap.dedent(
        f"""
        from wallet_gui.api import WalletClient
        from wallet_gui.api.auth import CertificateAuth, CredentialsError
        auth = CertificateAuth({str(pem_files.client_cert)!r},
                               {str(pem_files.encrypted_client_key)!r})
        try:
            WalletClient("https://127.0.0.1:9/rest/v1", auth)
        except CredentialsError as error:
            print("CredentialsError:", error)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=30,
        start_new_session=True,
        cwd=Path(__file__).resolve().parents[2],
        env={**os.environ, "PYTHONWARNINGS": "error"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("CredentialsError:")
    assert "pass phrase" not in result.stderr.lower()


@pytest.mark.parametrize("use_certificate", [False, True])
def test_unknown_certificate_authority_is_a_tls_transport_error(
    tls_sandbox: Sandbox,
    pem_files: PemFiles,
    demo_key: str,
    use_certificate: bool,
    assert_clean: Callable[..., None],
) -> None:
    auth = (
        CertificateAuth(str(pem_files.client_cert), str(pem_files.client_key))
        if use_certificate
        else MacAuth(DEMO_CLIENT_ID, tls_sandbox.clients[DEMO_CLIENT_ID])
    )
    with WalletClient(tls_sandbox.url, auth) as api, pytest.raises(TransportError) as caught:
        api.wallet(14471)
    assert caught.value.kind == "tls"
    assert "certificate" in str(caught.value).lower()
    assert_clean(caught.value, tls_sandbox.clients[DEMO_CLIENT_ID])
    assert tls_sandbox.records == [], "nothing may be sent over an unverified connection"


def test_unknown_authority_also_fails_unsigned_requests(tls_sandbox: Sandbox) -> None:
    with WalletClient(tls_sandbox.url) as api, pytest.raises(TransportError) as caught:
        api.server_time()
    assert caught.value.kind == "tls"


def test_private_ca_bundle_makes_mac_over_tls_work(
    tls_sandbox: Sandbox, pem_files: PemFiles
) -> None:
    auth = MacAuth(DEMO_CLIENT_ID, tls_sandbox.clients[DEMO_CLIENT_ID], extra={"project_id": 5})
    with WalletClient(tls_sandbox.url, auth, ca_bundle=str(pem_files.ca)) as api:
        assert api.server_time() > 0
        assert api.wallet(14471).id == 14471
    record = tls_sandbox.records[-1]
    assert record.status == 200
    assert record.client_id == DEMO_CLIENT_ID
    assert record.ext == {"project_id": "5"}
    assert record.headers["Authorization"].startswith("MAC ")


def test_missing_ca_bundle_file_is_a_wallet_error(
    tls_sandbox: Sandbox, tmp_path: Path, assert_clean: Callable[..., None]
) -> None:
    absent = str(tmp_path / "no-such-ca.pem")
    with (
        pytest.raises(WalletError) as caught,
        WalletClient(tls_sandbox.url, ca_bundle=absent) as api,
    ):
        api.server_time()
    assert_clean(caught.value)
