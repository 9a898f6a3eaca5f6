"""The HTTP side of the emulator: one handler per connection, turning requests into answers.

It owns what only the connection can do: TLS and client certificates, the simulated
network legs around the moment the clock is read, the ``Date`` header, and the faults that
break the transport (reset, close, stall, endless body). What an answer contains comes from
``routes``, ``mac_check``, ``fault_answers`` and the emulator's state; the handler reaches
the emulator only through the small ``Emulator`` protocol, so it does not depend on the
class that owns the server.
"""

from __future__ import annotations

import email.utils
import json
import logging
import socket
import ssl
import struct
from collections.abc import Sequence
from http.server import BaseHTTPRequestHandler
from typing import Any, Protocol
from urllib.parse import parse_qs, urlsplit

from wallet_gui.sandbox.fault_answers import Answer, fault_answer
from wallet_gui.sandbox.faults import FaultPlan
from wallet_gui.sandbox.listener import TrackingHTTPServer
from wallet_gui.sandbox.mac_check import SignedRequest, check_mac
from wallet_gui.sandbox.refusals import RefusalError
from wallet_gui.sandbox.routes import UNSIGNED_ROUTES, answer, route_of
from wallet_gui.sandbox.state import EmulatorState, RequestRecord

log = logging.getLogger(__name__)

#: Faults that break the connection instead of answering.
TRANSPORT_FAULTS = frozenset({"slow", "reset", "close", "huge_body"})
_HUGE_CHUNK = b"[" + b"1," * 32767 + b"1"


class Emulator(Protocol):
    """What a request handler needs of the emulator it answers for."""

    @property
    def state(self) -> EmulatorState: ...
    @property
    def faults(self) -> FaultPlan: ...
    @property
    def ssl_context(self) -> ssl.SSLContext | None: ...
    @property
    def port(self) -> int: ...
    @property
    def timestamp_window(self) -> float: ...
    @property
    def rate_limit(self) -> bool: ...
    @property
    def rate_limits(self) -> Sequence[tuple[float, int]]: ...

    def now(self) -> float:
        """The emulator's clock."""
        ...

    def leg_delay(self, forward: bool) -> float:
        """Simulated network time for one leg of a round trip."""
        ...

    def pause(self, seconds: float) -> bool:
        """Wait ``seconds``; False if the emulator is closing (stop answering, then)."""
        ...


