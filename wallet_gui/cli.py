"""The ``wallet-gui`` command: the window by default, ``wallet-gui check`` for scripts.

Connection options are shared by both, and so is the way to find the secret: the
environment variable ``WALLET_GUI_MAC_KEY`` first, then the keyring entry of the profile.
There is no option to pass a key on the command line: arguments are visible to every user
of the machine through the process list.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from dataclasses import replace

from wallet_gui import __version__
from wallet_gui.api.errors import WalletError
from wallet_gui.connection import (
    AUTH_CERTIFICATE,
    MIN_INTERVAL,
    ConnectionSettings,
)
from wallet_gui.credentials import (
    KEY_ENVIRONMENT_VARIABLE,
    CredentialStore,
    CredentialStoreError,
    secret_from_environment,
)


class UsageError(WalletError):
    """The command line asks for something that does not exist or does not fit."""


def add_connection_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("connection")
    who = group.add_mutually_exclusive_group()
    who.add_argument("--profile", metavar="NAME", help="a profile saved by the window")
    who.add_argument("--client-id", metavar="ID", help="the API client id (MAC id)")
    group.add_argument("--base-url", metavar="URL", help="API root (default: production)")
    group.add_argument(
        "--wallet",
        metavar="ID",
        action="append",
        default=None,
        dest="wallets",
        help="a wallet to read (repeatable)",
    )
    group.add_argument("--project-id", metavar="N", type=int, help="extra parameter project_id")
    group.add_argument("--location-id", metavar="N", type=int, help="extra parameter location_id")
    group.add_argument("--ca-bundle", metavar="PATH", help="extra trusted CA certificates (PEM)")


def _profile_store():  # type: ignore[no-untyped-def]
    # QtCore only (no widgets): profiles live in QSettings.
    from wallet_gui.settings import ProfileStore

    return ProfileStore()


def resolve_settings(args: argparse.Namespace) -> ConnectionSettings:
    """The profile named (or the one for ``--client-id``), overridden by explicit options."""
    settings: ConnectionSettings | None = None
    if args.profile:
        settings = _profile_store().load(args.profile)
        if settings is None:
            raise UsageError(f"no profile named {args.profile!r}")
    elif args.client_id:
        settings = _profile_store().find_by_client_id(args.client_id) or ConnectionSettings(
            profile=f"client {args.client_id}", client_id=args.client_id
        )
    else:
        settings = ConnectionSettings(profile="command line")
    overrides: dict[str, object] = {}
    if args.base_url:
        overrides["base_url"] = args.base_url
    if args.wallets:
        overrides["wallet_ids"] = tuple(w.strip() for w in args.wallets if w.strip())
    if args.project_id is not None:
        overrides["project_id"] = args.project_id
    if args.location_id is not None:
        overrides["location_id"] = args.location_id
    if args.ca_bundle:
        overrides["ca_bundle"] = args.ca_bundle
    if getattr(args, "interval", None) is not None:
        overrides["interval"] = max(MIN_INTERVAL, args.interval)
    return replace(settings, **overrides)


def resolve_secret(settings: ConnectionSettings, *, required: bool) -> str | None:
    """The secret from the environment, else from the profile's keyring entry."""
    secret = secret_from_environment()
    if secret:
        return secret
    if settings.auth_method != AUTH_CERTIFICATE and not settings.client_id:
        return None
    try:
        secret = CredentialStore().get(settings.keyring_user)
    except CredentialStoreError:
        if required:
            raise
        return None
    if secret is None and required and settings.auth_method != AUTH_CERTIFICATE:
        raise UsageError(
            f"no MAC key for {settings.client_id or settings.profile} in "
            f"{KEY_ENVIRONMENT_VARIABLE} or the keyring: set the variable or save the profile "
            "in the window"
        )
    return secret


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wallet-gui",
        description="Monitor Paysera Wallet balances, configuration and clock drift.",
        epilog="Run 'wallet-gui check --help' for the headless diagnosis.",
    )
    parser.add_argument("--version", action="version", version=f"wallet-gui {__version__}")
    parser.add_argument("--demo", action="store_true", help="run against the built-in emulator")
    parser.add_argument(
        "--demo-offset",
        type=float,
        default=0.0,
        metavar="S",
        help="demo: the emulated server's clock is S seconds ahead of this machine",
    )
    parser.add_argument(
        "--demo-latency",
        type=float,
        default=0.0,
        metavar="S",
        help="demo: added network round-trip time in seconds",
    )
    parser.add_argument(
        "--interval", type=float, default=None, metavar="S", help="balance poll period"
    )
    add_connection_options(parser)
    return parser


def configure_logging(verbose: bool, *, quiet_level: int = logging.WARNING) -> None:
    """DEBUG with ``--verbose``; otherwise only records at ``quiet_level`` and above."""
    logging.basicConfig(
        level=logging.DEBUG if verbose else quiet_level,
        format="%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s",
    )
    if not verbose:
        # urllib3 warns on retries with full URLs; the app reports failures itself.
        logging.getLogger("urllib3").setLevel(logging.ERROR)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["check"]:
        from wallet_gui.check import main as check_main

        return check_main(args_list[1:])
    args = build_parser().parse_args(args_list)
    configure_logging(verbose=False)
    from wallet_gui.app import run

    return run(args)
