"""Numbers that explode and inputs that inject: refused at the API layer, in one clear line.

A hostile (or broken) server sends amounts such as ``1e999999999`` that parse as finite
``Decimal`` values and then overflow, or grow into million-character cells, downstream. A
wallet id of ``..`` becomes a dot segment that URL normalisation removes, sending a signed
GET to another endpoint; a client id with ``"`` injects parameters into the
``Authorization`` header; a base URL with a password sends it as Basic auth. Each is
refused by the API layer on its own, whatever the layers above check first.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from tests.hostile.server import HostileServer, SeenRequest, Step, reply
from wallet_gui import cli
from wallet_gui.api import MacAuth, ResponseFormatError, WalletClient, WalletError
from wallet_gui.api.client import ConfigurationError

KEY = "k" * 32
#: ``check`` exits 2 on an error; as a monitoring plugin a configuration it cannot use is
#: UNKNOWN, 3. Either way never 0.
NOT_OK = (2, 3)
SECRET = "s3cr3t-pa55"


class Balances:
    """Serves ``body`` for every balance request; a sane clock and configuration otherwise."""

    def __init__(self) -> None:
        self.body: Any = {}

    def __call__(self, request: SeenRequest) -> list[Step]:
        if request.path.endswith("/server"):
            return reply(200, {"time": int(time.time())})
        if request.path.endswith("/configuration"):
            return reply(200, {"minimum_password_length": 8})
        return reply(200, self.body)


@pytest.fixture
def balances() -> Balances:
    return Balances()


@pytest.fixture
def server(balances: Balances) -> Iterator[HostileServer]:
    with HostileServer(balances) as hostile:
        yield hostile


@pytest.fixture
def api(server: HostileServer) -> Iterator[WalletClient]:
    with WalletClient(server.url, MacAuth("monitor", KEY), timeout=5) as client:
        yield client


def signed(server: HostileServer) -> list[SeenRequest]:
    return [request for request in server.requests if "authorization" in request.headers]


def assert_one_line(message: str, *absent: str) -> None:
    assert message.strip()
    assert "\n" not in message
    assert "\r" not in message
    assert len(message) < 300
    for text in absent:
        assert text not in message


# -- numbers that explode ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "message"),
    [
        pytest.param(
            {"EUR": {"at_disposal_decimal": "1e999999999"}},
            "balance EUR: 'at_disposal_decimal' is out of range",
            id="overflows-decimal",
        ),
        pytest.param(
            {"EUR": {"at_disposal_decimal": "1e999999"}},
            "balance EUR: 'at_disposal_decimal' is out of range",
            id="megabyte-cell",
        ),
        pytest.param(
            {"EUR": {"at_disposal_decimal": "9" * 1_000_000}},
            "balance EUR: 'at_disposal_decimal' is out of range",
            id="million-digit-text",
        ),
        pytest.param(
            {"EUR": {"at_disposal_decimal": "1.00", "reserved_decimal": "-1e999999999"}},
            "balance EUR: 'reserved_decimal' is out of range",
            id="reserved",
        ),
        pytest.param(
            {"JPY": {"at_disposal": 10**4000}},
            "balance JPY: 'at_disposal' is out of range",
            id="4000-digit-minor-units",
        ),
        pytest.param(
            {"EUR": {"at_disposal": 10**20}},
            "balance EUR: 'at_disposal' is out of range",
            id="10^18-euros-in-cents",
        ),
        pytest.param(
            {"USD": {"at_disposal": 1, "converted": {"at_disposal_decimal": "1e999999999"}}},
            "balance USD converted: 'at_disposal_decimal' is out of range",
            id="converted",
        ),
    ],
)
def test_amounts_out_of_range_are_a_format_error_naming_the_field(
    api: WalletClient, balances: Balances, body: Any, message: str
) -> None:
    balances.body = body
    with pytest.raises(ResponseFormatError) as caught:
        api.wallet_balance(14471, convert_to="EUR")
    assert str(caught.value) == message


@pytest.mark.parametrize("value", [2**40, pytest.param(10**4000, id="4000-digits"), 0, -5])
def test_server_time_out_of_range_is_a_format_error(value: int) -> None:
    with (
        HostileServer(lambda _request: reply(200, {"time": value})) as server,
        WalletClient(server.url) as api,
        pytest.raises(ResponseFormatError) as caught,
    ):
        api.server_time_sample()
    assert str(caught.value) == "server time: 'time' is out of range"


def test_currency_code_from_the_server_is_cut_and_escaped_in_the_message(
    api: WalletClient, balances: Balances
) -> None:
    name = "\x1b]0;pwned\x07\x1b[2J\u202eRUE" + "X" * 10_000
    balances.body = {name: {"at_disposal_decimal": "1.00"}}
    with pytest.raises(ResponseFormatError) as caught:
        api.wallet_balance(14471)
    assert_one_line(str(caught.value), "\x1b", "\x07", "\u202e", "X" * 40)
    assert "is not a currency code" in str(caught.value)


# -- inputs that inject --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "wallet_id",
    [
        "..",
        ".",
        "me",
        "-1",
        "+1",
        "0",
        "000",
        "1.0",
        "1e3",
        "1/2",
        "%2e%2e",
        "14471?x=1",
        "14471#",
        "14 471",
        "١٤٤٧١",  # Arabic-Indic digits: str.isdigit() says yes
        "9223372036854775808",  # 2**63
        2**63,
        0,
        -1,
        True,
    ],
)
def test_wallet_ids_other_than_positive_integers_are_refused_before_sending(
    api: WalletClient, server: HostileServer, wallet_id: Any
) -> None:
    for call in (api.wallet, api.wallet_balance):
        with pytest.raises(ConfigurationError) as caught:
            call(wallet_id)
        assert_one_line(str(caught.value))
        assert "wallet id" in str(caught.value)
    assert server.requests == []


def test_valid_wallet_ids_reach_their_own_path_in_canonical_form(
    api: WalletClient, server: HostileServer, balances: Balances
) -> None:
    balances.body = {"EUR": {"at_disposal_decimal": "1.00"}}
    api.wallet_balance(" 007 ")
    api.wallet_balance(14471)
    api.wallet_balance(str(2**63 - 1))
    assert [request.path for request in server.requests] == [
        "/rest/v1/wallet/7/balance",
        "/rest/v1/wallet/14471/balance",
        f"/rest/v1/wallet/{2**63 - 1}/balance",
    ]


def run_check(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *options: str
) -> tuple[int, list[str], str]:
    """``check``'s exit status, the output lines that report ``problem``, and stderr.

    Where the one problem line goes (stderr, or a monitoring plugin's status line on
    stdout) is the command's business; what matters here is that the API's refusal reaches
    the person as one readable line, and that the run is not OK.
    """
    monkeypatch.setenv("WALLET_GUI_MAC_KEY", KEY)
    status = cli.main(["check", *options])
    out, err = capsys.readouterr()
    assert status in NOT_OK
    assert len(err.splitlines()) <= 1, err
    return status, (out + err).splitlines(), err


def lines_with(lines: list[str], text: str) -> list[str]:
    found = [line for line in lines if text in line]
    assert found, "\n".join(lines)
    for line in found:
        assert_one_line(line)
    return found


def test_check_refuses_a_dot_segment_wallet_id_in_one_line(
    server: HostileServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, lines, _ = run_check(
        capsys, monkeypatch, "--base-url", server.url, "--client-id", "x", "--wallet", ".."
    )
    lines_with(lines, "wallet id '..' is not valid")
    assert signed(server) == []  # no signed GET went to /rest/v1/balance


def test_check_refuses_a_client_id_that_would_inject_header_parameters(
    server: HostileServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    client_id = 'x", ext="project_id=666'
    _, lines, _ = run_check(
        capsys, monkeypatch, "--base-url", server.url, "--client-id", client_id,
        "--wallet", "14471",
    )  # fmt: skip
    lines_with(lines, "client id may contain only printable ASCII without quotes or backslashes")
    assert signed(server) == []


def test_client_id_with_a_line_break_is_a_credentials_error_not_a_value_error() -> None:
    with pytest.raises(WalletError) as caught:
        MacAuth("x\r\nX-Injected: 1", KEY)
    assert str(caught.value) == (
        "client id may contain only printable ASCII without quotes or backslashes"
    )


# -- credentials and odd URLs --------------------------------------------------------------------


def test_password_in_the_base_url_is_refused_and_never_sent_or_echoed(
    server: HostileServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = server.url.replace("://", f"://user:{SECRET}@")
    with pytest.raises(ConfigurationError) as caught:
        WalletClient(url)
    assert str(caught.value) == "the base URL must not contain a user name or password"
    _, lines, err = run_check(
        capsys, monkeypatch, "--base-url", url, "--client-id", "x", "--wallet", "14471"
    )
    for line in lines_with(lines, "the base URL must not contain a user name or password"):
        assert SECRET not in line
    assert SECRET not in err
    assert server.requests == []  # not even an unsigned request with Basic auth


@pytest.mark.parametrize("suffix", ["?x=1", "#top", "?"])
def test_base_url_with_a_query_or_fragment_is_refused_before_sending(
    server: HostileServer, suffix: str
) -> None:
    with pytest.raises(ConfigurationError) as caught:
        WalletClient(server.url + suffix)
    assert_one_line(str(caught.value))
    assert server.requests == []
