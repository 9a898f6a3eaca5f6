"""The endpoints a monitor uses, answered from the emulator's state.

Kept apart from the HTTP plumbing so that what each endpoint returns (and which API error
it refuses with) reads as plain data: a route and its query in, a status and a JSON-ready
body out.
"""

from __future__ import annotations

import math
import re
from typing import Any

from wallet_gui.sandbox import data
from wallet_gui.sandbox.refusals import RefusalError
from wallet_gui.sandbox.state import EmulatorState
from wallet_gui.sandbox.statement_route import statements_answer

#: Where the API lives under the emulator's origin.
API_PREFIX = "/rest/v1"
#: Routes anyone may call; every other one needs a signature or a client certificate.
UNSIGNED_ROUTES = frozenset({"server", "configuration"})

_WALLET_ROUTE = re.compile(r"wallet/(\d+)(/balance|/statements)?")


def route_of(path: str) -> str:
    """``/rest/v1/wallet/1/balance`` → ``wallet/1/balance``; raises ``RefusalError`` off the API."""
    if not path.startswith(API_PREFIX + "/"):
        raise RefusalError("not_found")
    return path[len(API_PREFIX) + 1 :].strip("/")


def answer(
    route: str, query: dict[str, list[str]], now: float, state: EmulatorState
) -> tuple[int, Any]:
    """The status and body for ``route``; raises ``RefusalError`` for what the API refuses."""
    if route == "server":
        return 200, {"time": math.floor(now)}  # PHP's time(): floored, never rounded
    if route == "configuration":
        return 200, state.configuration
    if route == "client":
        return 200, data.CLIENT
    match = _WALLET_ROUTE.fullmatch(route)
    if not match:
        raise RefusalError("not_found")
    wallet_id = int(match.group(1))
    if match.group(2) == "/statements":
        statements = state.statements_of(wallet_id)
        if statements is None:
            raise RefusalError("not_found", f"Wallet {wallet_id} was not found")
        return 200, statements_answer(wallet_id, statements, query)
    wallet, balance = state.wallet_and_balance(wallet_id)
    if wallet is None:
        raise RefusalError("not_found", f"Wallet {wallet_id} was not found")
    if not match.group(2):
        return 200, wallet
    targets = query.get("convert_to")
    if targets and targets[-1]:
        _add_conversions(balance, targets[-1])
    return 200, balance


def _add_conversions(balance: dict[str, dict[str, Any]], target: str) -> None:
    """Add each currency's amounts converted to ``target`` (minor units), as ``convert_to`` does."""
    rate_to = data.RATES_TO_EUR.get(target)
    if rate_to is None:
        raise RefusalError("invalid_parameters", f"Unknown currency {target[:10]}")
    for currency, entry in balance.items():
        factor = data.RATES_TO_EUR.get(currency, 1.0) / rate_to
        entry["converted"] = {
            name: round(entry.get(name, 0) * factor)
            for name in ("at_disposal", "reserved")
            if name in entry
        }
