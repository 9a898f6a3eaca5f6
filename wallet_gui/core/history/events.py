"""Events worth keeping: failures, recoveries, alerts fired and cleared."""

from __future__ import annotations

from dataclasses import dataclass

EVENT_KINDS = ("error", "recovery", "alert_fired", "alert_cleared")


@dataclass(frozen=True, slots=True)
class HistoryEvent:
    """One event of a profile's history.

    ``at`` is wall time (UNIX seconds; stored to the millisecond), ``kind`` one of
    ``EVENT_KINDS``, ``rule`` the alert rule's stable key when an alert caused it, and
    ``message`` one readable line (an error's ``str()``: never a secret).
    """

    at: float
    kind: str
    rule: str | None
    message: str

    def __post_init__(self) -> None:
        if self.kind not in EVENT_KINDS:
            raise ValueError(f"unknown event kind {self.kind!r}; expected one of {EVENT_KINDS}")