class RequestHandler(BaseHTTPRequestHandler):
    """Answers the requests of one connection for ``emulator``."""

    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes: without this, Nagle and the peer's delayed ACK
    # add ~40 ms to every answer, which would swamp the latency the emulator simulates.
    disable_nagle_algorithm = True
    server: TrackingHTTPServer
    body = b""
    _clock_read_at: float | None = None

    def __init__(
        self, request: Any, client_address: Any, server: TrackingHTTPServer, *, emulator: Emulator
    ) -> None:
        self.emulator = emulator
        self._accepted: socket.socket = request
        self._tls: ssl.SSLSocket | None = None
        super().__init__(request, client_address, server)

    # -- the connection -------------------------------------------------------------------------

    def setup(self) -> None:
        context = self.emulator.ssl_context
        if context is not None:
            # The handshake runs after the listener tracks the TLS socket, so that closing
            # the emulator can cut a client that connected but never says hello.
            carrier = self.server.upgrade_connection(
                self._accepted,
                lambda accepted: context.wrap_socket(
                    accepted, server_side=True, do_handshake_on_connect=False
                ),
            )
            self._tls = self.request = carrier
            try:
                carrier.do_handshake()
            except BaseException:
                self._release_connection()
                raise
        super().setup()

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self._release_connection()

    def _release_connection(self) -> None:
        # Untracked before anything closes it, so that closing the emulator never shuts
        # down a descriptor the system has already handed to another socket.
        self.server.forget_connection(self._accepted)
        # wrap_socket detached the accepted socket, so the server closes only that empty
        # shell: the TLS socket is ours to close, or it leaks a ResourceWarning.
        if self._tls is not None:
            self._tls.close()

    def client_certificate_name(self) -> str | None:
        """The common name of the client's certificate; "" without one, None without TLS."""
        if self._tls is None:
            return None
        cert = self._tls.getpeercert()
        if not cert:
            return None
        for rdn in cert.get("subject", ()):
            for attribute in rdn:
                if isinstance(attribute, tuple) and attribute[0] == "commonName":
                    return attribute[1]
        return ""

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s " + format, self.address_string(), *args)

    def date_time_string(self, timestamp: float | None = None) -> str:
        # Stamped when the clock was read, not after the return leg's delay, so that a
        # Date-based tool (htpdate) sees the same clock reading as the JSON body.
        stamp = self._clock_read_at
        return email.utils.formatdate(self.emulator.now() if stamp is None else stamp, usegmt=True)

    # -- one request ----------------------------------------------------------------------------

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def do_HEAD(self) -> None:
        # htpdate asks with HEAD and reads only the Date header.
        self._handle()

    def _handle(self) -> None:
        emulator = self.emulator
        length = self.headers.get("Content-Length", "0")
        self.body = self.rfile.read(int(length)) if length.isdigit() and int(length) else b""
        if not emulator.pause(emulator.leg_delay(forward=True)):
            self.close_connection = True
            return
        now = emulator.now()
        self._clock_read_at = now  # the Date header tells this same instant
        parts = urlsplit(self.path)
        path, query = parts.path, parse_qs(parts.query)
        fault = emulator.faults.take(path)
        client_id: str | None = None
        ext: dict[str, str] = {}
        status, payload = 500, b""
        headers: dict[str, str] = {}
        try:
            if fault is not None and fault[0] in TRANSPORT_FAULTS:
                status = 0  # no answer: the fault is what the client gets
                self._break_transport(*fault)
                return
            if fault is not None:
                status, payload, headers = fault_answer(
                    *fault, request_target=self.path, port=emulator.port, now=now
                )
            else:
                route = route_of(path)
                if route not in UNSIGNED_ROUTES:
                    client_id, ext = self._authenticate(now)
                    self._charge(client_id, now)
                status, body = answer(route, query, now, emulator.state)
                payload = json.dumps(body).encode("utf-8")
        except RefusalError as refusal:
            status, payload = refusal.status, json.dumps(refusal.body).encode("utf-8")
            headers = refusal.headers
        finally:
            emulator.state.record(
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
        if not emulator.pause(emulator.leg_delay(forward=False)):
            self.close_connection = True
            return
        self._send((status, payload, headers))

    def _authenticate(self, now: float) -> tuple[str, dict[str, str]]:
        """Who sent this request, and its extra parameters; raises ``RefusalError``."""
        state = self.emulator.state
        peer = self.client_certificate_name()
        if peer is not None:
            client_id = state.cert_clients.get(peer)
            if client_id is None:
                raise RefusalError("unauthorized", "Client certificate is not registered")
            extras = {
                name.lower().removeprefix("wallet-api-").replace("-", "_"): value
                for name, value in self.headers.items()
                if name.lower().startswith("wallet-api-")
            }
            return client_id, extras
        scheme = "https" if self._tls is not None else "http"
        signed = SignedRequest(
            authorization=self.headers.get("Authorization", ""),
            method=self.command,
            url=f"{scheme}://{self.headers.get('Host', '')}{self.path}",
            body=self.body,
        )
        return check_mac(
            signed,
            keys=state.clients,
            nonces=state.nonces,
            now=now,
            timestamp_window=self.emulator.timestamp_window,
        )

    def _charge(self, client_id: str, now: float) -> None:
        """Count a signed request against the client's rate limits; raises ``RefusalError``."""
        if not self.emulator.rate_limit:
            return
        overrun = self.emulator.state.rate_windows.charge(client_id, now, self.emulator.rate_limits)
        if overrun is not None:
            raise RefusalError(
                "rate_limit_exceeded",
                f"More than {overrun.limit} requests in {overrun.window:g} s",
                headers={"Retry-After": str(overrun.retry_after)},
            )

    # -- the transport --------------------------------------------------------------------------

    def _break_transport(self, name: str, params: dict[str, Any]) -> None:
        """Answer nothing, or nothing sane: the faults a client meets below HTTP."""
        self.close_connection = True
        if name == "slow":
            self.emulator.pause(float(params.get("seconds", 30)))
        elif name == "reset":
            # Linger 0 makes close() send RST; closing now, before the handler's orderly
            # finish, is what makes it a reset rather than a clean close.
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
        elif name == "huge_body":
            self._stream_huge(
                int(params.get("size", 200 * 1024 * 1024)), bool(params.get("declare_length", True))
            )

    def _stream_huge(self, size: int, declare_length: bool) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        if declare_length:
            self.send_header("Content-Length", str(size))
        else:
            self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        sent = 0
        try:
            while sent < size:
                piece = _HUGE_CHUNK[: size - sent]
                if declare_length:
                    self.wfile.write(piece)
                else:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
                sent += len(piece)
        except OSError:
            pass  # the client hung up, as it should

    def _send(self, reply: Answer) -> None:
        status, payload, extra_headers = reply
        try:
            self.send_response(status)
            headers = {"Content-Type": "application/json;charset=utf-8", **extra_headers}
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(payload)
        except OSError:
            self.close_connection = True
