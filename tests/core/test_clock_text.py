"""The Connect dialog's clock sentence: a local date-time and the difference, in words."""

from __future__ import annotations

from datetime import UTC, timedelta, timezone

import pytest

from wallet_gui.core.clock_text import (
    describe_difference,
    describe_server_clock,
    format_duration,
    read_clock,
)

#: 2026-11-29 14:02:03 UTC.
T = 1_795_960_923


def test_the_server_second_is_shown_as_a_local_date_time_not_a_unix_number() -> None:
    text = describe_server_clock(T, T + 0.05, T + 0.15, tz=UTC)

    assert text.startswith("server clock 2026-11-29 14:02:03, ")
    assert str(T) not in text


def test_the_date_time_is_in_the_zone_given() -> None:
    two_hours_east = timezone(timedelta(hours=2))

    assert "2026-11-29 16:02:03" in describe_server_clock(T, T, T + 0.1, tz=two_hours_east)


def test_a_server_ahead_says_by_how_much_and_how_sure() -> None:
    # The server read T somewhere in [T, T+1); we sent at T−3.0 and heard back at T−2.8.
    text = describe_server_clock(T, T - 3.0, T - 2.8, tz=UTC)

    assert text == "server clock 2026-11-29 14:02:03, 3.4 s ahead of this computer (±0.6 s)"


def test_a_server_behind_says_behind() -> None:
    text = describe_server_clock(T, T + 10.4, T + 10.6, tz=UTC)

    assert text.endswith("10.0 s behind this computer (±0.6 s)")


def test_no_measurable_difference_is_in_step() -> None:
    reading = read_clock(T, T + 0.4, T + 0.6)

    assert abs(reading.offset) < 0.05
    assert describe_difference(reading) == "in step with this computer (±0.6 s)"


def test_the_reading_is_the_middle_of_both_intervals() -> None:
    reading = read_clock(T, 100.0, 100.4)

    assert reading.offset == pytest.approx(T + 0.5 - 100.2)
    assert reading.uncertainty == pytest.approx(0.7)
    assert read_clock(T, 100.4, 100.0) == reading  # the order of the two times is no matter


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0.44, "0.4 s"),
        (-12.34, "12.3 s"),
        (59.94, "59.9 s"),
        (185, "3 min 5 s"),
        (120, "2 min"),
        (7440, "2 h 4 min"),
        (7200, "2 h"),
        (86_400, "1 day"),
        (3 * 86_400 + 5, "3 days"),
    ],
)
def test_durations_are_short_and_readable(seconds: float, text: str) -> None:
    assert format_duration(seconds) == text


def test_a_server_clock_a_day_off_is_said_in_days() -> None:
    text = describe_server_clock(T, T + 86_400 * 2, T + 86_400 * 2 + 0.1, tz=UTC)

    assert "2 days behind this computer" in text


def test_a_time_the_platform_cannot_show_still_gives_a_sentence() -> None:
    text = describe_server_clock(10**18, 0.0, 0.1, tz=UTC)

    assert text.startswith("server clock at 1000000000000000000 (UNIX time), ")
    assert "ahead of this computer" in text
