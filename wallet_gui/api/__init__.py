"""The Paysera Wallet REST API: signing, a typed client and its error model.

Nothing here imports Qt or any other part of the app, so the command line, the worker
thread and the tests all share exactly the same client.
"""

from wallet_gui.api.auth import CertificateAuth, MacAuth
from wallet_gui.api.client import ALTERNATIVE_BASE_URL, DEFAULT_BASE_URL, WalletClient
from wallet_gui.api.errors import (
    ApiError,
    ResponseFormatError,
    TransportError,
    WalletError,
)
from wallet_gui.api.models import Configuration, CurrencyBalance, TimeSample, Wallet

__all__ = [
    "ALTERNATIVE_BASE_URL",
    "DEFAULT_BASE_URL",
    "ApiError",
    "CertificateAuth",
    "Configuration",
    "CurrencyBalance",
    "MacAuth",
    "ResponseFormatError",
    "TimeSample",
    "TransportError",
    "Wallet",
    "WalletClient",
    "WalletError",
]
