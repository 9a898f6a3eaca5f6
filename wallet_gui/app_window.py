"""The window's own flows in the composition root: the tray icon's menu, File ▸ Export…
and coming to the front when another launch asks for the window.

The tray outlives windows (another profile, another window), so its Show/Hide/Refresh act
on whichever window and poller the app has now. Hiding to the tray is not closing: the app
must not take the hidden window for a closed one and quit.

An export runs on a thread of its own; ``stop_export`` (quitting, another window) stops it
and waits for that thread before its dialog goes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

import shiboken6
from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QWidget

from wallet_gui.api.errors import WalletError
from wallet_gui.app_history import ConnectionHistory, HistoryServices
from wallet_gui.core.profiles import ProfileStore
from wallet_gui.core.resolve import ConnectionOptions, resolve_settings
from wallet_gui.qt.poller import Poller

if TYPE_CHECKING:
    from wallet_gui.ui.export_dialog import ExportDialog


class Host(Protocol):
    """What the flows need of ``wallet_gui.app.Application``."""

    history: HistoryServices
    connection_history: ConnectionHistory | None
    poller: Poller | None
    window: QWidget | None
    first_run: QWidget | None
    current_profile: str | None
    profiles: ProfileStore

    def quit(self) -> None: ...
    def open_profile(self, name: str) -> None: ...
    def warn(self, title: str, text: str | WalletError) -> None: ...


class WindowFlows(QObject):
    """Acts on the tray's intents and opens the export dialog, for ``app``'s current window."""

    def __init__(self, app: Host) -> None:
        super().__init__()
        self._app = app
        self.hidden_to_tray = False
        self._export_dialog: ExportDialog | None = None
        tray = app.history.tray
        tray.showRequested.connect(self.show_window)
        tray.hideRequested.connect(self.hide_window)
        tray.refreshRequested.connect(self.refresh)
        tray.quitRequested.connect(app.quit)

    @Slot()
    def show_window(self) -> None:
        self.hidden_to_tray = False
        window = self._app.window
        if window is not None:
            window.showNormal()
            window.raise_()
            window.activateWindow()
        self._app.history.tray.set_window_visible(True)

    @Slot(str)
    def bring_to_front(self, profile: str = "") -> None:
        """Another launch asked for the window: show it (from the tray too), in front; and
        when it named a saved profile other than the one monitored, switch to that one."""
        app = self._app
        if profile and profile != app.current_profile:
            try:
                resolve_settings(ConnectionOptions(profile=profile), app.profiles)
            except WalletError as error:  # as a first launch says it: no such profile
                app.warn("Cannot open the profile", error)
            else:
                app.open_profile(profile)
        first_run = app.first_run
        if app.window is None and first_run is not None and shiboken6.isValid(first_run):
            first_run.showNormal()
            first_run.raise_()
            first_run.activateWindow()
            return
        self.show_window()

    @Slot()
    def hide_window(self) -> None:
        window = self._app.window
        if window is not None:
            self.hidden_to_tray = True  # hidden, not closed: monitoring goes on
            window.hide()
        self._app.history.tray.set_window_visible(False)

    @Slot()
    def refresh(self) -> None:
        if self._app.poller is not None:
            self._app.poller.refresh()

    @Slot()
    def open_export(self) -> None:
        """File ▸ Export…: one dialog at a time, on the current profile's history."""
        from wallet_gui.ui.export_dialog import ExportDialog

        app = self._app
        reader, history, window = app.history.reader, app.connection_history, app.window
        if reader is None or history is None or window is None:
            return  # no reader: the history file could not be opened, nor can it be exported
        self.stop_export()
        dialog = ExportDialog(app.history.path, history.profile, window)
        self._export_dialog = dialog
        dialog.show()

    def stop_export(self) -> None:
        """Close the export dialog, stopping its export and waiting for its thread (quit,
        a new window: the dialog would go with its window, the thread must not run on)."""
        dialog, self._export_dialog = self._export_dialog, None
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.stop_export()  # also when hidden: closing a hidden dialog does nothing
            dialog.close()


__all__ = ["WindowFlows"]
