"""A redirect never takes a request, and least of all its signature, to another origin.

``Location: http://127.0.0.1:OTHER\\@127.0.0.1:API/…`` reads as the API's own host to
``urllib.parse`` while urllib3, which makes the connection, goes to OTHER: following it
sends the whole ``Authorization: MAC …`` header there. A second hostile server plays that
other host and records what reaches it; it must receive nothing, not even a connection.
A signed request follows no redirect at all; an unsigned one only within its origin.
"""

from __future__ import annotations

import contextlib
import ssl
import time
from collections.abc import Callable, Iterator

import pytest

from tests.hostile.conftest import HostilePki
from tests.hostile.server import HostileServer, SeenRequest, Step, reply
from wallet_gui import cli
from wallet_gui.api import MacAuth, TransportError, WalletClient, WalletError
from wallet_gui.api.transport import resolve_location

KEY = "k" * 32
TIME = 1700000000
BALANCE = {"EUR": {"at_disposal": 100, "reserved": 0}}
#: Characters a quoted Location must never carry into a message.
FORBIDDEN = ("\x1b", "\x07", "\x9b", "\r", "\n")


def answers(request: SeenRequest) -> list[Step]:
    """What a real API (or a convincing impostor) would answer."""
    if request.path.endswith("/balance"):
        return reply(200, BALANCE)
    if request.path.endswith("/configuration"):
        return reply(200, {"minimum_password_length": 8})
    return reply(200, {"time": TIME})


class Pair:
    """The API server, which redirects its first request, and the other server."""

    def __init__(self) -> None:
        self.location = ""
        self.status = 302
        self._answered = 0

    def api_answers(self, request: SeenRequest) -> list[Step]:
        self._answered += 1
        if self._answered == 1:
            return reply(self.status, b"", headers={"Location": self.location})
        return answers(request)

    def start(self, api: HostileServer, other: HostileServer, client: WalletClient) -> None:
        self.api, self.other, self.client = api, other, client


#: Redirect attacks, as Location templates: ``{scheme}`` is the API's, ``{other_scheme}`` the
#: opposite one (the other server then speaks it), ``{api}`` and ``{other}`` the two ports.
ATTACKS = {
    "backslash": "{scheme}://127.0.0.1:{other}\\@127.0.0.1:{api}/rest/v1/x",
    "userinfo": "{scheme}://user@127.0.0.1:{api}/rest/v1/x",
    "other-port": "{scheme}://127.0.0.1:{other}/rest/v1/x",
    "other-scheme": "{other_scheme}://127.0.0.1:{other}/rest/v1/x",
    "protocol-relative": "//127.0.0.1:{other}/rest/v1/x",
}


def opposite(scheme: str) -> str:
    return "http" if scheme == "https" else "https"


