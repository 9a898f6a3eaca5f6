"""A local emulator of the Wallet API: a real HTTP(S) server on 127.0.0.1, not a mock.

It serves the endpoints a monitor uses with demo data, verifies MAC signatures exactly as
the API does (wrong MAC → ``401 unauthorized``, a timestamp outside the window →
``401 invalid_timestamp``, a replayed nonce → ``401 unauthorized``), accepts TLS client
certificates, enforces the published rate limits, and can answer with every bad answer of
``faults``. Its clock is the host's plus ``offset``, floored like PHP's ``time()``; its
``Date`` header comes from the same clock. Latency is split into a forward leg (before the
clock is read) and a return leg (after), so tests know exactly where the truth lies.
"""

from __future__ import annotations

import email.utils
import hmac
import json
import logging
import math
import random
import re
import secrets
import socket
import ssl
import struct
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from wallet_gui.api.auth import body_hash, mac_signature, normalized_request_string
from wallet_gui.sandbox import data
from wallet_gui.sandbox.faults import API_ERRORS, FaultPlan

log = logging.getLogger(__name__)

API_PREFIX = "/rest/v1"
#: How far a signature's timestamp may be from the server's clock (Hawk uses the same 60 s).
DEFAULT_TIMESTAMP_WINDOW = 60.0
#: Published limits per client: 60 signed requests a minute, 1000 an hour.
RATE_LIMITS = ((60.0, 60), (3600.0, 1000))

_MAC_FIELD = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class RequestRecord:
    """What the emulator saw of one request, for tests to assert on."""

    path: str
    query: dict[str, list[str]]
    client_id: str | None
    status: int
    headers: dict[str, str]
    ext: dict[str, str] = field(default_factory=dict)
    fault: str | None = None
    server_time: float = 0.0


