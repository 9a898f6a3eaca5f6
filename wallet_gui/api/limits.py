"""The API's published rate limits, named once for the client's users and the emulator.

Paysera documents 60 requests a minute per access token and 1000 an hour per account. The
monitor's poll policy plans inside them; the emulator enforces them with 429 answers.
"""

from __future__ import annotations

#: (window in seconds, requests allowed in it), shortest window first.
RATE_LIMITS: tuple[tuple[float, int], ...] = ((60.0, 60), (3600.0, 1000))
RATE_LIMIT_PER_MINUTE = RATE_LIMITS[0][1]
RATE_LIMIT_PER_HOUR = RATE_LIMITS[1][1]
