"""One exchange with the server's time endpoint, as measured on the local side.

Why the probe carries monotonic times: the estimator works in the domain of
``φ = server − monotonic`` because the monotonic clock never steps, so a user or NTP
changing the wall clock cannot corrupt old measurements. ``wall_offset`` records how the
wall clock related to the monotonic clock when the probe was sent, which is all that is
needed to translate ``φ`` into the user-facing ``θ = server − wall``.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Probe"]


@dataclass(frozen=True, slots=True)
class Probe:
    """A single request/response pair with ``GET /rest/v1/server``.

    The server is taken to *floor* its clock (PHP ``time()``) at some instant while it
    handles the request, so whatever the path asymmetry the probe proves
    ``server_time − received ≤ φ < server_time + 1 − sent`` (see :attr:`phi_interval`).
    """

    sent: float
    """Monotonic seconds, read just before the request bytes were written."""
    received: float
    """Monotonic seconds, read when the first response byte arrived."""
    server_time: int
    """``N``: the integer UNIX seconds the server returned."""
    wall_offset: float
    """``time.time() − time.monotonic()`` read at :attr:`sent`."""
    cached: bool = False
    """The response carried an ``Age`` header, i.e. a cache answered: never trusted."""

    @property
    def rtt(self) -> float:
        """Round-trip time in seconds (first byte, so body transfer does not count)."""
        return self.received - self.sent

    @property
    def phi_interval(self) -> tuple[float, float]:
        """The hard bounds ``(N − received, N + 1 − sent)`` on ``φ = server − monotonic``.

        Valid for a correct, flooring server whose clock does not drift noticeably
        during the round trip; the estimator handles drift exactly on its own.
        """
        return (self.server_time - self.received, self.server_time + 1 - self.sent)