class _RefusalError(Exception):
    """Internal: answer with an API error object."""

    def __init__(
        self, name: str, description: str | None = None, *, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(name)
        status, body = API_ERRORS[name]
        self.status = status
        self.body = dict(body)
        if description:
            self.body["error_description"] = description
        self.headers = headers or {}


class Sandbox:
    """The emulator. Use as a context manager, or ``start()`` / ``stop()``.

    Args:
        port: 0 picks a free port.
        offset: seconds added to the host clock (the truth a clock test checks against).
        latency: added round-trip time in seconds; ``forward_share`` of it before the
            clock is read, the rest after.
        jitter: mean of an exponential extra delay added to each leg.
        clients: client id → MAC key; by default one demo client with a fresh random key.
        cert_clients: certificate subject common name → client id, for TLS client auth.
        ssl_context: serve HTTPS with this server-side context.
        rate_limit: enforce the published limits on signed requests.
    """

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        offset: float = 0.0,
        latency: float = 0.0,
        jitter: float = 0.0,
        forward_share: float = 0.5,
        clients: dict[str, str] | None = None,
        cert_clients: dict[str, str] | None = None,
        ssl_context: ssl.SSLContext | None = None,
        timestamp_window: float = DEFAULT_TIMESTAMP_WINDOW,
        rate_limit: bool = True,
        seed: int | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if not host.startswith("127."):
            raise ValueError("the emulator serves on loopback addresses only")
        self.offset = offset
        self.latency = latency
        self.jitter = jitter
        self.forward_share = forward_share
        self.clients = (
            clients if clients is not None else {data.DEMO_CLIENT_ID: secrets.token_urlsafe(24)}
        )
        self.cert_clients = cert_clients or {}
        self.timestamp_window = timestamp_window
        self.rate_limit = rate_limit
        self.faults = FaultPlan(seed)
        self.configuration = dict(data.CONFIGURATION)
        self.wallets = data.fresh_wallets()
        self.balances = data.fresh_balances()
        self._clock = clock
        self._random = random.Random(seed)
        self._lock = threading.Lock()
        self._nonces: dict[tuple[str, str], float] = {}
        self._signed_times: dict[str, deque[float]] = {}
        self.records: list[RequestRecord] = []
        self._ssl_context = ssl_context
        self._server = _Server((host, port), _Handler)
        self._server.sandbox = self
        self._thread: threading.Thread | None = None

    # -- lifecycle -----------------------------------------------------------------------------

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def origin(self) -> str:
        scheme = "https" if self._ssl_context else "http"
        return f"{scheme}://{self._server.server_address[0]}:{self.port}"

    @property
    def url(self) -> str:
        """The API base URL to give a client."""
        return self.origin + API_PREFIX

    def start(self) -> Sandbox:
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="wallet-sandbox",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._server.server_close()

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # -- state the tests and the demo change ---------------------------------------------------

    def now(self) -> float:
        """The emulator's clock: the host's plus ``offset``."""
        return self._clock() + self.offset

    def set_balance(
        self, wallet_id: int, currency: str, at_disposal: str, reserved: str = "0.00"
    ) -> None:
        """Replace one currency's balance (decimal strings in major units)."""

        def minor(text: str) -> int:
            value = Decimal(text)
            return int(value.scaleb(-value.as_tuple().exponent))  # type: ignore[operator]

        with self._lock:
            self.balances.setdefault(wallet_id, {})[currency] = {
                "at_disposal": minor(at_disposal),
                "at_disposal_decimal": at_disposal,
                "reserved": minor(reserved),
                "reserved_decimal": reserved,
            }

    def add_wallets(self, count: int, first_id: int = 50000) -> list[int]:
        """Add ``count`` generated wallets (for many-wallet tests and benchmarks)."""
        ids = list(range(first_id, first_id + count))
        with self._lock:
            for number, wallet_id in enumerate(ids):
                self.wallets[wallet_id] = {
                    "id": wallet_id,
                    "owner": 9000 + number,
                    "account": {"number": f"EVP9{wallet_id:011d}"},
                }
                cents = 1000 + 37 * number
                self.balances[wallet_id] = {
                    "EUR": {
                        "at_disposal": cents,
                        "at_disposal_decimal": f"{cents / 100:.2f}",
                        "reserved": 0,
                        "reserved_decimal": "0.00",
                    }
                }
        return ids

    def requests_to(self, text: str) -> list[RequestRecord]:
        with self._lock:
            return [record for record in self.records if text in record.path]

    # -- internals used by the handler -----------------------------------------------------------

    def leg_delay(self, forward: bool) -> float:
        share = self.forward_share if forward else 1.0 - self.forward_share
        delay = self.latency * share
        if self.jitter:
            with self._lock:
                delay += self._random.expovariate(1.0 / self.jitter)
        return delay

    def record(self, record: RequestRecord) -> None:
        with self._lock:
            self.records.append(record)
            del self.records[:-10000]

    def authenticate(self, handler: _Handler, now: float) -> tuple[str, dict[str, str]]:
        """Who signed this request, and its ``ext`` parameters; raises ``_RefusalError``."""
        peer = handler.client_certificate_name()
        if peer is not None:
            client_id = self.cert_clients.get(peer)
            if client_id is None:
                raise _RefusalError("unauthorized", "Client certificate is not registered")
            extras = {
                name.lower().removeprefix("wallet-api-").replace("-", "_"): value
                for name, value in handler.headers.items()
                if name.lower().startswith("wallet-api-")
            }
            return client_id, extras
        header = handler.headers.get("Authorization", "")
        if not header.startswith("MAC "):
            raise _RefusalError("unauthorized", "Authentication parameters are not provided")
        fields = dict(_MAC_FIELD.findall(header))
        client_id = fields.get("id", "")
        key = self.clients.get(client_id)
        if key is None or not all(fields.get(name) for name in ("ts", "nonce", "mac")):
            raise _RefusalError("unauthorized", "Authentication parameters are incorrect")
        host_header = handler.headers.get("Host", "")
        scheme = "https" if self._ssl_context else "http"
        url = f"{scheme}://{host_header}{handler.path}"
        ext = fields.get("ext", "")
        try:
            ts = int(fields["ts"])
        except ValueError:
            raise _RefusalError("unauthorized", "Timestamp is not an integer") from None
        expected = mac_signature(
            key, normalized_request_string(ts, fields["nonce"], handler.command, url, ext)
        )
        if not hmac.compare_digest(expected, fields["mac"]):
            raise _RefusalError("unauthorized", "Signature is invalid")
        body = handler.body
        ext_params = {name: values[-1] for name, values in parse_qs(ext).items()}
        if body and ext_params.get("body_hash") != body_hash(body):
            raise _RefusalError("unauthorized", "Body hash does not match")
        if ts > now + self.timestamp_window:
            raise _RefusalError("invalid_timestamp", "Timestamp is in future")
        if ts < now - self.timestamp_window:
            raise _RefusalError("invalid_timestamp", "Timestamp lifetime exceeded")
        with self._lock:
            horizon = now - 2 * self.timestamp_window
            for seen, when in list(self._nonces.items()):
                if when < horizon:
                    del self._nonces[seen]
            if (client_id, fields["nonce"]) in self._nonces:
                raise _RefusalError("unauthorized", "Nonce was already used")
            self._nonces[(client_id, fields["nonce"])] = now
        ext_params.pop("body_hash", None)
        return client_id, ext_params

    def charge(self, client_id: str, now: float) -> None:
        """Count a signed request against the client's rate limits; raises ``_RefusalError``."""
        if not self.rate_limit:
            return
        with self._lock:
            times = self._signed_times.setdefault(client_id, deque())
            while times and times[0] <= now - RATE_LIMITS[-1][0]:
                times.popleft()
            for window, limit in RATE_LIMITS:
                recent = [t for t in times if t > now - window]
                if len(recent) >= limit:
                    wait = math.ceil(recent[0] + window - now)
                    raise _RefusalError(
                        "rate_limit_exceeded",
                        f"More than {limit} requests in {window:g} s",
                        headers={"Retry-After": str(max(1, wait))},
                    )
            times.append(now)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    # The default backlog of 5 drops bursts of new connections (a 40-wallet refresh), and
    # each dropped SYN costs the client a 1 s retransmit: an artefact no real API has.
    request_queue_size = 128
    sandbox: Sandbox

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Clients that hang up mid-answer (timeouts, refused huge bodies) are expected here.
        log.debug("connection from %s ended abruptly", client_address, exc_info=True)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes: without this, Nagle and the peer's delayed ACK
    # add ~40 ms to every answer, which would swamp the latency the emulator simulates.
    disable_nagle_algorithm = True
    server: _Server
    body = b""
    _clock_read_at: float | None = None

    def setup(self) -> None:
        context = self.server.sandbox._ssl_context
        if context is not None:
            self.request = context.wrap_socket(self.request, server_side=True)
        super().setup()

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            # wrap_socket detached the accepted socket, so the server closes only that
            # empty shell: the TLS socket is ours to close, or it leaks a ResourceWarning.
            if isinstance(self.request, ssl.SSLSocket):
                self.request.close()

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s " + format, self.address_string(), *args)

    def date_time_string(self, timestamp: float | None = None) -> str:
        # Stamped when the clock was read, not after the return leg's delay, so that a
        # Date-based tool (htpdate) sees the same clock reading as the JSON body.
        stamp = self._clock_read_at
        return email.utils.formatdate(
            self.server.sandbox.now() if stamp is None else stamp, usegmt=True
        )

    def client_certificate_name(self) -> str | None:
        if not isinstance(self.request, ssl.SSLSocket):
            return None
        cert = self.request.getpeercert()
        if not cert:
            return None
        for rdn in cert.get("subject", ()):
            for name, value in rdn:
                if name == "commonName":
                    return str(value)
        return ""

    # -- request handling ---------------------------------------------------------------------

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def do_HEAD(self) -> None:
        # htpdate asks with HEAD and reads only the Date header.
        self._handle()

    def _handle(self) -> None:
        sandbox = self.server.sandbox
        length = self.headers.get("Content-Length", "0")
        self.body = self.rfile.read(int(length)) if length.isdigit() and int(length) else b""
        time.sleep(sandbox.leg_delay(forward=True))
        now = sandbox.now()
        self._clock_read_at = now  # the Date header tells this same instant
        parts = urlsplit(self.path)
        path = parts.path
        query = parse_qs(parts.query)
        fault = sandbox.faults.take(path)
        client_id: str | None = None
        ext: dict[str, str] = {}
        status, payload, headers = 500, b"", {}
        try:
            if fault is not None and self._apply_transport_fault(fault[0], fault[1], path, now):
                status = 0
                return
            if fault is not None:
                status, payload, headers = self._fault_answer(fault[0], fault[1], path, now)
            else:
                if not path.startswith(API_PREFIX + "/"):
                    raise _RefusalError("not_found")
                route = path[len(API_PREFIX) + 1 :].strip("/")
                if route not in ("server", "configuration"):
                    client_id, ext = sandbox.authenticate(self, now)
                    sandbox.charge(client_id, now)
                status, body = self._route(route, query, now)
                payload = json.dumps(body).encode("utf-8")
        except _RefusalError as refusal:
            status, payload = refusal.status, json.dumps(refusal.body).encode("utf-8")
            headers = refusal.headers
        finally:
            sandbox.record(
                RequestRecord(
                    path=path,
                    query=query,
                    client_id=client_id,
                    status=status,
                    headers=dict(self.headers.items()),
                    ext=ext,
                    fault=fault[0] if fault else None,
                    server_time=now,
                )
            )
        time.sleep(sandbox.leg_delay(forward=False))
        if status:
            self._send(status, payload, headers)

    def _route(self, route: str, query: dict[str, list[str]], now: float) -> tuple[int, Any]:
        sandbox = self.server.sandbox
        if route == "server":
            return 200, {"time": math.floor(now)}
        if route == "configuration":
            return 200, sandbox.configuration
        if route == "client":
            return 200, data.CLIENT
        match = re.fullmatch(r"wallet/(\d+)(/balance)?", route)
        if not match:
            raise _RefusalError("not_found")
        wallet_id = int(match.group(1))
        with sandbox._lock:
            wallet = sandbox.wallets.get(wallet_id)
            balance = json.loads(json.dumps(sandbox.balances.get(wallet_id, {})))
        if wallet is None:
            raise _RefusalError("not_found", f"Wallet {wallet_id} was not found")
        if not match.group(2):
            return 200, wallet
        target = (query.get("convert_to") or [None])[-1]
        if target:
            rate_to = data.RATES_TO_EUR.get(target)
            if rate_to is None:
                raise _RefusalError("invalid_parameters", f"Unknown currency {target[:10]}")
            for currency, entry in balance.items():
                factor = data.RATES_TO_EUR.get(currency, 1.0) / rate_to
                entry["converted"] = {
                    name: round(entry.get(name, 0) * factor)
                    for name in ("at_disposal", "reserved")
                    if name in entry
                }
        return 200, balance

    def _fault_answer(
        self, name: str, params: dict[str, Any], path: str, now: float
    ) -> tuple[int, bytes, dict[str, str]]:
        if name in API_ERRORS:
            status, body = API_ERRORS[name]
            headers = {"paysera-correlation-id": f"corr-{secrets.token_hex(6)}"}
            if name == "rate_limit_exceeded":
                headers["Retry-After"] = str(params.get("retry_after", 30))
            return status, json.dumps(body).encode(), headers
        html = (
            b"<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1>"
            b"<script>alert('x')</script></body></html>"
        )
        answers: dict[str, tuple[int, bytes, dict[str, str]]] = {
            "html_502": (502, html, {"Content-Type": "text/html"}),
            "empty_500": (500, b"", {}),
            "empty_503": (503, b"", {"Retry-After": str(params.get("retry_after", 5))}),
            "invalid_json": (200, b'{"time": 12', {}),
            "wrong_shape": (200, b"[1, 2, 3]", {}),
            "wrong_types": (
                200,
                json.dumps(
                    {
                        "time": "soon",
                        "minimum_password_length": "eight",
                        "id": "x",
                        "owner": [],
                        "account": "none",
                        "EUR": {"at_disposal": "lots", "at_disposal_decimal": 5},
                    }
                ).encode(),
                {},
            ),
            "redirect_other_host": (
                302,
                b"",
                {"Location": f"http://127.0.0.2:{self.server.sandbox.port}{self.path}"},
            ),
            "cached": (200, json.dumps({"time": math.floor(now) - 100}).encode(), {"Age": "100"}),
        }
        if name == "redirect_same_origin":
            return 302, b"", {"Location": self.path}
        return answers[name]

    def _apply_transport_fault(
        self, name: str, params: dict[str, Any], path: str, now: float
    ) -> bool:
        """Faults that are not an ordinary answer; True when the request is fully handled."""
        if name == "slow":
            time.sleep(float(params.get("seconds", 30)))
            self.close_connection = True
            return True
        if name in ("reset", "close"):
            if name == "reset":
                # Linger 0 makes close() send RST; closing now, before the handler's
                # orderly finish, is what makes it a reset rather than a clean close.
                self.connection.setsockopt(
                    socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                )
                self.connection.close()
            self.close_connection = True
            return True
        if name == "huge_body":
            self._stream_huge(
                int(params.get("size", 200 * 1024 * 1024)), bool(params.get("declare_length", True))
            )
            return True
        return False

    def _stream_huge(self, size: int, declare_length: bool) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        if declare_length:
            self.send_header("Content-Length", str(size))
        else:
            self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        chunk = b"[" + b"1," * 32767 + b"1"
        sent = 0
        self.close_connection = True
        try:
            while sent < size:
                piece = chunk[: size - sent]
                if declare_length:
                    self.wfile.write(piece)
                else:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
                sent += len(piece)
        except OSError:
            pass  # the client hung up, as it should

    def _send(self, status: int, payload: bytes, headers: dict[str, str]) -> None:
        try:
            self.send_response(status)
            headers = dict(headers)
            headers.setdefault("Content-Type", "application/json;charset=utf-8")
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(payload)
        except OSError:
            self.close_connection = True
