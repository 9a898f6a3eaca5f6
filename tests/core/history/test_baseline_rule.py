"""The baseline rule: which two clock anchors allow no step of the wall clock between them,
and the anchors this machine reads."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from wallet_gui.core.history import baseline
from wallet_gui.core.history.baseline import (
    READING_TOLERANCE_S,
    SLEW_LIMIT_PPM,
    ClockAnchor,
    read_anchor,
    same_baseline,
)

WALL = 1795975200.0
#: wall − CLOCK_BOOTTIME of a machine booted about a day before WALL.
D = WALL - 86400.0


def boot(difference: float, boot_id: str = "boot-a") -> ClockAnchor:
    return ClockAnchor(boot_id, difference)


def test_the_same_boot_without_a_step_continues_across_launches() -> None:
    assert same_baseline(boot(D), WALL, boot(D), WALL + 3600, same_launch=False)
    assert same_baseline(boot(D), WALL, boot(D), WALL + 3600, same_launch=True)


@pytest.mark.parametrize("sign", [1, -1])
def test_a_slew_within_the_ntp_limit_continues_and_beyond_it_is_a_step(sign: int) -> None:
    elapsed = 1000.0  # on the steady clock
    limit = SLEW_LIMIT_PPM * 1e-6 * elapsed + READING_TOLERANCE_S  # 0.505 s
    for moved, continues in ((0.3, True), (limit - 1e-4, True), (limit + 1e-4, False)):
        after = D + sign * moved
        # The wall time moved by the steady time plus what the slew or step added.
        at = WALL + elapsed + sign * moved
        assert same_baseline(boot(D), WALL, boot(after), at, same_launch=True) is continues


def test_a_two_second_step_is_a_new_baseline_even_hours_later_in_either_direction() -> None:
    # 2 s would pass as a slew only after 4000 s; hours later it still must not pass at 1 h.
    assert not same_baseline(boot(D), WALL, boot(D - 2), WALL + 60 - 2, same_launch=True)
    assert not same_baseline(boot(D), WALL, boot(D + 2), WALL + 3600 + 2, same_launch=True)
    # The elapsed time is the steady one: a backward step larger than the gap cannot make
    # the pair look close together and so slip under the slew allowance.
    assert not same_baseline(boot(D), WALL, boot(D - 90), WALL + 10 - 90, same_launch=True)


def test_reading_jitter_of_a_few_milliseconds_is_no_step() -> None:
    assert same_baseline(boot(D), WALL, boot(D + 0.004), WALL + 1, same_launch=True)
    assert not same_baseline(boot(D), WALL, boot(D + 0.006), WALL + 1, same_launch=True)


def test_another_boot_is_a_new_baseline_whatever_the_numbers() -> None:
    assert not same_baseline(boot(D), WALL, boot(D, "boot-b"), WALL + 60, same_launch=False)


def test_without_a_boot_clock_every_launch_is_its_own_baseline() -> None:
    unknown = ClockAnchor()
    assert not same_baseline(unknown, WALL, unknown, WALL + 60, same_launch=False)
    assert same_baseline(unknown, WALL, unknown, WALL + 60, same_launch=True)
    # Within a launch the monotonic clock still tells a step from a slew.
    local = ClockAnchor(None, D)
    assert same_baseline(local, WALL, ClockAnchor(None, D), WALL + 60, same_launch=True)
    assert not same_baseline(local, WALL, ClockAnchor(None, D - 2), WALL + 58, same_launch=True)
    assert not same_baseline(local, WALL, local, WALL + 60, same_launch=False)


def test_anchors_of_different_kinds_never_share_a_baseline() -> None:
    local = ClockAnchor(None, D)  # a monotonic difference: not comparable with boottime
    assert not same_baseline(boot(D), WALL, local, WALL + 60, same_launch=True)
    assert not same_baseline(local, WALL, boot(D), WALL + 60, same_launch=True)
    assert not same_baseline(ClockAnchor(), WALL, local, WALL + 60, same_launch=True)
    assert not same_baseline(ClockAnchor("boot-a", None), WALL, boot(D), WALL, same_launch=True)


@pytest.fixture
def fresh_boot_id() -> Iterator[None]:
    baseline._boot_id.cache_clear()
    yield
    baseline._boot_id.cache_clear()


@pytest.mark.usefixtures("fresh_boot_id")
def test_this_machine_reads_its_boot_clock_and_boot_id() -> None:
    anchor = read_anchor()
    boot_id = baseline.BOOT_ID_PATH.read_text(encoding="ascii").strip()
    assert anchor.boot_id == boot_id
    assert anchor.spans_launches
    assert anchor.wall_minus_steady_s is not None
    expected = time.time() - time.clock_gettime(time.CLOCK_BOOTTIME)
    assert anchor.wall_minus_steady_s == pytest.approx(expected, abs=READING_TOLERANCE_S)
    assert same_baseline(anchor, time.time(), read_anchor(), time.time(), same_launch=False)


@pytest.mark.usefixtures("fresh_boot_id")
def test_without_a_readable_boot_id_the_anchor_is_launch_local(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(baseline, "BOOT_ID_PATH", tmp_path / "no-boot-id")
    anchor = read_anchor()
    assert anchor.boot_id is None
    assert not anchor.spans_launches
    assert anchor.wall_minus_steady_s == pytest.approx(
        time.time() - time.monotonic(), abs=READING_TOLERANCE_S
    )
    later = read_anchor()
    assert same_baseline(anchor, time.time(), later, time.time(), same_launch=True)
    assert not same_baseline(anchor, time.time(), later, time.time(), same_launch=False)
