"""The welcome screen shown when there is nothing to monitor yet.

It explains the app in two sentences and offers the three ways forward: connect an account,
try the built-in demo, or open a profile saved earlier. It only emits intents; the app
decides what "connect" or "demo" mean (dialogs, the sandbox server, the poller).

Everything works from the keyboard: Return on a focused button presses it, Return in the
list (or on Open) opens the selected profile, and Esc or Ctrl+Q close the screen, which
quits the app when it is the only window.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

# The readable column of text; wider welcome text is tiring on a maximised window.
_COLUMN_WIDTH = 460


class FirstRunWidget(QWidget):
    """Welcome: what the app does, and buttons to connect, try the demo or open a profile.

    Signals:
        connectRequested(): the user wants to enter credentials for an account.
        demoRequested(): the user wants to see the app run against the local demo server.
        profileChosen(str): the user opened one of the saved profiles (by name).
    """

    connectRequested = Signal()
    demoRequested = Signal()
    profileChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None, profiles: Iterable[str] = ()) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunWidget")

        heading = QLabel(self.tr("Welcome to the Wallet monitor"))
        heading.setObjectName("firstRunHeading")
        heading.setTextFormat(Qt.TextFormat.PlainText)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        heading.setFont(font)

        intro = QLabel(
            self.tr(
                "This app watches a Paysera Wallet account for you: it shows wallet balances, "
                "the API configuration and how far this computer's clock is from the "
                "server's. Connect with your API credentials, or try the demo, which runs "
                "against a small built-in server and needs no account."
            )
        )
        intro.setObjectName("firstRunIntro")
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)

        self._connect_button = QPushButton(self.tr("&Connect…"))
        self._connect_button.setObjectName("connectButton")
        self._connect_button.clicked.connect(self.connectRequested)
        self._demo_button = QPushButton(self.tr("Try the &demo"))
        self._demo_button.setObjectName("demoButton")
        self._demo_button.clicked.connect(self.demoRequested)
        buttons = QHBoxLayout()
        buttons.addWidget(self._connect_button)
        buttons.addWidget(self._demo_button)
        buttons.addStretch(1)

        self._profiles_heading = QLabel(self.tr("Saved profiles"))
        self._profiles_heading.setObjectName("profilesHeading")
        heading_font = self._profiles_heading.font()
        heading_font.setBold(True)
        self._profiles_heading.setFont(heading_font)
        self._profile_list = QListWidget()
        self._profile_list.setObjectName("profileList")
        self._profile_list.setMaximumHeight(140)
        # Activation is a double-click (or Enter); connecting doubleClicked too would emit twice.
        self._profile_list.itemActivated.connect(self._on_item_activated)
        self._profile_list.currentItemChanged.connect(self._on_selection_changed)
        self._open_button = QPushButton(self.tr("&Open"))
        self._open_button.setObjectName("openProfileButton")
        self._open_button.clicked.connect(self._on_open_clicked)
        # Outside a dialog a push button ignores Return unless it is "auto default".
        for button in (self._connect_button, self._demo_button, self._open_button):
            button.setAutoDefault(True)
        # Ctrl+Q (Cmd+Q on macOS) also where the platform's Quit key is another or none.
        keys = [QKeySequence(Qt.Key.Key_Escape), QKeySequence("Ctrl+Q")]
        platform_quit = QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)
        keys += [k for k in platform_quit if k not in keys]
        close = QShortcut(self)
        close.setKeys(keys)
        close.activated.connect(self.close)
        open_row = QHBoxLayout()
        open_row.addStretch(1)
        open_row.addWidget(self._open_button)

        column = QVBoxLayout()
        column.setSpacing(12)
        column.addWidget(heading)
        column.addWidget(intro)
        column.addSpacing(4)
        column.addLayout(buttons)
        column.addSpacing(16)
        column.addWidget(self._profiles_heading)
        column.addWidget(self._profile_list)
        column.addLayout(open_row)
        column_widget = QWidget()
        column_widget.setObjectName("firstRunColumn")
        column_widget.setLayout(column)
        column_widget.setMaximumWidth(_COLUMN_WIDTH)

        # Centre the column in whatever space the window gives it.
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column_widget, 10)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

        self.set_profiles(profiles)

    def set_profiles(self, names: Iterable[str]) -> None:
        """List saved profiles; the section is hidden while there are none."""
        self._profile_list.clear()
        for name in names:
            self._profile_list.addItem(QListWidgetItem(name))
        has_profiles = self._profile_list.count() > 0
        for widget in (self._profiles_heading, self._profile_list, self._open_button):
            widget.setVisible(has_profiles)
        if has_profiles:
            self._profile_list.setCurrentRow(0)
        self._open_button.setEnabled(self._profile_list.currentItem() is not None)
        # Where Return does the likely thing: open the first profile, or connect.
        first = self._profile_list if has_profiles else self._connect_button
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    def profiles(self) -> list[str]:
        """The profile names currently listed, in order."""
        return [self._profile_list.item(i).text() for i in range(self._profile_list.count())]

    @Slot(QListWidgetItem)
    def _on_item_activated(self, item: QListWidgetItem) -> None:
        self.profileChosen.emit(item.text())

    @Slot(QListWidgetItem, QListWidgetItem)
    def _on_selection_changed(
        self, current: QListWidgetItem | None, _previous: QListWidgetItem | None
    ) -> None:
        self._open_button.setEnabled(current is not None)

    @Slot()
    def _on_open_clicked(self) -> None:
        item = self._profile_list.currentItem()
        if item is not None:
            self.profileChosen.emit(item.text())
