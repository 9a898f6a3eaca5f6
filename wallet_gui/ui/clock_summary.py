"""The clock panel's words and numbers: a badge, what it means, the offset and its details.

Why apart from ``ClockPanel``: the panel decides *which* colour state an estimate is in (it
knows whether the server answers and how old the estimate is) and places this column beside
the chart; ``ClockSummary`` only says it: the badge and its advice, the offset in large
type, which way the clock is off in words, the details form, the estimator's note, and the
same lines as plain text for Copy clock details. Its texts are looked up in the
``ClockPanel`` context, where they were translated when they were written there.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFormLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from wallet_gui.core.state import ClockState
from wallet_gui.ui.copying import label_copy_actions
from wallet_gui.ui.formatting import (
    FINE_LIMIT_S,
    RISKY_LIMIT_S,
    ClockLevel,
    format_duration,
    format_local_time,
    format_offset,
    format_ppm,
)
from wallet_gui.ui.tones import CLOCK_BADGES, Pair, is_palette_change, pair_for


def _text(widget: QWidget | None) -> str:
    return widget.text() if isinstance(widget, QLabel) else ""


def _value_label(parent: QWidget, name: str, *, wrap: bool = False) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if wrap:  # and say so, so that the layout asks for the height the lines need
        label.setWordWrap(True)
        policy = label.sizePolicy()
        policy.setHeightForWidth(True)
        label.setSizePolicy(policy)
    return label


def threshold_help(stale_after_s: float) -> str:
    """The badge's tooltip: what each colour state means, and why this app keeps working."""
    return QCoreApplication.translate(
        "ClockPanel",
        "Clock fine: the offset plus its uncertainty is at most {fine:g} s.\n"
        "Clock skew risky: up to {risky:g} s; servers that check timestamps may start "
        "refusing requests signed with this computer's clock.\n"
        "Computer clock far off: more than {risky:g} s; other software signing with "
        "this computer's clock would be refused.\n"
        "Signatures failing: the server has refused this app's timestamp.\n"
        "Clock unknown: the server could not be reached, or nothing was measured for "
        "{stale:g} minutes.\n\n"
        "This app signs its requests with the corrected clock, so it keeps working; other "
        "programs on this computer use the uncorrected clock.",
    ).format(fine=FINE_LIMIT_S, risky=RISKY_LIMIT_S, stale=stale_after_s / 60)


def direction_text(offset: float, half_width: float | None) -> str:
    """Which way this computer's clock is off, in words (or that it is within the bound)."""
    translate = QCoreApplication.translate  # a name lupdate knows
    if half_width is not None and abs(offset) <= half_width:
        # The interval holds zero: ahead or behind is not known, only how close.
        within = QLocale().toString(half_width, "f", 3)  # the locale's decimal sign
        return translate("ClockPanel", "This computer is within ±{0} s of the server.").format(
            within
        )
    amount = translate("ClockPanel", "{0} s").format(QLocale().toString(abs(offset), "f", 3))
    if round(abs(offset), 3) == 0:
        return translate("ClockPanel", "This computer agrees with the server.")
    if offset > 0:
        return translate("ClockPanel", "This computer is {0} behind the server.").format(amount)
    return translate("ClockPanel", "This computer is {0} ahead of the server.").format(amount)


def drift_text(state: ClockState) -> str:
    """The drift with its bound, how far its measuring has got, or that it is measuring."""
    translate = QCoreApplication.translate  # a name lupdate knows
    if state.rate_ppm is not None:
        return format_ppm(state.rate_ppm, state.rate_half_width_ppm)
    if state.rate_bounds_ppm is not None:
        # Narrowing slowly (the interval's width over the time since the first probe):
        # show how far it has got instead of a bare "measuring…".
        low, high = state.rate_bounds_ppm
        return translate("ClockPanel", "measuring… (so far {0} to {1} ppm)").format(
            f"{low:+.0f}".replace("-", "−"), f"{high:+.0f}".replace("-", "−")
        )
    return translate("ClockPanel", "measuring…")


