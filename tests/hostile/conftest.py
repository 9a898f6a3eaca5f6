"""Fixtures for the hostile-server tests: a private CA for hostile servers that speak TLS."""

from __future__ import annotations

import ssl
from dataclasses import dataclass
from pathlib import Path

import pytest
import trustme


@dataclass(frozen=True)
class HostilePki:
    """A private CA, a server certificate for 127.0.0.1, and the CA as a PEM file."""

    ca: trustme.CA
    server: trustme.LeafCert
    ca_file: Path

    def server_context(self) -> ssl.SSLContext:
        """A server-side TLS context with the 127.0.0.1 certificate, for ``HostileServer``."""
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        self.server.configure_cert(context)
        return context


@pytest.fixture(scope="session")
def hostile_pki(tmp_path_factory: pytest.TempPathFactory) -> HostilePki:
    ca = trustme.CA()
    ca_file = tmp_path_factory.mktemp("hostile-pki") / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    return HostilePki(ca=ca, server=ca.issue_cert("127.0.0.1"), ca_file=ca_file)
