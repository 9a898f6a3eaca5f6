"""Read and rewrite, without Qt, the part of Qt's INI settings file the profiles use.

``wallet-gui check`` must not import PySide6, yet the profiles stay in the users' existing
file, which the window keeps writing with ``QSettings`` (geometry as ``@ByteArray(...)``).
So this reads the file as Qt does and, when writing, replaces only the lines of the keys it
changes: every other byte (other sections, values, comments, line endings) stays.

This module is the file as a whole: its sections, where Qt puts a new key or section, edits
that keep every other byte, the atomic write, the lock around a rewrite (``QSettings``'s,
see ``lock_file``) and noticing another writer's changes. How one
key, value or line is spelled is ``ini_format``'s business.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

from wallet_gui.core import lock_file
from wallet_gui.core.ini_format import (
    BOM,
    SPACE,
    IniValue,
    end_of_physical_line,
    escape_key,
    escape_value,
    next_line,
    parse_value,
    section_name,
    section_path,
    unescape_key,
)


@dataclass(slots=True, eq=False)  # chunks are told apart by identity, not content
class _Chunk:
    """Consecutive bytes of the file: a key line (``key`` set) or anything else."""

    raw: bytes
    key: str | None = None
    value_at: int = 0  # where the value starts in ``raw``
    value_end: int = 0  # where it ends (a comment or the line break may follow)

    def value(self) -> IniValue:
        return parse_value(self.raw[self.value_at : self.value_end])


@dataclass(slots=True)
class _Section:
    path: str  # "" for [General] and for lines before the first section header
    header: bytes  # the header line as read, b"" before the first header
    chunks: list[_Chunk] = field(default_factory=list)

    def entries(self) -> list[_Chunk]:
        return [chunk for chunk in self.chunks if chunk.key is not None]


class IniDocument:
    """An INI file's bytes, with the keys it holds; edits touch only the lines they change."""

    def __init__(self, data: bytes = b"") -> None:
        crlf = b"\r\n" in data or (b"\n" not in data and os.name == "nt")
        self._eol = b"\r\n" if crlf else b"\n"  # as the file has it, else as Qt writes here
        pos = len(BOM) if data.startswith(BOM) else 0
        self._sections = [_Section("", b"", [_Chunk(data[:pos])] if pos else [])]
        while (line := next_line(data, pos)) is not None:
            start, end, equals = line
            last_break = max(data.rfind(b"\n", pos, start), data.rfind(b"\r", pos, start))
            if last_break + 1 > pos:  # blank lines and comments; indentation joins the line
                self._sections[-1].chunks.append(_Chunk(data[pos : last_break + 1]))
                pos = last_break + 1
            stop = end_of_physical_line(data, end)
            if data[start : start + 1] == b"[":
                close = data.find(b"]", start, end)
                name = data[start + 1 : close if close != -1 else end].strip()
                self._sections.append(_Section(section_path(name), data[pos:stop]))
            elif equals != -1:
                path, key = self._sections[-1].path, unescape_key(data[start:equals].strip())
                full_key = f"{path}/{key}" if path else key
                chunk = _Chunk(data[pos:stop], full_key, equals + 1 - pos, end - pos)
                self._sections[-1].chunks.append(chunk)
            else:
                self._sections[-1].chunks.append(_Chunk(data[pos:stop]))
            pos = stop
        if pos < len(data):
            self._sections[-1].chunks.append(_Chunk(data[pos:]))

    def to_bytes(self) -> bytes:
        return b"".join(s.header + b"".join(c.raw for c in s.chunks) for s in self._sections)

    def keys(self) -> list[str]:
        """Every key path, in file order, each once."""
        return list(dict.fromkeys(c.key for s in self._sections for c in s.entries() if c.key))

    def value(self, key: str) -> IniValue | None:
        """The value of ``key`` (the last line wins, as in Qt), ``None`` if there is none."""
        found = [c for s in self._sections for c in s.entries() if c.key == key]
        return found[-1].value() if found else None

    def keys_under(self, group: str) -> list[str]:
        """The key paths in ``group`` and its subgroups (and ``group`` itself if it is a key)."""
        return [key for key in self.keys() if key == group or key.startswith(f"{group}/")]

    def child_groups(self, group: str) -> list[str]:
        """The groups directly under ``group``, like ``QSettings.childGroups``, sorted."""
        below = [key[len(group) + 1 :] for key in self.keys_under(group)]
        return sorted({key.split("/")[0] for key in below if "/" in key})

    def set_value(self, key: str, text: str) -> None:
        """Store a string at ``key``: in place if the key exists, else beside its siblings."""
        found = [(s, c) for s in self._sections for c in s.entries() if c.key == key]
        for section, chunk in found[:-1]:
            section.chunks.remove(chunk)  # Qt reads only the last of repeated keys
        if found and found[-1][1].value() != text:
            chunk, value = found[-1][1], escape_value(text)
            line_break = chunk.raw[len(chunk.raw.rstrip(b"\r\n")) :]
            chunk.raw = chunk.raw[: chunk.value_at] + value + line_break
            chunk.value_end = chunk.value_at + len(value)
        if found:
            return
        section = self._section_for(key)
        name = escape_key(key[len(section.path) + 1 :] if section.path else key)
        line = name + b"=" + escape_value(text)
        entries = section.entries()
        siblings = [c for c in entries if (c.key or "").startswith(key.rpartition("/")[0] + "/")]
        index = section.chunks.index((siblings or entries)[-1]) + 1 if entries else 0
        if index:
            section.chunks[index - 1].raw = _ended(section.chunks[index - 1].raw, self._eol)
        elif section.header:
            section.header = _ended(section.header, self._eol)
        section.chunks.insert(index, _Chunk(line + self._eol, key, len(name) + 1, len(line)))

    def remove(self, key: str) -> None:
        """Remove ``key`` and every key under it; a section left without keys goes too."""
        for section in list(self._sections):
            entries = section.entries()
            gone = [c for c in entries if c.key == key or (c.key or "").startswith(f"{key}/")]
            section.chunks = [c for c in section.chunks if c not in gone]
            if gone and len(gone) == len(entries) and section.header:
                was_last = section is self._sections[-1]
                self._sections.remove(section)
                trailing = self._sections[-1].chunks
                while was_last and trailing and not trailing[-1].raw.strip():
                    trailing.pop()  # the blank line that set the removed section apart

    def _section_for(self, key: str) -> _Section:
        """The section a new key goes in, as Qt chooses it: the one named after the key's
        first component (``[General]`` for a top-level key); the last if there are several."""
        top = key.partition("/")[0] if "/" in key else ""
        fitting = [s for s in self._sections if s.path == top and (s.header or s.entries())]
        if fitting:
            return fitting[-1]
        if not top:  # [General] goes first, set apart from what follows by a blank line
            general = _Section("", b"[General]" + self._eol)
            general.chunks += [_Chunk(self._eol)] if len(self._sections) > 1 else []
            self._sections.insert(1, general)
            return general
        last = self._sections[-1]
        if last.chunks:
            last.chunks[-1].raw = _ended(last.chunks[-1].raw, self._eol)
        last.header = _ended(last.header, self._eol)
        content = self.to_bytes()
        if content.strip(SPACE + BOM) and not content.endswith(self._eol * 2):
            last.chunks.append(_Chunk(self._eol))  # a blank line before the section, as Qt
        self._sections.append(_Section(top, b"[" + section_name(top) + b"]" + self._eol))
        return self._sections[-1]


