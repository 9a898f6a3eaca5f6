"""``MacAuth.header``: the published examples byte for byte, and each rule of the scheme."""

from __future__ import annotations

import base64
import hashlib
import hmac

import pytest

from wallet_gui.api import MacAuth

DOC_CLIENT = "wkVd93h2uS"
DOC_KEY = "IrdTc8uQodU7PRpLzzLTW6wqZAO6tAMU"
DOC_NONCE = "nQnNaSNyubfPErjRO55yaaEYo9YZfKHN"
DOC_TS = 1343811600
DOC_ORIGIN = "https://wallet.paysera.com"
ALLOWED_NONCE_CHARS = (
    {chr(c) for c in range(0x20, 0x22)}
    | {chr(c) for c in range(0x23, 0x5C)}
    | {chr(c) for c in range(0x5D, 0x7F)}
)

# The seed page's three example requests, as full Authorization values.
SEED_EXAMPLES = [
    (
        "/rest/v1/wallet/14471/balance",
        {"project_id": 3},
        'MAC id="wkVd93h2uS", ts="1343811600", nonce="nQnNaSNyubfPErjRO55yaaEYo9YZfKHN", '
        'mac="EOhN6gBf49tR2KxMflaaiN7bBVGDhfG6co8gcSBLyiQ=", ext="project_id=3"',
    ),
    (
        "/rest/v1/server",
        None,
        'MAC id="wkVd93h2uS", ts="1343811600", nonce="nQnNaSNyubfPErjRO55yaaEYo9YZfKHN", '
        'mac="0SiVJuv1zLJzQaw3dtKkZ4++CUs9CwCHI54s/rAsSnQ="',
    ),
    (
        "/rest/v1/configuration",
        None,
        'MAC id="wkVd93h2uS", ts="1343811600", nonce="nQnNaSNyubfPErjRO55yaaEYo9YZfKHN", '
        'mac="gBv9XvvX/yhgpuwH7ooOmv1S5Un9G/QbJ/eetFbuGzc="',
    ),
]

# The reference sheet's six published vectors: (request URI, ext, mac).
PUBLISHED_VECTORS = [
    ("/rest/v1/server", "", "0SiVJuv1zLJzQaw3dtKkZ4++CUs9CwCHI54s/rAsSnQ="),
    ("/rest/v1/configuration", "", "gBv9XvvX/yhgpuwH7ooOmv1S5Un9G/QbJ/eetFbuGzc="),
    (
        "/rest/v1/wallet/14471/balance",
        "project_id=3",
        "EOhN6gBf49tR2KxMflaaiN7bBVGDhfG6co8gcSBLyiQ=",
    ),
    ("/rest/v1/payment/10145", "", "/qxTA8FOgT0Dd0MHh9k/sUQ3Q38ckx8+S0PBxpIuttY="),
    ("/rest/v1/user/me/projects", "", "tS6cJNbG6eSZ8q+sZ0JdUR/mF5Zfvujc1qchXJVFs08="),
    (
        "/rest/v1/currency-conversion?from_currency=EUR&to_currency=USD&from_amount=150",
        "",
        "KwCRgR3O9cWGni/fkUPjVBLfl5cCURgLHIc7yppjFHw=",
    ),
]


