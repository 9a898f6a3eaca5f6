"""Fixtures for the API-core tests: signed clients, a private CA, and a TLS emulator."""

from __future__ import annotations

import ssl
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import trustme
from cryptography.hazmat.primitives import serialization

from wallet_gui.api import MacAuth, WalletClient, WalletError
from wallet_gui.sandbox import DEMO_CLIENT_ID, Sandbox

#: The common name on the test client certificate; the TLS emulator maps it to the demo client.
CLIENT_CN = "monitor-client"
KEY_PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def mac_auth(sandbox: Sandbox, demo_key: str) -> MacAuth:
    return MacAuth(DEMO_CLIENT_ID, demo_key)


@pytest.fixture
def client(sandbox: Sandbox, mac_auth: MacAuth) -> Iterator[WalletClient]:
    with WalletClient(sandbox.url, mac_auth, timeout=5.0) as api:
        yield api


@pytest.fixture
def assert_clean() -> Callable[..., None]:
    """Check that an error reads as one line, is a WalletError and leaks none of ``secrets``."""

    def check(error: BaseException, *secrets: str) -> None:
        assert isinstance(error, WalletError), f"{type(error).__name__} escaped the client"
        text = str(error)
        assert text.strip(), "an error must say something"
        assert "\n" not in text, f"not one line: {text!r}"
        assert "\r" not in text, f"not one line: {text!r}"
        for secret in secrets:
            assert secret not in text
            assert secret not in repr(error)

    return check


@dataclass(frozen=True)
class Pki:
    ca: trustme.CA
    server: trustme.LeafCert
    client: trustme.LeafCert


@dataclass(frozen=True)
class PemFiles:
    ca: Path
    client_cert: Path
    client_key: Path
    encrypted_client_key: Path
    passphrase: str = KEY_PASSPHRASE


@pytest.fixture(scope="session")
def pki() -> Pki:
    ca = trustme.CA()
    return Pki(
        ca=ca,
        server=ca.issue_cert("127.0.0.1"),
        client=ca.issue_cert("monitor.example", common_name=CLIENT_CN),
    )


@pytest.fixture
def pem_files(pki: Pki, tmp_path: Path) -> PemFiles:
    files = PemFiles(
        ca=tmp_path / "ca.pem",
        client_cert=tmp_path / "client.pem",
        client_key=tmp_path / "client.key",
        encrypted_client_key=tmp_path / "client-encrypted.key",
    )
    pki.ca.cert_pem.write_to_path(str(files.ca))
    pki.client.cert_chain_pems[0].write_to_path(str(files.client_cert))
    pki.client.private_key_pem.write_to_path(str(files.client_key))
    key = serialization.load_pem_private_key(pki.client.private_key_pem.bytes(), password=None)
    files.encrypted_client_key.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(KEY_PASSPHRASE.encode()),
        )
    )
    return files


@pytest.fixture
def tls_sandbox(pki: Pki) -> Iterator[Sandbox]:
    """The emulator over HTTPS with the private CA; client certificates are optional."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    pki.server.configure_cert(context)
    pki.ca.configure_trust(context)
    context.verify_mode = ssl.CERT_OPTIONAL
    with Sandbox(seed=2, ssl_context=context, cert_clients={CLIENT_CN: DEMO_CLIENT_ID}) as server:
        yield server
