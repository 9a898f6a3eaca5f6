"""Many wallets: one refresh of N = 40 wallets at 200 ms round trip, against N = 1 and a loop.

``Monitor.balances`` fetches concurrently over the client's one keep-alive pool; the
baseline is the same client called wallet by wallet. Each figure is the median of a few
refreshes after a warm-up refresh that opens the pool's connections, so connection set-up
is not charged to the steady state (the cold first refresh is printed separately).

Why a refresh can cost more than one round trip, shown by ``--diagnose`` (and summarised in
the full run): with concurrency C a refresh of N wallets takes ceil(N / C) round trips
("waves"); and connections opened all at once can overflow the emulator's listen backlog
(``socketserver``'s default of 5), which the kernel counts in ``ListenOverflows`` and the
client pays for with a 1 s SYN retransmission. The sweep reads those counters from
/proc/net/netstat around each refresh.

Run alone: ``python -m benchmarks.many_wallets [--quick] [--diagnose]``.
"""

from __future__ import annotations

import argparse
import logging
import math
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.common import Row, median, print_table, section
from wallet_gui.api.auth import MacAuth
from wallet_gui.api.client import WalletClient
from wallet_gui.core.connection import ConnectionSettings
from wallet_gui.core.monitor import DEFAULT_CONCURRENCY, Monitor
from wallet_gui.sandbox import DEMO_CLIENT_ID, Sandbox

RTT_S = 0.2
WALLETS = 40
#: "Little more than one round trip": N = 40 may cost at most this many times N = 1.
TARGET_RATIO = 2.0


def _netstat() -> dict[str, int]:
    """TcpExt counters (ListenOverflows, ListenDrops, TCPSynRetrans…) from /proc/net/netstat."""
    lines = Path("/proc/net/netstat").read_text().splitlines()
    counters: dict[str, int] = {}
    for names, values in zip(lines[::2], lines[1::2], strict=False):
        prefix = names.split()[0]
        for name, value in zip(names.split()[1:], values.split()[1:], strict=False):
            counters[prefix + name] = int(value)
    return counters


