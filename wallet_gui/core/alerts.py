"""The alert engine: turns what the monitor saw into "this started" and "this ended" events.

It is a plain object with an injected time source and no thread or timer: the app feeds it
the same immutable values the window gets (``RoundResult``, ``ClockState``, ``ErrorReport``,
statements) and calls ``tick()`` now and then, because "the API has been failing for five
minutes" becomes true while nothing arrives. Each rule fires once when it starts to hold and
once when it clears; a rule's events are notified at most once per ``min_gap_s`` (ten
minutes), and the ones beyond that still come back, with ``notify=False``, for the events
list. Titles and messages are English unless the app passes ``translate`` (the window's
``QCoreApplication.translate``): each is built from one whole template per case.

Example, as the app wires it::

    engine = AlertEngine(store.load_alert_rules("main"))
    for event in engine.observe_round(result):      # also observe_clock/_report/_statements
        events_panel.add(event)
        if event.notify:
            notifier.notify(event.title, event.message, critical=event.severity == "critical")
    tray.set_state(engine.worst())                  # "ok" | "warning" | "critical"
    # and from a timer, every few seconds:  engine.tick(time.time())
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from wallet_gui.api.models import CurrencyBalance, Statement
from wallet_gui.core.alert_rules import AlertRules, LowBalanceRule
from wallet_gui.core.reports import ErrorReport
from wallet_gui.core.state import ClockState, RoundResult, WalletBalances
from wallet_gui.core.translatable import Translate, english

CLOCK_OFFSET = "clock_offset"
API_FAILING = "api_failing"
INCOMING = "incoming"
#: At most one notification per rule in this many seconds (the issue's ten minutes).
MIN_NOTIFY_GAP_S = 600.0
#: How many statement ids per wallet are remembered to tell new ones from seen ones.
_SEEN_LIMIT = 5000
_ORDER = {"ok": 0, "warning": 1, "critical": 2}


@dataclass(frozen=True, slots=True)
class AlertEvent:
    """A rule started to hold (``fired``) or stopped holding (not ``fired``).

    ``rule`` is a stable key (``"low_balance:14471:EUR"``, ``"clock_offset"``,
    ``"api_failing"``, ``"incoming:14471"``); ``notify`` is False when the rule already
    notified within the rate limit's gap: show it in the list, do not pop it up.
    """

    rule: str
    fired: bool
    at: float
    severity: str  # "warning" | "critical"
    title: str
    message: str
    notify: bool = True


def _is_outage(report: ErrorReport) -> bool:
    """Failures that say the API is down, not that a request or its credentials were wrong."""
    return report.kind == "transport" or (
        report.kind == "api" and report.status is not None and report.status >= 500
    )


def _available(balance: CurrencyBalance) -> Decimal | None:
    return balance.at_disposal if balance.at_disposal is not None else balance.total


def _minutes(value: float, translate: Translate) -> str:
    if value == 1:
        return translate("Alerts", "1 minute")
    return translate("Alerts", "{0} minutes").format(f"{value:g}")


class AlertEngine:
    """Alert state of one profile; see the module docstring for how it is fed."""

    def __init__(
        self,
        rules: AlertRules,
        *,
        clock: Callable[[], float] = time.time,
        min_gap_s: float = MIN_NOTIFY_GAP_S,
        translate: Translate = english,
    ) -> None:
        self._rules = rules
        self._translate = translate
        self._clock = clock
        self._min_gap_s = min_gap_s
        self._active: dict[str, AlertEvent] = {}
        self._last_notified: dict[str, float] = {}
        self._failing_since: float | None = None
        self._seen: dict[str, dict[int, None]] = {}  # wallet id -> statement ids, oldest first

    @property
    def rules(self) -> AlertRules:
        return self._rules

    def set_rules(self, rules: AlertRules) -> list[AlertEvent]:
        """Use edited rules from now on; alerts of rules that are gone end (not notified).

        Alerts of rules that stay keep their state: a changed threshold takes effect with
        the next observation.
        """
        self._rules = rules
        kept = {rule.key for rule in rules.low_balances}
        kept |= {CLOCK_OFFSET} if rules.clock_offset_s is not None else set()
        kept |= {API_FAILING} if rules.api_failing_min is not None else set()
        now = self._clock()
        ended = []
        for key in [key for key in self._active if key not in kept]:
            fired = self._active.pop(key)
            translate = self._translate  # by this name, for lupdate
            title = translate("Alerts", "Alert rule removed: {0}").format(fired.title)
            message = translate("Alerts", "The rule was changed in the profile.")
            ended.append(AlertEvent(key, False, now, fired.severity, title, message, False))
        return ended

    # -- results ---------------------------------------------------------------------------

    def worst(self) -> str:
        """``"ok"``, ``"warning"`` or ``"critical"``: the worst active alert (the tray's colour)."""
        severities = [event.severity for event in self._active.values()]
        return max(severities, key=lambda severity: _ORDER[severity], default="ok")

    def active(self) -> list[AlertEvent]:
        """The events that fired and have not cleared yet, oldest first."""
        return sorted(self._active.values(), key=lambda event: event.at)

    # -- inputs ----------------------------------------------------------------------------

    def observe_round(self, result: RoundResult) -> list[AlertEvent]:
        """A balance round: low balances, and whether the API answered at all."""
        now = self._clock()
        events: list[AlertEvent] = []
        for rule in self._rules.low_balances:
            events += self._low_balance(rule, result.wallets, now)
        if any(wallet.balances is not None for wallet in result.wallets):
            events += self._api_answered(now)
        else:
            failures = [w.error for w in result.wallets if w.error is not None]
            if failures:
                events += self._api_failed(failures, now)
        return events + self._check_failing(now)

    def observe_report(self, report: ErrorReport) -> list[AlertEvent]:
        """A failed request of any kind: an outage keeps the "API failing" streak going."""
        now = self._clock()
        return self._api_failed([report], now) + self._check_failing(now)

    def observe_success(self) -> list[AlertEvent]:
        """A request other than a balance round succeeded (configuration, clock probe)."""
        now = self._clock()
        return self._api_answered(now)

    def observe_clock(self, state: ClockState) -> list[AlertEvent]:
        """A clock estimate: is |offset| above the rule's threshold?"""
        limit = self._rules.clock_offset_s
        if limit is None or state.offset is None:
            return []
        now = self._clock()
        offset = state.offset
        translate = self._translate
        if abs(offset) > limit:
            if offset > 0:
                text = translate(
                    "Alerts",
                    "This computer's clock is {0} s behind the server's (limit {1} s); "
                    "signed requests may be refused.",
                )
            else:
                text = translate(
                    "Alerts",
                    "This computer's clock is {0} s ahead of the server's (limit {1} s); "
                    "signed requests may be refused.",
                )
            return self._change(
                CLOCK_OFFSET, True, now, "warning",
                translate("Alerts", "Clock offset too large"),
                text.format(f"{abs(offset):.3f}", f"{limit:g}"),
            )  # fmt: skip
        return self._change(
            CLOCK_OFFSET, False, now, "warning",
            translate("Alerts", "Clock offset back within limit"),
            translate("Alerts", "The clock offset is {0} s, within the limit of {1} s.").format(
                f"{offset:+.3f}", f"{limit:g}"
            ),
        )  # fmt: skip

    def observe_statements(
        self, wallet_id: str, statements: Iterable[Statement]
    ) -> list[AlertEvent]:
        """New incoming transactions of a wallet (rule ``incoming``, off by default).

        The first call for a wallet only learns what is already there, so starting the app
        does not announce the whole history; later calls announce each incoming statement
        not seen before, one event each (all but the first within ten minutes silent).
        """
        seen = self._seen.get(wallet_id)
        first_look = seen is None
        seen = self._seen.setdefault(wallet_id, {})
        fresh = [s for s in statements if s.id not in seen]
        for statement in sorted(fresh, key=lambda s: (s.date, s.id)):
            seen[statement.id] = None
        while len(seen) > _SEEN_LIMIT:
            del seen[next(iter(seen))]
        if first_look or not self._rules.incoming:
            return []
        now = self._clock()
        events = []
        for statement in sorted(fresh, key=lambda s: (s.date, s.id)):
            if statement.direction != "in":
                continue
            party = statement.other_party.name if statement.other_party else None
            translate = self._translate
            source = translate("Alerts", " from {0}").format(party) if party else ""
            details = f": {statement.details}" if statement.details else ""
            amount = f"{statement.amount} {statement.currency}"
            title = translate("Alerts", "Incoming payment: {0}").format(amount)
            received = translate("Alerts", "Wallet {0} received {1}")
            message = received.format(wallet_id, amount) + source + details
            events.append(
                self._event(f"{INCOMING}:{wallet_id}", True, now, "warning", title, message)
            )
        return events

    def tick(self, now: float | None = None) -> list[AlertEvent]:
        """Let time pass: fires "API failing" once the failures have lasted long enough."""
        return self._check_failing(self._clock() if now is None else now)

    # -- the rules -------------------------------------------------------------------------

    def _low_balance(
        self, rule: LowBalanceRule, wallets: tuple[WalletBalances, ...], now: float
    ) -> list[AlertEvent]:
        for wallet in wallets:
            if wallet.wallet_id != rule.wallet_id or wallet.balances is None:
                continue
            balance = wallet.balances.get(rule.currency)
            amount = None if balance is None else _available(balance)
            if amount is None:
                return []  # not known this round: neither fired nor cleared
            translate = self._translate
            values = (amount, rule.currency, rule.wallet_id, rule.below)
            if amount < rule.below:
                return self._change(
                    rule.key, True, now, "warning",
                    translate("Alerts", "Low balance: wallet {0} {1}").format(
                        rule.wallet_id, rule.currency
                    ),
                    translate(
                        "Alerts", "{0} {1} at disposal in wallet {2}, below {3} {1}."
                    ).format(*values),
                )  # fmt: skip
            return self._change(
                rule.key, False, now, "warning",
                translate("Alerts", "Balance back up: wallet {0} {1}").format(
                    rule.wallet_id, rule.currency
                ),
                translate(
                    "Alerts", "{0} {1} at disposal in wallet {2}, no longer below {3} {1}."
                ).format(*values),
            )  # fmt: skip
        return []

    def _api_failed(self, reports: list[ErrorReport], now: float) -> list[AlertEvent]:
        if all(_is_outage(report) for report in reports):
            if self._failing_since is None:
                self._failing_since = now
            return []
        # The API answered (a refusal, a format problem): it is not down.
        return self._api_answered(now)

    def _api_answered(self, now: float) -> list[AlertEvent]:
        since, self._failing_since = self._failing_since, None
        if since is None or API_FAILING not in self._active:
            return []
        translate = self._translate
        after = _minutes(round((now - since) / 60, 1), translate)
        return self._change(
            API_FAILING, False, now, "critical",
            translate("Alerts", "Wallet API reachable again"),
            translate("Alerts", "The Wallet API answers again after {0}.").format(after),
        )  # fmt: skip

    def _check_failing(self, now: float) -> list[AlertEvent]:
        limit = self._rules.api_failing_min
        since = self._failing_since
        if limit is None or since is None or now - since < limit * 60:
            return []
        translate = self._translate
        return self._change(
            API_FAILING, True, now, "critical",
            translate("Alerts", "Wallet API failing"),
            translate("Alerts", "Every request to the Wallet API has failed for {0}.").format(
                _minutes(limit, translate)
            ),
        )  # fmt: skip

    # -- firing, clearing and the rate limit -----------------------------------------------

    def _change(
        self, rule: str, holds: bool, now: float, severity: str, title: str, message: str
    ) -> list[AlertEvent]:
        """An event only when the rule's state changes."""
        if holds == (rule in self._active):
            return []
        event = self._event(rule, holds, now, severity, title, message)
        if holds:
            self._active[rule] = event
        else:
            del self._active[rule]
        return [event]

    def _event(
        self, rule: str, fired: bool, now: float, severity: str, title: str, message: str
    ) -> AlertEvent:
        last = self._last_notified.get(rule)
        notify = last is None or now - last >= self._min_gap_s
        if notify:
            self._last_notified[rule] = now
        return AlertEvent(rule, fired, now, severity, title, message, notify)
