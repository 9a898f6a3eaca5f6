"""Amounts, times and dates in the locale's way, exact for any Decimal; ``check`` unchanged."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from wallet_gui.api.models import CurrencyBalance
from wallet_gui.core.state import WalletBalances
from wallet_gui.sandbox import DEMO_CLIENT_ID, Sandbox
from wallet_gui.ui.balances_panel import BalancesPanel
from wallet_gui.ui.formatting import (
    format_amount,
    format_duration,
    format_local_date,
    format_local_date_time,
    format_local_time,
    format_money,
    format_offset,
    format_ppm,
)
from wallet_gui.ui.locale_numbers import MINUS, symbols_for

NBSP = "\N{NO-BREAK SPACE}"
PROPERTY_LOCALES = ["en_US", "lt_LT", "ru_RU", "de_DE"]


@pytest.fixture
def default_locale() -> Iterator[None]:
    """Tests that set the application's locale put the previous one back."""
    before = QLocale()
    yield
    QLocale.setDefault(before)


# -- examples ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("C", "1,250.50 EUR"),  # the neutral form
        ("lt_LT", f"1{NBSP}250,50{NBSP}EUR"),
        ("ru_RU", f"1{NBSP}250,50{NBSP}EUR"),
        ("de_DE", f"1.250,50{NBSP}EUR"),
        ("en_US", f"EUR{NBSP}1,250.50"),  # where en_US puts its currency sign
        ("de_CH", f"EUR{NBSP}1'250.50"),
    ],
)
def test_money_takes_separators_and_currency_place_from_the_locale(
    name: str, expected: str
) -> None:
    assert format_money(Decimal("1250.50"), "EUR", QLocale(name)) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("lt_LT", f"{MINUS}1{NBSP}234{NBSP}567,891{NBSP}BHD"),
        ("en_US", f"BHD{NBSP}{MINUS}1,234,567.891"),  # the sign next to the digits
        ("de_DE", f"{MINUS}1.234.567,891{NBSP}BHD"),  # a hyphen-minus made typographic
    ],
)
def test_negative_amounts_keep_the_sign_by_the_digits(name: str, expected: str) -> None:
    assert format_money(Decimal("-1234567.891"), "BHD", QLocale(name)) == expected


def test_the_largest_amounts_are_exact_to_the_last_digit() -> None:
    amount = Decimal("999999999999999.999999999")
    expected = f"999{NBSP}999{NBSP}999{NBSP}999{NBSP}999,999999999{NBSP}EUR"
    assert format_money(amount, "EUR", QLocale("lt_LT")) == expected
    # Far beyond a double's 15-16 digits, and the Decimal's own scale kept.
    assert format_money(Decimal("9007199254740993.010"), "EUR", QLocale("de_DE")) == (
        f"9.007.199.254.740.993,010{NBSP}EUR"
    )


def test_a_negative_zero_has_no_sign() -> None:
    assert format_amount(Decimal("-0.00"), QLocale("ru_RU")) == "0,00"


@pytest.mark.parametrize(
    "name", ["en_US", "lt_LT", "ru_RU", "de_DE", "hi_IN", "es_ES", "pl_PL", "fr_FR", "ar_EG"]
)
@pytest.mark.parametrize("number", [0, 7, 999, 1000, 12345, 1234567, -98765, 10**15 - 1])
def test_whole_amounts_read_exactly_as_qt_writes_integers(name: str, number: int) -> None:
    """Grouping sizes (Indian 12,34,567), minimum grouping (Spanish 1000 but 10.000), native
    digits: all Qt's own, only the minus is always the typographic one."""
    locale = QLocale(name)
    assert format_amount(Decimal(number), locale) == locale.toString(number).replace("-", MINUS)


def test_clock_numbers_use_the_locale_decimal_point() -> None:
    lithuanian = QLocale("lt_LT")
    assert format_offset(-42.3714, 0.0123, lithuanian) == f"{MINUS}42,371 s ± 0,012 s"
    assert format_duration(0.0382, lithuanian) == "38,2 ms"
    assert format_ppm(2.0, 0.5, lithuanian) == "+2,0 ppm ± 0,5 ppm"
    assert format_offset(-3600.25, None, QLocale("de_DE")) == f"{MINUS}3600,250 s"  # no groups


def test_times_and_dates_follow_the_locale() -> None:
    wall = 1_700_000_000.0
    clock = time.strftime("%H:%M:%S", time.localtime(wall))
    assert format_local_time(wall, QLocale("lt_LT")) == clock
    us_time = format_local_time(wall, QLocale("en_US"))
    assert re.fullmatch(r"\d{1,2}:\d\d:\d\d\s(AM|PM)", us_time)
    day = time.localtime(wall)
    assert format_local_date(wall, QLocale("de_DE")) == time.strftime("%d.%m.%Y", day)
    assert format_local_date(wall, QLocale("lt_LT")) == time.strftime("%Y-%m-%d", day)
    assert format_local_date(wall, QLocale.c()) == time.strftime("%Y-%m-%d", day)
    assert format_local_date_time(wall, QLocale("ru_RU")) == time.strftime("%d.%m.%Y %H:%M:%S", day)
    assert "UTC" not in format_local_time(wall, QLocale.c())  # no time zone in the window


