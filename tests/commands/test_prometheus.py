"""A real Prometheus scrapes ``wallet-gui exporter`` and answers queries with its figures.

The exporter polls the emulator in this process; ``/usr/bin/prometheus`` (Debian's
``prometheus`` package, installed by ``.ci/setup`` when ``WALLET_GUI_WITH_PROMETHEUS=1``,
which ``.ci/test`` sets) runs with a generated configuration, its own storage under
``tmp_path`` and a free loopback port, so a system service on the default port cannot
interfere. Where Prometheus was promised and is missing the test fails; elsewhere it skips.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from wallet_gui import cli
from wallet_gui.commands.exporter import Exporter, run_exporter
from wallet_gui.sandbox import DEMO_CLIENT_ID, Sandbox

PROMETHEUS = "/usr/bin/prometheus"
_NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))
#: How long Prometheus gets to start, scrape and answer (it needs a few seconds).
DEADLINE_S = 60.0


def _free_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        return int(probe.getsockname()[1])


def _get(url: str) -> tuple[int, bytes]:
    try:
        with _NO_PROXY.open(url, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
    except OSError:
        return 0, b""  # not listening yet


@contextmanager
def exporting(*argv: str) -> Iterator[Exporter]:
    """``wallet-gui exporter ARGV`` on a thread, stopped (as by SIGTERM) after the block."""
    request = cli.parse_exporter_request(list(argv))
    ready: list[Exporter] = []
    settled = threading.Event()

    def started(exporter: Exporter) -> None:
        ready.append(exporter)
        settled.set()

    def run() -> None:
        try:
            run_exporter(request, ready=started)
        finally:
            settled.set()

    thread = threading.Thread(target=run, name="test-exporter")
    thread.start()
    try:
        assert settled.wait(20)
        assert ready, "the exporter did not start"
        yield ready[0]
    finally:
        if ready:
            ready[0].stop()
        thread.join(10)
    assert not thread.is_alive()


@pytest.fixture
def prometheus_binary() -> str:
    if os.access(PROMETHEUS, os.X_OK):
        return PROMETHEUS
    if os.environ.get("WALLET_GUI_WITH_PROMETHEUS") == "1":
        pytest.fail(
            f"Prometheus was promised (WALLET_GUI_WITH_PROMETHEUS=1) but {PROMETHEUS} is missing"
        )
    pytest.skip(f"{PROMETHEUS} is not installed; run through .ci/test")


class Prometheus:
    """One Prometheus server scraping ``target`` every second, on a free loopback port."""

    def __init__(self, binary: str, folder: Path, target: str) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = folder / "prometheus.yml"
        config.write_text(
            "global:\n"
            "  scrape_interval: 1s\n"
            "  scrape_timeout: 1s\n"
            "  evaluation_interval: 1s\n"
            "scrape_configs:\n"
            "  - job_name: wallet\n"
            "    static_configs:\n"
            f"      - targets: ['{target}']\n",
            encoding="utf-8",
        )
        self.log = (folder / "prometheus.log").open("wb")
        self.process = subprocess.Popen(
            [
                binary,
                f"--config.file={config}",
                f"--storage.tsdb.path={folder / 'data'}",
                f"--web.listen-address=127.0.0.1:{self.port}",
                "--log.level=warn",
            ],
            stdin=subprocess.DEVNULL,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            cwd=folder,
        )

    def query(self, expression: str) -> list[dict[str, Any]]:
        """An instant query's result vector ([] until there is data)."""
        status, body = _get(
            f"{self.url}/api/v1/query?" + urllib.parse.urlencode({"query": expression})
        )
        if status != 200:
            return []
        answer = json.loads(body)
        assert answer["status"] == "success", answer
        return list(answer["data"]["result"])

    def wait_for(self, expression: str, deadline: float) -> list[dict[str, Any]]:
        """Poll the query API until ``expression`` has a result (bounded by ``deadline``)."""
        while not (result := self.query(expression)):
            assert self.process.poll() is None, f"Prometheus exited: {self.log_text()}"
            assert time.monotonic() < deadline, f"no {expression} in time: {self.log_text()}"
            time.sleep(0.2)  # the query API's poll period; the deadline bounds the wait
        return result

    def log_text(self) -> str:
        self.log.flush()
        return Path(self.log.name).read_text("utf-8", errors="replace")[-3000:]

    def close(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        finally:
            self.log.close()


@pytest.fixture
def prometheus_for(prometheus_binary: str, tmp_path: Path) -> Iterator[Any]:
    started: list[Prometheus] = []

    def start(target: str) -> Prometheus:
        server = Prometheus(prometheus_binary, tmp_path, target)
        started.append(server)
        return server

    yield start
    for server in started:
        server.close()
    shutil.rmtree(tmp_path / "data", ignore_errors=True)


def test_prometheus_scrapes_the_offset_and_a_balance(
    prometheus_for: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    truth = -42.371
    started = time.monotonic()
    with Sandbox(offset=truth, latency=0.02, seed=5) as server:
        monkeypatch.setenv("WALLET_GUI_MAC_KEY", server.clients[DEMO_CLIENT_ID])
        with exporting(
            "--listen",
            "127.0.0.1:0",
            "--base-url",
            server.url,
            "--client-id",
            DEMO_CLIENT_ID,
            "--wallet",
            "20002",
        ) as exporter:
            target = exporter.where.removeprefix("http://").removesuffix("/metrics")
            prometheus = prometheus_for(target)
            deadline = time.monotonic() + DEADLINE_S
            selector = f'profile="client {DEMO_CLIENT_ID}"'
            balance = prometheus.wait_for(
                f'wallet_api_balance{{{selector},wallet="20002",currency="EUR",kind="reserved"}}',
                deadline,
            )
            # Both bounds of the offset's interval from one evaluation, hence one scrape.
            offset = f"wallet_api_clock_offset_seconds{{{selector}}}"
            uncertainty = f"wallet_api_clock_uncertainty_seconds{{{selector}}}"
            low = prometheus.wait_for(f"{offset} - on(profile) {uncertainty}", deadline)
            high = prometheus.wait_for(f"{offset} + on(profile) {uncertainty}", deadline)
            measured = prometheus.wait_for(offset, deadline)
            up = prometheus.wait_for('up{job="wallet"}', deadline)
    elapsed = time.monotonic() - started
    print(f"Prometheus round trip: {elapsed:.1f} s, offset {measured[0]['value'][1]} s")
    assert Decimal(balance[0]["value"][1]) == Decimal("120.00")
    assert balance[0]["metric"]["job"] == "wallet"
    assert float(up[0]["value"][1]) == 1.0
    assert float(low[0]["value"][1]) - 0.002 <= truth <= float(high[0]["value"][1]) + 0.002
    assert float(high[0]["value"][1]) - float(low[0]["value"][1]) < 2.0
