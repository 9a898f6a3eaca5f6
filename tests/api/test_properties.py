"""Property-based tests: the parsers and the client's decoding never let anything odd escape."""

from __future__ import annotations

import contextlib
import json
import socketserver
import threading
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wallet_gui.api import (
    ApiError,
    ResponseFormatError,
    TransportError,
    WalletClient,
    WalletError,
    models,
)
from wallet_gui.api.currencies import minor_unit_exponent

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# -- JSON values ---------------------------------------------------------------------------------

FIELD_NAMES = [
    "time",
    "minimum_password_length",
    "id",
    "owner",
    "account",
    "number",
    "owner_display_name",
    "title",
    "type",
    "permissions",
    "EUR",
    "JPY",
    "KWD",
    "usd",
    "at_disposal",
    "at_disposal_decimal",
    "reserved",
    "reserved_decimal",
    "converted",
]
scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20)
    | st.sampled_from(["1.5", "NaN", "-Infinity", "sNaN", "1e999999", " 2 ", "١٢٣", "0x10"])
)
keys = st.sampled_from(FIELD_NAMES) | st.text(max_size=8)
json_values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(keys, children, max_size=5),
    max_leaves=25,
)
json_objects = st.dictionaries(keys, json_values, max_size=6)

amount_fields = st.dictionaries(
    st.sampled_from(["at_disposal", "at_disposal_decimal", "reserved", "reserved_decimal"]),
    scalars,
)
near_balances = st.dictionaries(
    st.sampled_from(["EUR", "JPY", "KWD", "USD", "eur", "EURO", "E1R", "EUR\n"])
    | st.text(max_size=4),
    amount_fields.flatmap(
        lambda entry: (
            st.just(entry) | amount_fields.map(lambda converted: {**entry, "converted": converted})
        )
    )
    | json_values,
    max_size=4,
)
near_wallets = st.fixed_dictionaries(
    {},
    optional={
        "id": scalars,
        "owner": scalars,
        "account": st.fixed_dictionaries(
            {}, optional={"number": scalars, "owner_display_name": scalars}
        )
        | json_values,
    },
)

PARSERS: dict[str, Callable[[Any], object]] = {
    "server_time": models.parse_server_time,
    "configuration": models.parse_configuration,
    "wallet": models.parse_wallet,
    "balance": models.parse_balance,
    "client_info": models.parse_client_info,
}


def check_parsed(name: str, value: object) -> None:
    """What a successful parse promises, whatever the input was."""
    if name == "server_time":
        assert type(value) is int
        assert value >= 0
    elif name == "configuration":
        assert isinstance(value, models.Configuration)
        assert value.minimum_password_length is None or type(value.minimum_password_length) is int
    elif name == "wallet":
        assert isinstance(value, models.Wallet)
        assert type(value.id) is int
        assert type(value.owner) is int
        assert isinstance(value.account_number, str)
        assert value.display_name is None or isinstance(value.display_name, str)
    elif name == "balance":
        assert isinstance(value, dict)
        for currency, entry in value.items():
            assert entry.currency == currency
            amounts = [entry.at_disposal, entry.reserved]
            if entry.converted is not None:
                amounts += [entry.converted.at_disposal, entry.converted.reserved]
            for amount in amounts:
                assert amount is None or (type(amount) is Decimal and amount.is_finite())
    else:
        assert isinstance(value, models.ClientInfo)
        assert all(isinstance(item, str) for item in value.permissions)


def parse_or_refuse(name: str, data: Any) -> None:
    try:
        value = PARSERS[name](data)
    except ResponseFormatError as error:
        message = str(error)
    else:
        check_parsed(name, value)
        return
    assert message
    assert "\n" not in message


@pytest.mark.parametrize("name", sorted(PARSERS))
@FAST
@given(data=json_values)
def test_parsers_return_a_value_or_refuse_any_json(name: str, data: Any) -> None:
    parse_or_refuse(name, data)


@pytest.mark.parametrize("name", sorted(PARSERS))
@FAST
@given(data=json_objects)
def test_parsers_return_a_value_or_refuse_any_json_object(name: str, data: Any) -> None:
    parse_or_refuse(name, data)


