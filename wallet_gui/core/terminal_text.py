"""Text from the server made safe to print on a terminal.

A hostile or broken server controls error codes, descriptions, links, configuration keys and
values and currency codes. Printed raw, escape sequences in them can retitle or clear the
terminal, move the cursor to forge a line such as "Result OK", hide text, or reorder it with
bidirectional overrides. Everything such text contains that is not plainly printable is shown
escaped instead (``\\x1b``, ``\\u202e``), and the text is cut to a length a line can carry.
"""

from __future__ import annotations

import unicodedata

#: Longest piece of server text put on one printed line.
MAX_PRINTED_CHARS = 300

#: Bidirectional controls: they reorder what follows on the line (Trojan Source and kin).
_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


def _is_unsafe(char: str) -> bool:
    # Cc: C0 and C1 controls and DEL (ESC, CSI U+009B, BEL, CR, LF …); Cf: invisible format
    # characters such as zero-width joiners; Zl/Zp: line and paragraph separators.
    return char in _BIDI_CONTROLS or unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp")


def _escaped(char: str) -> str:
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def terminal_safe(text: str, limit: int = MAX_PRINTED_CHARS) -> str:
    """``text`` with every control, format and bidi character escaped, cut to ``limit``."""
    safe = "".join(_escaped(c) if _is_unsafe(c) else c for c in str(text))
    if len(safe) > limit:
        safe = safe[: limit - 1] + "…"
    return safe


__all__ = ["MAX_PRINTED_CHARS", "terminal_safe"]