def test_the_application_locale_is_the_default(default_locale: None) -> None:
    QLocale.setDefault(QLocale("ru_RU"))
    assert format_money(Decimal("1250.5"), "RUB") == f"1{NBSP}250,5{NBSP}RUB"
    QLocale.setDefault(QLocale.c())
    assert format_money(Decimal("1250.5"), "RUB") == "1,250.5 RUB"


# -- every amount, parsed back -------------------------------------------------------------


@st.composite
def amounts(draw: st.DrawFn) -> Decimal:
    """Any Decimal with |x| < 10^15 and at most 9 decimals, its scale included."""
    places = draw(st.integers(0, 9))
    units = draw(st.integers(-(10 ** (15 + places)) + 1, 10 ** (15 + places) - 1))
    return Decimal(f"{units}E-{places}")


def _parse(text: str, locale: QLocale, currency: str) -> Decimal:
    symbols = symbols_for(locale)
    bare = text.replace(currency, "").strip(f" {NBSP}")
    bare = bare.replace(symbols.group, "").replace(symbols.decimal, ".").replace(MINUS, "-")
    return Decimal(bare)


@pytest.mark.parametrize("name", PROPERTY_LOCALES)
@given(amount=amounts())
def test_every_amount_parses_back_exactly(name: str, amount: Decimal) -> None:
    locale = QLocale(name)
    text = format_money(amount, "EUR", locale)
    parsed = _parse(text, locale, "EUR")
    assert parsed == amount
    assert parsed.as_tuple().exponent == amount.as_tuple().exponent  # the scale is kept
    whole = text.split(symbols_for(locale).decimal)[0]
    groups = re.findall(r"\d+", whole)
    assert all(len(group) == 3 for group in groups[1:])  # grouped by thousands
    assert 1 <= len(groups[0]) <= 3 or len(groups) == 1


# -- the window ----------------------------------------------------------------------------


def test_the_balances_table_shows_the_application_locale(
    qtbot: QtBot, default_locale: None
) -> None:
    QLocale.setDefault(QLocale("lt_LT"))
    panel = BalancesPanel()
    qtbot.addWidget(panel)
    balance = CurrencyBalance(
        currency="EUR", at_disposal=Decimal("1250.50"), reserved=Decimal("0.00")
    )
    panel.set_wallets((WalletBalances(wallet_id="1", balances={"EUR": balance}, updated_at=1.0),))
    assert panel.table.item(0, 2).text() == f"1{NBSP}250,50{NBSP}EUR"
    assert panel.table.item(0, 3).text() == f"0,00{NBSP}EUR"


# -- check does not change with the locale -------------------------------------------------

_VOLATILE = {"offset_s", "uncertainty_s", "typical_error_s", "rtt_s", "rate_ppm", "samples"}


def _check(sandbox: Sandbox, tmp_path: Path, language: str, *extra: str) -> str:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("LC_", "LANG")) and key != "QT_QPA_PLATFORM"
    }
    env.update(
        HOME=str(tmp_path),
        NO_PROXY="127.0.0.1",
        LANG=language,
        LC_ALL=language,
        LANGUAGE=language.split(".")[0],
        WALLET_GUI_MAC_KEY=sandbox.clients[DEMO_CLIENT_ID],
    )
    argv = ["check", "--base-url", sandbox.url, "--client-id", DEMO_CLIENT_ID]
    result = subprocess.run(
        [sys.executable, "-m", "wallet_gui", *argv, "--wallet", "14471", *extra],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.mark.parametrize("language", ["lt_LT.UTF-8", "ru_RU.UTF-8"])
def test_check_output_and_json_do_not_change_with_the_locale(
    sandbox: Sandbox, tmp_path: Path, language: str
) -> None:
    plain = json.loads(_check(sandbox, tmp_path, "C.UTF-8", "--json"))
    localised = json.loads(_check(sandbox, tmp_path, language, "--json"))
    for report in (plain, localised):
        for key in _VOLATILE:
            report.pop(key, None)
    assert localised == plain
    assert localised["balances"]["14471"]["EUR"]["at_disposal"] == "22.99"

    line = _check(sandbox, tmp_path, language)
    assert line.startswith("WALLET_API OK - offset ")
    assert "at disposal 22.99" in line
    assert re.search(r"'offset'=-?\d+(\.\d+)?s;", line)  # perfdata: a point, never a comma
    assert not re.search(r"\d,\d", line)
