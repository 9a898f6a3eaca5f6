"""``python -m wallet_gui.sandbox``: run the emulator until interrupted."""

from __future__ import annotations

import argparse
import contextlib
import signal
import threading

from wallet_gui.sandbox.data import DEMO_CLIENT_ID
from wallet_gui.sandbox.faults import RANDOM_FAULTS
from wallet_gui.sandbox.server import Sandbox


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m wallet_gui.sandbox",
        description="A local emulator of the Paysera Wallet API on 127.0.0.1.",
    )
    parser.add_argument("--port", type=int, default=0, help="port (default: a free one)")
    parser.add_argument(
        "--offset",
        type=float,
        default=0.0,
        help="seconds the server clock is ahead of this machine's",
    )
    parser.add_argument(
        "--latency",
        type=float,
        default=0.0,
        help="added round-trip time in seconds (half each way)",
    )
    parser.add_argument(
        "--jitter",
        type=float,
        default=0.0,
        help="mean extra delay per leg, exponentially distributed",
    )
    parser.add_argument(
        "--forward-share",
        type=float,
        default=0.5,
        help="share of the latency on the way to the server (asymmetry)",
    )
    parser.add_argument(
        "--fault-rate",
        type=float,
        default=0.0,
        help="share of requests answered with a fault: " + ", ".join(RANDOM_FAULTS),
    )
    parser.add_argument("--mac-key", help="the demo client's MAC key (default: random)")
    parser.add_argument(
        "--no-rate-limit", action="store_true", help="do not enforce the published rate limits"
    )
    args = parser.parse_args(argv)

    clients = {DEMO_CLIENT_ID: args.mac_key} if args.mac_key else None
    sandbox = Sandbox(
        port=args.port,
        offset=args.offset,
        latency=args.latency,
        jitter=args.jitter,
        forward_share=args.forward_share,
        clients=clients,
        rate_limit=not args.no_rate_limit,
    )
    sandbox.faults.set_rate(args.fault_rate)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    with sandbox:
        print(f"Wallet API emulator at {sandbox.url}", flush=True)
        for client_id, key in sandbox.clients.items():
            print(f"  client id: {client_id}\n  MAC key:   {key}", flush=True)
        print("Wallets: " + ", ".join(str(w) for w in sandbox.wallets), flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            stop.wait()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
