"""Helpers shared by test folders."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from wallet_gui.cli import parse_window_request
from wallet_gui.core.state import RoundResult, WalletBalances
from wallet_gui.core.window_request import WindowRequest


def app_args(**overrides: object) -> WindowRequest:
    """What ``wallet-gui`` parses from an empty command line, with some options changed.

    Built by the real parser, so the tests see the same defaults a user gets. Overrides
    name either a field of the request (``demo``) or a connection option (``wallet_ids``).
    """
    request = parse_window_request([])
    options = request.options
    for name, value in overrides.items():
        if name == "wallets":
            name, value = "wallet_ids", tuple(value)  # type: ignore[call-overload]
        if hasattr(request, name):
            request = replace(request, **{name: value})
        elif hasattr(options, name):
            options = replace(options, **{name: value})
        else:
            raise TypeError(f"wallet-gui has no option for {name!r}")
    return replace(request, options=options)


def each_wallet(sink: Callable[[WalletBalances], object]) -> Callable[[RoundResult], None]:
    """A ``roundFinished`` listener that hands each wallet of a round to ``sink``."""

    def deliver(result: RoundResult) -> None:
        for wallet in result.wallets:
            sink(wallet)

    return deliver


def process_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of an app process in a home of its own: settings, history and cache
    under ``home``, offscreen, loopback without a proxy, and nothing else of this one's."""
    env = {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "QT_QPA_PLATFORM": "offscreen",
        "NO_PROXY": "127.0.0.1,localhost",
    }
    env.update(extra)
    return env
