"""The main window's status bar: connection state, problems, a slow request, the stretch, times.

It shows a ``PollStatus`` (state dot and text, last and next poll with a live countdown,
the rate plan's stretch), the number of open problems (a button that brings the error window
back) and a request that is taking long. Its one repeating timer runs only while something
on it changes by itself: a deadline ahead or a request in flight.

The state text says each thing once, whatever message arrives: a message that already names
the state is shown alone ("Rate limited by the API", not "Rate limited by the API: Rate
limited by the API"), a retry time is left to the countdown beside it (which stays right,
where a "next try in 30 s" in the message goes stale), and "1 wallet(s) failed" reads
"Connected, 1 wallet failed" with an amber dot, not a green one. Text too long for the bar
is elided with "…" and shown whole in the tooltip.
"""

from __future__ import annotations

import enum
import math
import re
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QPointF, QSize, Qt, QTimer, Slot
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar, QWidget

from wallet_gui.api.limits import RATE_LIMIT_PER_HOUR, RATE_LIMIT_PER_MINUTE
from wallet_gui.core.state import PollState, PollStatus, RequestInFlight
from wallet_gui.ui.core_texts import report_message, request_context
from wallet_gui.ui.formatting import format_countdown, format_local_time
from wallet_gui.ui.i18n import core_text
from wallet_gui.ui.plain_text import excerpt, plain_tooltip
from wallet_gui.ui.problems_indicator import ProblemsIndicator
from wallet_gui.ui.tones import text_colour


class Tone(enum.Enum):
    """What the state dot says at a glance (the text beside it says it in words)."""

    GOOD = "good"  # connected, every wallet read
    WARNING = "warning"  # connecting, rate limited, or connected with some failures
    BAD = "bad"  # failing
    IDLE = "idle"  # not connected, paused, stopped


_STATE_TONE = {
    PollState.CONNECTED: Tone.GOOD,
    PollState.CONNECTING: Tone.WARNING,
    PollState.RATE_LIMITED: Tone.WARNING,
    PollState.FAILING: Tone.BAD,
    PollState.PAUSED: Tone.IDLE,
    PollState.STOPPED: Tone.IDLE,
}
# A retry time in the message: the countdown beside the text says it, and stays current.
_NEXT_TRY = re.compile(r"\s*[;,.:—-]?\s*next (?:try|poll|attempt) in [^;]*$", re.IGNORECASE)
# The poll policy's message for a round where some wallets failed.
_FAILED_WALLETS = re.compile(r"(\d+) wallet\(s\) failed", re.IGNORECASE)
# Server text of any length can arrive here; the bar shows at most this much of it.
_STATE_CHARS = 300


def _state_word(state: PollState) -> str:
    # Literal calls, so that lupdate finds each text.
    return {
        PollState.CONNECTING: QCoreApplication.translate("StatusLine", "Connecting"),
        PollState.CONNECTED: QCoreApplication.translate("StatusLine", "Connected"),
        PollState.FAILING: QCoreApplication.translate("StatusLine", "Connection failing"),
        PollState.RATE_LIMITED: QCoreApplication.translate("StatusLine", "Rate limited by the API"),
        PollState.PAUSED: QCoreApplication.translate("StatusLine", "Paused"),
        PollState.STOPPED: QCoreApplication.translate("StatusLine", "Stopped"),
    }[state]


class _FailedWallets(QObject):
    """ "Connected, 3 wallets failed": a QObject only for ``tr()``'s plural forms."""

    def text(self, count: int) -> str:
        if count == 1:  # English says "1 wallet"; the plural forms cover every other count
            return self.tr("Connected, 1 wallet failed")
        return self.tr("Connected, %n wallets failed", "", count)


def _lower_first(text: str) -> str:
    """ "Measuring the clock" → "measuring the clock" after a colon; "HTTP 502" stays."""
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    if len(first) > 1 and first[0].isupper() and first[1:].islower():
        return text[0].lower() + text[1:]
    return text


