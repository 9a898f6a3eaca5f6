"""Desktop notifications over the REAL session bus that ``.ci/test`` starts (dbus-run-session).

A notification service of the tests' own (``tests/notification_service.py``) owns
``org.freedesktop.Notifications`` on that bus and records each ``Notify`` call as it arrived:
the assertions are about what went over the bus, not about what a mock was handed. Each
test stops the service, and checks with the bus that the name is released.
Run: ``bash .ci/test tests/app/test_notifications.py -q``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from tests.notification_service import NOTIFY_SIGNATURE, NotificationService, name_has_owner
from wallet_gui.core.app_identity import APP_ID
from wallet_gui.qt.notifier import DesktopNotifier

pytestmark = pytest.mark.skipif(
    not os.environ.get("DBUS_SESSION_BUS_ADDRESS") and not os.environ.get("CI"),
    reason="needs a D-Bus session bus: run through bash .ci/test",
)


@pytest.fixture
def service() -> Iterator[NotificationService]:
    with NotificationService() as running:
        assert name_has_owner()
        yield running
    assert not name_has_owner(), "the notification service's name was not released"


class Fallback:
    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []

    def __call__(self, title: str, body: str) -> None:
        self.shown.append((title, body))


@pytest.fixture
def fallback() -> Fallback:
    return Fallback()


@pytest.fixture
def notifier(qtbot: QtBot, fallback: Fallback) -> Iterator[DesktopNotifier]:
    sender = DesktopNotifier(fallback, app_name="wallet-gui")
    yield sender
    sender.close()


def test_notify_goes_over_the_bus_with_the_freedesktop_signature(
    qtbot: QtBot, service: NotificationService, notifier: DesktopNotifier, fallback: Fallback
) -> None:
    with qtbot.waitSignal(notifier.sent, timeout=5000) as sent:
        assert notifier.notify("Low balance: wallet 14471 EUR", "12.50 EUR at disposal")
    [call] = service.wait_for_calls(1)
    assert call.signature == NOTIFY_SIGNATURE == "susssasa{sv}i"
    assert (call.app_name, call.replaces_id, call.summary, call.body, call.timeout) == (
        "wallet-gui", 0, "Low balance: wallet 14471 EUR", "12.50 EUR at disposal", -1,
    )  # fmt: skip
    assert call.actions == ()
    assert call.hints == {"urgency": ("y", 1), "desktop-entry": ("s", APP_ID)}
    assert call.icon == APP_ID
    assert sent.args == [call.returned_id]
    assert fallback.shown == []


def test_body_markup_is_escaped_and_the_summary_is_one_line(
    qtbot: QtBot, service: NotificationService, notifier: DesktopNotifier
) -> None:
    with qtbot.waitSignal(notifier.sent, timeout=5000):
        notifier.notify("Incoming\npayment", "From <b>Ada & Co</b>", critical=True)
    with qtbot.waitSignal(notifier.sent, timeout=5000) as second:
        notifier.notify("Second", "two")
    first_call, second_call = service.wait_for_calls(2)
    assert first_call.summary == "Incoming payment"
    assert first_call.body == "From &lt;b&gt;Ada &amp; Co&lt;/b&gt;"
    assert first_call.hints["urgency"] == ("y", 2)
    assert second.args == [second_call.returned_id] != [first_call.returned_id]


def test_without_the_service_the_fallback_shows_it(
    qtbot: QtBot, notifier: DesktopNotifier, fallback: Fallback
) -> None:
    assert not name_has_owner()  # the same bus, but nobody owns the name
    with qtbot.waitSignal(notifier.fellBack, timeout=5000) as fell_back:
        notifier.notify("Clock offset too large", "1.500 s ahead")
    assert "ServiceUnknown" in fell_back.args[0]
    assert fallback.shown == [("Clock offset too large", "1.500 s ahead")]


def test_without_a_session_bus_the_fallback_is_used_at_once(
    qtbot: QtBot, fallback: Fallback, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/wallet-gui-bus")
    sender = DesktopNotifier(fallback)
    try:
        with qtbot.waitSignal(sender.fellBack, timeout=1000) as fell_back:
            assert not sender.notify("Wallet API failing", "for 5 minutes")
        assert "no session bus" in fell_back.args[0]
        assert fallback.shown == [("Wallet API failing", "for 5 minutes")]
    finally:
        sender.close()


def test_a_failing_fallback_is_logged_not_raised(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/wallet-gui-bus")

    def broken(title: str, body: str) -> None:
        raise RuntimeError("no tray")

    sender = DesktopNotifier(broken)
    try:
        assert not sender.notify("t", "b")
    finally:
        sender.close()
    assert any("fallback failed: RuntimeError" in r.getMessage() for r in caplog.records)


def test_an_error_from_the_service_uses_the_fallback(
    qtbot: QtBot, notifier: DesktopNotifier, fallback: Fallback
) -> None:
    with NotificationService(answer="error") as refusing:
        with qtbot.waitSignal(notifier.fellBack, timeout=5000) as fell_back:
            assert notifier.notify("Low balance", "below 100.00 EUR")
        assert len(refusing.wait_for_calls(1)) == 1  # it did reach the service
    assert "org.freedesktop.DBus.Error.Failed" in fell_back.args[0]
    assert fallback.shown == [("Low balance", "below 100.00 EUR")]
    assert not name_has_owner()


def test_a_service_that_never_answers_times_out_into_the_fallback(
    qtbot: QtBot, fallback: Fallback
) -> None:
    sender = DesktopNotifier(fallback, reply_timeout_ms=200)
    try:
        with NotificationService(answer="nothing") as hung:
            with qtbot.waitSignal(sender.fellBack, timeout=5000) as fell_back:
                assert sender.notify("Wallet API failing", "for 5 minutes")
            assert len(hung.wait_for_calls(1)) == 1
        assert "did not answer in time" in fell_back.args[0]
        assert fallback.shown == [("Wallet API failing", "for 5 minutes")]
    finally:
        sender.close()
    assert not name_has_owner()