def level_texts(level: ClockLevel, state: ClockState, *, reachable: bool) -> tuple[str, str]:
    """The badge and its advice for ``level``; the advice may hold {0} (since when the
    server is unreachable) and {1} (when the numbers were measured)."""
    translate = QCoreApplication.translate  # a name lupdate knows
    texts = {
        ClockLevel.UNKNOWN: ("", ""),
        ClockLevel.STALE: (
            translate("ClockPanel", "Clock unknown"),
            translate("ClockPanel", "Server unreachable since {0}; the numbers are from {1}.")
            if not reachable
            else translate("ClockPanel", "Not measured since {1}; the numbers are from then."),
        ),
        ClockLevel.FINE: (translate("ClockPanel", "Clock fine"), ""),
        ClockLevel.RISKY: (
            translate("ClockPanel", "Clock skew risky"),
            translate(
                "ClockPanel",
                "This app corrects for it. Other software signing with this computer's "
                "clock may be refused.",
            ),
        ),
        ClockLevel.FAILING: (
            translate("ClockPanel", "Signatures failing"),
            translate("ClockPanel", "The server refused this app's timestamp; measuring again."),
        )
        if state.signatures_failing
        else (
            translate("ClockPanel", "Computer clock far off"),
            translate(
                "ClockPanel",
                "This app corrects for it. Other software signing with this computer's "
                "clock would be refused.",
            ),
        ),
    }
    return texts[level]


