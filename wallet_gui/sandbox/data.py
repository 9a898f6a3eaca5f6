"""Demo data for the emulator: several wallets, several currencies, one sparse wallet.

The sparse wallet (30003) exercises every optional field being absent: no display name, a
balance given only in integer minor units, one given only as a decimal string, and a
three-decimal currency. The configuration carries a key the client does not know.
"""

from __future__ import annotations

import copy
from typing import Any

DEMO_CLIENT_ID = "demo-client"

CONFIGURATION: dict[str, Any] = {
    "minimum_password_length": 8,
    "bank_transfer_urgent_option_availability_beneficiary_account_regexp": "^LT[0-9]{18}$",
    "sandbox_notice": "served by the wallet-gui emulator",
}

CLIENT: dict[str, Any] = {
    "id": 7001,
    "title": "Demo monitoring client",
    "type": "private_client",
    "permissions": ["show_wallet", "show_wallet_balance"],
}

WALLETS: dict[int, dict[str, Any]] = {
    14471: {
        "id": 14471,
        "owner": 2001,
        "account": {
            "number": "EVP0010001000101",
            "owner_display_name": "Jonas Jonaitis",
            "owner_title": "Jonas Jonaitis",
            "type": "natural",
            "ibans": ["LT123500010001000101"],
            "status": "active",
        },
    },
    20002: {
        "id": 20002,
        "owner": 2002,
        "account": {
            "number": "EVP0020002000202",
            "owner_display_name": "UAB Demo Parduotuvė",
            "description": "Shop takings",
            "type": "legal",
        },
    },
    30003: {"id": 30003, "owner": 2003, "account": {"number": "EVP0030003000303"}},
}

BALANCES: dict[int, dict[str, dict[str, Any]]] = {
    14471: {
        "EUR": {
            "at_disposal": 2299,
            "at_disposal_decimal": "22.99",
            "reserved": 0,
            "reserved_decimal": "0.00",
        },
        "USD": {
            "at_disposal": 100,
            "at_disposal_decimal": "1.00",
            "reserved": 9800,
            "reserved_decimal": "98.00",
        },
    },
    20002: {
        "EUR": {
            "at_disposal": 125050,
            "at_disposal_decimal": "1250.50",
            "reserved": 12000,
            "reserved_decimal": "120.00",
        },
        "JPY": {
            "at_disposal": 15000,
            "at_disposal_decimal": "15000",
            "reserved": 0,
            "reserved_decimal": "0",
        },
        "GBP": {
            "at_disposal": 4210,
            "at_disposal_decimal": "42.10",
            "reserved": 0,
            "reserved_decimal": "0.00",
        },
    },
    30003: {
        "EUR": {"at_disposal": 1005},
        "KWD": {"at_disposal_decimal": "3.250"},
    },
}

#: Rough demo exchange rates to EUR, for ``convert_to``.
RATES_TO_EUR = {"EUR": 1.0, "USD": 0.92, "JPY": 0.0062, "GBP": 1.17, "KWD": 3.0}


def fresh_wallets() -> dict[int, dict[str, Any]]:
    return copy.deepcopy(WALLETS)


def fresh_balances() -> dict[int, dict[str, dict[str, Any]]]:
    return copy.deepcopy(BALANCES)
