"""Qt's INI text format, line by line: how ``QSettings`` escapes keys and values and splits lines.

Kept apart from ``ini_file`` (the file: its sections, edits and atomic writes) because these
rules are pure functions of bytes, each checked on its own against what Qt writes, and
nothing here needs to know about a file, its order of sections or the disk.

The format as ``QSettings.IniFormat`` writes it: key ``a/b/c`` is ``b\\c`` in section
``[a]``, top-level keys are in ``[General]`` and a real group General is ``[%General]``; key
characters outside ``[A-Za-z0-9_.-]`` become ``%XX`` (Latin-1) or ``%UXXXX`` (per UTF-16
unit). Values are UTF-8 with C escapes (``\\n``, ``\\"``, ``\\xHH``…), double-quoted when they
hold ``;`` ``,`` ``=`` or start or end with a space; a string starting with ``@`` is written
``@@…``, one holding NUL ``@String(…)``. An unquoted comma makes a string list, read back as
a ``tuple``. ``@ByteArray(…)``, ``@Variant(…)``, ``@DateTime(…)`` and ``@Invalid()`` read back
as :class:`UninterpretedValue`: never written here, their lines only kept. Keys are
case-sensitive, as Qt's are everywhere but on Windows (where only hand edits that change a
key's case could make the two disagree). Bytes that are not UTF-8 read as U+FFFD, as in Qt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

BOM = b"\xef\xbb\xbf"
SPACE = b" \t\n\r"  # what Qt skips before a line
_HEX_RUN = re.compile(rb"[0-9A-Fa-f]+")
_OCTAL_RUN = re.compile(rb"[0-7]+")
_KEY_UNSAFE = re.compile(r"[^A-Za-z0-9_.\-/]")
_ESCAPED_CHARS = {
    "\0": b"\\0", "\a": b"\\a", "\b": b"\\b", "\f": b"\\f", "\n": b"\\n",
    "\r": b"\\r", "\t": b"\\t", "\v": b"\\v", '"': b'\\"', "\\": b"\\\\",
}  # fmt: skip
_UNESCAPED_CHARS = {code[1]: char for char, code in _ESCAPED_CHARS.items() if char != "\0"}
_UNESCAPED_CHARS |= {ord("?"): "?", ord("'"): "'"}
_KEY_ESCAPE = re.compile(r"\\|%U([0-9A-Fa-f]{4})|%([0-9A-Fa-f]{2})")
_UNINTERPRETED_PREFIXES = ("@ByteArray(", "@Variant(", "@DateTime(")


@dataclass(frozen=True, slots=True)
class UninterpretedValue:
    """A value Qt encodes as a typed variant; kept as its text, never decoded or rewritten."""

    text: str


IniValue = str | tuple[str, ...] | UninterpretedValue


def _join_surrogates(text: str) -> str:
    """Qt escapes work on UTF-16 units: pair up the surrogate halves they produce."""
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


def _escape_key_char(match: re.Match[str]) -> str:
    code = ord(match[0])
    if code <= 0xFF:
        return f"%{code:02X}"
    units = match[0].encode("utf-16-be", "surrogatepass")
    return "".join(f"%U{units[i]:02X}{units[i + 1]:02X}" for i in range(0, len(units), 2))


def escape_key(key: str) -> bytes:
    """A key path as Qt writes it inside a section (``/`` becomes ``\\``)."""
    return _KEY_UNSAFE.sub(_escape_key_char, key).replace("/", "\\").encode("ascii")


def unescape_key(raw: bytes) -> str:
    """The key path of an escaped key; a malformed ``%`` sequence stays literal, as in Qt."""

    def unescape(match: re.Match[str]) -> str:
        return "/" if match[0] == "\\" else chr(int(match[1] or match[2], 16))

    return _join_surrogates(_KEY_ESCAPE.sub(unescape, raw.decode("utf-8", "replace")))


def section_name(path: str) -> bytes:
    """What goes between the brackets of the header of the section for group ``path``."""
    name = escape_key(path)
    return b"%" + name if name.lower() == b"general" else name


def section_path(name: bytes) -> str:
    """The group a section header names (``""`` for ``[General]``), given what is inside
    its brackets."""
    if name.lower() in (b"general", b"%general"):
        return name[1:].decode() if name.startswith(b"%") else ""
    return unescape_key(name)


def escape_value(text: str) -> bytes:
    """A string value as ``QSettings`` writes it (``@`` doubled, ``@String`` around NUL)."""
    if "\0" in text:
        text = f"@String({text})"
    elif text.startswith("@"):
        text = "@" + text
    out = bytearray()
    escape_hex_digit = False  # after \0 or \xHH a hex digit must be escaped too
    for char in text:
        if escape_hex_digit and char in "0123456789abcdefABCDEF":
            out += b"\\x%x" % ord(char)
            continue
        escape_hex_digit = char == "\0"
        if char in _ESCAPED_CHARS:
            out += _ESCAPED_CHARS[char]
        elif ord(char) <= 0x1F:
            out += b"\\x%x" % ord(char)
            escape_hex_digit = True
        else:
            out += char.encode("utf-8", "replace")
    if any(char in text for char in ";,=") or out.startswith(b" ") or out.endswith(b" "):
        return b'"' + bytes(out) + b'"'
    return bytes(out)


def _unescape_value_text(raw: bytes) -> str | list[str]:
    """Qt's value parser: escapes, quotes, trimming, and a list at an unquoted comma."""
    items: list[str] | None = None
    current, quoted, in_quotes = "", False, False
    n = len(raw)

    def skip_spaces(i: int) -> int:
        return n - len(raw[i:].lstrip(b" \t"))

    def trimmed(text: str) -> str:  # only what came in unescaped and unquoted is trimmed
        return text if quoted else text[:keep] + text[keep:].rstrip(" \t")

    i, keep = skip_spaces(0), 0
    while i < n:
        byte = raw[i]
        if byte == ord("\\"):
            if i + 1 >= n:
                break
            code, i = raw[i + 1], i + 2
            digits = _HEX_RUN.match(raw, i) if code == ord("x") else _OCTAL_RUN.match(raw, i - 1)
            if code in _UNESCAPED_CHARS:
                current += _UNESCAPED_CHARS[code]
            elif digits:  # as many digits as follow, wrapped to 16 bits like Qt's char16_t
                current += chr(int(digits[0], 16 if code == ord("x") else 8) & 0xFFFF)
                i = digits.end()
            elif code in b"\r\n" and i < n and raw[i] in b"\r\n" and raw[i] != code:
                i += 1  # an escaped CR LF (or LF CR) continues the line
            keep = len(current)
        elif byte == ord('"'):
            quoted, in_quotes = True, not in_quotes
            i = i + 1 if in_quotes else skip_spaces(i + 1)
            keep = len(current)
        elif byte == ord(",") and not in_quotes:
            items = [*(items or []), trimmed(current)]
            current, quoted, keep = "", False, 0
            i = skip_spaces(i + 1)
        else:
            end = i + 1
            while end < n and raw[end] not in b'\\",':
                end += 1
            current += raw[i:end].decode("utf-8", "replace")
            i = end
    else:
        current = trimmed(current)
    return current if items is None else [*items, current]


