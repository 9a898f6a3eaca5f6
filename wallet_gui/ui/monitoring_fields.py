"""The "Monitoring" part of the profile form: which wallets, how often, and the extras.

Like ``AuthenticationGroup`` (``wallet_gui.ui.auth_fields``) it is a form of its own inside
``CredentialsDialog``: the wallet ids, the poll interval, the optional project and location
ids and an extra CA bundle. Its fields only accept what can be right while typing (digits
and separators, positive numbers); whether the whole profile is complete is decided by
``ProfileForm`` (``wallet_gui.core.profile_form``).
"""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLineEdit, QSpinBox

from wallet_gui.core.connection import DEFAULT_INTERVAL, MIN_INTERVAL
from wallet_gui.core.profile_form import MAX_INTERVAL, POSITIVE_ID_PATTERN, WALLET_IDS_PATTERN
from wallet_gui.ui.alert_fields import AlertsGroup
from wallet_gui.ui.auth_fields import FileChooser, FileField


def _validated_edit(object_name: str, pattern: str, placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(object_name)
    edit.setPlaceholderText(placeholder)
    edit.setValidator(QRegularExpressionValidator(QRegularExpression(pattern), edit))
    return edit


class MonitoringGroup(QGroupBox):
    """Wallet ids, poll interval, project and location ids, CA bundle.

    Signals:
        edited(): any field changed.
    """

    edited = Signal()

    def __init__(self, *, chooser: FileChooser) -> None:
        super().__init__()
        self.setTitle(self.tr("Monitoring"))
        form = QFormLayout(self)

        self._wallet_ids_edit = _validated_edit(
            "walletIdsEdit", WALLET_IDS_PATTERN, self.tr("e.g. 14471, 14472")
        )
        self._interval_spin = QSpinBox()
        self._interval_spin.setObjectName("intervalSpin")
        self._interval_spin.setRange(int(MIN_INTERVAL), MAX_INTERVAL)
        self._interval_spin.setSuffix(self.tr(" s"))
        self._interval_spin.setValue(int(DEFAULT_INTERVAL))
        # Positive integers without leading zeros; empty means "not used".
        optional = self.tr("optional")
        self._project_id_edit = _validated_edit("projectIdEdit", POSITIVE_ID_PATTERN, optional)
        self._location_id_edit = _validated_edit("locationIdEdit", POSITIVE_ID_PATTERN, optional)
        self._ca_bundle_edit = QLineEdit()
        self._ca_bundle_edit.setObjectName("caBundleEdit")
        self._ca_bundle_edit.setPlaceholderText(self.tr("optional — system certificates"))

        form.addRow(self.tr("Wallet ids:"), self._wallet_ids_edit)
        form.addRow(self.tr("Poll every:"), self._interval_spin)
        form.addRow(self.tr("Project id:"), self._project_id_edit)
        form.addRow(self.tr("Location id:"), self._location_id_edit)
        form.addRow(
            self.tr("CA bundle:"),
            FileField(
                self._ca_bundle_edit,
                "caBundleBrowseButton",
                self.tr("CA bundle"),
                self.tr("PEM files (*.pem *.crt);;All files (*)"),
                chooser,
            ),
        )
        for edit in (
            self._wallet_ids_edit,
            self._project_id_edit,
            self._location_id_edit,
            self._ca_bundle_edit,
        ):
            edit.textChanged.connect(self.edited)
        self._interval_spin.valueChanged.connect(self.edited)
        # The profile's alert rules: ``alerts.set_rules(...)`` / ``alerts.rules()``.
        self.alerts = AlertsGroup()
        form.addRow(self.alerts)
        self.alerts.edited.connect(self.edited)

    def set_values(
        self, *, wallet_ids: str, interval: float, project_id: str, location_id: str, ca_bundle: str
    ) -> None:
        """Show these values (the interval rounded to whole seconds)."""
        self._wallet_ids_edit.setText(wallet_ids)
        self._interval_spin.setValue(round(interval))
        self._project_id_edit.setText(project_id)
        self._location_id_edit.setText(location_id)
        self._ca_bundle_edit.setText(ca_bundle)

    def wallet_ids(self) -> str:
        return self._wallet_ids_edit.text()

    def interval(self) -> float:
        return float(self._interval_spin.value())

    def project_id(self) -> str:
        return self._project_id_edit.text()

    def location_id(self) -> str:
        return self._location_id_edit.text()

    def ca_bundle(self) -> str:
        return self._ca_bundle_edit.text()
