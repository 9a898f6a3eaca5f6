"""One problem explained: what was being done, what went wrong, how often, and whether it is over.

The lower part of the error window (``wallet_gui.ui.error_dialog``). Everything shown here may
come from the server, so it is shown as plain text (through ``wallet_gui.ui.plain_text``);
the only rich text is the "More information" link, built from an escaped URI and only when
the report says the URI is a web link (http/https), and its tooltip is escaped too. A
``javascript:`` or ``file:`` URI is shown, never clickable. Each field shows a bounded
excerpt (a note says so); ``details`` keeps each field up to ``FULL_TEXT_CHARS``.
"""

from __future__ import annotations

import html
from dataclasses import replace
from http import HTTPStatus

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QStyle, QVBoxLayout, QWidget

from wallet_gui.core.error_gate import Problem
from wallet_gui.core.reports import ErrorReport
from wallet_gui.ui.core_texts import (
    report_description,
    report_message,
    report_title,
    request_context,
)
from wallet_gui.ui.plain_text import (
    EXCERPT_CHARS,
    FULL_TEXT_CHARS,
    breakable,
    capped,
    excerpt,
    plain_label,
    plain_tooltip,
)

# The description is the one text people read, so it may be longer than the other fields.
_DESCRIPTION_CHARS = 2 * EXCERPT_CHARS
# Identifiers and the link are short when honest; "Copy details" keeps this much of each.
_IDENTIFIER_COPY_CHARS = 2048


def _copied(report: ErrorReport) -> ErrorReport:
    """``report`` with each text cut to what "Copy details" keeps of it."""

    def short(text: str | None) -> str | None:
        return None if text is None else capped(text, _IDENTIFIER_COPY_CHARS)

    return replace(
        report,
        context=capped(report.context, _IDENTIFIER_COPY_CHARS),
        message=capped(report.message),
        code=short(report.code),
        description=None if report.description is None else capped(report.description),
        correlation_id=short(report.correlation_id),
        uri=short(report.uri),
    )


def _status_text(status: int) -> str:
    """``401 Unauthorized``: the number people search for, plus the standard phrase."""
    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return str(status)


