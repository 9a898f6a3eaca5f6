"""Helpers shared by test folders."""

from __future__ import annotations

import argparse

from wallet_gui.cli import build_parser


def app_args(**overrides: object) -> argparse.Namespace:
    """What ``wallet-gui`` parses from an empty command line, with some options changed.

    Built by the real parser, so the tests see the same defaults a user gets.
    """
    args = build_parser().parse_args([])
    for name, value in overrides.items():
        if not hasattr(args, name):
            raise TypeError(f"wallet-gui has no option for {name!r}")
        setattr(args, name, value)
    return args
