"""History and alerts for the window: what the poller reports is recorded and judged here.

The composition root's second half (``app`` builds the window, this wires what it saw):

- ``HistoryServices`` lives as long as the app: the history writer (its own thread owns the
  write connection), one read connection for the GUI thread (chart ranges, tables, export;
  WAL lets it read while the writer writes), the desktop notifier and the tray icon.
- ``ConnectionHistory`` lives as long as one connection: it records every round, clock
  estimate, transaction page and failure of that profile, feeds the alert engine, and
  delivers what the engine says (events list, tray colour, a desktop notification).

A history database that cannot be opened or written is a problem to show, not a reason to
stop monitoring: the window runs on without history and says why.
"""

from __future__ import annotations

import logging
import queue
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Slot

from wallet_gui.core.alert_rules import AlertRules
from wallet_gui.core.alerts import AlertEngine, AlertEvent
from wallet_gui.core.balance_changes import BalanceChanges
from wallet_gui.core.history.errors import HistoryError
from wallet_gui.core.history.events import HistoryEvent
from wallet_gui.core.history.location import default_history_path
from wallet_gui.core.history.store import HistoryStore
from wallet_gui.core.history.writer import HistoryWriter
from wallet_gui.core.reports import ErrorReport
from wallet_gui.core.state import ClockState, RoundResult
from wallet_gui.core.statement_feed import StatementsResult
from wallet_gui.qt.notifier import DesktopNotifier
from wallet_gui.qt.poller import Poller
from wallet_gui.ui.core_texts import report_message, request_context
from wallet_gui.ui.main_window import MainWindow
from wallet_gui.ui.tray import TrayIcon

log = logging.getLogger(__name__)

#: How often "the API has been failing for N minutes" is looked at while nothing arrives.
ALERT_TICK_MS = 15_000
#: How often the long-baseline drift is read again from the history.
DRIFT_REFRESH_MS = 60_000
#: How far back the clock chart reaches into earlier sessions.
EARLIER_CLOCK_S = 6 * 3600.0


class HistoryServices:
    """The app-wide half: writer, reader, notifier, tray. ``close()`` ends the writer.

    Args:
        path: the database (default: ``$XDG_DATA_HOME/wallet-gui/history.sqlite3``).
        clock: wall time, for tests.
    """

    def __init__(self, path: Path | None = None, *, clock: Callable[[], float] = time.time):
        self.path = path or default_history_path()
        self.clock = clock
        self.problem: HistoryError | None = None
        self._closed = False
        self._failures: queue.SimpleQueue[HistoryError] = queue.SimpleQueue()
        self.reader: HistoryStore | None = None
        self.writer: HistoryWriter | None = None
        try:
            self.reader = HistoryStore(self.path, clock=clock)
        except HistoryError as error:
            log.warning("history disabled: %s", error)
            self.problem = error
        else:
            self.writer = HistoryWriter(
                lambda: HistoryStore(self.path, clock=clock), on_error=self._failures.put
            )
        self.tray = TrayIcon()
        self.notifier = DesktopNotifier(fallback=self.tray.show_message)

    def take_failures(self) -> list[HistoryError]:
        """Write failures since the last call (the writer thread queues them; the GUI
        thread collects them, so no Qt object is touched from that thread)."""
        failures: list[HistoryError] = []
        while True:
            try:
                failures.append(self._failures.get_nowait())
            except queue.Empty:
                return failures

    def close(self) -> None:
        """Flush and end the writer, close the reader, hide the tray (idempotent)."""
        if self._closed:
            return
        self._closed = True
        if self.writer is not None:
            if not self.writer.close(timeout=5.0):
                log.warning("the history writer did not finish in time")
            self.writer = None
        if self.reader is not None:
            self.reader.close()
            self.reader = None
        self.notifier.close()
        self.tray.dispose()
        # Deleted here, on the GUI thread, not whenever and wherever their wrappers go.
        self.notifier.deleteLater()
        self.tray.deleteLater()


