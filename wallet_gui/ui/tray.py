"""The tray icon: the worst alert state at a glance, and Show/Hide, Refresh and Quit.

It is a ``QSystemTrayIcon`` that only shows itself where the platform has a tray
(``QSystemTrayIcon.isSystemTrayAvailable()``); elsewhere (the offscreen platform, some
Wayland desktops) it stays hidden, but its menu still exists and works, so the app and the
tests use one object either way. The icon is the app's icon with a coloured badge (green,
amber, red for ``"ok"``, ``"warning"``, ``"critical"``), or a plain coloured disc when the
app has no icon. It only emits intents; the app shows, hides, refreshes and quits.

Example::

    tray = TrayIcon()
    tray.showRequested.connect(window.showNormal)
    tray.hideRequested.connect(window.hide)
    tray.refreshRequested.connect(poller.refresh_now)
    tray.quitRequested.connect(app.quit)
    tray.set_state(engine.worst())
    notifier = DesktopNotifier(fallback=tray.show_message)
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, Qt, Signal, Slot
from PySide6.QtGui import QAction, QBrush, QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from wallet_gui.ui.app_icon import app_icon

STATE_COLOURS = {"ok": "#2e8b3e", "warning": "#f9a825", "critical": "#c62828"}
_SIZE = 64
_MESSAGE_MS = 10_000


def badge_icon(base: QIcon, state: str, size: int = _SIZE) -> QIcon:
    """``base`` with a disc of the state's colour in its lower right corner (or only the disc)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if base.isNull():
            disc = QRectF(4, 4, size - 8, size - 8)
        else:
            base.paint(painter, 0, 0, size, size)
            disc = QRectF(size * 0.5, size * 0.5, size * 0.46, size * 0.46)
        painter.setPen(QPen(QColor("white"), max(1.0, size / 24)))
        painter.setBrush(QBrush(QColor(STATE_COLOURS.get(state, STATE_COLOURS["critical"]))))
        painter.drawEllipse(disc)
    finally:
        painter.end()
    return QIcon(pixmap)


class TrayIcon(QSystemTrayIcon):
    """The tray icon and its menu.

    Signals:
        showRequested(), hideRequested(): the user wants the window shown or hidden (the
            menu's one Show/Hide item, or a click on the icon, says which by the window's
            state given to ``set_window_visible``).
        refreshRequested(): poll now.
        quitRequested(): quit the app.
    """

    showRequested = Signal()
    hideRequested = Signal()
    refreshRequested = Signal()
    quitRequested = Signal()

    def __init__(self, parent: QObject | None = None, *, base_icon: QIcon | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trayIcon")
        self._base = app_icon() if base_icon is None else base_icon
        self._state = ""
        self._window_visible = True

        self._menu = QMenu()
        self._menu.setObjectName("trayMenu")
        self._show_hide = self._action("trayShowHideAction", self._on_show_hide)
        self._refresh = self._action("trayRefreshAction", self.refreshRequested.emit)
        self._menu.addSeparator()
        self._quit = self._action("trayQuitAction", self.quitRequested.emit)
        self._refresh.setText(self.tr("Refresh now"))
        self._quit.setText(self.tr("Quit"))
        self.setContextMenu(self._menu)
        self.activated.connect(self._on_activated)

        self.set_window_visible(True)
        self.set_state("ok")
        if self.isSystemTrayAvailable():
            self.show()

    def _action(self, name: str, slot: object) -> QAction:
        action = QAction(self._menu)
        action.setObjectName(name)
        action.triggered.connect(slot)
        self._menu.addAction(action)
        return action

    # -- state -----------------------------------------------------------------------------

    @property
    def available(self) -> bool:
        """The platform has a tray, so the icon is shown."""
        return self.isVisible()

    def menu(self) -> QMenu:
        return self._menu

    def state(self) -> str:
        return self._state

    def set_state(self, state: str) -> None:
        """Show ``"ok"``, ``"warning"`` or ``"critical"`` (the alert engine's ``worst()``)."""
        if state == self._state:
            return
        self._state = state
        self.setIcon(badge_icon(self._base, state))
        tips = {
            "ok": self.tr("Wallet monitor: all fine"),
            "warning": self.tr("Wallet monitor: a warning is active"),
            "critical": self.tr("Wallet monitor: a critical alert is active"),
        }
        self.setToolTip(tips.get(state, tips["critical"]))

    def set_window_visible(self, visible: bool) -> None:
        """Tell the tray whether the window is shown, so Show/Hide offers the other one."""
        self._window_visible = visible
        self._show_hide.setText(self.tr("Hide window") if visible else self.tr("Show window"))

    @Slot(str, str)
    def show_message(self, title: str, body: str) -> bool:
        """The tray's balloon (the notifier's fallback); False where there is no tray."""
        if not self.isVisible() or not self.supportsMessages():
            return False
        self.showMessage(title, body, self.icon(), _MESSAGE_MS)
        return True

    def dispose(self) -> None:
        """Hide the icon and drop its menu (on quit)."""
        self.hide()
        self.setContextMenu(None)  # type: ignore[arg-type]
        self._menu.deleteLater()

    # -- slots -----------------------------------------------------------------------------

    @Slot()
    def _on_show_hide(self) -> None:
        if self._window_visible:
            self.hideRequested.emit()
        else:
            self.showRequested.emit()

    @Slot(QSystemTrayIcon.ActivationReason)
    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self._on_show_hide()
