"""``wallet-gui exporter`` against the emulator over real loopback HTTP.

In-process runs go through the real command line (``cli.main`` or ``run_exporter`` on a
thread, with ``Exporter.stop()`` in place of a signal); the signal tests run
``python -m wallet_gui exporter`` as a subprocess. Every wait is for an exact condition —
a new snapshot, a textfile written, a line printed — with a bounded deadline.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

import keyring
import keyring.backend
import pytest
from prometheus_client.parser import text_string_to_metric_families

from wallet_gui import cli
from wallet_gui.commands.exporter import EXIT_ERROR, Exporter, listen_address, run_exporter
from wallet_gui.core.connection import ConnectionSettings
from wallet_gui.core.profiles import ProfileStore
from wallet_gui.sandbox import DEMO_CLIENT_ID, Sandbox

#: The profile label of a connection given by --client-id alone.
PROFILE = f"client {DEMO_CLIENT_ID}"
Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]
_NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring holding what the test put in it, so no test touches the OS keyring."""

    priority = 1

    def __init__(self, entries: dict[tuple[str, str], str]) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.entries = entries

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        raise NotImplementedError

    def delete_password(self, service: str, username: str) -> None:
        raise NotImplementedError


def save_profile(name: str, server: Sandbox, *wallets: str) -> None:
    ProfileStore().save(
        ConnectionSettings(
            profile=name, base_url=server.url, client_id=DEMO_CLIENT_ID, wallet_ids=wallets
        )
    )


def parse(text: str) -> Samples:
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def scrape(url: str) -> tuple[str, Samples]:
    with _NO_PROXY.open(url, timeout=10) as response:
        text = response.read().decode("utf-8")
    return text, parse(text)


def value(samples: Samples, name: str, **labels: str) -> float | None:
    return samples.get((name, frozenset(labels.items())))


def balance(samples: Samples, profile: str, wallet: str, currency: str, kind: str) -> float | None:
    labels = {"profile": profile, "wallet": wallet, "currency": currency, "kind": kind}
    return value(samples, "wallet_api_balance", **labels)


@contextmanager
def exporting(*argv: str) -> Iterator[Exporter]:
    """``wallet-gui exporter ARGV`` on a thread until the block ends; it must exit 0."""
    request = cli.parse_exporter_request(list(argv))
    ready: list[Exporter] = []
    status: list[int] = []
    settled = threading.Event()

    def started(exporter: Exporter) -> None:
        ready.append(exporter)
        settled.set()

    def run() -> None:
        try:
            status.append(run_exporter(request, ready=started))
        finally:
            settled.set()

    thread = threading.Thread(target=run, name="test-exporter")
    thread.start()
    try:
        assert settled.wait(20)
        assert ready, f"the exporter did not start (exit status {status})"
        yield ready[0]
    finally:
        if ready:
            ready[0].stop()
        thread.join(10)
    assert not thread.is_alive()
    assert status == [0]


def wait_for_scrape(
    exporter: Exporter, condition: Callable[[Samples], bool], timeout: float = 30.0
) -> tuple[str, Samples]:
    """Scrape after each new snapshot until ``condition`` holds."""
    deadline = time.monotonic() + timeout
    while True:
        exporter.changed.clear()  # before the scrape: a later snapshot sets it again
        text, samples = scrape(exporter.where)
        if condition(samples):
            return text, samples
        left = deadline - time.monotonic()
        assert left > 0, f"the metrics never met the condition:\n{text}"
        exporter.changed.wait(left)