class ConnectionHistory(QObject):
    """Records one connection's results and turns them into alerts.

    Args:
        services: the app-wide writer, reader, notifier and tray.
        profile: the history's profile name ("demo" for the demo).
        rules: the profile's alert rules.
        poller: the connection's poller (its signals arrive on the GUI thread).
        window: its panels show statements and events.
        error_sink: where history failures are reported (the app's error presenter).
    """

    def __init__(
        self,
        services: HistoryServices,
        profile: str,
        rules: AlertRules,
        poller: Poller,
        window: MainWindow,
        error_sink: Callable[[ErrorReport], None],
    ) -> None:
        super().__init__(window)
        self._services = services
        self._profile = self.profile = profile
        self._poller = poller
        self._window = window
        self._error_sink = error_sink
        self._clock = services.clock
        # Titles and messages in the window's language, for the list and the notifications.
        translate = QCoreApplication.translate
        self.engine = AlertEngine(rules, clock=services.clock, translate=translate)
        self._failing: set[tuple[object, ...]] = set()
        self._changes = BalanceChanges()
        self._offset = 0.0  # the server's clock minus ours: statements carry server dates
        poller.roundFinished.connect(self._on_round)
        poller.clockChanged.connect(self._on_clock)
        poller.configurationChanged.connect(self._on_answer)
        poller.errorOccurred.connect(self._on_error)
        poller.statementsFetched.connect(self._on_statements)
        window.statements_panel.moreRequested.connect(self._on_more_statements)
        self._tick = QTimer(self)
        self._tick.setObjectName("alertTickTimer")
        self._tick.timeout.connect(self._on_tick)
        self._tick.start(ALERT_TICK_MS)
        self._drift_timer = QTimer(self)
        self._drift_timer.setObjectName("driftRefreshTimer")
        self._drift_timer.timeout.connect(self._read_clock_history)
        if services.problem is not None:
            error_sink(ErrorReport.from_exception(services.problem, "History database"))
        elif services.reader is not None:
            window.events_panel.set_events(self._stored_events())
            self._read_clock_history()
            self._drift_timer.start(DRIFT_REFRESH_MS)

    def stop(self) -> None:
        self._tick.stop()
        self._drift_timer.stop()

    @Slot()
    def _read_clock_history(self) -> None:
        """Earlier sessions' estimates for the chart, and the drift over all of them."""
        reader = self._services.reader
        if reader is None:
            return
        try:
            since = self._clock() - EARLIER_CLOCK_S
            earlier = reader.clock_points(self._profile, since)
            drift = reader.drift(self._profile)
        except HistoryError as error:
            self._error_sink(ErrorReport.from_exception(error, "History database"))
            return
        self._window.set_clock_history(earlier, drift)

    # -- results from the poller ---------------------------------------------------------------

    @Slot(object)
    def _on_round(self, result: RoundResult) -> None:
        writer = self._services.writer
        if writer is not None:
            writer.record_balances(self._profile, self._clock(), result.wallets)
        self._changes.observe(result.wallets)
        if all(wallet.error is None for wallet in result.wallets):
            self._recovered()
        self._deliver(self.engine.observe_round(result))
        self._window.history_panel.refresh()
        self._report_write_failures()

    @Slot(object)
    def _on_clock(self, state: ClockState) -> None:
        writer = self._services.writer
        if writer is not None:
            writer.record_clock(self._profile, state)
        if state.offset is not None:
            self._offset = state.offset
        self._deliver(self.engine.observe_clock(state))

    @Slot(object)
    def _on_answer(self, _configuration: object) -> None:
        self._deliver(self.engine.observe_success())

    @Slot(object)
    def _on_error(self, report: ErrorReport) -> None:
        if report.key not in self._failing:  # one event per failure, not one per retry
            self._failing.add(report.key)
            self._record(HistoryEvent(self._clock(), "error", None, _line(report)))
        self._deliver(self.engine.observe_report(report))

    @Slot(object)
    def _on_statements(self, result: StatementsResult) -> None:
        panel = self._window.statements_panel
        page = result.page
        if page is None:
            panel.request_failed(result.wallet_id)
            return
        writer = self._services.writer
        if writer is not None and page.statements:
            writer.record_statements(self._profile, result.wallet_id, page.statements)
        if result.newest:
            panel.set_statements(
                result.wallet_id, page.statements, result.more_reachable, page.last
            )
            self._deliver(self.engine.observe_statements(result.wallet_id, page.statements))
            self._explain_changes(result.wallet_id)
        else:
            panel.append_page(result.wallet_id, page.statements, result.more_reachable, page.last)

    @Slot(str, object)
    def _on_more_statements(self, wallet_id: str, cursor: object) -> None:
        self._poller.request_statements(wallet_id, cursor if isinstance(cursor, str) else None)

    @Slot()
    def _on_tick(self) -> None:
        self._deliver(self.engine.tick(self._clock()))
        self._report_write_failures()

    def _explain_changes(self, wallet_id: str) -> None:
        """Show the statements behind the wallet's latest changes beside the amounts."""
        for change in self._changes.take(wallet_id):
            # Statement dates are the server's whole seconds: shift and widen by a second.
            tooltip = self._window.statements_panel.change_tooltip(
                wallet_id,
                change.currency,
                change.since + self._offset - 1.0,
                change.until + self._offset + 1.0,
                change.change,
            )
            if tooltip:
                self._window.balances_panel.set_change_explanation(
                    wallet_id, change.currency, tooltip
                )

    # -- delivery ------------------------------------------------------------------------------

    def _deliver(self, events: Iterable[AlertEvent]) -> None:
        services = self._services
        for event in events:
            kind = "alert_fired" if event.fired else "alert_cleared"
            self._record(HistoryEvent(event.at, kind, event.rule, event.message))
            self._window.events_panel.add_event(event)
            if event.notify:
                services.notifier.notify(
                    event.title, event.message, critical=event.severity == "critical"
                )
        services.tray.set_state(self.engine.worst())

    def _recovered(self) -> None:
        if self._failing:
            self._failing.clear()
            again = self.tr("Requests succeed again")
            self._record(HistoryEvent(self._clock(), "recovery", None, again))

    def _record(self, event: HistoryEvent) -> None:
        writer = self._services.writer
        if writer is not None:
            writer.record_event(self._profile, event)
        if event.kind in ("error", "recovery"):
            self._window.events_panel.add_event(event)

    def _stored_events(self) -> list[HistoryEvent]:
        reader = self._services.reader
        if reader is None:
            return []
        try:
            return reader.events(self._profile)
        except HistoryError as error:
            self._error_sink(ErrorReport.from_exception(error, "History database"))
            return []

    def _report_write_failures(self) -> None:
        failures = self._services.take_failures()
        if failures:  # the newest says enough; the log has them all
            self._error_sink(ErrorReport.from_exception(failures[-1], "History database"))


def _line(report: ErrorReport) -> str:
    """The events list's line, in the window's language (the server's text as it came)."""
    return f"{request_context(report.context)}: {report_message(report)}"


__all__ = ["ALERT_TICK_MS", "ConnectionHistory", "HistoryServices"]
