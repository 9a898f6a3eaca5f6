"""Clock offset estimation against the Wallet API's integer-second ``/server`` time.

``offset = θ = server time − local wall time`` in seconds (positive: the local clock is
behind). The API is taken to *floor* its clock (PHP ``time()``) while handling the
request; if it rounded instead, every estimate would be 0.5 s too low and nothing on the
client could tell.

Each probe (send ``a``, first reply byte ``b``, integer ``N``) proves
``N − b ≤ φ < N + 1 − a`` for ``φ = server − monotonic`` whatever the path asymmetry.
The estimator intersects those constraints over a sliding window together with the
clock rate, times each next probe so the server reads its clock right at a second tick
(so the interval shrinks to about the minimum round-trip time), flags probes that
contradict the majority, and re-acquires after a step. The reported midpoint's real
error is half the unknown path asymmetry; the half-width is a hard bound.

Two ways to acquire: :func:`acquire` aims one probe per server tick (about a second each);
:func:`run_burst` keeps several probes in flight over keep-alive connections, a sweep
across one second and then a refinement at the next tick, and answers within about two
seconds (:mod:`wallet_gui.clock.burst`, planned by :mod:`wallet_gui.clock.staggered`).

Pure Python and standard library only; no Qt, no network. Time and transport are
injected, so the tests run it in virtual time.
"""

from wallet_gui.clock.burst import BurstSink, Launcher, run_burst
from wallet_gui.clock.estimator import OffsetEstimate, OffsetEstimator, Verdict
from wallet_gui.clock.probe import Probe
from wallet_gui.clock.sync import (
    SYSTEM_TIME,
    CorrectedClock,
    ProbeSink,
    SystemTime,
    TimeSource,
    acquire,
)

__all__ = [
    "SYSTEM_TIME",
    "BurstSink",
    "CorrectedClock",
    "Launcher",
    "OffsetEstimate",
    "OffsetEstimator",
    "Probe",
    "ProbeSink",
    "SystemTime",
    "TimeSource",
    "Verdict",
    "acquire",
    "run_burst",
]
