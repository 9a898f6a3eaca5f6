"""Error dialogs, and the one presenter that decides when a background failure becomes one.

A monitor polls every few seconds, so the same failure arrives again and again: without a
gate, an unreachable server would bury the user under identical windows. ``ErrorPresenter``
is that gate: one non-modal dialog per distinct failure (``ErrorReport.key``) with a repeat
counter, and after the user closes it, silence for that failure for a while.

Everything shown here may come from the server, so it is shown as plain text; the only rich
text is the "More information" link, built from an escaped URI and only when the report says
the URI is a web link (http/https). A ``javascript:`` or ``file:`` URI is shown, never
clickable. This module does no network, no threading and no keyring access.
"""

from __future__ import annotations

import html
import logging
import re
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import datetime
from http import HTTPStatus

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from wallet_gui.reports import ErrorReport

log = logging.getLogger(__name__)

#: A closed dialog's failure may open a new dialog only after this many quiet seconds.
DEFAULT_REOPEN_AFTER = 300.0

# Unbroken runs longer than this (ids, tokens, URLs) get invisible break opportunities in
# the *displayed* text, so a long token wraps instead of widening the dialog off the screen.
_SOFT_BREAK_RUN = 40
_ZERO_WIDTH_SPACE = "\u200b"
_LONG_RUN = re.compile(rf"\S{{{_SOFT_BREAK_RUN + 1},}}")

# How long the "Copied" confirmation stays on the button before it reads "Copy details" again.
_COPIED_FEEDBACK_MS = 1500


def _breakable(text: str) -> str:
    """``text`` with zero-width spaces inside long unbroken runs (display only, never copied)."""

    def split(match: re.Match[str]) -> str:
        run = match.group(0)
        chunks = [run[i : i + _SOFT_BREAK_RUN] for i in range(0, len(run), _SOFT_BREAK_RUN)]
        return _ZERO_WIDTH_SPACE.join(chunks)

    return _LONG_RUN.sub(split, text)


def _status_text(status: int) -> str:
    """``401 Unauthorized``: the number people search for, plus the standard phrase."""
    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return str(status)