def test_several_profiles_export_their_offsets_and_exact_balances(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    keys = {"shop": "shop-key-0123456789abcdef", "office": "office-key-0123456789abcdef"}
    with (
        Sandbox(offset=-42.371, latency=0.04, seed=3, clients={DEMO_CLIENT_ID: keys["shop"]}) as a,
        Sandbox(offset=3.25, latency=0.02, seed=4, clients={DEMO_CLIENT_ID: keys["office"]}) as b,
    ):
        # Each profile's key comes from its own keyring entry.
        entries = {("wallet-gui", f"profile:{name}"): key for name, key in keys.items()}
        monkeypatch.setattr(keyring.core, "_keyring_backend", MemoryKeyring(entries))
        save_profile("shop", a, "14471", "30003")
        save_profile("office", b, "20002")
        save_profile("clock", b)  # no wallets: the clock only, no key needed
        profiles = ("shop", "office", "clock")

        def complete(samples: Samples) -> bool:
            return all(
                (uncertainty := value(samples, "wallet_api_clock_uncertainty_seconds", profile=p))
                is not None
                and uncertainty < 0.1
                and value(samples, "wallet_api_up", profile=p) == 1
                for p in profiles
            )

        with exporting(
            "--listen", "127.0.0.1:0", *(arg for p in profiles for arg in ("--profile", p))
        ) as exporter:
            text, samples = wait_for_scrape(exporter, complete)
    for profile, truth in (("shop", -42.371), ("office", 3.25), ("clock", 3.25)):
        offset = value(samples, "wallet_api_clock_offset_seconds", profile=profile)
        uncertainty = value(samples, "wallet_api_clock_uncertainty_seconds", profile=profile)
        assert offset is not None
        assert uncertainty is not None
        assert abs(offset - truth) <= uncertainty + 0.002, (profile, offset, uncertainty)
        assert value(samples, "wallet_api_clock_rtt_seconds", profile=profile) is not None
        requests = value(samples, "wallet_api_requests_total", profile=profile)
        assert requests is not None
        assert requests >= 3
        last = value(samples, "wallet_api_last_success_timestamp_seconds", profile=profile)
        assert last is not None
        assert abs(last - time.time()) < 60
    expected = {
        ("shop", "14471", "EUR", "at_disposal"): "22.99",
        ("shop", "14471", "EUR", "reserved"): "0.00",
        ("shop", "14471", "USD", "reserved"): "98.00",
        ("shop", "30003", "EUR", "at_disposal"): "10.05",
        ("shop", "30003", "KWD", "at_disposal"): "3.250",
        ("office", "20002", "EUR", "at_disposal"): "1250.50",
        ("office", "20002", "EUR", "reserved"): "120.00",
        ("office", "20002", "JPY", "at_disposal"): "15000",
    }
    for (profile, wallet, currency, kind), amount in expected.items():
        exposed = balance(samples, profile, wallet, currency, kind)
        assert exposed is not None, (profile, wallet, currency, kind)
        # The shortest decimal form of the exposed double is the amount itself.
        assert Decimal(repr(exposed)) == Decimal(amount), (wallet, currency, kind, exposed)
    assert 'currency="EUR",kind="at_disposal",profile="shop",wallet="14471"} 22.99\n' in text
    # The sparse wallet reports no reserved EUR amount: no series rather than a made-up 0.
    assert balance(samples, "shop", "30003", "EUR", "reserved") is None
    assert not [key for key in samples if key[0] == "wallet_api_errors_total"]
    assert not [
        key for key in samples if dict(key[1]).get("profile") == "clock" and "balance" in key[0]
    ]
    for key in keys.values():
        assert key not in text


def test_errors_are_counted_by_their_api_code(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WALLET_GUI_MAC_KEY", sandbox.clients[DEMO_CLIENT_ID])
    sandbox.faults.add("forbidden", path="/wallet/30003/balance", times=None)
    sandbox.faults.add("internal_server_error", path="/configuration", times=1)

    def counted(samples: Samples) -> bool:
        return (
            value(samples, "wallet_api_errors_total", profile=PROFILE, code="forbidden") is not None
            and balance(samples, PROFILE, "14471", "EUR", "at_disposal") is not None
        )

    with exporting(
        "--listen",
        "127.0.0.1:0",
        "--base-url",
        sandbox.url,
        "--client-id",
        DEMO_CLIENT_ID,
        "--wallet",
        "14471",
        "--wallet",
        "30003",
    ) as exporter:
        _, samples = wait_for_scrape(exporter, counted)
    labels = {"profile": PROFILE}
    assert value(samples, "wallet_api_errors_total", code="forbidden", **labels) == 1
    assert value(samples, "wallet_api_errors_total", code="internal_server_error", **labels) == 1
    assert value(samples, "wallet_api_up", **labels) == 1  # one wallet of two still answers
    assert not [k for k in samples if k[0] == "wallet_api_balance" and ("wallet", "30003") in k[1]]


def test_textfile_is_replaced_atomically_after_each_poll(
    sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WALLET_GUI_MAC_KEY", sandbox.clients[DEMO_CLIENT_ID])
    folder = tmp_path / "textfiles"
    folder.mkdir()
    path = folder / "wallet.prom"
    seen: list[str] = []
    inodes: set[int] = set()
    with exporting(
        "--textfile",
        str(path),
        "--base-url",
        sandbox.url,
        "--client-id",
        DEMO_CLIENT_ID,
        "--wallet",
        "14471",
    ) as exporter:
        # Read as fast as possible while the clock burst has the file rewritten again and
        # again, until it holds the balances and has been replaced a few times.
        deadline = time.monotonic() + 30
        while not (seen and "wallet_api_balance{" in seen[-1] and exporter.writes >= 5):
            assert time.monotonic() < deadline, f"{exporter.writes} writes: {seen[-1:]}"
            with path.open("rb") as handle:
                inodes.add(os.fstat(handle.fileno()).st_ino)
                seen.append(handle.read().decode("utf-8"))
    final = parse(seen[-1])
    assert len(inodes) >= 2  # each write is a new file renamed over the old
    for text in seen:  # never a partial file: every read has the last family's header
        assert text.endswith("# TYPE wallet_api_last_success_timestamp_seconds gauge\n") or (
            "wallet_api_last_success_timestamp_seconds{" in text.rsplit("# TYPE", 1)[1]
        ), text
        parse(text)
    assert sorted(p.name for p in folder.iterdir()) == ["wallet.prom"]  # no temporary left
    assert balance(final, PROFILE, "14471", "USD", "reserved") == 98.0
    assert value(final, "wallet_api_up", profile=PROFILE) == 1


@pytest.mark.parametrize("address", ["0.0.0.0:9717", "192.0.2.7:9717", ":9717", "[::]:9717"])
def test_a_non_loopback_listen_address_is_refused_in_one_line(
    address: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["exporter", "--listen", address]) == EXIT_ERROR
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("error: --listen ")
    assert "not a loopback address" in err
    assert "--listen-any-address" in err


def test_listen_addresses_resolve_to_loopback_or_need_the_explicit_option() -> None:
    assert listen_address("127.0.0.1:9717").url() == "http://127.0.0.1:9717/metrics"
    assert listen_address("[::1]:9717").url() == "http://[::1]:9717/metrics"
    assert listen_address("localhost:9717").host == "127.0.0.1"
    assert listen_address("0.0.0.0:9717", any_address=True).host == "0.0.0.0"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--profile", "nowhere"], "error: no profile named 'nowhere'"),
        (["--profile", "shop", "--profile", "shop"], "error: a profile is named more than once"),
        (["--listen", "9717"], "error: --listen '9717' is not HOST:PORT"),
        (["--client-id", "someone", "--wallet", "14471"], "error: no MAC key for someone"),
        (["--wallet", "14471"], "error: command line: reading wallets needs a client id"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(
    argv: list[str],
    message: str,
    sandbox: Sandbox,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(keyring.core, "_keyring_backend", MemoryKeyring({}))
    save_profile("shop", sandbox, "14471")
    assert cli.main(["exporter", *argv]) == EXIT_ERROR
    err = capsys.readouterr().err
    assert err.startswith(message)
    assert err.count("\n") == 1


def test_listen_and_textfile_exclude_each_other(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["exporter", "--listen", "127.0.0.1:1", "--textfile", "x.prom"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("error: argument --textfile: not allowed with argument --listen")
    assert err.count("\n") == 1


def _read_line(stream: object, fd: int, deadline: float) -> str:
    """One line of a subprocess's pipe, or an assertion failure at ``deadline``."""
    line = b""
    while not line.endswith(b"\n"):
        left = deadline - time.monotonic()
        assert left > 0, f"no complete line within the deadline: {line!r}"
        readable, _, _ = select.select([fd], [], [], left)
        if readable:
            chunk = os.read(fd, 1)
            assert chunk, f"the pipe closed: {line!r}"
            line += chunk
    return line.decode("utf-8")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_stops_the_exporter_within_a_second_even_mid_request(
    signum: signal.Signals,
) -> None:
    # Every answer takes 2 s, so when the signal comes a request is surely in flight.
    with Sandbox(latency=2.0) as server:
        key = server.clients[DEMO_CLIENT_ID]
        env = {**os.environ, "WALLET_GUI_MAC_KEY": key}
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "wallet_gui",
                "exporter",
                "--listen",
                "127.0.0.1:0",
                "--base-url",
                server.url,
                "--client-id",
                DEMO_CLIENT_ID,
                "--wallet",
                "14471",
                "--verbose",
            ],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        try:
            assert process.stderr is not None
            deadline = time.monotonic() + 30
            while "wallet-gui exporter: serving " not in (
                line := _read_line(process.stderr, process.stderr.fileno(), deadline)
            ):
                pass
            url = line.split("serving ", 1)[1].split()[0]
            _, samples = scrape(url)  # it serves: the port is bound and answering
            assert value(samples, "wallet_api_up", profile=PROFILE) is not None
            started = time.monotonic()
            process.send_signal(signum)
            out, err = process.communicate(timeout=10)  # reads on: a full pipe cannot stall it
            elapsed = time.monotonic() - started
            status = process.returncode
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    print(f"{signal.Signals(signum).name} to exit: {1000 * elapsed:.0f} ms")
    assert status == 0, err
    assert elapsed < 1.0, elapsed
    assert b"Traceback" not in err
    assert key.encode() not in err + out
