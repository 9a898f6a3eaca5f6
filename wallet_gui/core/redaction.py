"""Defence in depth for secrets in logs.

The code never logs a key or an ``Authorization`` header on purpose; this filter makes
sure a mistake — ours or a library's debug output — cannot either. It is installed on
the root logger's handlers as soon as a secret is known.
"""

from __future__ import annotations

import logging
import re

from wallet_gui.core.terminal_text import terminal_safe

_AUTHORIZATION = re.compile(r"(Authorization['\"]?\s*[:=]\s*['\"]?)(MAC\s[^'\"\n]*)", re.I)
_REDACTED = "<redacted>"


#: A log line may be longer than a printed one (URLs, chained causes), but not unbounded.
_MAX_LOGGED_CHARS = 4000


class SecretRedactingFilter(logging.Filter):
    """Replaces known secrets and any ``Authorization: MAC …`` value in log records.

    It also escapes control and bidi characters: log messages quote server text, and
    ``--verbose`` prints them on a terminal, where an escape sequence must not act.
    """

    def __init__(self) -> None:
        super().__init__()
        self.secrets: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = _AUTHORIZATION.sub(lambda m: m.group(1) + _REDACTED, message)
        for secret in self.secrets:
            cleaned = cleaned.replace(secret, _REDACTED)
        cleaned = terminal_safe(cleaned, _MAX_LOGGED_CHARS)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


_FILTER = SecretRedactingFilter()


def install_redaction(secret: str | None = None) -> None:
    """Add ``secret`` to the redacted set and make sure every root handler filters."""
    if secret:
        _FILTER.secrets.add(secret)
    for handler in logging.getLogger().handlers:
        if _FILTER not in handler.filters:
            handler.addFilter(_FILTER)