def _plain_label(object_name: str) -> QLabel:
    """A wrapping, selectable label that never interprets markup (server text goes here)."""
    label = QLabel()
    label.setObjectName(object_name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setOpenExternalLinks(False)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    return label


class ErrorDialog(QDialog):
    """One failure, shown calmly: what was being done, what went wrong, where to read more.

    Non-modal, so the monitor keeps updating behind it. ``set_report`` replaces the content
    with a newer report of the same failure; ``set_repeat_count`` says how often it happened.
    """

    def __init__(
        self,
        report: ErrorReport,
        parent: QWidget | None = None,
        *,
        first_seen: datetime | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("errorDialog")
        self.setModal(False)
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.setSizeGripEnabled(True)
        self._report = report
        self._repeat_count = 1
        self._first_seen = first_seen or datetime.now().astimezone()

        icon = QLabel()
        icon.setObjectName("errorIcon")
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize, None, self)
        pixmap = (
            self.style()
            .standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning, None, self)
            .pixmap(size, size)
        )
        icon.setPixmap(pixmap)
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)

        self._title = _plain_label("errorTitleLabel")
        title_font = self._title.font()
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.15)
        self._title.setFont(title_font)
        self._context = _plain_label("errorContextLabel")

        self._code = _plain_label("errorCodeLabel")
        self._description = _plain_label("errorDescriptionLabel")
        self._message = _plain_label("errorMessageLabel")
        self._status = _plain_label("errorStatusLabel")
        self._retry = _plain_label("errorRetryLabel")
        self._correlation = _plain_label("errorCorrelationLabel")
        self._link = _plain_label("errorLinkLabel")

        self._form = QFormLayout()
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self._form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        for caption, field in (
            (self.tr("Error code:"), self._code),
            (self.tr("Description:"), self._description),
            (self.tr("HTTP status:"), self._status),
            (self.tr("Retry after:"), self._retry),
            (self.tr("Correlation id:"), self._correlation),
            (self.tr("More information:"), self._link),
        ):
            self._form.addRow(caption, field)

        self._repeat = _plain_label("errorRepeatLabel")
        repeat_font = self._repeat.font()
        repeat_font.setItalic(True)
        self._repeat.setFont(repeat_font)

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

        text_column = QVBoxLayout()
        text_column.setSpacing(6)
        text_column.addWidget(self._title)
        text_column.addWidget(self._context)
        text_column.addWidget(self._message)
        text_column.addSpacing(6)
        text_column.addLayout(self._form)
        text_column.addSpacing(4)
        text_column.addWidget(self._repeat)

        body = QHBoxLayout()
        body.setSpacing(14)
        body.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        body.addLayout(text_column, 1)

        root = QVBoxLayout(self)
        root.addLayout(body)
        root.addStretch(1)
        root.addSpacing(8)
        root.addWidget(buttons)

        # Wrapped labels need a width to wrap at; this keeps the dialog readable, not endless.
        self.setMinimumWidth(520)
        self.setMaximumWidth(760)
        self.set_report(report)
        self.set_repeat_count(1)

    @property
    def report(self) -> ErrorReport:
        """The report currently shown (the latest one of this failure)."""
        return self._report

    @property
    def repeat_count(self) -> int:
        """How many times this failure happened since ``first_seen``."""
        return self._repeat_count

    @property
    def first_seen(self) -> datetime:
        """When the first of the counted occurrences happened (local time)."""
        return self._first_seen

    def set_report(self, report: ErrorReport) -> None:
        """Show ``report``; rows without a value are hidden, never left as empty captions."""
        self._report = report
        self.setWindowTitle(report.title)
        self._title.setText(report.title)
        self._context.setText(self.tr("While: {context}").format(context=report.context))

        # An API error's message repeats code, status and description; other kinds have
        # nothing but the message, so it is the one line that explains them.
        message = report.message if report.code is None else None
        status = _status_text(report.status) if report.status else None
        retry = (
            self.tr("{seconds:g} s").format(seconds=report.retry_after)
            if report.retry_after is not None
            else None
        )
        self._message.setText(_breakable(message) if message else "")
        self._message.setVisible(bool(message))
        # Free text may get soft breaks; identifiers people search for are shown untouched.
        self._set_row(self._description, _breakable(report.description or ""))
        for field, value in (
            (self._code, report.code),
            (self._status, status),
            (self._retry, retry),
            (self._correlation, report.correlation_id),
        ):
            self._set_row(field, value)
        self._set_link(report)
        self._fit_to_content()

    def _fit_to_content(self) -> None:
        """Size for the wrapped text: its preferred width (within limits), then the height
        that width needs. ``adjustSize`` alone can pick the height for another width and cut
        off the last lines of a long description. Once shown, the user's width is kept."""
        layout = self.layout()
        if layout is None:  # still constructing
            return
        if self.isVisible():
            width = self.width()
        else:
            width = min(max(self.sizeHint().width(), self.minimumWidth()), self.maximumWidth())
        height = max(layout.totalHeightForWidth(width), layout.totalMinimumSize().height())
        self.resize(width, height)

    def _set_row(self, field: QLabel, value: str | None) -> None:
        field.setText(value or "")
        self._form.setRowVisible(field, bool(value))

    def _set_link(self, report: ErrorReport) -> None:
        label = self._link
        if report.link is not None:
            # The only rich text in the dialog: both the href and the shown text are escaped,
            # and ``ErrorReport.link`` already guarantees an http(s) URL with a host.
            shown = html.escape(_breakable(report.link))
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setText(f'<a href="{html.escape(report.link, quote=True)}">{shown}</a>')
            label.setOpenExternalLinks(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
            label.setToolTip(report.link)
        else:
            label.setOpenExternalLinks(False)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setText(_breakable(report.uri) if report.uri else "")
            label.setToolTip("")
        self._form.setRowVisible(label, bool(report.uri))

    def set_repeat_count(self, count: int) -> None:
        """Show "Happened N times since HH:MM:SS"; a single occurrence needs no counter."""
        self._repeat_count = max(1, count)
        self._repeat.setText(self._repeat_text())
        if self._repeat.isHidden() == (self._repeat_count > 1):
            self._repeat.setVisible(self._repeat_count > 1)
            self._fit_to_content()

    def _repeat_text(self) -> str:
        return self.tr("Happened {count} times since {time}").format(
            count=self._repeat_count, time=self._first_seen.strftime("%H:%M:%S")
        )

    def details(self) -> str:
        """What "Copy details" copies: the report's own text plus the repeat count."""
        text = self._report.details()
        if self._repeat_count > 1:
            text += "\n" + self._repeat_text()
        return text

    @Slot()
    def copy_details(self) -> None:
        """Put the details on the clipboard, for a support ticket or a bug report."""
        QGuiApplication.clipboard().setText(self.details())
        self._copy_button.setText(self.tr("Copied"))
        QTimer.singleShot(_COPIED_FEEDBACK_MS, self, self._restore_copy_text)

    @Slot()
    def _restore_copy_text(self) -> None:
        self._copy_button.setText(self.tr("Copy details"))


def _local_now() -> datetime:
    return datetime.now().astimezone()


@dataclass(slots=True)
class _Quiet:
    """A failure whose dialog the user closed: when, and what happened since."""

    closed_at: float
    suppressed: int = 0
    first_suppressed: datetime | None = None


class ErrorPresenter(QObject):
    """The one place that turns background failures into dialogs.

    ``present`` opens one non-modal dialog per distinct ``ErrorReport.key``. A repeat while
    that dialog is open updates it and counts; after the user closes it, the same failure
    stays quiet for ``reopen_after`` seconds (its repeats are counted and shown when it does
    reopen). With ``show_dialogs=False`` (tests, CI, ``check``) nothing is shown: reports are
    logged and recorded in ``reports`` with the same de-duplication, as if each dialog were
    closed at once.

    Signals:
        reportShown(ErrorReport): a dialog for this report has just opened.
    """

    reportShown = Signal(object)

    def __init__(
        self,
        parent_widget: QWidget | None = None,
        show_dialogs: bool = True,
        *,
        reopen_after: float = DEFAULT_REOPEN_AFTER,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(parent_widget)
        self.setObjectName("errorPresenter")
        self._parent_widget = parent_widget
        self.show_dialogs = show_dialogs
        self.reopen_after = reopen_after
        self._clock = clock
        self._wall_clock = wall_clock or _local_now
        #: Reports that opened a dialog (or, headless, would have), oldest first.
        self.reports: list[ErrorReport] = []
        self._open: dict[Hashable, ErrorDialog] = {}
        self._quiet: dict[Hashable, _Quiet] = {}

    @Slot(object)
    def present(self, report: ErrorReport) -> None:
        """Show ``report``, or count it against the dialog already showing its failure."""
        self._forget_destroyed()
        key = report.key
        dialog = self._open.get(key)
        if dialog is not None:
            dialog.set_report(report)
            dialog.set_repeat_count(dialog.repeat_count + 1)
            log.debug("Repeat %d of %s", dialog.repeat_count, key)
            return

        now = self._clock()
        quiet = self._quiet.get(key)
        if quiet is not None and now - quiet.closed_at < self.reopen_after:
            quiet.suppressed += 1
            if quiet.first_suppressed is None:
                quiet.first_suppressed = self._wall_clock()
            log.debug("Suppressed repeat %d of %s", quiet.suppressed, key)
            return

        count = 1
        first_seen = self._wall_clock()
        if quiet is not None:
            count += quiet.suppressed
            first_seen = quiet.first_suppressed or first_seen
            del self._quiet[key]
        self.reports.append(report)
        log.warning("%s — while: %s — %s", report.title, report.context, report.message)

        if not self.show_dialogs:
            # Headless: behave as if the dialog had been closed straight away.
            self._quiet[key] = _Quiet(closed_at=now)
            return

        dialog = ErrorDialog(report, self._parent_widget, first_seen=first_seen)
        dialog.set_repeat_count(count)
        self._open[key] = dialog
        dialog.finished.connect(self._on_dialog_finished)
        dialog.show()
        self.reportShown.emit(report)

    @Slot()
    def _on_dialog_finished(self) -> None:
        dialog = self.sender()
        for key, open_dialog in list(self._open.items()):
            if open_dialog is dialog:
                del self._open[key]
                self._quiet[key] = _Quiet(closed_at=self._clock())
                # The presenter dropped its reference; Qt may now free the window.
                open_dialog.deleteLater()
                break

    def _forget_destroyed(self) -> None:
        # A dialog dies without ``finished`` when its parent window is deleted first.
        for key, dialog in list(self._open.items()):
            if not shiboken6.isValid(dialog):
                del self._open[key]

    @Slot()
    def close_all(self) -> None:
        """Close every error dialog and start afresh (e.g. on switching to another profile).

        The closed failures are not held back by ``reopen_after``: they belonged to what
        was shown before, and a failure of the new state deserves to be seen.
        """
        self._forget_destroyed()
        for dialog in list(self._open.values()):
            dialog.close()
        self._quiet.clear()

    def open_dialogs(self) -> list[ErrorDialog]:
        """The error dialogs currently open, oldest first."""
        self._forget_destroyed()
        return list(self._open.values())
