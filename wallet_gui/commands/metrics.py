"""Poll-loop snapshots as Prometheus metric families, built afresh at every scrape.

``SnapshotCollector`` is a custom collector rather than a set of live ``Gauge`` objects on
purpose: the poll loops publish immutable ``LoopSnapshot`` values, and a scrape turns the
latest one of each profile into families in one go. So a scrape never mixes the clock of
one poll with the counters of another, series of a wallet that was dropped vanish instead of
lingering, and the balances stay exact ``Decimal`` values everywhere but here — they become
floats only in the exposition, the one place the format demands it.

Every series has a ``profile`` label, so one exporter can watch several accounts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal

from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric

from wallet_gui.core.poll_loop import LoopSnapshot

#: The balance kinds the API reports, as the ``kind`` label of ``wallet_api_balance``.
BALANCE_KINDS = ("at_disposal", "reserved")


def _gauge(name: str, documentation: str, *labels: str) -> GaugeMetricFamily:
    return GaugeMetricFamily(name, documentation, labels=["profile", *labels])


def _exposed(amount: Decimal) -> float:
    """The exposition's float for an exact amount: the nearest double, whose shortest
    decimal form (what the text format prints) is the amount itself for any balance of up
    to 15 significant digits."""
    return float(amount)


def metric_families(snapshots: Iterable[LoopSnapshot]) -> list[Metric]:
    """The exporter's families for these snapshots (one per profile), in a stable order."""
    up = _gauge(
        "wallet_api_up",
        "1 when the latest clock probe was answered and, with wallets, the latest balance "
        "round brought at least one wallet's balances",
    )
    offset = _gauge(
        "wallet_api_clock_offset_seconds",
        "Server minus local wall time (positive: this machine is behind), midpoint estimate",
    )
    uncertainty = _gauge(
        "wallet_api_clock_uncertainty_seconds",
        "Guaranteed half-width of the offset interval around the midpoint estimate",
    )
    rtt = _gauge("wallet_api_clock_rtt_seconds", "Smallest round-trip time of the clock probes")
    drift = _gauge(
        "wallet_api_clock_drift_ppm",
        "Rate of the local clock against the server's, in parts per million (once known)",
    )
    balance = _gauge(
        "wallet_api_balance",
        "Latest known balance in the currency's major units",
        "wallet",
        "currency",
        "kind",
    )
    updated = _gauge(
        "wallet_api_balance_updated_timestamp_seconds",
        "Wall time the wallet's balances were last read successfully",
        "wallet",
    )
    requests = CounterMetricFamily(
        "wallet_api_requests",
        "Requests sent to the Wallet API, signed and unsigned, retries included",
        labels=["profile"],
    )
    errors = CounterMetricFamily(
        "wallet_api_errors",
        "Failed requests by error code: the API's error code or the transport failure kind",
        labels=["profile", "code"],
    )
    last_success = _gauge(
        "wallet_api_last_success_timestamp_seconds",
        "Wall time of the newest request the Wallet API answered successfully",
    )
    for snapshot in sorted(snapshots, key=lambda s: s.profile):
        profile = snapshot.profile
        up.add_metric([profile], 1.0 if snapshot.up else 0.0)
        clock = snapshot.clock
        for family, value in (
            (offset, clock.offset),
            (uncertainty, clock.half_width),
            (rtt, clock.rtt_min),
            (drift, clock.rate_ppm),
        ):
            if value is not None:
                family.add_metric([profile], value)
        for wallet in snapshot.wallets:
            if wallet.balances is None:
                continue
            for currency, amounts in sorted(wallet.balances.items()):
                for kind, amount in zip(
                    BALANCE_KINDS, (amounts.at_disposal, amounts.reserved), strict=True
                ):
                    if amount is not None:
                        balance.add_metric(
                            [profile, wallet.wallet_id, currency, kind], _exposed(amount)
                        )
            if wallet.updated_at is not None:
                updated.add_metric([profile, wallet.wallet_id], wallet.updated_at)
        requests.add_metric([profile], snapshot.counts.requests)
        for code, count in sorted(snapshot.counts.errors.items()):
            errors.add_metric([profile, code], count)
        if snapshot.last_success is not None:
            last_success.add_metric([profile], snapshot.last_success)
    return [
        up,
        offset,
        uncertainty,
        rtt,
        drift,
        balance,
        updated,
        requests,
        errors,
        last_success,
    ]


class SnapshotCollector:
    """A ``prometheus_client`` collector over whatever snapshots ``source`` returns now.

    ``source`` is called once per scrape (from the HTTP server's thread, or the textfile
    writer's) and must return promptly; the exporter hands it a copy of its latest
    snapshot per profile.
    """

    def __init__(self, source: Callable[[], Sequence[LoopSnapshot]]) -> None:
        self._source = source

    def collect(self) -> Iterator[Metric]:
        yield from metric_families(self._source())


__all__ = ["BALANCE_KINDS", "SnapshotCollector", "metric_families"]
