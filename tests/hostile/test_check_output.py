"""What a hostile server sends cannot act on the terminal that shows ``wallet-gui check``."""

from __future__ import annotations

import json
import time

import pytest

from tests.hostile.server import HostileServer, SeenRequest, Step, reply
from wallet_gui import cli
from wallet_gui.api.urls import is_cleartext_remote
from wallet_gui.commands.check import CLEARTEXT_WARNING

#: Retitle the terminal (OSC), clear it (CSI), a C1 CSI, a bidi override, a forged line.
ESCAPES = "\x1b]0;pwned\x07\x1b[2J\u009b31m\u202eKO tluseR\r\nResult         OK"
FORBIDDEN = ("\x1b", "\x07", "\u009b", "\u202e", "\r")


def hostile(request: SeenRequest) -> list[Step]:
    if request.path.endswith("/server"):
        return reply(200, {"time": int(time.time())})
    if request.path.endswith("/configuration"):
        return reply(200, {"minimum_password_length": 8, f"key{ESCAPES}": f"value{ESCAPES}"})
    return reply(
        403,
        {
            "error": f"forbidden{ESCAPES}",
            "error_description": f"no{ESCAPES}" * 500,
            "error_uri": f"https://example.invalid/{ESCAPES}",
        },
    )


@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
def test_escape_sequences_from_the_server_are_printed_escaped_and_cut(
    as_json: bool, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WALLET_GUI_MAC_KEY", "k" * 32)
    with HostileServer(hostile) as server:
        argv = ["check", "--base-url", server.url, "--client-id", "x", "--wallet", "14471"]
        status = cli.main([*argv, "--json"] if as_json else argv)
    out, err = capsys.readouterr()
    assert status != 0
    for forbidden in FORBIDDEN:
        assert forbidden not in out
        assert forbidden not in err
    assert not [line for line in out.splitlines()[1:] if line.startswith("Result         OK")]
    assert not out.startswith("WALLET_API OK")
    # One value cut to 300 characters, each at most 6 when escaped, plus its key.
    assert max(len(line) for line in (out + err).splitlines()) < 2000
    if as_json:
        report = json.loads(out)  # still valid JSON
        assert any("\x1b" in key for key in report["configuration"])  # data kept, escaped
    else:
        assert "\\x1b]0;pwned" in out  # shown, as an escape a person can read


@pytest.mark.parametrize(
    ("option", "value", "said"),
    [
        ("--wallet", "..", "wallet id '..' is not valid"),
        ("--wallet", "me", "wallet id 'me' is not valid"),
        ("--client-id", 'x", nonce="forged', "client id may contain only printable ASCII"),
        ("--base-url", "http://user:hunter2@127.0.0.1:9/rest/v1", "user name or password"),
        ("--base-url", "http://127.0.0.1:9/rest/v1?x=1", "must not contain a query"),
    ],
)
def test_inputs_that_would_inject_are_refused_before_anything_is_sent(
    option: str,
    value: str,
    said: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("WALLET_GUI_MAC_KEY", "k" * 32)
    with HostileServer(hostile) as server:
        argv = ["check", "--base-url", server.url, "--client-id", "x", "--wallet", "14471"]
        argv[argv.index(option) + 1] = value
        status = cli.main(argv)
        sent = list(server.requests)
    out, err = capsys.readouterr()
    assert status == 3  # UNKNOWN: the check could not start
    assert said in out.splitlines()[0]
    assert len(out.splitlines()) == 1
    assert "hunter2" not in out + err
    assert sent == []


def test_plain_http_is_warned_about_only_when_it_leaves_this_computer(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # No request may leave this machine in a test, so the remote case is checked at the
    # gate the warning uses, and the loopback case end to end.
    assert is_cleartext_remote("http://wallet.example.com/rest/v1")
    assert not is_cleartext_remote("https://wallet.example.com/rest/v1")
    with HostileServer(hostile) as server:
        cli.main(["check", "--base-url", server.url])
    assert CLEARTEXT_WARNING not in capsys.readouterr().err