class ErrorDetails(QWidget):
    """The selected problem's latest report, its count and its state; rows without a value
    are hidden, never left as empty captions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorContent")
        self._problem: Problem | None = None
        self._cut = False  # whether the report shown had a text too long to show whole

        icon = self._icon = QLabel()
        icon.setObjectName("errorIcon")
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._set_icon(QStyle.StandardPixmap.SP_MessageBoxWarning)

        self._title = plain_label("errorTitleLabel")
        title_font = self._title.font()
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.15)
        self._title.setFont(title_font)
        self._context = plain_label("errorContextLabel")
        self._message = plain_label("errorMessageLabel")

        self._code = plain_label("errorCodeLabel")
        self._description = plain_label("errorDescriptionLabel")
        self._status = plain_label("errorStatusLabel")
        self._retry = plain_label("errorRetryLabel")
        self._correlation = plain_label("errorCorrelationLabel")
        self._link = plain_label("errorLinkLabel")
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

        self._repeat = plain_label("errorRepeatLabel")
        note_font = self._repeat.font()
        note_font.setItalic(True)
        self._repeat.setFont(note_font)
        self._state = plain_label("errorStateLabel")
        self._state.setFont(note_font)
        self._shortened = plain_label("errorTruncatedLabel")
        self._shortened.setFont(note_font)
        self._shortened.setText(
            self.tr(
                "Long text is shortened here; “Copy details” copies it in full "
                "(up to {size} KiB per field)."
            ).format(size=FULL_TEXT_CHARS // 1024)
        )

        column = QVBoxLayout()
        column.setSpacing(6)
        for widget in (self._title, self._context, self._message):
            column.addWidget(widget)
        column.addSpacing(6)
        column.addLayout(self._form)
        column.addSpacing(4)
        for widget in (self._repeat, self._state, self._shortened):
            column.addWidget(widget)
        column.addStretch(1)
        body = QHBoxLayout(self)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(14)
        body.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        body.addLayout(column, 1)

    @property
    def problem(self) -> Problem | None:
        return self._problem

    def show_problem(self, problem: Problem) -> bool:
        """Show ``problem``; True when its report's text changed (the size may have to)."""
        before, self._problem = self._problem, problem
        changed = before is None or before.report != problem.report
        if changed:
            self._show_report(problem.report)
        # A warning for what needs the user; retried or resolved ones are information.
        urgent = problem.is_open and problem.needs_user
        self._set_icon(
            QStyle.StandardPixmap.SP_MessageBoxWarning
            if urgent
            else QStyle.StandardPixmap.SP_MessageBoxInformation
        )
        self._repeat.setText(self._repeat_text(problem))
        self._repeat.setVisible(problem.count > 1)
        state = self._state_text(problem)
        self._state.setText(state)
        self._state.setVisible(bool(state))
        return changed or before is None or before.key != problem.key

    def details(self) -> str:
        """What "Copy details" copies: the report (each field up to ``FULL_TEXT_CHARS``,
        identifiers up to 2 KiB), the count and the state."""
        problem = self._problem
        if problem is None:
            return ""
        lines = [_copied(problem.report).details()]
        if problem.count > 1:
            lines.append(self._repeat_text(problem))
        state = self._state_text(problem).replace("\u200b", "")  # soft breaks are display only
        if state:
            lines.append(capped(state))
        return "\n".join(lines)

    # -- inside ------------------------------------------------------------------------------

    def _show_report(self, report: ErrorReport) -> None:
        self._title.setText(report_title(report))
        self._cut = False
        context = self._shown(request_context(report.context))
        self._context.setText(self.tr("While: {context}").format(context=context))

        # An API error's message repeats code, status and description; other kinds have
        # nothing but the message, so it is the one line that explains them.
        message = report_message(report) if report.code is None else None
        status = _status_text(report.status) if report.status else None
        retry = (
            self.tr("{seconds:g} s").format(seconds=report.retry_after)
            if report.retry_after is not None
            else None
        )
        self._message.setText(self._shown(message) if message else "")
        self._message.setVisible(bool(message))
        description = report_description(report) or ""
        self._set_row(self._description, self._shown(description, _DESCRIPTION_CHARS))
        # Identifiers people search for get no soft breaks unless they are absurdly long.
        for field, value in (
            (self._code, report.code),
            (self._status, status),
            (self._retry, retry),
            (self._correlation, report.correlation_id),
        ):
            self._set_row(field, self._shown(value, soft_breaks=False) if value else None)
        self._set_link(report)
        self._shortened.setVisible(self._cut)

    def _set_icon(self, which: QStyle.StandardPixmap) -> None:
        style = self.style()
        size = style.pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize, None, self)
        self._icon.setPixmap(style.standardIcon(which, None, self).pixmap(size, size))

    def _shown(self, text: str, limit: int = EXCERPT_CHARS, *, soft_breaks: bool = True) -> str:
        """What is shown of one server text: an excerpt, wrappable when it is long."""
        if len(text) > limit:
            self._cut = True
            soft_breaks = True
        shown = excerpt(text, limit)
        return breakable(shown) if soft_breaks else shown

    def _set_row(self, field: QLabel, value: str | None) -> None:
        field.setText(value or "")
        self._form.setRowVisible(field, bool(value))

    def _set_link(self, report: ErrorReport) -> None:
        label = self._link
        link = report.link
        if link is not None and len(link) <= _IDENTIFIER_COPY_CHARS:
            # The only rich text in the window: both the href and the shown text are escaped,
            # and ``ErrorReport.link`` already guarantees an http(s) URL with a host. A
            # link longer than any honest help page's address is shown, not clickable.
            shown = html.escape(self._shown(link))
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setText(f'<a href="{html.escape(link, quote=True)}">{shown}</a>')
            label.setOpenExternalLinks(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
            label.setToolTip(plain_tooltip(link))
        else:
            label.setOpenExternalLinks(False)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setText(self._shown(report.uri) if report.uri else "")
            label.setToolTip("")
        self._form.setRowVisible(label, bool(report.uri))

    def _repeat_text(self, problem: Problem) -> str:
        return self.tr("Happened %n times since {0}", "", problem.count).format(
            problem.first_seen.strftime("%H:%M:%S")
        )

    def _state_text(self, problem: Problem) -> str:
        """Resolved, or retried by the app, and where else it is failing right now."""
        if problem.resolved_at is not None:
            return self.tr("Resolved at {time}.").format(
                time=problem.resolved_at.strftime("%H:%M:%S")
            )
        text = "" if problem.needs_user else self.tr("The app retries this by itself.")
        if len(problem.where) > 1:
            where = ", ".join(request_context(place) for place in problem.where)
            places = breakable(excerpt(where, EXCERPT_CHARS))
            failing = self.tr("Failing now: {0}").format(places)
            text = f"{text} {failing}".strip()
        return text


__all__ = ["ErrorDetails"]
