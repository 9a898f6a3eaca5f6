"""Total deadlines for requests: one watchdog thread that cuts a request whose time is up.

Why it exists: a socket timeout bounds each read, not a request. A server that sends one
byte a second, trickles its headers or stalls a TLS handshake a byte at a time never lets
a read time out, and would hold a request forever. The watchdog keeps every watched
request's deadline in a heap; when one passes, it calls that request's ``on_expiry`` (the
client shuts the request's socket down, which wakes the thread blocked on it).

The expiry call runs on the watchdog thread while it holds the watchdog's lock, and
``Watch.cancel()`` takes the same lock: once ``cancel()`` has returned, the expiry call of
that watch has either finished or will never run. So a request that ended in time can
never have a later request of the same thread cut in its name. ``on_expiry`` must
therefore be quick and must not wait for anything the requesting thread holds.

The thread starts with the first watch and ends when nothing is left to watch, so a client
that is never closed leaves no thread behind for long; ``close()`` ends it at once and joins
it. Pure Python, no Qt; it knows nothing about sockets or HTTP.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import threading
import time
from collections.abc import Callable

log = logging.getLogger(__name__)

#: How long the thread waits for new work once nothing is left to watch, before it ends.
_IDLE_LINGER_S = 0.2


class Watch:
    """One request's deadline: ask it whether it expired; cancel it when the request ends."""

    __slots__ = ("_expired", "_watchdog", "at", "on_expiry", "seconds")

    def __init__(
        self, watchdog: Watchdog, seconds: float, at: float, on_expiry: Callable[[], None]
    ) -> None:
        self._watchdog = watchdog
        self.seconds = seconds
        self.at = at
        self.on_expiry = on_expiry
        self._expired = False

    @property
    def expired(self) -> bool:
        """True once the deadline passed and ``on_expiry`` ran (or failed)."""
        return self._expired

    def remaining(self) -> float:
        """Seconds left until the deadline; zero or less once it passed."""
        return self.at - self._watchdog.clock()

    def cancel(self) -> None:
        """Stop watching; after this returns, ``on_expiry`` is not running and never will."""
        self._watchdog._cancel(self)

    def __enter__(self) -> Watch:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.cancel()


class Watchdog:
    """Calls each watch's ``on_expiry`` when its deadline passes, from one thread.

    Args:
        clock: the monotonic time source deadlines are measured on.
        name: the watchdog thread's name.
    """

    def __init__(
        self, *, clock: Callable[[], float] = time.monotonic, name: str = "wallet-deadline"
    ) -> None:
        self.clock = clock
        self._name = name
        self._condition = threading.Condition()
        self._heap: list[tuple[float, int, Watch]] = []
        self._order = itertools.count()  # ties on ``at`` never compare two Watch objects
        self._thread: threading.Thread | None = None
        #: Bumped by ``close()``: a thread of an older generation ends at its next wake-up.
        self._generation = 0

    def watch(self, seconds: float, on_expiry: Callable[[], None]) -> Watch:
        """Call ``on_expiry`` ``seconds`` from now unless the returned watch is cancelled first."""
        entry = Watch(self, seconds, self.clock() + seconds, on_expiry)
        with self._condition:
            heapq.heappush(self._heap, (entry.at, next(self._order), entry))
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, args=(self._generation,), name=self._name, daemon=True
                )
                self._thread.start()
            self._condition.notify_all()
        return entry

    def close(self) -> None:
        """End the thread now and join it; watches still pending are dropped, never expire.

        The watchdog stays usable: a later ``watch()`` starts a new thread.
        """
        with self._condition:
            thread, self._thread = self._thread, None
            self._generation += 1
            self._heap.clear()
            self._condition.notify_all()
        if thread is not None and thread is not threading.current_thread():
            thread.join()

    @property
    def running(self) -> bool:
        with self._condition:
            return self._thread is not None

    def __len__(self) -> int:
        with self._condition:
            return len(self._heap)

    def _cancel(self, entry: Watch) -> None:
        with self._condition:
            for index, (_, _, other) in enumerate(self._heap):
                if other is entry:
                    last = self._heap.pop()
                    if index < len(self._heap):
                        self._heap[index] = last
                        heapq.heapify(self._heap)
                    break
            self._condition.notify_all()  # with nothing left to watch, the thread may end

    def _run(self, generation: int) -> None:
        with self._condition:
            try:
                while self._generation == generation:
                    if not self._heap:
                        # Linger a moment for the next request, then end: nothing to watch.
                        self._condition.wait(_IDLE_LINGER_S)
                        if not self._heap:
                            return
                        continue
                    at, _, entry = self._heap[0]
                    left = at - self.clock()
                    if left > 0:
                        self._condition.wait(left)
                        continue
                    heapq.heappop(self._heap)
                    entry._expired = True
                    try:
                        entry.on_expiry()
                    except Exception:  # a failing callback must not end the watchdog
                        log.exception("a deadline's expiry call failed")
            finally:
                if self._generation == generation:
                    self._thread = None
