"""wallet_gui: a desktop monitor for the Paysera Wallet REST API.

Layers, from the bottom up: ``api`` (HTTP, signing, errors) and ``clock`` (the offset
estimator) know nothing of the app; credentials, settings, the worker and the command
line build on them; ``ui`` holds widgets only. ``sandbox`` is a local emulator of the API.
"""

__version__ = "0.1.0"