@pytest.fixture(params=["http", "https"])
def scheme(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def pair_factory(scheme: str, hostile_pki: HostilePki) -> Iterator[Callable[[str], Pair]]:
    """Starts an API server of ``scheme`` and another server of the scheme asked for."""
    with contextlib.ExitStack() as stack:

        def context(which: str) -> ssl.SSLContext | None:
            return hostile_pki.server_context() if which == "https" else None

        def make(other_scheme: str) -> Pair:
            pair = Pair()
            api = stack.enter_context(HostileServer(pair.api_answers, ssl_context=context(scheme)))
            other = stack.enter_context(HostileServer(answers, ssl_context=context(other_scheme)))
            client = WalletClient(
                api.url, MacAuth("x", KEY), timeout=5.0, ca_bundle=str(hostile_pki.ca_file)
            )
            stack.enter_context(client)  # closed first, then the servers stop
            pair.start(api, other, client)
            return pair

        yield make


def call(client: WalletClient, signed: bool) -> object:
    return client.wallet_balance(14471) if signed else client.server_time()


def assert_refused(error: BaseException, marker: str) -> None:
    assert isinstance(error, TransportError), f"expected a refused redirect, got {error!r}"
    assert error.kind == "redirect"
    text = str(error)
    assert marker in text, f"the message should name the Location: {text}"
    for forbidden in FORBIDDEN:
        assert forbidden not in text
    assert KEY not in text
    assert len(text) < 400


@pytest.mark.parametrize("signed", [True, False], ids=["signed", "unsigned"])
@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_a_redirect_attack_sends_nothing_to_the_other_host(
    pair_factory: Callable[[str], Pair], scheme: str, attack: str, signed: bool
) -> None:
    template = ATTACKS[attack]
    other_scheme = opposite(scheme) if "{other_scheme}" in template else scheme
    pair = pair_factory(other_scheme)
    pair.location = template.format(
        scheme=scheme, other_scheme=other_scheme, api=pair.api.port, other=pair.other.port
    )
    with pytest.raises(WalletError) as caught:
        call(pair.client, signed)
    assert pair.other.requests == []
    assert pair.other.accepted == 0
    assert len(pair.api.requests) == 1, "the redirect was followed"
    marker = "user@127.0.0.1" if attack == "userinfo" else f"127.0.0.1:{pair.other.port}"
    assert_refused(caught.value, marker)


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_signed_request_follows_no_redirect_at_all(
    pair_factory: Callable[[str], Pair], scheme: str, status: int
) -> None:
    pair = pair_factory(scheme)
    pair.status = status
    pair.location = "/rest/v1/wallet/14471/balance?again=1"  # the same origin, even
    with pytest.raises(WalletError) as caught:
        pair.client.wallet_balance(14471)
    assert len(pair.api.requests) == 1
    assert pair.other.accepted == 0
    assert_refused(caught.value, "/rest/v1/wallet/14471/balance?again=1")
    assert f"HTTP {status}" in str(caught.value)


@pytest.mark.parametrize(
    "location",
    ["/rest/v1/server?moved=1", "{origin}/rest/v1/server?moved=1"],
    ids=["relative", "absolute"],
)
def test_an_unsigned_redirect_within_the_origin_is_still_followed(
    pair_factory: Callable[[str], Pair], scheme: str, location: str
) -> None:
    pair = pair_factory(scheme)
    pair.location = location.format(origin=pair.api.origin)
    assert pair.client.server_time() == TIME
    assert [request.target for request in pair.api.requests] == [
        "/rest/v1/server",
        "/rest/v1/server?moved=1",
    ]
    assert pair.other.accepted == 0


def test_a_hostile_location_is_quoted_cut_and_escaped(
    pair_factory: Callable[[str], Pair], scheme: str
) -> None:
    pair = pair_factory(scheme)
    pair.location = f"http://127.0.0.1:{pair.other.port}/\x1b]0;pwned\x07\x9b31m" + "a" * 5000
    with pytest.raises(WalletError) as caught:
        pair.client.wallet_balance(14471)
    assert_refused(caught.value, f"127.0.0.1:{pair.other.port}")
    assert "\\x1b]0;pwned\\x07" in str(caught.value)  # shown, as escapes a person can read
    assert pair.other.accepted == 0


def test_check_end_to_end_sends_nothing_to_the_host_a_balance_redirects_to(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("WALLET_GUI_MAC_KEY", KEY)
    with HostileServer(answers) as other:
        location = f"http://127.0.0.1:{other.port}\\@127.0.0.1:{{api}}/rest/v1/wallet/14471/balance"

        def balance_redirects(request: SeenRequest) -> list[Step]:
            if request.path.endswith("/balance"):
                return reply(302, b"", headers={"Location": location.format(api=api.port)})
            if request.path.endswith("/server"):
                return reply(200, {"time": int(time.time())})
            return answers(request)

        with HostileServer(balance_redirects) as api:
            status = cli.main(
                ["check", "--base-url", api.url, "--client-id", "x", "--wallet", "14471"]
            )
    out, err = capsys.readouterr()
    assert status != 0
    assert other.requests == []
    assert other.accepted == 0
    assert [r for r in api.requests if r.path.endswith("/balance")], "never asked for it"
    assert KEY not in out + err
    assert "redirected a signed request" in out + err


@pytest.mark.parametrize(
    ("location", "followed"),
    [
        ("/rest/v1/server", True),
        ("https://wället.example:443/rest/v1/server", True),  # the same host, IDNA or not
        ("HTTPS://xn--wllet-gra.example/rest/v1/server", True),
        ("https://wället.example\\@other.example/", False),
        ("https://wället.example\t/x", False),  # urllib.parse drops the tab; urllib3 refuses it
        ("https://wället.example/\x85x", False),  # a C1 control
        ("https://@wället.example/x", False),  # an empty user info is user info too
        ("https://user:pw@wället.example/x", False),
        ("//other.example/x", False),
        ("http://wället.example/x", False),
        ("https://wället.example:8443/x", False),
        ("https://wället.example:99999/x", False),
        ("ftp://wället.example/x", False),
    ],
)
def test_only_a_location_every_parser_places_on_the_origin_is_followed(
    location: str, followed: bool
) -> None:
    _, target = resolve_location("https://wället.example/rest/v1/server", location)
    assert (target is not None) == followed
