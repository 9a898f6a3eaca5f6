"""Checking a MAC ``Authorization`` header the way the Wallet API does.

This is the emulator's half of the signing contract that ``wallet_gui.api.auth`` implements
for the client: it rebuilds the normalized request string from what actually arrived and
compares signatures with the same helpers, so a client bug shows up as the API's own
``401`` answers (wrong MAC → ``unauthorized``, a timestamp outside the window →
``invalid_timestamp``, a replayed nonce → ``unauthorized``), not as a test-only quirk.
"""

from __future__ import annotations

import hmac
import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import parse_qs

from wallet_gui.api.auth import body_hash, mac_signature, normalized_request_string
from wallet_gui.sandbox.refusals import RefusalError
from wallet_gui.sandbox.state import NonceLedger

_MAC_FIELD = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class SignedRequest:
    """The parts of an HTTP request a MAC signature covers."""

    authorization: str
    method: str
    url: str  # scheme, the Host header as sent, and the path with its query
    body: bytes


def check_mac(
    request: SignedRequest,
    *,
    keys: Mapping[str, str],
    nonces: NonceLedger,
    now: float,
    timestamp_window: float,
) -> tuple[str, dict[str, str]]:
    """The client that signed ``request`` and its ``ext`` parameters; raises ``RefusalError``.

    ``keys`` maps client ids to MAC keys; ``now`` is the emulator's clock, and a timestamp
    more than ``timestamp_window`` seconds away from it is refused.
    """
    if not request.authorization.startswith("MAC "):
        raise RefusalError("unauthorized", "Authentication parameters are not provided")
    fields = dict(_MAC_FIELD.findall(request.authorization))
    client_id = fields.get("id", "")
    key = keys.get(client_id)
    if key is None or not all(fields.get(name) for name in ("ts", "nonce", "mac")):
        raise RefusalError("unauthorized", "Authentication parameters are incorrect")
    ext = fields.get("ext", "")
    try:
        ts = int(fields["ts"])
    except ValueError:
        raise RefusalError("unauthorized", "Timestamp is not an integer") from None
    expected = mac_signature(
        key, normalized_request_string(ts, fields["nonce"], request.method, request.url, ext)
    )
    if not hmac.compare_digest(expected, fields["mac"]):
        raise RefusalError("unauthorized", "Signature is invalid")
    ext_params = {name: values[-1] for name, values in parse_qs(ext).items()}
    if request.body and ext_params.get("body_hash") != body_hash(request.body):
        raise RefusalError("unauthorized", "Body hash does not match")
    if ts > now + timestamp_window:
        raise RefusalError("invalid_timestamp", "Timestamp is in future")
    if ts < now - timestamp_window:
        raise RefusalError("invalid_timestamp", "Timestamp lifetime exceeded")
    # A nonce must stay unique for as long as any timestamp it could come with is accepted.
    if not nonces.first_use(client_id, fields["nonce"], now, 2 * timestamp_window):
        raise RefusalError("unauthorized", "Nonce was already used")
    ext_params.pop("body_hash", None)
    return client_id, ext_params
