"""A local emulator of the Paysera Wallet API, for tests, benchmarks and demo mode."""

from wallet_gui.sandbox.data import DEMO_CLIENT_ID
from wallet_gui.sandbox.faults import ALL_FAULTS, API_ERRORS
from wallet_gui.sandbox.server import Sandbox
from wallet_gui.sandbox.state import RequestRecord

__all__ = ["ALL_FAULTS", "API_ERRORS", "DEMO_CLIENT_ID", "RequestRecord", "Sandbox"]