def _ended(raw: bytes, eol: bytes) -> bytes:
    """``raw`` with a line break at its end (the last line of a file may lack one)."""
    return raw if not raw or raw.endswith((b"\n", b"\r")) else raw + eol


class IniFile:
    """One INI file on disk, read again whenever it changed since this object last read it.

    Changed means another identity, size or modification time, so a second store, or
    ``QSettings`` writing the window's geometry, is noticed on the next access. Writes replace
    the file atomically, and with a modification time at least a millisecond later than the
    file they replace: ``QSettings``, which keeps a parsed copy, reads the file again on
    ``sync()`` only if its size or millisecond timestamp changed.

    Bytes that are not UTF-8 read as U+FFFD, as in Qt; with ``utf8_only`` such a file fails
    to read instead (``UnicodeDecodeError``), so that nothing is read, or written back, other
    than it is. Failing to read or write raises the ``OSError``, and leaves the file as it was.
    """

    def __init__(
        self, path: Path, *, utf8_only: bool = False, lock_wait: float = lock_file.DEFAULT_WAIT_S
    ) -> None:
        self.path = path
        self._utf8_only = utf8_only
        self._lock_wait = lock_wait
        self._signature: tuple[int, int, int, int] | None = None
        self._data = b""

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold ``<file>.lock``, the lock ``QSettings`` takes, around a read-change-write, so
        that no other program (or ``QSettings``) rewrites the file in between.

        Waits up to ``lock_wait`` seconds for another holder, then raises
        ``lock_file.LockBusyError`` (an ``OSError``) and nothing is written."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with lock_file.held(self.path.with_name(f"{self.path.name}.lock"), self._lock_wait):
            yield

    def read(self) -> IniDocument:
        """The file's current content (empty if there is no file), a copy free to change."""
        try:
            with self.path.open("rb") as file:
                signature = _signature(os.fstat(file.fileno()))
                if signature != self._signature:
                    data = file.read()
                    if self._utf8_only:
                        data.decode("utf-8")  # raises before anything is kept
                    self._data, self._signature = data, signature
        except FileNotFoundError:
            self._data, self._signature = b"", None
        return IniDocument(self._data)

    def write(self, document: IniDocument) -> None:
        """Replace the file with ``document``; nothing happens if no byte changed."""
        data = document.to_bytes()
        if data == self._data:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        previous = self.path.stat() if self.path.exists() else None
        handle, temporary = tempfile.mkstemp(prefix=f".{self.path.name}.", dir=self.path.parent)
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
                file.flush()
                os.fsync(file.fileno())
            if previous is not None:
                os.chmod(temporary, stat.S_IMODE(previous.st_mode))
                _make_later_than(temporary, previous)
            os.replace(temporary, self.path)
        except BaseException:
            with suppress(FileNotFoundError):
                os.unlink(temporary)
            raise
        if os.name == "posix":  # make the rename itself durable
            folder = os.open(self.path.parent, os.O_RDONLY)
            try:
                os.fsync(folder)
            finally:
                os.close(folder)
        self._data, self._signature = data, _signature(self.path.stat())


def _signature(status: os.stat_result) -> tuple[int, int, int, int]:
    return (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns)


def _make_later_than(path: str, previous: os.stat_result) -> None:
    current = os.stat(path)
    previous_ms = previous.st_mtime_ns // 1_000_000
    if current.st_mtime_ns // 1_000_000 <= previous_ms:
        os.utime(path, ns=(current.st_atime_ns, (previous_ms + 1) * 1_000_000))
