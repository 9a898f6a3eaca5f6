"""The one error window: the current problems in a list, the selected one in detail.

Failures reach the user through here. Deciding *when* the window opens is not this module's
job: ``ErrorPresenter`` (``wallet_gui.ui.error_presenter``) owns the one window and keeps it
current from the Qt-free problem book (``wallet_gui.core.error_gate``). The list
(``problemList``, ``wallet_gui.ui.problems_indicator``) updates in place and keeps its
selection; below it, the selected problem is explained (``wallet_gui.ui.error_details``, which
holds the rules for showing server text: plain, bounded, only http(s) links clickable).

A server can send megabytes: the explanation sits in a scroll area so that the window is
never taller than the available part of its screen, with Close always in view. This module
does no network, no threading and no keyring access.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QSize, Qt, QTimer, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from wallet_gui.core.error_gate import Problem, ProblemKey
from wallet_gui.core.reports import ErrorReport
from wallet_gui.ui.error_details import ErrorDetails
from wallet_gui.ui.plain_text import plain_label
from wallet_gui.ui.problems_indicator import ProblemList

# How long the "Copied" confirmation stays on the button before it reads "Copy details" again.
_COPIED_FEEDBACK_MS = 1500
# Room kept for the window frame (title bar, borders) before the window manager says.
_FRAME_ALLOWANCE = QSize(16, 48)


class _TextArea(QScrollArea):
    """The explanation: as tall as it needs at a given width, scrolling beyond that.

    It reports its content's height-for-width, so the window fits its text exactly until the
    screen stops it; then the text scrolls and the buttons below stay in view.
    """

    def __init__(self, content: QWidget) -> None:
        super().__init__()
        self.setObjectName("errorTextArea")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidgetResizable(True)
        self.setWidget(content)
        self._content = content

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        frame = 2 * self.frameWidth()
        height = self._content.heightForWidth(width - frame)
        return (height if height >= 0 else self._content.sizeHint().height()) + frame

    def sizeHint(self) -> QSize:
        width = self._content.sizeHint().width() + 2 * self.frameWidth()
        return QSize(width, self.heightForWidth(width))


class ErrorDialog(QDialog):
    """The problems, and the selected one calmly explained.

    Non-modal, so the monitor keeps updating behind it. ``set_problems`` updates the list in
    place and keeps the selection; ``select`` points the window at one problem. Built with a
    ``report``, it shows that one report as a problem seen once.
    """

    def __init__(
        self,
        report: ErrorReport | None = None,
        parent: QWidget | None = None,
        *,
        first_seen: datetime | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("errorDialog")
        self.setModal(False)
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.setSizeGripEnabled(True)
        self._problems: dict[ProblemKey, Problem] = {}

        self._summary = plain_label("problemSummaryLabel", wrap=False, selectable=False)
        self._list = ProblemList()
        self._list.problemSelected.connect(self._on_selected)
        self._details = ErrorDetails()
        self._text_area = _TextArea(self._details)

        # The window's own timer (not a parentless singleShot), so it goes with the window.
        self._copied_timer = QTimer(self)
        self._copied_timer.setObjectName("copiedFeedbackTimer")
        self._copied_timer.setSingleShot(True)
        self._copied_timer.setInterval(_COPIED_FEEDBACK_MS)
        self._copied_timer.timeout.connect(self._restore_copy_text)
        self._copy_button = QPushButton(self.tr("Copy details"))
        self._copy_button.setObjectName("copyDetailsButton")
        self._copy_button.setAutoDefault(False)
        self._copy_button.clicked.connect(self.copy_details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.setObjectName("errorButtons")
        buttons.addButton(self._copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        close_button.setObjectName("closeButton")
        close_button.setDefault(True)

        root = QVBoxLayout(self)
        root.addWidget(self._summary)
        root.addWidget(self._list)
        root.addSpacing(8)
        root.addWidget(self._text_area, 1)
        root.addSpacing(8)
        root.addWidget(buttons)

        # Wrapped labels need a width to wrap at; this keeps the window readable, not endless.
        self.setMinimumWidth(520)
        self.setMaximumWidth(760)
        if report is not None:
            self.set_problems([Problem.single(report, first_seen)])

    # -- what it shows ---------------------------------------------------------------------

    @property
    def problem(self) -> Problem | None:
        """The problem shown in detail."""
        return self._details.problem

    @property
    def report(self) -> ErrorReport | None:
        """The latest report of the problem shown in detail."""
        problem = self._details.problem
        return None if problem is None else problem.report

    @property
    def repeat_count(self) -> int:
        """How many times the problem shown in detail happened since it started."""
        problem = self._details.problem
        return 0 if problem is None else problem.count

    @property
    def problem_list(self) -> ProblemList:
        return self._list

    def problems(self) -> list[Problem]:
        """The problems listed, in row order."""
        return [self._problems[key] for key in self._list.keys]

    def set_problems(self, problems: Sequence[Problem]) -> None:
        """List ``problems`` (in place); the explanation follows the selected one."""
        self._problems = {p.key: p for p in problems}
        self._list.set_problems(problems)
        open_count = sum(1 for p in problems if p.is_open)
        self._summary.setText(
            self.tr("Open problems: {open} · resolved: {resolved}").format(
                open=open_count, resolved=len(problems) - open_count
            )
        )
        self.setWindowTitle(
            self.tr("Problems ({count} open)").format(count=open_count)
            if open_count
            else self.tr("Problems (all resolved)")
        )
        if self._list.selected_key() is None:
            self._list.select(None)
        self._on_selected(self._list.selected_key())

    def select(self, key: ProblemKey | None) -> None:
        """Explain problem ``key`` (``None``: the first open one)."""
        self._list.select(key)
        self._on_selected(self._list.selected_key())

    @Slot(object)
    def _on_selected(self, key: ProblemKey | None) -> None:
        problem = self._problems.get(key) if key is not None else None
        if problem is not None and self._details.show_problem(problem):
            self._fit_to_content()

    # -- size ------------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        """The layout's wish, never larger than the available part of the screen."""
        return super().sizeHint().boundedTo(self._room())

    def _room(self) -> QSize:
        """The largest size that fits the available area of the window's screen, frame
        included (before the window manager has framed it, a typical frame)."""
        parent = self.parentWidget()
        anchor = parent if parent is not None and not self.isVisible() else self
        available = anchor.screen().availableGeometry().size()
        frame = (self.frameGeometry().size() - self.size()).expandedTo(_FRAME_ALLOWANCE)
        return available - frame

    def _fit_to_content(self) -> None:
        """Size for the wrapped text: its preferred width (within limits), then the height
        that width needs, both within the screen: taller text scrolls. ``adjustSize`` alone
        can pick the height for another width and cut off the last lines of a long
        description. Once shown, the user's width is kept and the window only grows, so
        that updates in place do not make it jump."""
        layout = self.layout()
        if layout is None:  # still constructing
            return
        # The labels changed: forget every cached size hint, inside the scroll area too.
        details = self._details.layout()
        if details is not None:
            details.invalidate()
            details.activate()
        self._text_area.updateGeometry()
        layout.invalidate()
        room = self._room()
        if self.isVisible():
            width = min(self.width(), room.width())
        else:
            width = min(max(self.sizeHint().width(), self.minimumWidth()), self.maximumWidth())
        height = max(layout.totalHeightForWidth(width), layout.totalMinimumSize().height())
        if self.isVisible():
            height = max(height, self.height())
        self.resize(width, min(height, room.height()))
        if self.isVisible():
            self._keep_on_screen()

    def _keep_on_screen(self) -> None:
        """Move a window that grew past the bottom of its screen back up."""
        available = self.screen().availableGeometry()
        overflow = self.frameGeometry().bottom() - available.bottom()
        if overflow > 0:
            self.move(self.pos().x(), max(available.top(), self.pos().y() - overflow))

    # -- copying ---------------------------------------------------------------------------

    def details(self) -> str:
        """What "Copy details" copies: the explained problem's report, count and state."""
        return self._details.details()

    @Slot()
    def copy_details(self) -> None:
        """Put the details on the clipboard, for a support ticket or a bug report."""
        QGuiApplication.clipboard().setText(self.details())
        self._copy_button.setText(self.tr("Copied"))
        self._copied_timer.start()

    @Slot()
    def _restore_copy_text(self) -> None:
        self._copy_button.setText(self.tr("Copy details"))