@FAST
@given(data=near_balances, convert_to=st.none() | st.sampled_from(["EUR", "JPY", "KWD", "xx"]))
def test_balance_parser_on_near_valid_balances(data: Any, convert_to: str | None) -> None:
    try:
        value = models.parse_balance(data, convert_to=convert_to)
    except ResponseFormatError:
        return
    check_parsed("balance", value)


@FAST
@given(data=near_wallets)
def test_wallet_parser_on_near_valid_wallets(data: Any) -> None:
    parse_or_refuse("wallet", data)


@FAST
@given(
    currency=st.sampled_from(["EUR", "USD", "JPY", "KRW", "KWD", "BHD", "CLF"]),
    # Within the models' bound of |amount| < 10**18 major units (JPY has no minor unit).
    minor=st.integers(min_value=-(10**18) + 1, max_value=10**18 - 1),
)
def test_minor_units_convert_exactly(currency: str, minor: int) -> None:
    entry = models.parse_balance({currency: {"at_disposal": minor}})[currency]
    exponent = minor_unit_exponent(currency)
    assert entry.at_disposal is not None
    assert entry.at_disposal.scaleb(exponent) == minor
    assert -entry.at_disposal.as_tuple().exponent == exponent  # type: ignore[operator]


@FAST
@given(
    amount=st.decimals(
        # Within the models' bound of |amount| < 10**18 major units.
        min_value=Decimal("-999999999999999999.999"),
        max_value=Decimal("999999999999999999.999"),
        allow_nan=False,
        allow_infinity=False,
        places=3,
    )
)
def test_decimal_strings_are_kept_exactly(amount: Decimal) -> None:
    text = str(amount)
    entry = models.parse_balance({"KWD": {"at_disposal_decimal": text, "at_disposal": 1}})["KWD"]
    assert str(entry.at_disposal) == text


# -- the client's decoding, against a server that answers with raw bytes -------------------------


class RawServer(socketserver.ThreadingTCPServer):
    """Answers every request with ``answer`` verbatim, then closes the connection."""

    daemon_threads = True
    allow_reuse_address = True
    answer = b""


class RawHandler(socketserver.StreamRequestHandler):
    server: RawServer

    def handle(self) -> None:
        while self.rfile.readline(65536) not in (b"\r\n", b"\n", b""):
            pass
        with contextlib.suppress(OSError):  # the client may hang up first
            self.wfile.write(self.server.answer)


