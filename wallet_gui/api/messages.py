"""The client's and the transport's own words, as marked English templates and phrases.

Kept apart from ``client`` and ``transport`` so those modules stay short. Each template is
raised with its parts as ``WalletError(template=…, args=…)`` (``{0}`` is the host), which
prints the English and lets the window translate; each phrase is such a part.
"""

from __future__ import annotations

from wallet_gui.api.translatable import QT_TRANSLATE_NOOP, phrase

NO_CREDENTIALS = QT_TRANSLATE_NOOP(
    "WalletError", "this request needs credentials, and none are configured"
)
TOO_MANY_REDIRECTS = QT_TRANSLATE_NOOP("WalletError", "too many redirects from {0}")
OFF_ORIGIN = QT_TRANSLATE_NOOP(
    "WalletError", "a request to {0} was not sent: its address leads to another origin"
)
#: ``{1}``: the declared size, ``{2}``: the limit, both in bytes, written out.
TOO_LARGE = QT_TRANSLATE_NOOP(
    "WalletError", "answer from {0} is too large ({1} bytes; limit {2}); not read"
)
#: ``{1}``: the limit in bytes, written out.
EXCEEDS = QT_TRANSLATE_NOOP("WalletError", "answer from {0} exceeds {1} bytes; reading stopped")
EMPTY_ANSWER = QT_TRANSLATE_NOOP("WalletError", "{0} sent an empty answer")
#: ``{1}``: the answer's media type ("text/html"), or "unknown type".
NOT_JSON = QT_TRANSLATE_NOOP("WalletError", "{0} sent an answer that is not JSON ({1})")
CA_BUNDLE = QT_TRANSLATE_NOOP("WalletError", "CA bundle could not be loaded: {0}")

#: What kind of address a redirect's ``Location`` names (``transport.resolve_location``).
NO_ADDRESS = phrase(QT_TRANSLATE_NOOP("WalletError", "no address"))
MALFORMED_ADDRESS = phrase(QT_TRANSLATE_NOOP("WalletError", "a malformed address"))
USER_INFO_ADDRESS = phrase(QT_TRANSLATE_NOOP("WalletError", "an address with user info"))
SAME_ORIGIN = phrase(QT_TRANSLATE_NOOP("WalletError", "the same origin"))
ANOTHER_ORIGIN = phrase(QT_TRANSLATE_NOOP("WalletError", "another origin"))
