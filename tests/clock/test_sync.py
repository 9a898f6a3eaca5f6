"""The acquisition driver, the corrected clock and the real-time source."""

from __future__ import annotations

import itertools
import threading
import time

import pytest

from tests.clock.simulator import Path, Server, Simulation
from wallet_gui.clock import (
    SYSTEM_TIME,
    CorrectedClock,
    OffsetEstimator,
    Probe,
    Verdict,
    acquire,
)


def _counting(sim: Simulation):
    calls: list[Probe] = []

    def transport() -> Probe:
        probe = sim.transport()
        calls.append(probe)
        return probe

    return transport, calls


def test_acquire_runs_a_targeted_burst_and_returns_the_estimate() -> None:
    sim = Simulation(Server(offset=-47.3), Path.symmetric(0.1, 0.01), seed=1)
    estimator = OffsetEstimator()
    transport, calls = _counting(sim)
    estimate = acquire(estimator, transport, time_source=sim.clock)
    assert estimate is not None
    assert estimate == estimator.estimate()
    assert 4 <= len(calls) <= 8
    assert estimator.acquired
    assert sim.covered(estimate)
    assert abs(sim.error(estimate)) < 0.05
    # Every probe after the first was sent at a time the estimator chose (not at once).
    sends = [p.sent for p in calls]
    assert all(b - a > 0.05 for a, b in itertools.pairwise(sends))


def test_acquire_request_count_over_many_worlds() -> None:
    counts = []
    for seed in range(100):
        sim = Simulation(Server(offset=seed * 3.1), Path.symmetric(0.05 + seed * 0.002), seed=seed)
        transport, calls = _counting(sim)
        estimator = OffsetEstimator()
        acquire(estimator, transport, probes=12, time_source=sim.clock)
        counts.append(len(calls))
        assert estimator.acquired
    assert max(counts) <= 12
    assert sum(counts) / len(counts) <= 8.5


def test_acquire_stops_at_its_deadline() -> None:
    # A server that takes three seconds per answer: only a few fit in 12 s.
    sim = Simulation(Server(offset=5.0), Path(1.5, 1.5), seed=2)
    transport, calls = _counting(sim)
    start = sim.clock.now
    acquire(OffsetEstimator(), transport, probes=20, time_source=sim.clock, deadline_s=12.0)
    assert 2 <= len(calls) <= 5
    assert all(p.sent <= start + 12.0 for p in calls)
    assert sim.clock.now <= start + 12.0 + 3.0 + 1e-9  # at most the last answer's wait


def test_acquire_lets_transport_errors_through() -> None:
    sim = Simulation(seed=3)

    def broken() -> Probe:
        raise ConnectionError("offline")

    with pytest.raises(ConnectionError):
        acquire(OffsetEstimator(), broken, time_source=sim.clock)


def test_corrected_clock_falls_back_to_wall_time_until_usable() -> None:
    sim = Simulation(Server(offset=-300.25), Path.symmetric(0.08, 0.005), seed=4)
    clock = CorrectedClock(time_source=sim.clock)
    assert clock() == sim.clock.wall()
    assert clock.estimate() is None
    assert clock.add(sim.transport()) is Verdict.ACCEPTED
    assert clock() == sim.clock.wall()  # one probe is not enough to trust
    sim.clock.sleep_until(clock.next_send_time(sim.clock.now))
    clock.add(sim.transport())
    assert clock.usable_for_signing
    truth = sim.clock.now + sim.true_phi(sim.clock.now)
    assert clock() != sim.clock.wall()
    assert abs(clock() - truth) < 0.6


def test_corrected_clock_returns_wall_plus_offset() -> None:
    sim = Simulation(Server(offset=123.456), Path.symmetric(0.08, 0.005), seed=5)
    clock = CorrectedClock(time_source=sim.clock)
    acquire(clock, sim.transport, time_source=sim.clock)
    sim.clock.advance(17.0)
    estimate = clock.estimate()
    assert estimate is not None
    assert estimate.at == sim.clock.now
    assert clock() == pytest.approx(sim.clock.wall() + estimate.offset, abs=1e-6)
    assert abs(clock() - (sim.clock.now + sim.true_phi(sim.clock.now))) < 0.05
    assert clock.acquired
    assert 20.0 <= clock.maintenance_interval() <= 600.0
    assert len(clock.history()) >= 4
    clock.reset()
    assert clock() == sim.clock.wall()


def test_corrected_clock_estimate_uses_the_current_wall_offset() -> None:
    sim = Simulation(Server(offset=10.0), Path.symmetric(0.08, 0.005), seed=6)
    clock = CorrectedClock(time_source=sim.clock)
    acquire(clock, sim.transport, time_source=sim.clock)
    before = clock.estimate()
    sim.clock.step_wall(60.0)  # someone sets the system clock a minute ahead
    after = clock.estimate()
    assert before is not None
    assert after is not None
    assert after.offset == pytest.approx(before.offset - 60.0, abs=1e-6)
    assert abs(clock() - (sim.clock.now + sim.true_phi(sim.clock.now))) < 0.05


def test_corrected_clock_is_safe_to_call_from_threads() -> None:
    sim = Simulation(Server(offset=2.5), Path.symmetric(0.05, 0.002), seed=7)
    probes = []
    for _ in range(200):
        probes.append(sim.transport())
        sim.clock.advance(0.3)
    clock = CorrectedClock(time_source=sim.clock)
    errors: list[BaseException] = []
    readings: list[float] = []

    def feed() -> None:
        try:
            for probe in probes:
                clock.add(probe)
        except BaseException as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)

    def read() -> None:
        try:
            for _ in range(2000):
                readings.append(clock())
                clock.estimate()
        except BaseException as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)

    threads = [threading.Thread(target=feed), threading.Thread(target=read)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(readings) == 2000
    assert clock.usable_for_signing
    assert len(clock.history()) >= 2


def test_system_time_is_the_real_clock() -> None:
    before = SYSTEM_TIME.monotonic()
    SYSTEM_TIME.sleep_until(before - 10.0)  # in the past: returns at once
    after = SYSTEM_TIME.monotonic()
    assert 0.0 <= after - before < 1.0
    wall_offset = SYSTEM_TIME.wall() - SYSTEM_TIME.monotonic()
    assert abs(wall_offset - (time.time() - time.monotonic())) < 0.5