@pytest.fixture(scope="module")
def raw_server() -> Iterator[RawServer]:
    server = RawServer(("127.0.0.1", 0), RawHandler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        thread.join(timeout=5)
        server.server_close()


def raw_answer(status: int, body: bytes, headers: list[tuple[str, str]] | None = None) -> bytes:
    lines = [f"HTTP/1.1 {status} Answer"]
    names = {name.lower() for name, _ in headers or []}
    if "content-length" not in names:
        lines.append(f"Content-Length: {len(body)}")
    lines.append("Connection: close")
    lines += [f"{name}: {value}" for name, value in headers or []]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


ENDPOINTS: dict[str, Callable[[WalletClient], object]] = {
    "server_time": lambda api: api.server_time(),
    "configuration": lambda api: api.configuration(),
    "wallet": lambda api: api.wallet(14471),
    "wallet_balance": lambda api: api.wallet_balance(14471, convert_to="EUR"),
    "client_info": lambda api: api.client_info(),
}


class NoAuth:
    """Stands in for credentials: the raw server does not check them."""

    def __call__(self, request: Any) -> Any:
        return request


def call_endpoint(server: RawServer, endpoint: str) -> object | WalletError:
    base = f"http://127.0.0.1:{server.server_address[1]}/rest/v1"
    with WalletClient(base, NoAuth(), timeout=2.0) as api:  # type: ignore[arg-type]
        try:
            return ENDPOINTS[endpoint](api)
        except WalletError as error:
            outcome = error
    message = str(outcome)
    assert "\n" not in message
    assert "\r" not in message
    return outcome


bodies = (
    st.binary(max_size=300)
    | json_values.map(lambda value: json.dumps(value).encode())
    | st.builds(
        lambda error, description, uri: json.dumps(
            {"error": error, "error_description": description, "error_uri": uri}
        ).encode(),
        st.text(max_size=30),
        st.text(max_size=60),
        st.text(max_size=30),
    )
    | st.sampled_from(
        [b"<html><body>\n<h1>Bad\ngateway</h1></body></html>", b"[" * 5000, b"1" * 5000]
    )
)


@FAST
@given(
    status=st.sampled_from([200, 500]),
    body=bodies,
    endpoint=st.sampled_from(sorted(ENDPOINTS)),
)
def test_client_turns_any_body_into_a_value_or_a_wallet_error(
    raw_server: RawServer, status: int, body: bytes, endpoint: str
) -> None:
    raw_server.answer = raw_answer(status, body)
    outcome = call_endpoint(raw_server, endpoint)
    if status == 500:
        assert isinstance(outcome, WalletError)
        assert getattr(outcome, "status", None) == 500


header_text = st.text(
    alphabet=st.characters(min_codepoint=0x20, max_codepoint=0xFF, exclude_characters="\x7f"),
    max_size=40,
)


@FAST
@given(
    status=st.sampled_from([200, 301, 302, 303, 307, 308, 401, 429, 500, 503]),
    body=bodies,
    retry_after=st.none()
    | st.sampled_from(["5", "²", "9" * 400, "Fri, 31 Dec 9999 23:59:59 GMT"])
    | header_text,
    content_length=st.none() | st.sampled_from(["²", "-1", "1,1", "0"]) | header_text,
    content_type=st.none() | header_text,
    location=st.none()
    | st.sampled_from(["http://127.0.0.1:99999/", "http://[::1", "/rest/v1/server", "//x.invalid/"])
    | header_text,
    endpoint=st.sampled_from(sorted(ENDPOINTS)),
)
def test_client_turns_any_headers_into_a_value_or_a_wallet_error(
    raw_server: RawServer,
    status: int,
    body: bytes,
    retry_after: str | None,
    content_length: str | None,
    content_type: str | None,
    location: str | None,
    endpoint: str,
) -> None:
    headers = [
        (name, value.strip())
        for name, value in (
            ("Retry-After", retry_after),
            ("Content-Length", content_length),
            ("Content-Type", content_type),
            ("Location", location),
        )
        if value is not None and value.strip()
    ]
    raw_server.answer = raw_answer(status, body, headers)
    outcome = call_endpoint(raw_server, endpoint)
    if isinstance(outcome, WalletError) and hasattr(outcome, "retry_after"):
        assert outcome.retry_after is None or outcome.retry_after >= 0


@pytest.mark.parametrize(
    ("header", "value", "kind"),
    [
        ("Retry-After", "²", ApiError),  # str.isdigit() is true for "²"; float() refuses it
        ("Content-Length", "²", ApiError),
        ("Location", "http://127.0.0.1:99999/rest/v1/server", TransportError),
        ("Location", "http://[::1/rest/v1/server", TransportError),
        ("Location", "\xe9t\xe9", TransportError),  # not UTF-8 once back to bytes
    ],
)
def test_odd_header_values_are_wallet_errors(
    raw_server: RawServer, header: str, value: str, kind: type[WalletError]
) -> None:
    status = 302 if header == "Location" else 503
    raw_server.answer = raw_answer(status, b"", [(header, value)])
    outcome = call_endpoint(raw_server, "server_time")
    assert type(outcome) is kind
    if isinstance(outcome, TransportError):
        assert outcome.kind == "redirect"
    else:
        assert isinstance(outcome, ApiError)
        assert outcome.status == 503
        assert outcome.retry_after is None


def test_raw_server_helper_really_serves_its_answer(raw_server: RawServer) -> None:
    raw_server.answer = raw_answer(200, b'{"time": 1700000000}')
    assert call_endpoint(raw_server, "server_time") == 1700000000
