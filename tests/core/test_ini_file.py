"""The Qt-free INI reader/writer: Qt's escaping, its line rules, and edits that touch nothing else.

The literal file texts below are what ``QSettings`` (IniFormat) writes; the tests in
``tests/app/test_profiles_qsettings_compat.py`` check the same against a real ``QSettings``.
No PySide6 here: this folder runs without it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wallet_gui.core.ini_file import IniDocument, IniFile
from wallet_gui.core.ini_format import (
    UninterpretedValue,
    escape_key,
    escape_value,
    parse_value,
    section_name,
    section_path,
    unescape_key,
)

# Text Qt can hold: any code point but lone surrogates (a QString cannot come from those).
texts = st.text(st.characters(codec="utf-8"))

QT_WRITTEN = (
    b"[General]\n"
    b"last_profile=zeta\n"
    b"\n"
    b"[%General]\n"
    b"x=g\n"
    b"\n"
    b"[profiles]\n"
    b"100%25\\v=@@at\n"
    b"e%UD83D%UDE00\\v=@String(e\xf0\x9f\x98\x80\\x1\\x61\\0\\x62)\n"
    b"zeta\\base_url=https://x/y\n"
    b'%U0160iauliai%20%U016Bkis\\client_id=" lead, trail "\n'
    b'%U041F%U0440%U043E%U0444%U0438%U043B%U044C\\v="q\\"u\\\\o\\nte;=@x"\n'
    b"\n"
    b"[window]\n"
    b"empty=@Invalid()\n"
    b"geometry=@ByteArray(\\x1\\xd9\\xd0\\xcb\\0\\x3\\x61\\x62\\x63)\n"
    b"list=a, b c, @@x\n"
)


def test_reads_what_qsettings_writes() -> None:
    document = IniDocument(QT_WRITTEN)
    assert document.value("last_profile") == "zeta"
    assert document.value("General/x") == "g"
    assert document.value("profiles/100%/v") == "@at"
    assert document.value("profiles/e😀/v") == "e😀\x01a\x00b"
    assert document.value("profiles/zeta/base_url") == "https://x/y"
    assert document.value("profiles/Šiauliai ūkis/client_id") == " lead, trail "
    assert document.value("profiles/Профиль/v") == 'q"u\\o\nte;=@x'
    assert document.value("window/empty") == UninterpretedValue("@Invalid()")
    assert isinstance(document.value("window/geometry"), UninterpretedValue)
    assert document.value("window/list") == ("a", "b c", "@x")
    assert document.value("window/missing") is None
    assert document.child_groups("profiles") == ["100%", "e😀", "zeta", "Šiauliai ūkis", "Профиль"]
    assert document.to_bytes() == QT_WRITTEN


def test_writes_values_and_keys_as_qsettings_does() -> None:
    assert escape_value("https://x/y") == b"https://x/y"
    assert escape_value(" lead, trail ") == b'" lead, trail "'
    assert escape_value('q"u\\o\nte;=@x') == b'"q\\"u\\\\o\\nte;=@x"'
    assert escape_value("@at") == b"@@at"
    assert escape_value("e😀\x01a\x00b") == b"@String(e\xf0\x9f\x98\x80\\x1\\x61\\0\\x62)"
    assert escape_key("Šiauliai ūkis/client_id") == b"%U0160iauliai%20%U016Bkis\\client_id"
    assert escape_key("100%/e😀") == b"100%25\\e%UD83D%UDE00"


@given(texts)
def test_every_string_value_reads_back(text: str) -> None:
    assert parse_value(escape_value(text)) == text


@given(texts)
def test_every_key_reads_back(key: str) -> None:
    assert unescape_key(escape_key(key)) == key


def test_section_headers_name_groups_as_in_qt() -> None:
    assert section_path(b"General") == section_path(b"gEnErAl") == ""  # top-level keys
    assert section_name("General") == b"%General"
    assert section_name("a b/c") == b"a%20b\\c"
    for path in ["General", "general", "a b", "Профиль", "100%"]:
        assert section_path(section_name(path)) == path


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        (b"  plain text  ", "plain text"),
        (b'" kept "  ', " kept "),
        (b"a, b ,c", ("a", "b", "c")),
        (b'"1,2", 3', ("1,2", "3")),
        (b"a,", ("a", "")),
        (b"tab\\t ", "tab\t"),
        (b"\\x41\\102\\q", "AB"),
        (b"@@", "@"),
        (b"@Variant(\\0\\0\\0\\x7f)", UninterpretedValue("@Variant(\x00\x00\x00\x7f)")),
        (b"a, @ByteArray(x)", UninterpretedValue("a, @ByteArray(x)")),
        (b"\xff", "\ufffd"),
    ],
)
def test_parses_values_like_qt(raw: bytes, value: object) -> None:
    assert parse_value(raw) == value


def test_follows_qts_line_rules() -> None:
    text = (
        b"\xef\xbb\xbf; a comment\n"
        b"top = 1 ; trailing comment\n"
        b"  [a]  \n"
        b'quoted="two\nlines"\n'
        b"joined=one\\\n"
        b"two\n"
        b"no equals sign here\n"
        b"k\\sub=3\n"
        b"[b\\c]\n"
        b"d=4\n"
        b"d=5\n"
    )
    document = IniDocument(text)
    assert document.keys() == ["top", "a/quoted", "a/joined", "a/k/sub", "b/c/d"]
    assert document.value("top") == "1"
    assert document.value("a/quoted") == "two\nlines"
    assert document.value("a/joined") == "onetwo"
    assert document.value("b/c/d") == "5"
    assert document.child_groups("a") == ["k"]
    assert document.to_bytes() == text


def test_an_edit_changes_only_its_own_line() -> None:
    text = (
        b"; kept comment\r\n"
        b"[window]\r\n"
        b"geometry=@ByteArray(\\x1\\xd9)\r\n"
        b"\r\n"
        b"[profiles]\r\n"
        b"a\\x=1 ; old note\r\n"
        b"a\\y=2\r\n"
        b"b\\x=3\r\n"
    )
    document = IniDocument(text)
    document.set_value("profiles/a/x", "1")  # unchanged: not even the comment goes
    assert document.to_bytes() == text
    document.set_value("profiles/a/x", "new")
    document.set_value("profiles/a/z", "added")
    expected = text.replace(b"a\\x=1 ; old note", b"a\\x=new")
    expected = expected.replace(b"a\\y=2\r\n", b"a\\y=2\r\na\\z=added\r\n")
    assert document.to_bytes() == expected


def test_new_sections_go_where_qt_puts_them() -> None:
    document = IniDocument(b"[window]\ngeometry=@ByteArray(x)")  # no final line break
    document.set_value("profiles/p/k", "v")
    document.set_value("last_profile", "p")
    document.set_value("General/x", "g")
    assert document.to_bytes() == (
        b"[General]\nlast_profile=p\n\n"
        b"[window]\ngeometry=@ByteArray(x)\n\n"
        b"[profiles]\np\\k=v\n\n"
        b"[%General]\nx=g\n"
    )
    assert IniDocument(document.to_bytes()).keys() == [
        "last_profile",
        "window/geometry",
        "profiles/p/k",
        "General/x",
    ]


def test_removing_a_group_removes_its_keys_and_an_emptied_section() -> None:
    document = IniDocument(b"[General]\nlast=a\n\n[profiles]\na\\x=1\na\\y=2\n\n[window]\ng=1\n")
    document.remove("profiles/a")
    assert document.to_bytes() == b"[General]\nlast=a\n\n[window]\ng=1\n"
    document.set_value("profiles/b/x", "1")
    document.remove("profiles/b")
    document.set_value("profiles/b/x", "1")
    assert document.to_bytes() == b"[General]\nlast=a\n\n[window]\ng=1\n\n[profiles]\nb\\x=1\n"


def test_setting_a_repeated_key_keeps_one_line() -> None:
    document = IniDocument(b"[a]\nk=1\nk=2\n")
    document.set_value("a/k", "3")
    assert document.to_bytes() == b"[a]\nk=3\n"


def test_file_is_replaced_atomically_and_keeps_its_permissions(tmp_path: Path) -> None:
    path = tmp_path / "folder" / "settings.ini"
    settings = IniFile(path)
    assert settings.read().keys() == []
    document = settings.read()
    document.set_value("a/b", "1")
    settings.write(document)
    path.chmod(0o640)
    document = settings.read()
    document.set_value("a/b", "2")
    settings.write(document)
    assert path.read_bytes() == b"[a]\nb=2\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in path.parent.iterdir()] == ["settings.ini"]  # no temporary left


def test_an_unchanged_document_is_not_written(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    path.write_bytes(b"[a]\nb=1\n")
    os.utime(path, ns=(0, 1_000_000_000))
    settings = IniFile(path)
    document = settings.read()
    document.set_value("a/b", "1")
    settings.write(document)
    assert path.stat().st_mtime_ns == 1_000_000_000


def test_a_write_is_later_than_the_file_it_replaces(tmp_path: Path) -> None:
    """``QSettings`` re-reads a file on ``sync()`` only if its size or millisecond mtime moved."""
    path = tmp_path / "settings.ini"
    path.write_bytes(b"[a]\nb=1\n")
    future = path.stat().st_mtime_ns + 10_000_000_000
    os.utime(path, ns=(future, future))
    settings = IniFile(path)
    document = settings.read()
    document.set_value("a/b", "2")  # same size
    settings.write(document)
    assert path.stat().st_mtime_ns // 1_000_000 == future // 1_000_000 + 1


def test_a_file_changed_by_someone_else_is_read_again(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    first, second = IniFile(path), IniFile(path)
    assert first.read().value("a/b") is None
    document = second.read()
    document.set_value("a/b", "1")
    second.write(document)
    assert first.read().value("a/b") == "1"
    path.unlink()
    assert first.read().value("a/b") is None


def test_a_file_that_is_not_utf8_reads_as_qt_reads_it_unless_utf8_is_required(
    tmp_path: Path,
) -> None:
    path = tmp_path / "settings.ini"
    path.write_bytes(b"[a]\nb=caf\xe9\n")
    assert IniFile(path).read().value("a/b") == "caf\ufffd"
    strict = IniFile(path, utf8_only=True)
    with pytest.raises(UnicodeDecodeError):
        strict.read()
    with pytest.raises(UnicodeDecodeError):  # the refused content was not kept either
        strict.read()
    path.write_bytes(b"[a]\nb=caf\xc3\xa9\n")
    assert strict.read().value("a/b") == "café"
