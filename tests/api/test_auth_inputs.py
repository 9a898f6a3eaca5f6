"""What goes into the ``Authorization`` header, and the host line of the MAC for IPv6."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import socket
import threading
from collections.abc import Iterator

import pytest

from wallet_gui.api import CertificateAuth, MacAuth, WalletClient
from wallet_gui.api.auth import CredentialsError, normalized_request_string
from wallet_gui.sandbox.mac_check import SignedRequest, check_mac
from wallet_gui.sandbox.state import NonceLedger

KEY = "IrdTc8uQodU7PRpLzzLTW6wqZAO6tAMU"
NONCE = "nQnNaSNyubfPErjRO55yaaEYo9YZfKHN"
TS = 1343811600
CLIENT_ID_MESSAGE = "client id may contain only printable ASCII without quotes or backslashes"


@pytest.mark.parametrize(
    "client_id",
    [
        'x", mac="forged',  # a quote ends id="…" and injects parameters
        "x\\",
        "with space",
        "x\r\nX-Evil: 1",  # requests refused it only as a bare ValueError
        "x\tz",
        "klientas-ą",
        "x\x7f",
        "x\x00",
    ],
)
def test_client_id_that_cannot_be_quoted_is_refused_at_construction(client_id: str) -> None:
    with pytest.raises(CredentialsError) as caught:
        MacAuth(client_id, KEY)
    assert str(caught.value) == CLIENT_ID_MESSAGE


def test_empty_client_id_is_refused() -> None:
    with pytest.raises(CredentialsError, match="client id is empty"):
        MacAuth("", KEY)


@pytest.mark.parametrize("refused", ['"', "\\", " "])
def test_every_printable_ascii_but_quote_backslash_and_space_is_a_valid_client_id(
    refused: str,
) -> None:
    allowed = "".join(chr(c) for c in range(0x21, 0x7F) if chr(c) not in '"\\')
    header = MacAuth(allowed, KEY).header("GET", "https://h/x", ts=TS, nonce=NONCE)
    assert header.startswith(f'MAC id="{allowed}", ts="{TS}"')
    with pytest.raises(CredentialsError):
        MacAuth(allowed + refused, KEY)


@pytest.mark.parametrize(
    "extra",
    [
        {"project_id": -1},
        {"project_id": True},
        {"project_id": 1.5},
        {"project_id": None},
        {"project_id": "3&location_id=4"},
        {"project_id": "3\r\nX-Evil: 1"},
        {"project_id": "-3"},
        {"project_id": "٣"},  # a digit, but not an ASCII one
        {"project_id": 2**63},
        {"location_id": "9" * 30},
        {"project_id\r\nX-Evil": 1},
        {"Project-Id": 1},
        {"": 1},
    ],
)
def test_extra_parameters_must_be_named_non_negative_whole_numbers(
    extra: dict[str, object],
) -> None:
    with pytest.raises(CredentialsError) as caught:
        MacAuth("client", KEY, extra=extra)
    assert "\n" not in str(caught.value)
    assert "\r" not in str(caught.value)
    with pytest.raises(CredentialsError):
        CertificateAuth("cert.pem", extra=extra)


def test_valid_extra_parameters_keep_their_order_and_value() -> None:
    auth = MacAuth("client", KEY, extra={"project_id": "3", "location_id": 0})
    assert auth.extra == {"project_id": 3, "location_id": 0}
    header = auth.header("GET", "https://h/x", ts=TS, nonce=NONCE)
    assert header.endswith(', ext="project_id=3&location_id=0"')


# -- IPv6 literal hosts --------------------------------------------------------------------------


def mac_by_hand(host_line: str, port: int, uri: str, ext: str = "") -> str:
    """The draft's rule written out: the host line is the Host header's name, in lower case."""
    normalized = f"{TS}\n{NONCE}\nGET\n{uri}\n{host_line}\n{port}\n{ext}\n"
    return base64.b64encode(
        hmac.new(KEY.encode(), normalized.encode(), hashlib.sha256).digest()
    ).decode()


@pytest.mark.parametrize(
    ("url", "host_line", "port"),
    [
        ("http://[::1]:8080/rest/v1/server", "[::1]", 8080),
        ("https://[2001:DB8::A]/rest/v1/server", "[2001:db8::a]", 443),
        ("http://[::ffff:127.0.0.1]/rest/v1/server", "[::ffff:127.0.0.1]", 80),
    ],
)
def test_host_line_is_the_host_header_name_with_ipv6_brackets(
    url: str, host_line: str, port: int
) -> None:
    lines = normalized_request_string(TS, NONCE, "GET", url).split("\n")
    assert lines[4] == host_line
    assert lines[5] == str(port)
    header = MacAuth("client", KEY).header("GET", url, ts=TS, nonce=NONCE)
    assert f'mac="{mac_by_hand(host_line, port, "/rest/v1/server")}"' in header


def _ipv6_loopback_works() -> bool:
    if not socket.has_ipv6:
        return False
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as probe:
            probe.bind(("::1", 0))
    except OSError:
        return False
    return True


class OneShotServer:
    """Answers one request on ``[::1]`` with a wallet and keeps its raw head."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("::1", 0), family=socket.AF_INET6)
        self.port = self.listener.getsockname()[1]
        self.head = b""
        self.thread = threading.Thread(target=self._serve, name="ipv6-one-shot")

    def _serve(self) -> None:
        with contextlib.suppress(OSError):
            connection, _ = self.listener.accept()
            with connection:
                while b"\r\n\r\n" not in self.head:
                    chunk = connection.recv(65536)
                    if not chunk:
                        return
                    self.head += chunk
                body = json.dumps({"id": 14471, "owner": 5, "account": {"number": "EVP1"}})
                connection.sendall(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
                    + f"Content-Length: {len(body)}\r\n\r\n{body}".encode()
                )

    def headers(self) -> dict[str, str]:
        lines = self.head.decode("latin-1").split("\r\n")[1:]
        pairs = (line.partition(":") for line in lines if line)
        return {name.strip().lower(): value.strip() for name, _, value in pairs}