def _timed(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def _check(results: list) -> None:  # type: ignore[type-arg]
    failed = [r for r in results if r.error is not None]
    if failed:
        raise RuntimeError(f"{len(failed)} balance request(s) failed: {failed[0].error}")


def refresh_times(
    sandbox: Sandbox,
    ids: list[str],
    concurrency: int,
    repeats: int,
    *,
    matched_pool: bool = False,
) -> tuple[float, float, float, dict[str, int]]:
    """(cold N, median warm N, median warm N=1, kernel counters during the cold refresh).

    ``matched_pool`` swaps the monitor's client for one whose pool keeps ``concurrency``
    connections (``build_client`` always leaves the client's default of 16): the what-if
    of the proposed fix, built from public constructors only.
    """
    settings = ConnectionSettings(
        profile="bench", base_url=sandbox.url, client_id=DEMO_CLIENT_ID, wallet_ids=tuple(ids)
    )
    key = sandbox.clients[DEMO_CLIENT_ID]
    monitor = Monitor(settings, key, max_concurrency=concurrency)
    if matched_pool:
        monitor.client.close()
        monitor.client = WalletClient(
            sandbox.url,
            MacAuth(DEMO_CLIENT_ID, key, clock=monitor.clock),
            max_concurrency=concurrency,
        )
    try:
        before = _netstat()
        results: list = []  # type: ignore[type-arg]
        cold = _timed(lambda: results.extend(monitor.balances(ids)))
        after = _netstat()
        _check(results)
        counters = {
            name.removeprefix("TcpExt:"): after[name] - before.get(name, 0)
            for name in ("TcpExt:ListenOverflows", "TcpExt:ListenDrops", "TcpExt:TCPSynRetrans")
            if name in after
        }
        many = [_timed(lambda: _check(monitor.balances(ids))) for _ in range(repeats)]
        one = [_timed(lambda: _check(monitor.balances(ids[:1]))) for _ in range(repeats)]
    finally:
        monitor.close()
    return cold, median(many), median(one), counters


def sequential_time(sandbox: Sandbox, ids: list[str]) -> float:
    """The baseline: the same client, one wallet after the other."""
    settings = ConnectionSettings(
        profile="bench", base_url=sandbox.url, client_id=DEMO_CLIENT_ID, wallet_ids=tuple(ids)
    )
    monitor = Monitor(settings, sandbox.clients[DEMO_CLIENT_ID])
    try:
        monitor.client.wallet_balance(ids[0])  # warm the connection
        return _timed(lambda: [monitor.client.wallet_balance(w) for w in ids])
    finally:
        monitor.close()


DIAGNOSIS = ((8, False), (16, False), (20, False), (40, False), (20, True), (40, True))


def diagnose(cases: tuple[tuple[int, bool], ...] = DIAGNOSIS) -> None:
    """Sweep the concurrency: waves of round trips, and listen-queue overflows when cold."""
    print(f"  concurrency sweep (N = {WALLETS}, {RTT_S * 1000:.0f} ms RTT; fresh emulator each):")
    print(
        "     C  pool  waves  cold s  warm s  N=1 s  ratio  "
        "listen overflows / SYN retransmits (cold refresh)"
    )
    # urllib3 warns when more threads than pool slots return connections; that is the point.
    logging.getLogger("urllib3").setLevel(logging.ERROR)
    for concurrency, matched in cases:
        with Sandbox(latency=RTT_S, rate_limit=False) as sandbox:
            ids = [str(w) for w in sandbox.add_wallets(WALLETS)]
            cold, many, one, counters = refresh_times(
                sandbox, ids, concurrency, 3, matched_pool=matched
            )
        waves = math.ceil(WALLETS / concurrency)
        pool = concurrency if matched else 16
        print(
            f"    {concurrency:2d}  {pool:4d}  {waves:5d}  {cold:6.3f}  {many:6.3f}  {one:5.3f}  "
            f"{many / one:4.2f}×  {counters.get('ListenOverflows', 0)} / "
            f"{counters.get('TCPSynRetrans', 0)}"
        )
    print(
        "  (pool 16: build_client leaves the client's pool at 16 whatever C is, so above 16 "
        "connections are opened and discarded on every refresh, all at once; a cold refresh "
        "opens C at once. The emulator listens with a backlog of 5: the overflow costs a 1 s "
        "SYN retransmission.)"
    )


def run(quick: bool = False, with_diagnosis: bool = True) -> list[Row]:
    """Measure and print the many-wallets figure; returns its table rows."""
    section(f"Many wallets: one refresh of N = {WALLETS} vs N = 1 at {RTT_S * 1000:.0f} ms RTT")
    repeats = 3 if quick else 5
    with Sandbox(latency=RTT_S, rate_limit=False) as sandbox:
        ids = [str(w) for w in sandbox.add_wallets(WALLETS)]
        cold, many, one, counters = refresh_times(sandbox, ids, DEFAULT_CONCURRENCY, repeats)
        sequential = sequential_time(sandbox, ids)
    waves = math.ceil(WALLETS / DEFAULT_CONCURRENCY)
    print(
        f"  Monitor.balances, concurrency {DEFAULT_CONCURRENCY} (default): N=1 {one:.3f} s, "
        f"N={WALLETS} {many:.3f} s (cold, first refresh: {cold:.3f} s; listen overflows "
        f"{counters.get('ListenOverflows', 0)}), ratio {many / one:.2f}×; "
        f"{waves} waves of {DEFAULT_CONCURRENCY} → expected ≈ {waves * RTT_S:.1f} s"
    )
    print(f"  sequential loop, N={WALLETS}: {sequential:.3f} s")
    if with_diagnosis and not quick:
        diagnose()
    return [
        Row(
            f"refresh N={WALLETS} wallets @200 ms RTT",
            f"{many:.2f} s (N=1 {one:.2f} s)",
            f"{sequential:.2f} s (sequential)",
            f"{many / one:.2f}× N=1; {many / sequential:.3f}× seq",
            f"≤ {TARGET_RATIO:.0f}× N=1",
            many / one <= TARGET_RATIO,
        )
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats, no sweep (~15 s)")
    parser.add_argument(
        "--diagnose", action="store_true", help="only the concurrency sweep (why, not what)"
    )
    args = parser.parse_args(argv)
    if args.diagnose:
        section("Many wallets: concurrency sweep")
        diagnose()
        return 0
    rows = run(quick=args.quick)
    print()
    print_table(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