class ClockSummary(QWidget):
    """The column of texts beside the clock chart; the panel tells it what to show.

    Args:
        stale_after_s: after how long without a measurement the estimate goes grey (for
            the badge's tooltip).
    """

    def __init__(self, parent: QWidget | None = None, *, stale_after_s: float) -> None:
        super().__init__(parent)
        self._level = ClockLevel.UNKNOWN
        translate = QCoreApplication.translate  # a name lupdate knows

        self._badge = _value_label(self, "clockStatusLabel")
        self._badge.setToolTip(threshold_help(stale_after_s))
        self._badge.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self._advice = _value_label(self, "clockAdviceLabel", wrap=True)

        self._offset = _value_label(self, "clockOffsetLabel")
        self._offset.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        big = QFont(self._offset.font())
        big.setPointSizeF(big.pointSizeF() * 1.6)
        big.setWeight(QFont.Weight.DemiBold)
        self._offset.setFont(big)
        self._offset.setToolTip(
            translate(
                "ClockPanel",
                "Server time minus this computer's time. The ± is a guaranteed bound: the true "
                "offset lies within it.",
            )
        )
        label_copy_actions(
            self._offset,
            (
                (
                    translate("ClockPanel", "&Copy offset"),
                    "copyClockOffsetAction",
                    self._offset.text,
                ),
                (
                    translate("ClockPanel", "Copy clock &details"),
                    "copyClockDetailsAction",
                    self.summary_text,
                ),
            ),
        )

        self._direction = _value_label(self, "clockDirectionLabel", wrap=True)
        self._typical = _value_label(self, "clockTypicalErrorLabel")
        self._rtt = _value_label(self, "clockRoundTripLabel")
        self._drift = _value_label(self, "clockDriftLabel")
        self._samples = _value_label(self, "clockSamplesLabel")
        self._falsetickers = _value_label(self, "clockFalsetickersLabel")
        self._measured = _value_label(self, "clockMeasuredAtLabel")
        self._note = _value_label(self, "clockNoteLabel", wrap=True)

        self._details = QFormLayout()
        self._details.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self._details.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._details.setHorizontalSpacing(12)
        self._details.setVerticalSpacing(3)
        self._details.addRow(translate("ClockPanel", "Typical error:"), self._typical)
        self._details.addRow(translate("ClockPanel", "Round trip:"), self._rtt)
        self._details.addRow(translate("ClockPanel", "Drift:"), self._drift)
        self._details.addRow(translate("ClockPanel", "Samples:"), self._samples)
        self._details.addRow(translate("ClockPanel", "Falsetickers:"), self._falsetickers)
        self._details.addRow(translate("ClockPanel", "Last measured:"), self._measured)
        self._drift.setToolTip(
            translate(
                "ClockPanel",
                "How fast this computer's clock runs off the server's, in parts per million.",
            )
        )
        self._falsetickers.setToolTip(
            translate("ClockPanel", "Samples left out because they disagreed with all the others.")
        )

        column = QVBoxLayout()
        column.setSpacing(6)
        column.addWidget(self._badge)
        column.addWidget(self._advice)
        column.addWidget(self._offset)
        column.addWidget(self._direction)
        column.addSpacing(4)
        column.addLayout(self._details)
        column.addWidget(self._note)
        column.addStretch(1)
        self.setLayout(column)
        self.setMinimumWidth(300)
        self.setMaximumWidth(420)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        column.setContentsMargins(0, 0, 0, 0)

    def summary_text(self) -> str:
        """What the column says, as plain text lines (Copy clock details)."""
        lines = [w.text() for w in (self._badge, self._advice, self._offset, self._direction)]
        for row in range(self._details.rowCount()):
            name = self._details.itemAt(row, QFormLayout.ItemRole.LabelRole)
            value = self._details.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if name and value and self._details.isRowVisible(row):
                lines.append(f"{_text(name.widget())} {_text(value.widget())}")
        return "\n".join(line for line in [*lines, self._note.text()] if line)

    def keep_whole(self) -> None:
        """Ask for the height the wrapped lines need: a splitter would squeeze them."""
        width = max(self.width(), self.minimumWidth())
        self.setMinimumHeight(max(0, self.heightForWidth(width)))

    def show_state(self, state: ClockState) -> None:
        """The offset, its direction, the details and the note of ``state``."""
        if state.offset is None:
            self._offset.setText(
                QCoreApplication.translate("ClockPanel", "Measuring clock offset…")
            )
            self._direction.setText("")
            self._direction.hide()
        else:
            self._offset.setText(format_offset(state.offset, state.half_width))
            self._direction.setText(direction_text(state.offset, state.half_width))
            self._direction.show()

        self._set_row(
            self._typical,
            format_duration(state.typical_error),
            visible=state.typical_error is not None,
        )
        self._set_row(self._rtt, format_duration(state.rtt_min), visible=True)
        self._set_row(self._drift, drift_text(state), visible=True)
        self._set_row(self._samples, str(state.samples), visible=True)
        self._set_row(self._falsetickers, str(state.falsetickers), visible=state.falsetickers > 0)
        self._set_row(self._measured, format_local_time(state.measured_at), visible=True)
        self._note.setText(state.note or "")
        self._note.setVisible(bool(state.note))

    def _set_row(self, field: QLabel, text: str, *, visible: bool) -> None:
        field.setText(text)
        self._details.setRowVisible(field, visible)

    def show_level(
        self,
        level: ClockLevel,
        state: ClockState,
        *,
        reachable: bool,
        unreachable_since: float | None,
    ) -> None:
        """The badge and advice of ``level`` for ``state``, in the level's colours."""
        self._level = level
        since = format_local_time(state.measured_at if reachable else unreachable_since)
        badge, advice = level_texts(level, state, reachable=reachable)
        self._badge.setText(badge)
        self._advice.setText(advice.format(since, format_local_time(state.measured_at)))
        # Before the first result the offset label already says "Measuring…": no badge.
        self._badge.setVisible(level is not ClockLevel.UNKNOWN)
        self._advice.setVisible(bool(advice))
        self.keep_whole()
        self._style_badge()

    def _style_badge(self) -> None:
        """The level's badge colours (ui/tones.py: 4.5:1 at least) for the palette now."""
        shade = CLOCK_BADGES.get(self._level.value)
        pair = (
            pair_for(shade, self.palette())
            if shade is not None  # else nothing measured yet, and the badge is hidden
            else Pair("palette(alternate-base)", "palette(window-text)")
        )
        self._badge.setStyleSheet(
            f"QLabel {{ background: {pair.background}; color: {pair.text}; font-weight: 600;"
            " border-radius: 4px; padding: 3px 10px; }"
        )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if is_palette_change(event) and hasattr(self, "_badge"):  # light ↔ dark: they follow
            self._style_badge()


__all__ = ["ClockSummary", "direction_text", "drift_text", "level_texts", "threshold_help"]
