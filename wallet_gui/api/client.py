"""A typed client for the Paysera Wallet REST API, built on one keep-alive ``requests.Session``.

Its contract is narrow on purpose: every public method returns a parsed, typed value or
raises a ``WalletError`` subclass with a one-line message. The client never sleeps and never
retries on its own, with one exception the clock design asks for: a signed GET answered with
``401 invalid_timestamp`` is re-signed and sent once more after ``on_invalid_timestamp`` has
re-measured the clock. Waiting, backoff and rate budgets belong to the caller's scheduler.

Defences that matter for a monitor left running for days against a payment API:
TLS verification is always on (a custom CA bundle may be added, never verification
removed); a body larger than ``max_body_bytes`` is refused while streaming; every request
has a total deadline (connect, TLS, headers and body), so a drip-fed answer cannot hold it;
a signed request follows no redirect, an unsigned one only within the same origin as the
connection reads it, and nothing is ever sent to another origin; nothing is cached
(``Cache-Control: no-store``; a ``/server`` answer with ``Age`` is marked cached).

This module holds the endpoints and the exchange: signing or not, same-origin redirects, the
deadline of each exchange, the bounded body read, JSON decoding and the one
``invalid_timestamp`` retry. It must not grow socket handling (that is ``transport``, which
also cuts a request whose deadline passed) or decide what an exception means to a person
(that is ``error_mapping``); it never lets an exception other than a ``WalletError`` escape.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlsplit

import requests

from wallet_gui import __version__
from wallet_gui.api import error_mapping, messages, models
from wallet_gui.api.auth import CertificateAuth, CredentialsError
from wallet_gui.api.deadline import Watch, Watchdog
from wallet_gui.api.errors import ApiError, ResponseFormatError, TransportError, WalletError
from wallet_gui.api.statement_parser import parse_statement_page
from wallet_gui.api.statement_query import statement_params
from wallet_gui.api.transport import (
    AbortableAdapter,
    ManualRedirectSession,
    OffOriginError,
    certificate_context,
    resolve_location,
)
from wallet_gui.api.urls import ConfigurationError as ConfigurationError  # re-exported
from wallet_gui.api.urls import check_base_url, wallet_id_segment

log = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://wallet.paysera.com/rest/v1"
#: The host Paysera's Java and Swift SDKs call; the same API.
ALTERNATIVE_BASE_URL = "https://wallet-api.paysera.com/rest/v1"
#: No documented answer comes anywhere near this; a larger one is a fault or an attack.
MAX_BODY_BYTES = 1024 * 1024
#: Seconds for connecting and, separately, for each read; also the default total deadline.
DEFAULT_TIMEOUT_S = 10.0
#: Requests that may share the keep-alive pool at once.
DEFAULT_MAX_CONCURRENCY = 16
_MAX_SAME_ORIGIN_REDIRECTS = 3
_CHUNK = 64 * 1024


class WalletClient:
    """The Wallet API over one keep-alive session.

    Args:
        base_url: the API root, e.g. ``https://wallet.paysera.com/rest/v1``; endpoint paths are
            joined under it.
        auth: ``MacAuth``, ``CertificateAuth`` or ``None`` (only unsigned endpoints then work).
        timeout: seconds for connecting and, separately, for each read.
        deadline: seconds a whole exchange may take (connect, TLS, headers, body and any
            redirects); when it passes the request is cut. Defaults to ``timeout``.
        ca_bundle: an extra PEM bundle of trusted CAs (a private CA); verification stays on.
        on_invalid_timestamp: called after a signed GET was refused with ``invalid_timestamp``;
            it should re-measure the clock. The request is then signed again and retried once.
        max_body_bytes: answers larger than this are refused while streaming.
        max_concurrency: how many requests may share the keep-alive pool at once.
        monotonic, wall: time sources for probe timing (injectable for tests).
    """

    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        auth: requests.auth.AuthBase | None = None,
        *,
        timeout: float = DEFAULT_TIMEOUT_S,
        deadline: float | None = None,
        ca_bundle: str | None = None,
        on_invalid_timestamp: Callable[[], None] | None = None,
        max_body_bytes: int = MAX_BODY_BYTES,
        max_concurrency: int = DEFAULT_MAX_CONCURRENCY,
        monotonic: Callable[[], float] = time.monotonic,
        wall: Callable[[], float] = time.time,
    ) -> None:
        # No userinfo, query, fragment, blanks or control characters; messages never quote a
        # password (see ``urls.check_base_url``).
        self.base_url = check_base_url(base_url)
        self.host = urlsplit(self.base_url).hostname or ""
        self.auth = auth
        self.timeout = timeout
        self.deadline = timeout if deadline is None else deadline
        if not self.deadline > 0:
            raise ConfigurationError(f"the deadline must be positive, not {self.deadline!r}")
        self.on_invalid_timestamp = on_invalid_timestamp
        self.max_body_bytes = max_body_bytes
        self._monotonic = monotonic
        self._wall = wall

        # The client follows redirects itself (see ``_redirect_target``); the session sends
        # nothing to any other origin than the base URL's, whatever asks it to.
        self.session = ManualRedirectSession(only_origin=self.base_url)
        self.session.headers.update(
            {
                "User-Agent": f"wallet-gui/{__version__}",
                "Accept": "application/json",
                "Cache-Control": "no-store",
            }
        )
        # Never read proxy settings or .netrc credentials implicitly for a signed payment API.
        self.session.trust_env = False
        self.session.verify = ca_bundle if ca_bundle else True
        context = (
            certificate_context(auth, ca_bundle) if isinstance(auth, CertificateAuth) else None
        )
        self._adapter = AbortableAdapter(pool_maxsize=max_concurrency, ssl_context=context)
        self.session.mount("https://", self._adapter)
        self.session.mount("http://", self._adapter)
        self._aborted = threading.Event()
        # One thread for every request's deadline: started on demand, ended by close().
        self._watchdog = Watchdog(name="wallet-api-deadline")
        self._count_lock = threading.Lock()
        self._signed_sent = 0

    # -- lifecycle -----------------------------------------------------------------------------

    def close(self) -> None:
        self._watchdog.close()
        self.session.close()

    def abort(self) -> None:
        """Cancel every request in flight, from any thread; later requests fail at once.

        Used on shutdown: blocked reads return immediately instead of waiting for the timeout.
        """
        self._aborted.set()
        self._adapter.abort()

    @property
    def signed_requests_sent(self) -> int:
        """Signed requests sent so far, retries and redirects included: what rate limits count."""
        with self._count_lock:
            return self._signed_sent

    @property
    def aborted(self) -> bool:
        return self._aborted.is_set()

    def __enter__(self) -> WalletClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- endpoints -----------------------------------------------------------------------------

    def server_time(self) -> int:
        """The server's clock, whole UNIX seconds (unsigned)."""
        return self.server_time_sample().server_time

    def server_time_sample(self) -> models.TimeSample:
        """``GET /server`` with the send and first-byte times the clock estimator needs."""
        data, response, sent, received = self._exchange("server", signed=False)
        return models.TimeSample(
            server_time=models.parse_server_time(data),
            sent=sent,
            received=received,
            wall_offset=self._wall_offset_at(sent),
            cached="Age" in response.headers,
        )

    def configuration(self) -> models.Configuration:
        """Server configuration variables (unsigned)."""
        data, *_ = self._exchange("configuration", signed=False)
        return models.parse_configuration(data)

    def wallet(self, wallet_id: int | str) -> models.Wallet:
        data, *_ = self._exchange(f"wallet/{self._segment(wallet_id)}", signed=True)
        return models.parse_wallet(data)

    def wallet_balance(
        self, wallet_id: int | str, *, convert_to: str | None = None
    ) -> dict[str, models.CurrencyBalance]:
        """Balances keyed by currency code, in major units."""
        params = {"convert_to": convert_to} if convert_to else None
        data, *_ = self._exchange(
            f"wallet/{self._segment(wallet_id)}/balance", signed=True, params=params
        )
        return models.parse_balance(data, convert_to=convert_to)

    def statements(
        self,
        wallet_id: int | str,
        *,
        limit: int | None = None,
        offset: int | None = None,
        after: str | None = None,
        before: str | None = None,
        date_from: int | None = None,
        date_to: int | None = None,
        currency: str | None = None,
    ) -> models.StatementPage:
        """One page of a wallet's statements, newest first (arguments checked before sending).
        Older ones: ``after=page.last``; newer ones: ``before=page.first``."""
        params = statement_params(
            limit=limit,
            offset=offset,
            after=after,
            before=before,
            date_from=date_from,
            date_to=date_to,
            currency=currency,
        )
        path = f"wallet/{self._segment(wallet_id)}/statements"
        data, *_ = self._exchange(path, signed=True, params=params or None)
        return parse_statement_page(data)

    def client_info(self) -> models.ClientInfo:
        """The calling client (a signed request: a good credentials test)."""
        data, *_ = self._exchange("client", signed=True)
        return models.parse_client_info(data)

    # -- plumbing ------------------------------------------------------------------------------

    def _wall_offset_at(self, _mono: float) -> float:
        # wall − monotonic, read back to back: maps the probe's monotonic times to wall time.
        return self._wall() - self._monotonic()

    @staticmethod
    def _segment(value: int | str) -> str:
        # Digits only, 1 … 2**63 − 1: never "..", ".", "me" or anything that is not a number.
        return wallet_id_segment(value)

    def url(self, path: str) -> str:
        return f"{self.base_url}/{path.lstrip('/')}"

    def _exchange(
        self, path: str, *, signed: bool, params: Mapping[str, str] | None = None
    ) -> tuple[Any, requests.Response, float, float]:
        """GET ``path``; returns (decoded JSON, response, send time, first-byte time)."""
        if signed and self.auth is None:
            raise ConfigurationError(template=messages.NO_CREDENTIALS)
        try:
            return self._exchange_once(path, signed=signed, params=params)
        except ApiError as error:
            if not (signed and error.is_invalid_timestamp and self.on_invalid_timestamp):
                raise
            log.warning(
                "server refused the timestamp (%s); re-measuring the clock and retrying once",
                error.description or error.error,
            )
            try:
                self.on_invalid_timestamp()
            except WalletError as resync_error:
                log.warning("clock re-measurement failed: %s", resync_error)
                raise error from None
            return self._exchange_once(path, signed=signed, params=params)

    def _exchange_once(
        self, path: str, *, signed: bool, params: Mapping[str, str] | None
    ) -> tuple[Any, requests.Response, float, float]:
        """One exchange under one total deadline, same-origin redirects (unsigned) included."""
        url = self.url(path)
        auth = self.auth if signed else None
        with self._adapter.watched(self._watchdog, self.deadline) as watch:
            for _ in range(_MAX_SAME_ORIGIN_REDIRECTS + 1):
                if signed:
                    with self._count_lock:
                        self._signed_sent += 1
                sent = self._monotonic()
                response = self._send(url, auth, params, watch)
                received = self._monotonic()
                with response:
                    status = response.status_code
                    if 300 <= status < 400 and (signed or "Location" in response.headers):
                        url = self._redirect_target(url, response, signed=signed)
                        params = None  # the Location carries its own query
                        continue
                    body = self._read_body(response, watch)
                if watch.expired:  # a cut ends a body without a length as if it were whole
                    raise error_mapping.deadline_exceeded(url, watch.seconds)
                log.debug("GET %s -> %s in %.0f ms", url, status, 1000 * (received - sent))
                if status != 200:
                    raise error_mapping.api_error(response, body, self.host)
                return self._decode_json(response, body), response, sent, received
            raise TransportError(
                template=messages.TOO_MANY_REDIRECTS, args=(self.host,), kind="redirect"
            )

    def _send(
        self,
        url: str,
        auth: requests.auth.AuthBase | None,
        params: Mapping[str, str] | None,
        watch: Watch,
    ) -> requests.Response:
        if self._aborted.is_set():
            raise error_mapping.cancelled()
        left = watch.remaining()
        if watch.expired or left <= 0:
            raise error_mapping.deadline_exceeded(url, watch.seconds)
        limit = min(self.timeout, left)  # no single wait may outlast the deadline
        try:
            return self.session.get(
                url,
                params=params,
                auth=auth,
                timeout=(limit, limit),
                allow_redirects=False,
                stream=True,
            )
        except requests.RequestException as exc:
            raise self._transport_error(exc, url, watch) from None
        except (CredentialsError, ConfigurationError):
            raise
        except OffOriginError:  # the session's last guard: nothing goes to another origin
            raise TransportError(
                template=messages.OFF_ORIGIN, args=(self.host,), kind="redirect"
            ) from None
        except (OSError, ValueError) as exc:  # urllib3 / ssl oddities outside requests' tree
            failure = self._cut_short(url, watch) or error_mapping.send_failure(exc, self.host)
            raise failure from None

    def _redirect_target(self, url: str, response: requests.Response, *, signed: bool) -> str:
        """Where to go next: only an unsigned request, only on this origin as the connection
        reads it; anything else is a ``TransportError`` naming the (quoted) Location."""
        location = response.headers.get("Location")
        where, target = resolve_location(url, location)
        if signed or target is None:
            raise error_mapping.redirect_refused(
                self.host, response.status_code, location, where, signed=signed
            )
        return target

    def _read_body(self, response: requests.Response, watch: Watch | None = None) -> bytes:
        declared = response.headers.get("Content-Length", "")
        if declared.isascii() and declared.isdigit() and int(declared) > self.max_body_bytes:
            sizes = (f"{int(declared):,}", f"{self.max_body_bytes:,}")
            raise ResponseFormatError(template=messages.TOO_LARGE, args=(self.host, *sizes))
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in response.iter_content(_CHUNK):
                size += len(chunk)
                if size > self.max_body_bytes:
                    limit = f"{self.max_body_bytes:,}"
                    raise ResponseFormatError(template=messages.EXCEEDS, args=(self.host, limit))
                chunks.append(chunk)
        except requests.RequestException as exc:
            raise self._transport_error(exc, response.url, watch) from None
        except (OSError, ValueError) as exc:
            failure = self._cut_short(response.url or self.base_url, watch)
            raise failure or error_mapping.read_failure(exc, self.host) from None
        return b"".join(chunks)

    def _decode_json(self, response: requests.Response, body: bytes) -> Any:
        try:
            return json.loads(body)
        except (ValueError, RecursionError):
            if not body.strip():
                raise ResponseFormatError(
                    template=messages.EMPTY_ANSWER, args=(self.host,)
                ) from None
            kind = error_mapping.media_type(response)
            raise ResponseFormatError(template=messages.NOT_JSON, args=(self.host, kind)) from None

    def _transport_error(
        self, exc: requests.RequestException, url: str | None, watch: Watch | None = None
    ) -> TransportError:
        where = url or self.base_url
        return self._cut_short(where, watch) or error_mapping.transport_error(
            exc, where, timeout=self.timeout
        )

    def _cut_short(self, url: str, watch: Watch | None) -> TransportError | None:
        """Why a failed request was cut short, if it was: ``abort()`` or its deadline."""
        if self._aborted.is_set():
            return error_mapping.cancelled()
        if watch is not None and (watch.expired or watch.remaining() <= 0):
            return error_mapping.deadline_exceeded(url, watch.seconds)
        return None