@pytest.fixture
def ipv6_server() -> Iterator[OneShotServer]:
    if not _ipv6_loopback_works():
        pytest.skip("no IPv6 loopback on this machine")
    server = OneShotServer()
    server.thread.start()
    try:
        yield server
    finally:
        with contextlib.suppress(OSError):
            server.listener.shutdown(socket.SHUT_RDWR)
        server.listener.close()
        server.thread.join(5)


def test_signature_over_ipv6_loopback_verifies_by_the_draft_and_the_emulator(
    ipv6_server: OneShotServer,
) -> None:
    base = f"http://[::1]:{ipv6_server.port}/rest/v1"
    with WalletClient(base, MacAuth("client", KEY, clock=lambda: TS), timeout=5) as api:
        assert api.wallet(14471).id == 14471
    headers = ipv6_server.headers()
    assert headers["host"] == f"[::1]:{ipv6_server.port}"
    fields = dict(part.split("=", 1) for part in headers["authorization"][4:].split(", "))
    nonce, mac = fields["nonce"].strip('"'), fields["mac"].strip('"')
    # By hand, from the Host header as it arrived: the name without the port, lower case.
    host_line = headers["host"].rsplit(":", 1)[0].lower()
    normalized = f"{TS}\n{nonce}\nGET\n/rest/v1/wallet/14471\n{host_line}\n{ipv6_server.port}\n\n"
    expected = hmac.new(KEY.encode(), normalized.encode(), hashlib.sha256).digest()
    assert mac == base64.b64encode(expected).decode()
    # And as the emulator checks it: scheme, the Host header as sent, the path.
    client_id, _ = check_mac(
        SignedRequest(
            authorization=headers["authorization"],
            method="GET",
            url=f"http://{headers['host']}/rest/v1/wallet/14471",
            body=b"",
        ),
        keys={"client": KEY},
        nonces=NonceLedger(),
        now=TS,
        timestamp_window=60.0,
    )
    assert client_id == "client"
