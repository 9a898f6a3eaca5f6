"""File ▸ Export…: one kind of history (balances, clock, transactions, events) to a CSV file.

The rows and their format are those of ``wallet-gui history export``: exact decimal amounts,
ISO 8601 UTC times. The file is written atomically: into a temporary file beside the target,
which replaces the target only once every row is written and flushed, so a failed or
stopped export never leaves half a file (nor destroys an older export of the same name).
The outcome is one line in the dialog: how many rows were written, or why nothing was.

The export runs on a thread of its own (``qt.export_job.ExportJob``, which reads through its
own read-only connection to the database file), so the window stays responsive through a
long one (a year of samples is two million rows, about 40 s). The dialog shows its
progress; Stop stops it; closing the dialog, or quitting the app, stops it and waits for
its thread before the dialog goes.

The file chooser is a parameter (``choose_file``) so that tests never open a native dialog.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wallet_gui.api.errors import WalletError
from wallet_gui.core.file_export import (
    PROGRESS_EVERY_S,
    ExportRequest,
    ExportStoppedError,
    ExportWriteError,
)
from wallet_gui.qt.export_job import ExportJob
from wallet_gui.ui.core_texts import error_message
from wallet_gui.ui.plain_text import cell_text, plain_label

#: The kinds the export knows, in the order of the kind box.
EXPORT_KINDS = ("balances", "clock", "statements", "events")

#: ``choose_file(parent, suggested_path) -> chosen path`` ("" when cancelled).
FileChooser = Callable[[QWidget, str], str]


def _native_chooser(parent: QWidget, suggested: str) -> str:
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ExportDialog", "Export to"),
        suggested,
        QCoreApplication.translate("ExportDialog", "CSV files (*.csv);;All files (*)"),
    )
    return path


class ExportDialog(QDialog):
    """Choose a kind, an optional time range and a file; Export writes it on a thread.

    Constructor: ``ExportDialog(database, profile, parent=None, *, choose_file=None,
    clock=time.time, progress_every_s=0.25)``: ``database`` is the history file (the
    export opens it read-only), ``choose_file`` replaces ``QFileDialog.getSaveFileName``.

    Methods: set_kind(str), set_range(since, until) (UNIX seconds or None), set_path(str),
    path() -> str, export() -> bool (an export started; its end comes as
    ``exportFinished``), cancel() (ask the export under way to stop), stop_export() (stop
    it and wait for its thread), job() -> ExportJob | None (the export under way),
    result_text() -> str.

    Signals:
        exported(str, int): the file written and how many rows it has.
        progressed(int): rows written so far, a few times a second during a long export.
        exportFinished(object): an export ended: the rows written (int) or why none were
            (a ``WalletError``: ``ExportStoppedError``, ``ExportWriteError``…).
    """

    exported = Signal(str, int)
    progressed = Signal(int)
    exportFinished = Signal(object)

    def __init__(
        self,
        database: Path,
        profile: str,
        parent: QWidget | None = None,
        *,
        choose_file: FileChooser | None = None,
        clock: Callable[[], float] = time.time,
        progress_every_s: float = PROGRESS_EVERY_S,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export history"))
        self._database = Path(database)
        self._profile = profile
        self._choose_file = choose_file or _native_chooser
        self._progress_every_s = progress_every_s
        self._path_typed = False  # the user chose a path: a new kind keeps it
        self._job: ExportJob | None = None

        self._kind = QComboBox(self)
        self._kind.setObjectName("exportKindCombo")
        labels = {
            "balances": self.tr("Balances"),
            "clock": self.tr("Clock offsets"),
            "statements": self.tr("Transactions"),
            "events": self.tr("Events"),
        }
        for kind in EXPORT_KINDS:
            self._kind.addItem(labels[kind], kind)
        self._kind.currentIndexChanged.connect(self._on_kind_chosen)

        now = QDateTime.fromSecsSinceEpoch(round(clock()))
        month_ago = now.addDays(-30)
        self._since_check, self._since = self._bound("exportSince", self.tr("&From:"), month_ago)
        self._until_check, self._until = self._bound("exportUntil", self.tr("&Until:"), now)

        self._path = QLineEdit(self)
        self._path.setObjectName("exportPathEdit")
        self._path.setAccessibleName(self.tr("File"))
        self._path.setMinimumWidth(self.fontMetrics().averageCharWidth() * 48)  # a whole path
        self._path.textEdited.connect(self._on_path_typed)
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.setObjectName("exportBrowseButton")
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self._path, 1)
        file_row.addWidget(browse)

        self._result = plain_label("exportResultLabel", parent=self, wrap=True)

        buttons = QDialogButtonBox(self)
        self._export = buttons.addButton(self.tr("&Export"), QDialogButtonBox.ButtonRole.ActionRole)
        self._export.setObjectName("exportButton")
        self._export.setDefault(True)
        self._export.clicked.connect(self.export)
        self._stop = buttons.addButton(self.tr("&Stop"), QDialogButtonBox.ButtonRole.ActionRole)
        self._stop.setObjectName("exportStopButton")
        self._stop.clicked.connect(self.cancel)
        self._stop.hide()
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("exportCloseButton")
        buttons.rejected.connect(self.reject)

        what_label = QLabel(self.tr("&What:"), self)
        what_label.setBuddy(self._kind)
        file_label = QLabel(self.tr("F&ile:"), self)
        file_label.setBuddy(self._path)
        form = QFormLayout()
        form.addRow(what_label, self._kind)
        form.addRow(self._since_check, self._since)
        form.addRow(self._until_check, self._until)
        form.addRow(file_label, file_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self._result)
        layout.addWidget(buttons)
        self._suggest_path()

    def _bound(self, name: str, text: str, value: QDateTime) -> tuple[QCheckBox, QDateTimeEdit]:
        """An optional time bound: a check box that enables its date and time field."""
        check = QCheckBox(text, self)
        check.setObjectName(f"{name}Check")
        edit = QDateTimeEdit(value, self)
        edit.setObjectName(f"{name}Edit")
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        edit.setEnabled(False)
        edit.setAccessibleName(text.replace("&", "").rstrip(":"))
        check.toggled.connect(edit.setEnabled)
        return check, edit

    # -- public API ----------------------------------------------------------------------

    def kind(self) -> str:
        return str(self._kind.currentData())

    def set_kind(self, kind: str) -> None:
        index = self._kind.findData(kind)
        if index >= 0:
            self._kind.setCurrentIndex(index)

    def set_range(self, since: float | None, until: float | None) -> None:
        """The bounds in UNIX seconds; None leaves that side open."""
        for check, edit, value in ((self._since_check, self._since, since),
                                   (self._until_check, self._until, until)):  # fmt: skip
            check.setChecked(value is not None)
            if value is not None:
                edit.setDateTime(QDateTime.fromSecsSinceEpoch(round(value)))

    def time_range(self) -> tuple[float | None, float | None]:
        since = float(self._since.dateTime().toSecsSinceEpoch())
        until = float(self._until.dateTime().toSecsSinceEpoch())
        return (
            since if self._since_check.isChecked() else None,
            until if self._until_check.isChecked() else None,
        )

    def path(self) -> str:
        return self._path.text().strip()

    def set_path(self, path: str) -> None:
        self._path.setText(path)
        self._path_typed = True

    def result_text(self) -> str:
        return self._result.text()

    def job(self) -> ExportJob | None:
        """The export under way, if any."""
        return self._job

    @Slot()
    def export(self) -> bool:
        """Start writing the chosen kind and range to the chosen file; False (and a line
        saying why) when there is nothing to start. The end comes as ``exportFinished``."""
        if self._job is not None:  # one export at a time
            return False
        text = self.path()
        if not text:
            self._result.setText(self.tr("Choose a file to export to."))
            return False
        since, until = self.time_range()
        if since is not None and until is not None and until < since:
            self._result.setText(self.tr("The end of the range is before its start."))
            return False
        request = ExportRequest(
            database=self._database,
            profile=self._profile,
            kind=self.kind(),
            since=since,
            until=until,
            target=Path(text).expanduser(),
        )
        job = ExportJob(request, progress_every_s=self._progress_every_s)
        job.progress.connect(self._on_progress)
        job.finished.connect(self._on_finished)
        self._job = job
        self._export.setEnabled(False)
        self._stop.show()
        self._result.setText(self.tr("Writing…"))
        job.start()
        return True

    @Slot()
    def cancel(self) -> None:
        """Ask the export under way to stop (at its next row); nothing is written."""
        if self._job is not None:
            self._job.stop()

    def stop_export(self) -> bool:
        """Stop the export under way and wait for its thread; its outcome is shown before
        this returns. True when no export thread is left running."""
        job = self._job
        return job.join() if job is not None else True

    def done(self, result: int) -> None:
        """Closing the dialog (Close, Escape, ×, quitting) stops an export first."""
        self.stop_export()
        super().done(result)

    # -- internals -----------------------------------------------------------------------

    @Slot(int)
    def _on_progress(self, rows: int) -> None:
        self._result.setText(self.tr("Writing… {0} rows so far").format(rows))
        self.progressed.emit(rows)

    @Slot(object)
    def _on_finished(self, result: int | WalletError) -> None:
        job, self._job = self._job, None
        self._export.setEnabled(True)
        self._stop.hide()
        path = str(job.request.target) if job is not None else self.path()
        if isinstance(result, ExportStoppedError):
            self._result.setText(self.tr("Export stopped; nothing was written."))
        elif isinstance(result, ExportWriteError):
            message = self.tr("Could not write {0}: {1}").format(str(result.path), result.reason)
            self._result.setText(cell_text(message))
        elif isinstance(result, WalletError):
            message = self.tr("Export failed: {0}").format(error_message(result))
            self._result.setText(cell_text(message))
        else:
            self._result.setText(self.tr("%n row(s) written to {0}.", "", result).format(path))
            self.exported.emit(path, result)
        self.exportFinished.emit(result)

    def _suggest_path(self) -> None:
        if self._path_typed:
            return
        safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in self._profile) or "profile"
        name = f"wallet-gui-{safe}-{self.kind()}.csv"
        self._path.setText(str(Path.home() / name))

    @Slot(int)
    def _on_kind_chosen(self, _index: int) -> None:
        self._suggest_path()

    @Slot(str)
    def _on_path_typed(self, _text: str) -> None:
        self._path_typed = True

    @Slot()
    def _browse(self) -> None:
        chosen = self._choose_file(self, self.path())
        if chosen:
            self.set_path(chosen)
