"""The list of saved connection profiles, and what can be done with each.

Reached from the main window's "Profiles…" action. It shows every saved profile, marks the
one being monitored now, and turns the user's choices into intents: open (switch to) a
profile, add a new one, edit, duplicate or delete one. It never reads the profiles file or
the keyring and never connects: the app does that and hands back the new list with
``set_profiles``.

Keyboard: Return (or a double-click) opens the selected profile, F2 edits it, Ctrl+N adds
one, Ctrl+D duplicates, Del deletes after a confirmation, Esc closes the dialog.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal, Slot
from PySide6.QtGui import QColor, QIcon, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

#: Where each item keeps its profile's name (its text may carry a "connected" note).
NAME_ROLE = Qt.ItemDataRole.UserRole


def _confirm_with_message_box(parent: QWidget, profile: str, current: bool) -> bool:
    """A modal Delete/Cancel question about ``profile``; Cancel is the default."""
    translate = QCoreApplication.translate  # a name lupdate knows
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("ProfileManagerDialog", "Delete profile"))
    box.setTextFormat(Qt.TextFormat.PlainText)  # the name is the user's own text
    box.setText(
        translate("ProfileManagerDialog", "Delete the profile “{name}”?").format(name=profile)
    )
    details = translate(
        "ProfileManagerDialog",
        "Its settings and the key stored in the system keyring will be removed.",
    )
    if current:
        details += " " + translate(
            "ProfileManagerDialog", "It is being monitored now: monitoring stops."
        )
    box.setInformativeText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Cancel)
    delete = box.addButton(
        translate("ProfileManagerDialog", "Delete"), QMessageBox.ButtonRole.DestructiveRole
    )
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is delete


class ProfileManagerDialog(QDialog):
    """Saved profiles with Open, New, Edit, Duplicate and Delete.

    Args:
        profiles: the saved profiles' names, in the order to show.
        current: the profile being monitored now, marked in the list (``None``: none, e.g.
            the demo).

    Signals:
        switchRequested(str): open (monitor) this profile.
        addRequested(): create a new profile.
        editRequested(str): edit this profile.
        duplicateRequested(str): copy this profile under a new name.
        deleteRequested(str): delete this profile (the user has confirmed).
    """

    switchRequested = Signal(str)
    addRequested = Signal()
    editRequested = Signal(str)
    duplicateRequested = Signal(str)
    deleteRequested = Signal(str)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        profiles: Iterable[str] = (),
        current: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("profileManager")
        self.setWindowTitle(self.tr("Profiles"))
        self._current: str | None = None

        intro = QLabel(self.tr("Saved connection profiles. Open one to monitor it."))
        intro.setObjectName("managerIntro")
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)

        self._list = QListWidget()
        self._list.setObjectName("managerProfileList")
        self._list.setUniformItemSizes(True)
        self._list.setIconSize(QSize(16, 16))
        self._list.currentItemChanged.connect(self._on_selection_changed)
        # Return reaches the dialog's default button (Open); a double-click opens here.
        self._list.itemDoubleClicked.connect(self._on_double_clicked)
        self._empty = QLabel(self.tr("No profiles are saved yet: “New…” creates one."))
        self._empty.setObjectName("managerEmptyLabel")
        self._empty.setTextFormat(Qt.TextFormat.PlainText)
        self._empty.setWordWrap(True)

        self._open_button = self._button(self.tr("&Open"), "managerOpenButton", self._on_open)
        self._open_button.setDefault(True)
        self._add_button = self._button(self.tr("&New…"), "managerNewButton", self._on_add)
        self._edit_button = self._button(self.tr("&Edit…"), "managerEditButton", self._on_edit)
        self._duplicate_button = self._button(
            self.tr("D&uplicate"), "managerDuplicateButton", self._on_duplicate
        )
        self._delete_button = self._button(
            self.tr("&Delete…"), "managerDeleteButton", self._on_delete
        )
        side = QVBoxLayout()
        for button in (self._open_button, self._add_button, self._edit_button):
            side.addWidget(button)
        side.addWidget(self._duplicate_button)
        side.addSpacing(12)
        side.addWidget(self._delete_button)
        side.addStretch(1)

        row = QHBoxLayout()
        column = QVBoxLayout()
        column.addWidget(self._list, 1)
        column.addWidget(self._empty)
        row.addLayout(column, 1)
        row.addLayout(side)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.setObjectName("managerButtons")
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("managerCloseButton")
        close.setAutoDefault(False)
        buttons.rejected.connect(self.reject)

        root = QVBoxLayout(self)
        root.addWidget(intro)
        root.addLayout(row, 1)
        root.addWidget(buttons)

        self._shortcut(QKeySequence(QKeySequence.StandardKey.Delete), self._on_delete, self._list)
        self._shortcut(QKeySequence(Qt.Key.Key_F2), self._on_edit)
        self._shortcut(QKeySequence(QKeySequence.StandardKey.New), self._on_add)
        self._shortcut(QKeySequence("Ctrl+D"), self._on_duplicate)

        self.setMinimumSize(460, 300)
        self.set_profiles(profiles, current)

    @staticmethod
    def _button(text: str, name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAutoDefault(False)  # Return is Open's, wherever the focus is
        button.clicked.connect(slot)
        return button

    def _shortcut(
        self, keys: QKeySequence, slot: Callable[[], None], where: QWidget | None = None
    ) -> None:
        """``keys`` anywhere in the dialog, or only while ``where`` has the focus."""
        shortcut = QShortcut(keys, where or self)
        if where is not None:
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(slot)

    # -- state ---------------------------------------------------------------------------

    def set_profiles(
        self, names: Iterable[str], current: str | None = None, *, select: str | None = None
    ) -> None:
        """Show these profiles, ``current`` marked; select ``select``, else keep the selection.

        Without either, the current profile (or the first one) is selected.
        """
        keep = select or self.selected_profile() or current
        self._current = current
        self._list.clear()
        marker = self._marker_icon()
        blank = self._blank_icon()
        for name in names:
            item = QListWidgetItem(name)
            item.setData(NAME_ROLE, name)
            item.setToolTip(name)
            if name == current:
                item.setText(self.tr("{name} — connected").format(name=name))
                item.setIcon(marker)
                font = item.font()
                font.setBold(True)
                item.setFont(font)
                item.setToolTip(self.tr("{name}: being monitored now").format(name=name))
            else:
                item.setIcon(blank)  # keeps every name in the same column as the marked one
            self._list.addItem(item)
        self._empty.setVisible(self._list.count() == 0)
        self._list.setVisible(self._list.count() > 0)
        rows = self.profiles()
        self._list.setCurrentRow(rows.index(keep) if keep in rows else 0)
        self._update_buttons()

    def profiles(self) -> list[str]:
        """The names listed, in order."""
        return [self._name(self._list.item(row)) for row in range(self._list.count())]

    def current_profile(self) -> str | None:
        """The profile marked as being monitored, if it is listed."""
        return self._current if self._current in self.profiles() else None

    def selected_profile(self) -> str | None:
        item = self._list.currentItem()
        return None if item is None else self._name(item)

    def select(self, name: str) -> None:
        """Make ``name`` the selected row (when it is listed)."""
        rows = self.profiles()
        if name in rows:
            self._list.setCurrentRow(rows.index(name))

    @staticmethod
    def _name(item: QListWidgetItem) -> str:
        return str(item.data(NAME_ROLE))

    def _marker_icon(self) -> QIcon:
        return self.style().standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton)

    def _blank_icon(self) -> QIcon:
        pixmap = QPixmap(self._list.iconSize())
        pixmap.fill(QColor(0, 0, 0, 0))
        return QIcon(pixmap)

    # -- replaceable interaction (tests monkeypatch it to avoid a modal box) --------------

    def confirm_delete(self, profile: str, current: bool) -> bool:
        """Ask before deleting; ``current``: it is the profile being monitored."""
        return _confirm_with_message_box(self, profile, current)

    # -- slots ---------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        selected = self.selected_profile() is not None
        for button in (
            self._open_button,
            self._edit_button,
            self._duplicate_button,
            self._delete_button,
        ):
            button.setEnabled(selected)

    @Slot(QListWidgetItem, QListWidgetItem)
    def _on_selection_changed(
        self, _current: QListWidgetItem | None, _previous: QListWidgetItem | None
    ) -> None:
        self._update_buttons()

    @Slot(QListWidgetItem)
    def _on_double_clicked(self, _item: QListWidgetItem) -> None:
        self._on_open()

    @Slot()
    def _on_add(self) -> None:
        self.addRequested.emit()

    @Slot()
    def _on_open(self) -> None:
        name = self.selected_profile()
        if name is not None:
            self.switchRequested.emit(name)

    @Slot()
    def _on_edit(self) -> None:
        name = self.selected_profile()
        if name is not None:
            self.editRequested.emit(name)

    @Slot()
    def _on_duplicate(self) -> None:
        name = self.selected_profile()
        if name is not None:
            self.duplicateRequested.emit(name)

    @Slot()
    def _on_delete(self) -> None:
        name = self.selected_profile()
        if name is not None and self.confirm_delete(name, name == self._current):
            self.deleteRequested.emit(name)


__all__ = ["ProfileManagerDialog"]
