"""The "Alerts" part of the profile form: which alert rules the profile has.

A form of its own inside ``CredentialsDialog``, like ``MonitoringGroup``: the clock offset
limit and the "API failing" duration (each with a box to switch it off), incoming
transactions, and the low balances as one line (``14471 EUR 100.00; 14472 USD 5``), read by
``wallet_gui.core.alert_rules``. Values in, ``AlertRules`` out; it stores nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from wallet_gui.core.alert_rules import (
    DEFAULT_API_FAILING_MIN,
    DEFAULT_CLOCK_OFFSET_S,
    AlertRules,
    AlertRulesError,
    format_low_balances,
    parse_low_balances,
)
from wallet_gui.ui.core_texts import error_message

# Complete rules separated by ";" or ","; the validator lets through what can still become one.
_LOW_BALANCES = r"(\s*\d{1,19}\s+[A-Za-z]{3}\s+-?\d{1,15}(\.\d{1,8})?\s*([;,]|$))*\s*"


def _switchable(
    name: str, suffix: str, low: float, high: float, decimals: int
) -> tuple[QCheckBox, QDoubleSpinBox, QWidget]:
    box = QCheckBox()
    box.setObjectName(f"{name}Check")
    spin = QDoubleSpinBox()
    spin.setObjectName(f"{name}Spin")
    spin.setRange(low, high)
    spin.setDecimals(decimals)
    spin.setSuffix(suffix)
    box.toggled.connect(spin.setEnabled)
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(box)
    layout.addWidget(spin, 1)
    return box, spin, row


class AlertsGroup(QGroupBox):
    """The profile's alert rules.

    Signals:
        edited(): any field changed.
    """

    edited = Signal()

    def __init__(self, rules: AlertRules | None = None) -> None:
        super().__init__()
        self.setObjectName("alertsGroup")
        self.setTitle(self.tr("Alerts"))
        form = QFormLayout(self)
        self._clock_check, self._clock_spin, clock_row = _switchable(
            "alertClockOffset", self.tr(" s"), 0.001, 3600.0, 3
        )
        self._failing_check, self._failing_spin, failing_row = _switchable(
            "alertApiFailing", self.tr(" min"), 0.5, 1440.0, 1
        )
        self._incoming_check = QCheckBox(self.tr("Each new incoming transaction"))
        self._incoming_check.setObjectName("alertIncomingCheck")
        self._low_edit = QLineEdit()
        self._low_edit.setObjectName("alertLowBalancesEdit")
        self._low_edit.setPlaceholderText(self.tr("e.g. 14471 EUR 100.00; 14472 USD 5"))
        pattern = QRegularExpression(_LOW_BALANCES)
        self._low_edit.setValidator(QRegularExpressionValidator(pattern, self._low_edit))
        self._low_error = QLabel()
        self._low_error.setObjectName("alertLowBalancesError")
        self._low_error.setTextFormat(Qt.TextFormat.PlainText)
        self._low_error.setWordWrap(True)
        self._low_error.hide()

        form.addRow(self.tr("Clock offset above:"), clock_row)
        form.addRow(self.tr("API failing for:"), failing_row)
        form.addRow(self.tr("Low balances:"), self._low_edit)
        form.addRow("", self._low_error)
        form.addRow("", self._incoming_check)

        self.set_rules(rules or AlertRules())
        for box in (self._clock_check, self._failing_check, self._incoming_check):
            box.toggled.connect(self.edited)
        for spin in (self._clock_spin, self._failing_spin):
            spin.valueChanged.connect(self.edited)
        self._low_edit.textChanged.connect(self._on_low_edited)

    def set_rules(self, rules: AlertRules) -> None:
        """Show ``rules``; a rule that is off keeps the default in its disabled field."""
        clock, failing = rules.clock_offset_s, rules.api_failing_min
        self._clock_spin.setValue(DEFAULT_CLOCK_OFFSET_S if clock is None else clock)
        self._clock_check.setChecked(clock is not None)
        self._clock_spin.setEnabled(clock is not None)
        self._failing_spin.setValue(DEFAULT_API_FAILING_MIN if failing is None else failing)
        self._failing_check.setChecked(failing is not None)
        self._failing_spin.setEnabled(failing is not None)
        self._incoming_check.setChecked(rules.incoming)
        self._low_edit.setText(format_low_balances(rules.low_balances))

    def error(self) -> str | None:
        """Why the low-balance line cannot be read (shown under it), or ``None``."""
        try:
            parse_low_balances(self._low_edit.text())
        except AlertRulesError as problem:
            return error_message(problem)
        return None

    def rules(self) -> AlertRules:
        """The rules as entered; raises ``AlertRulesError`` while the low balances are wrong."""
        return AlertRules(
            low_balances=parse_low_balances(self._low_edit.text()),
            clock_offset_s=self._clock_spin.value() if self._clock_check.isChecked() else None,
            api_failing_min=(
                self._failing_spin.value() if self._failing_check.isChecked() else None
            ),
            incoming=self._incoming_check.isChecked(),
        )

    def _on_low_edited(self) -> None:
        problem = self.error()
        self._low_error.setText(problem or "")
        self._low_error.setVisible(problem is not None)
        self.edited.emit()


def alerts_group_of(dialog: QWidget) -> AlertsGroup:
    """The alert rules of a profile form (the Connect dialog always has them)."""
    group = dialog.findChild(AlertsGroup, "alertsGroup")
    if group is None:
        raise LookupError("this dialog has no alert rules")
    return group