def status_summary(status: PollStatus) -> tuple[str, Tone]:
    """The state text (each thing said once) and the dot's tone for ``status``."""
    word = _state_word(status.state)
    tone = _STATE_TONE[status.state]
    message = _NEXT_TRY.sub("", " ".join(status.message.split())).strip(" ;,")
    failed = _FAILED_WALLETS.fullmatch(message)
    if failed is not None and status.state is PollState.CONNECTED:
        count = int(failed.group(1))
        if count == 0:
            return word, tone
        return _FailedWallets().text(count), Tone.WARNING
    # A failure's message, as its report says it; else the policy's own words.
    if status.report is not None:
        message = " ".join(report_message(status.report).split())
    else:
        message = core_text("PollStatus", message)
    if not message:
        connecting = QCoreApplication.translate("StatusLine", "Connecting…")
        return (connecting if status.state is PollState.CONNECTING else word), tone
    if status.state is PollState.CONNECTED:
        tone = Tone.WARNING  # connected, but something worth a message happened
    if status.state is PollState.RATE_LIMITED or message.casefold().startswith(word.casefold()):
        return message, tone  # the message says the state itself
    return f"{word}: {_lower_first(message)}", tone


class _Dot(QWidget):
    """A small filled circle in the tone's colour, for light or dark bars alike."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("connectionStateDot")
        self.tone = Tone.IDLE
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)

    def colour(self) -> QColor:
        # The tone's text colour (ui/tones.py): 4.5:1 on the bar, light or dark; taken at
        # each paint, so a palette change (which repaints) shows at once.
        return text_colour(self.tone.value, self.palette())

    def sizeHint(self) -> QSize:
        side = self.fontMetrics().height()
        return QSize(side, side)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.colour())
        radius = 0.36 * min(self.width(), self.height())
        painter.drawEllipse(QPointF(self.width() / 2, self.height() / 2), radius, radius)


class _ElidedLabel(QLabel):
    """A one-line plain-text label that shrinks with the bar and ends in "…" when cut;
    ``text()`` is always the whole text, and the tooltip shows it whole."""

    def __init__(self, object_name: str) -> None:
        super().__init__()
        self.setObjectName(object_name)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        self.setText(text)
        self.setToolTip(plain_tooltip(text))
        self.setAccessibleName(text)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = self.contentsRect()
        elide = Qt.TextElideMode.ElideRight
        shown = self.fontMetrics().elidedText(self.text(), elide, rect.width())
        self.style().drawItemText(
            painter,
            rect,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            self.palette(),
            self.isEnabled(),
            shown,
            self.foregroundRole(),
        )


def _plain_label(object_name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(object_name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class StatusLine(QObject):
    """Fills ``bar`` and keeps it current.

    Args:
        bar: the window's status bar (the labels become its children).
        wall_clock: the time source for countdowns; tests pass a fixed one.
    """

    #: How often the countdown is redrawn while a poll, a retry or a request is pending.
    COUNTDOWN_MS = 1000
    #: A request still unanswered after this long is shown as waiting.
    SLOW_REQUEST_S = 2.0

    def __init__(self, bar: QStatusBar, *, wall_clock: Callable[[], float] = time.time) -> None:
        super().__init__(bar)
        self._wall_clock = wall_clock
        self._status: PollStatus | None = None
        self._retry_deadline: float | None = None
        self._in_flight: RequestInFlight | None = None
        self._stopped = False

        bar.setObjectName("statusBar")
        self._dot = _Dot()
        self._state = _ElidedLabel("connectionStateLabel")
        #: Shows how many problems are open; the app's error presenter drives it.
        self.problems_indicator = ProblemsIndicator()
        self._slow = _plain_label("slowRequestLabel")
        self._slow.setContentsMargins(0, 0, 12, 0)
        self._slow.hide()
        self._interval = _plain_label("intervalLabel")
        self._interval.setToolTip(
            self.tr(
                "The Wallet API allows {minute} signed requests per minute and {hour} per hour. "
                "With this many wallets, polling at the requested interval would exceed that, "
                "so the app polls less often."
            ).format(minute=RATE_LIMIT_PER_MINUTE, hour=RATE_LIMIT_PER_HOUR)
        )
        self._interval.setContentsMargins(0, 0, 12, 0)  # keep it apart from the times
        self._interval.hide()
        self._times = _plain_label("pollTimesLabel")
        bar.addWidget(self._dot)
        bar.addWidget(self._state, 1)
        bar.addPermanentWidget(self.problems_indicator)
        bar.addPermanentWidget(self._slow)
        bar.addPermanentWidget(self._interval)
        bar.addPermanentWidget(self._times)
        self._set_state_text(self.tr("Not connected"), Tone.IDLE)

        self.countdown = QTimer(self)
        self.countdown.setObjectName("statusCountdownTimer")
        self.countdown.setInterval(self.COUNTDOWN_MS)
        self.countdown.timeout.connect(self._tick)
        self._slow_timer = QTimer(self)
        self._slow_timer.setObjectName("slowRequestTimer")
        self._slow_timer.setSingleShot(True)
        self._slow_timer.timeout.connect(self._tick)

    @property
    def tone(self) -> Tone:
        """The state dot's tone (its colour follows the palette)."""
        return self._dot.tone

    # -- what the window hands over ------------------------------------------------------

    def show_status(self, status: PollStatus) -> None:
        """Show ``status`` (a failure it states is said in the window's language)."""
        self._status = status
        if status.retry_at is not None:
            self._retry_deadline = status.retry_at
        elif status.backoff is not None:
            self._retry_deadline = self._wall_clock() + status.backoff
        else:
            self._retry_deadline = None
        text, tone = status_summary(status)
        self._set_state_text(excerpt(text, _STATE_CHARS), tone)
        if status.stretched:
            self._interval.setText(
                self.tr(
                    "Poll interval stretched to {0} s to stay within the API's rate limits"
                ).format(f"{status.interval:g}")
            )
        self._interval.setVisible(status.stretched)
        self._tick()

    def show_request(self, request: RequestInFlight | None) -> None:
        """A request started (shown if it is still unanswered after ``SLOW_REQUEST_S``)."""
        self._in_flight = request
        if request is not None and not self._stopped:
            self._slow_timer.start(round(1000 * self.SLOW_REQUEST_S))
        self._tick()

    @Slot(int)
    def show_problems(self, open_count: int) -> None:
        """How many problems are open (the indicator hides at zero)."""
        self.problems_indicator.set_count(open_count)

    def stop(self) -> None:
        """Stop every timer for good (the window is closing)."""
        self._stopped = True
        self.countdown.stop()
        self._slow_timer.stop()

    # -- drawing -------------------------------------------------------------------------

    def _set_state_text(self, text: str, tone: Tone) -> None:
        self._state.set_full_text(text)
        self._dot.tone = tone
        self._dot.setToolTip(plain_tooltip(text))
        self._dot.setAccessibleName(self.tr("Connection state: {0}").format(text))
        self._dot.update()

    @Slot()
    def _tick(self) -> None:
        """Redraw what changes by itself; keep the timer only while something does."""
        now = self._wall_clock()
        waiting = self._draw_slow_request(now)
        deadline = self._draw_times(now)
        ahead = deadline is not None and deadline > now
        if (waiting or ahead) and not self._stopped:
            if not self.countdown.isActive():
                self.countdown.start()
        else:
            self.countdown.stop()

    def _draw_slow_request(self, now: float) -> bool:
        request = self._in_flight
        if request is None or now - request.since < self.SLOW_REQUEST_S:
            self._slow.hide()
            if request is not None and not self._stopped:
                # Look again when it would be slow (a timer may fire a little early).
                left = min(self.SLOW_REQUEST_S, self.SLOW_REQUEST_S - (now - request.since))
                self._slow_timer.start(max(1, math.ceil(1000 * left)))
            return False
        self._slow.setText(
            self.tr("Waiting for the server: {0} ({1:.0f} s)").format(
                request_context(request.what), now - request.since
            )
        )
        self._slow.show()
        return True

    def _draw_times(self, now: float) -> float | None:
        """The last and next poll; returns the deadline counted down to, if any."""
        status = self._status
        if status is None:
            self._times.setText("")
            return None
        parts = [self.tr("Last poll {0}").format(format_local_time(status.last_poll))]
        deadline: float | None = None
        if self._retry_deadline is not None:
            deadline = self._retry_deadline
            parts.append(
                self.tr("next try at {0}, {1}").format(
                    format_local_time(deadline), format_countdown(deadline - now)
                )
            )
        elif status.next_poll is not None:
            deadline = status.next_poll
            parts.append(
                self.tr("next poll {0}, {1}").format(
                    format_local_time(deadline), format_countdown(deadline - now)
                )
            )
        self._times.setText(" · ".join(parts))
        return deadline


__all__ = ["StatusLine", "Tone", "status_summary"]
