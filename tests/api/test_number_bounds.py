"""Numbers from the server are bounded in the parsers, before anything computes with them."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from wallet_gui.api import ResponseFormatError, models


def refusal(parse: Any, data: Any, **kwargs: Any) -> str:
    with pytest.raises(ResponseFormatError) as caught:
        parse(data, **kwargs)
    message = str(caught.value)
    assert "\n" not in message
    assert "\r" not in message
    assert len(message) < 200
    return message


@pytest.mark.parametrize(
    "text",
    [
        "1e999999999",  # passed, then decimal.Overflow in the window on every poll
        "1e999999",  # passed, then a 1.3-million-character cell
        "-1e999999",
        "1E+18",
        "1000000000000000000",
        "-1000000000000000000.5",
        "0.0000000001",  # ten decimal places
        "1.0000000000",
        "0E+99999",
        "0E-99999",
        pytest.param("9" * 41, id="41-digits"),
        pytest.param("9" * 1_000_000, id="million-digits"),
    ],
)
def test_decimal_amount_out_of_range_names_the_field(text: str) -> None:
    message = refusal(models.parse_balance, {"EUR": {"at_disposal_decimal": text}})
    assert message == "balance EUR: 'at_disposal_decimal' is out of range"


def test_reserved_amount_out_of_range_names_the_field() -> None:
    data = {"USD": {"at_disposal_decimal": "1.00", "reserved_decimal": "1e999999999"}}
    message = refusal(models.parse_balance, data)
    assert message == "balance USD: 'reserved_decimal' is out of range"


@pytest.mark.parametrize(
    ("currency", "minor"),
    [
        ("JPY", 10**18),  # no minor unit: 10**18 yen
        ("JPY", -(10**18)),
        ("EUR", 10**20),  # 10**18 euros
        ("KWD", 10**21),
        pytest.param("EUR", 10**4000, id="EUR-4000-digits"),
        # str() of it raised ValueError, which is not a WalletError
        pytest.param("EUR", 10**5000, id="EUR-5000-digits"),
    ],
)
def test_minor_units_out_of_range_name_the_field(currency: str, minor: int) -> None:
    message = refusal(models.parse_balance, {currency: {"at_disposal": minor}})
    assert message == f"balance {currency}: 'at_disposal' is out of range"


def test_converted_amounts_are_bounded_too() -> None:
    data: Any = {
        "USD": {"at_disposal_decimal": "1.00", "converted": {"at_disposal_decimal": "1e99"}}
    }
    message = refusal(models.parse_balance, data, convert_to="EUR")
    assert message == "balance USD converted: 'at_disposal_decimal' is out of range"
    data = {"USD": {"at_disposal": 100, "converted": {"reserved": 10**25}}}
    message = refusal(models.parse_balance, data, convert_to="EUR")
    assert message == "balance USD converted: 'reserved' is out of range"


@pytest.mark.parametrize("text", ["-0", "0.000000000", " 12.50 ", "1E+5", "-22.99"])
def test_bounds_sit_at_18_digits_and_9_places_and_keep_sums_exact(text: str) -> None:
    largest = "999999999999999999.999999999"
    data = {
        "EUR": {"at_disposal_decimal": largest, "reserved_decimal": largest},
        "JPY": {"at_disposal": 10**18 - 1, "reserved": -(10**18) + 1},
        "KWD": {"at_disposal": 10**21 - 1},
        "USD": {"at_disposal_decimal": text},
    }
    balances = models.parse_balance(data)
    eur = balances["EUR"]
    assert str(eur.at_disposal) == largest
    assert str(eur.total) == "1999999999999999999.999999998"  # not rounded to 28 digits
    assert format(abs(eur.at_disposal or Decimal(0)), ",f") == "999,999,999,999,999,999.999999999"
    assert balances["JPY"].total == 0
    assert str(balances["KWD"].at_disposal) == "999999999999999999.999"
    assert balances["USD"].at_disposal == Decimal(text.strip())
    # One more digit either way is out of range.
    for beyond in ("1" + "0" * 18, "0." + "0" * 9 + "1", "-" + "9" * 19):
        with pytest.raises(ResponseFormatError, match="out of range"):
            models.parse_balance({"EUR": {"at_disposal_decimal": beyond}})


@pytest.mark.parametrize("value", [0, -1, 2**40, 2**63, pytest.param(10**5000, id="5000-digits")])
def test_server_time_out_of_range_is_refused(value: int) -> None:
    assert refusal(models.parse_server_time, {"time": value}) == (
        "server time: 'time' is out of range"
    )
    for kept in (1, 1_700_000_000, 2**40 - 1):  # 0 < time < 2**40
        assert models.parse_server_time({"time": kept}) == kept


@pytest.mark.parametrize(
    ("key", "value"),
    [("id", 2**63), ("id", -1), pytest.param("owner", 10**5000, id="owner-5000-digits")],
)
def test_wallet_ids_out_of_range_are_refused(key: str, value: int) -> None:
    data: dict[str, Any] = {"id": 14471, "owner": 5, "account": {"number": "EVP1"}}
    data[key] = value
    assert refusal(models.parse_wallet, data) == f"wallet: '{key}' is out of range"


HOSTILE_NAME = "\x1b]0;pwned\x07\x1b[2J\u202eRUE" + "X" * 500


def test_currency_code_in_a_message_is_cut_and_escaped() -> None:
    message = refusal(models.parse_balance, {HOSTILE_NAME: {"at_disposal": 1}})
    for forbidden in ("\x1b", "\x07", "\u202e"):
        assert forbidden not in message
    assert "\\x1b]0;pwned" in message  # shown, escaped
    assert "X" * 30 not in message
    assert message.startswith("balance: ")
    assert message.endswith("is not a currency code")


def test_amount_text_in_a_message_is_cut_and_escaped() -> None:
    text = "\x1b[2J\u202e12\r\nResult OK"
    message = refusal(models.parse_balance, {"EUR": {"at_disposal_decimal": text}})
    for forbidden in ("\x1b", "\u202e", "\r", "\n"):
        assert forbidden not in message
    assert message.startswith("balance EUR: 'at_disposal_decimal' ")
    assert message.endswith("is not a decimal amount")