def reference_mac(
    key: str, ts: int, nonce: str, method: str, uri: str, host: str, port: int, ext: str
) -> str:
    """The scheme written out from the reference sheet, independently of the code under test."""
    normalized = f"{ts}\n{nonce}\n{method}\n{uri}\n{host}\n{port}\n{ext}\n"
    digest = hmac.new(key.encode(), normalized.encode(), hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def reference_header(client_id: str, ts: int, nonce: str, mac: str, ext: str = "") -> str:
    value = f'MAC id="{client_id}", ts="{ts}", nonce="{nonce}", mac="{mac}"'
    return value + (f', ext="{ext}"' if ext else "")


def encoded_body_hash(body: bytes) -> str:
    plain = base64.b64encode(hashlib.sha256(body).digest()).decode()
    return plain.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")


def parse_fields(header: str) -> dict[str, str]:
    assert header.startswith("MAC ")
    fields = {}
    for part in header[4:].split(", "):
        name, _, quoted = part.partition("=")
        assert quoted.startswith('"'), part
        assert quoted.endswith('"'), part
        fields[name] = quoted[1:-1]
    return fields


@pytest.mark.parametrize(("path", "extra", "expected"), SEED_EXAMPLES)
def test_header_reproduces_the_seed_examples_byte_for_byte(
    path: str, extra: dict[str, int] | None, expected: str
) -> None:
    auth = MacAuth(DOC_CLIENT, DOC_KEY, extra=extra)
    assert auth.header("GET", DOC_ORIGIN + path, ts=DOC_TS, nonce=DOC_NONCE) == expected


@pytest.mark.parametrize(("uri", "ext", "mac"), PUBLISHED_VECTORS)
def test_header_reproduces_every_published_vector(uri: str, ext: str, mac: str) -> None:
    extra = dict(pair.split("=") for pair in ext.split("&")) if ext else None
    auth = MacAuth(DOC_CLIENT, DOC_KEY, extra=extra)
    header = auth.header("GET", DOC_ORIGIN + uri, ts=DOC_TS, nonce=DOC_NONCE)
    assert header == reference_header(DOC_CLIENT, DOC_TS, DOC_NONCE, mac, ext)
    # The independent reference implementation agrees with the published value too.
    assert (
        reference_mac(DOC_KEY, DOC_TS, DOC_NONCE, "GET", uri, "wallet.paysera.com", 443, ext) == mac
    )


def test_extra_parameters_go_into_ext_project_then_location() -> None:
    auth = MacAuth(DOC_CLIENT, DOC_KEY, extra={"project_id": 3, "location_id": 77})
    header = auth.header("GET", DOC_ORIGIN + "/rest/v1/client", ts=DOC_TS, nonce=DOC_NONCE)
    ext = "project_id=3&location_id=77"
    mac = reference_mac(
        DOC_KEY, DOC_TS, DOC_NONCE, "GET", "/rest/v1/client", "wallet.paysera.com", 443, ext
    )
    assert header == reference_header(DOC_CLIENT, DOC_TS, DOC_NONCE, mac, ext)


# b"payload-2" hashes to base64 with "+", "/" and "=" in it, so all three encodings show.
BODY_WITH_ALL_SPECIALS = b"payload-2"


def test_body_hash_fixture_really_contains_every_special_character() -> None:
    plain = base64.b64encode(hashlib.sha256(BODY_WITH_ALL_SPECIALS).digest()).decode()
    assert {"+", "/", "="} <= set(plain)


def test_non_empty_body_is_hashed_into_ext_before_the_extra_parameters() -> None:
    auth = MacAuth(DOC_CLIENT, DOC_KEY, extra={"project_id": 3, "location_id": 4})
    url = DOC_ORIGIN + "/rest/v1/transfer"
    header = auth.header("POST", url, BODY_WITH_ALL_SPECIALS, ts=DOC_TS, nonce=DOC_NONCE)
    ext = f"body_hash={encoded_body_hash(BODY_WITH_ALL_SPECIALS)}&project_id=3&location_id=4"
    for encoded in ("%2B", "%2F", "%3D"):
        assert encoded in ext
    mac = reference_mac(
        DOC_KEY, DOC_TS, DOC_NONCE, "POST", "/rest/v1/transfer", "wallet.paysera.com", 443, ext
    )
    assert header == reference_header(DOC_CLIENT, DOC_TS, DOC_NONCE, mac, ext)


def test_str_body_is_signed_as_its_utf8_bytes() -> None:
    auth = MacAuth(DOC_CLIENT, DOC_KEY)
    text = '{"description": "Mokėjimas už kavą ☕"}'
    url = DOC_ORIGIN + "/rest/v1/transfer"
    from_text = auth.header("POST", url, text, ts=DOC_TS, nonce=DOC_NONCE)
    from_bytes = auth.header("POST", url, text.encode("utf-8"), ts=DOC_TS, nonce=DOC_NONCE)
    assert from_text == from_bytes
    assert parse_fields(from_text)["ext"] == "body_hash=" + encoded_body_hash(text.encode())


@pytest.mark.parametrize("empty", [None, b"", ""])
def test_empty_body_adds_no_body_hash_and_no_ext(empty: bytes | str | None) -> None:
    auth = MacAuth(DOC_CLIENT, DOC_KEY)
    header = auth.header("GET", DOC_ORIGIN + "/rest/v1/server", empty, ts=DOC_TS, nonce=DOC_NONCE)
    assert header == SEED_EXAMPLES[1][2]


@pytest.mark.parametrize(
    ("url", "uri", "host", "port"),
    [
        ("https://wallet.paysera.com/rest/v1/server", "/rest/v1/server", "wallet.paysera.com", 443),
        ("http://wallet.paysera.com/rest/v1/server", "/rest/v1/server", "wallet.paysera.com", 80),
        (
            "https://Wallet-API.Paysera.COM:8443/rest/v1/client",
            "/rest/v1/client",
            "wallet-api.paysera.com",
            8443,
        ),
        ("http://127.0.0.1:3000/rest/v1/wallet/1", "/rest/v1/wallet/1", "127.0.0.1", 3000),
        (
            "https://wallet.paysera.com:443/rest/v1/server",
            "/rest/v1/server",
            "wallet.paysera.com",
            443,
        ),
        (
            "HTTPS://WALLET.PAYSERA.COM/rest/v1/wallet/14471/balance?convert_to=EUR&x=%2F",
            "/rest/v1/wallet/14471/balance?convert_to=EUR&x=%2F",
            "wallet.paysera.com",
            443,
        ),
    ],
)
def test_signature_covers_uri_with_query_lowercase_host_and_effective_port(
    url: str, uri: str, host: str, port: int
) -> None:
    auth = MacAuth(DOC_CLIENT, DOC_KEY)
    header = auth.header("get", url, ts=DOC_TS, nonce=DOC_NONCE)
    expected = reference_mac(DOC_KEY, DOC_TS, DOC_NONCE, "GET", uri, host, port, "")
    assert parse_fields(header)["mac"] == expected


def test_default_nonces_are_long_from_the_allowed_set_and_never_repeat() -> None:
    auth = MacAuth(DOC_CLIENT, DOC_KEY)
    nonces = [auth.new_nonce() for _ in range(10_000)]
    assert len(set(nonces)) == len(nonces)
    for nonce in nonces:
        assert len(nonce) >= 32
        assert set(nonce) <= ALLOWED_NONCE_CHARS


def test_each_header_without_explicit_nonce_uses_a_fresh_one() -> None:
    auth = MacAuth(DOC_CLIENT, DOC_KEY, clock=lambda: float(DOC_TS))
    url = DOC_ORIGIN + "/rest/v1/client"
    seen = {parse_fields(auth.header("GET", url))["nonce"] for _ in range(200)}
    assert len(seen) == 200
    assert all(len(nonce) >= 32 and set(nonce) <= ALLOWED_NONCE_CHARS for nonce in seen)


def test_nonces_are_not_shared_between_instances() -> None:
    first = {MacAuth(DOC_CLIENT, DOC_KEY).new_nonce() for _ in range(50)}
    second = {MacAuth(DOC_CLIENT, DOC_KEY).new_nonce() for _ in range(50)}
    assert not first & second


def test_repr_and_str_never_show_the_key() -> None:
    auth = MacAuth(DOC_CLIENT, DOC_KEY, extra={"project_id": 3})
    for text in (repr(auth), str(auth), f"{auth!r}", f"{auth}"):
        assert DOC_KEY not in text
    assert DOC_CLIENT in repr(auth)


@pytest.mark.parametrize(("now", "ts"), [(1700000000.999, 1700000000), (1700000001.0, 1700000001)])
def test_clock_supplies_the_timestamp_floored(now: float, ts: int) -> None:
    calls = []

    def clock() -> float:
        calls.append(now)
        return now

    auth = MacAuth(DOC_CLIENT, DOC_KEY, clock=clock)
    header = auth.header("GET", DOC_ORIGIN + "/rest/v1/server", nonce=DOC_NONCE)
    assert calls, "the clock was not consulted"
    fields = parse_fields(header)
    assert fields["ts"] == str(ts)
    expected = reference_mac(
        DOC_KEY, ts, DOC_NONCE, "GET", "/rest/v1/server", "wallet.paysera.com", 443, ""
    )
    assert fields["mac"] == expected


def test_explicit_ts_overrides_the_clock() -> None:
    auth = MacAuth(DOC_CLIENT, DOC_KEY, clock=lambda: 5.0)
    header = auth.header("GET", DOC_ORIGIN + "/rest/v1/server", ts=DOC_TS, nonce=DOC_NONCE)
    assert header == SEED_EXAMPLES[1][2]
