"""The probe record and the virtual-time simulator the other tests rely on."""

from __future__ import annotations

import dataclasses
import math

import pytest

from tests.clock.simulator import Path, Server, Simulation
from wallet_gui.clock import Probe


def test_probe_rtt_and_interval() -> None:
    probe = Probe(sent=10.0, received=10.25, server_time=1000, wall_offset=5.0)
    assert probe.rtt == pytest.approx(0.25)
    assert probe.phi_interval == (1000 - 10.25, 1001 - 10.0)
    assert probe.cached is False
    with pytest.raises(dataclasses.FrozenInstanceError):
        probe.sent = 1.0  # type: ignore[misc]


def test_simulated_server_floors_its_clock_at_the_read_instant() -> None:
    sim = Simulation(Server(offset=12.75), Path(0.03, 0.07), seed=1, start=100.0, wall_offset=1e9)
    probe = sim.transport()
    reading = 100.0 + 0.03 + (1e9 + 12.75)
    assert probe.server_time == math.floor(reading)
    assert probe.sent == 100.0
    assert probe.received == pytest.approx(100.1)
    assert probe.wall_offset == 1e9
    low, high = probe.phi_interval
    assert low <= sim.true_phi(100.03) < high


def test_simulation_is_reproducible_from_its_seed() -> None:
    path = Path.symmetric(0.1, 0.02, spike_probability=0.3, spike_max=1.0)
    one, two = Simulation(path=path, seed=42), Simulation(path=path, seed=42)
    other = Simulation(path=path, seed=43)
    first = [one.transport() for _ in range(20)]
    assert first == [two.transport() for _ in range(20)]
    assert first != [other.transport() for _ in range(20)]


def test_truth_follows_rate_steps_and_backends() -> None:
    server = Server(offset=1.0, rate_ppm=100.0, steps=((50.0, 2.0),), backends=(0.0, 0.3))
    sim = Simulation(server, seed=0, start=0.0, wall_offset=0.0)
    assert sim.true_phi(0.0) == pytest.approx(1.0)
    assert sim.true_phi(10.0) == pytest.approx(1.001)
    assert sim.true_phi(60.0) == pytest.approx(3.006)
    assert sim.true_phi(60.0, backend=1) == pytest.approx(3.306)


def test_wall_step_moves_wall_time_only() -> None:
    sim = Simulation(seed=0, start=5.0, wall_offset=100.0)
    sim.clock.step_wall(-3.5)
    assert sim.clock.monotonic() == 5.0
    assert sim.clock.wall() == pytest.approx(101.5)
    sim.clock.sleep_until(4.0)  # in the past: no effect
    assert sim.clock.monotonic() == 5.0


def test_cached_and_stale_answers_are_marked_in_the_log() -> None:
    server = Server(cached_probability=0.5, stale_probability=0.5, stale_age=(2.0, 3.0))
    sim = Simulation(server, seed=3)
    probes = [sim.transport() for _ in range(60)]
    kinds = {sim.record_of(p).kind for p in probes}
    assert kinds == {"fresh", "cached", "stale"}
    for probe in probes:
        record = sim.record_of(probe)
        assert probe.cached == (record.kind == "cached")
        read = probe.sent + record.forward
        fresh = math.floor(read + sim.true_phi(read))
        if record.kind == "stale":
            assert probe.server_time <= fresh - 2
        elif record.kind == "fresh":
            assert probe.server_time == fresh