def _interpret(text: str) -> str | UninterpretedValue:
    """Undo Qt's ``@`` markers on a string, or keep a typed variant as it is."""
    text = _join_surrogates(text)
    if text.startswith("@String(") and text.endswith(")"):
        return text[8:-1]
    if (text.startswith(_UNINTERPRETED_PREFIXES) and text.endswith(")")) or text == "@Invalid()":
        return UninterpretedValue(text)
    return text[1:] if text.startswith("@@") else text


def parse_value(raw: bytes) -> IniValue:
    """The value of the text after ``=`` on a key line."""
    parsed = _unescape_value_text(raw)
    if isinstance(parsed, str):
        return _interpret(parsed)
    items = [_interpret(item) for item in parsed]
    if any(isinstance(item, UninterpretedValue) for item in items):
        return UninterpretedValue(", ".join(_join_surrogates(item) for item in parsed))
    return tuple(item for item in items if isinstance(item, str))


def _skip(data: bytes, i: int, chars: bytes) -> int:
    while i < len(data) and data[i] in chars:
        i += 1
    return i


def next_line(data: bytes, pos: int) -> tuple[int, int, int] | None:
    """Qt's line splitter: ``(start, end, equals)`` of the next line, ``equals`` -1 if none.

    Blank lines, indentation and ``;`` comments are skipped; quotes and a backslash before
    a line break let a value run over several physical lines.
    """
    n = len(data)
    i = start = _skip(data, pos, SPACE)
    equals, in_quotes = -1, False
    while i < n:
        byte = data[i]
        i += 1
        if byte == ord("=") and not in_quotes and equals == -1:
            equals = i - 1
        elif byte == ord("\\") and i < n:
            i += 2 if data[i : i + 2] in (b"\r\n", b"\n\r") else 1
        elif byte == ord('"'):
            in_quotes = not in_quotes
        elif byte == ord(";") and i == start + 1:  # a comment line
            i = start = _skip(data, _end_of_comment(data, i), SPACE)
        elif byte in b"\r\n;" and not in_quotes:
            i -= 1
            break
    return (start, i, equals) if i > start else None


def _end_of_comment(data: bytes, i: int) -> int:
    while i < len(data) and data[i] not in b"\r\n":
        i += 1
    return i


def end_of_physical_line(data: bytes, end: int) -> int:
    """Past a trailing ``; comment`` and the line break after a line's content."""
    end = _end_of_comment(data, end) if data[end : end + 1] == b";" else end
    if data.startswith(b"\r\n", end):
        return end + 2
    return end + 1 if data[end : end + 1] in (b"\r", b"\n") else end
