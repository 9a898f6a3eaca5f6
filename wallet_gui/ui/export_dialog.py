"""File ▸ Export…: one kind of history (balances, clock, transactions, events) to a CSV file.

The rows and their format are ``core.history.export.write_csv``'s, the same as the headless
``wallet-gui history export``: exact decimal amounts, ISO 8601 UTC times. The file is written
atomically: into a temporary file beside the target, which replaces the target only once
every row is written and flushed, so a failed export never leaves half a file (nor destroys
an older export of the same name). The outcome is one line in the dialog: how many rows were
written, or why nothing was.

The export runs on the GUI thread (widgets start no threads), but a long one (a year of
samples is two million rows, about 40 s) keeps the window alive: every few thousand rows it
lets Qt handle events, shows its progress, and can be stopped.

The file chooser is a parameter (``choose_file``) so that tests never open a native dialog.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO, cast

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
from wallet_gui.core.history.export import write_csv
from wallet_gui.core.history.store import HistoryStore
from wallet_gui.ui.plain_text import cell_text, plain_label

#: The kinds ``write_csv`` knows, in the order of the kind box.
EXPORT_KINDS = ("balances", "clock", "statements", "events")

#: ``choose_file(parent, suggested_path) -> chosen path`` ("" when cancelled).
FileChooser = Callable[[QWidget, str], str]


def write_atomically(path: Path, write: Callable[[TextIO], int]) -> int:
    """Run ``write`` on a temporary file beside ``path``, then put it in ``path``'s place.

    Returns what ``write`` returned. On any failure the temporary file is removed and
    ``path`` is left as it was.
    """
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            rows = write(out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return rows


class ExportStoppedError(Exception):
    """The user stopped the export; the target file was left as it was."""


class _Pump:
    """The file ``csv.writer`` writes to, keeping the window alive through a long export
    (a year of samples is two million rows): every ``every`` rows it calls ``report``, which
    lets Qt handle events, and stops the export when ``report`` says so."""

    def __init__(self, out: TextIO, every: int, report: Callable[[int], bool]) -> None:
        self._out, self._every, self._report = out, every, report
        self.rows = 0

    def write(self, text: str) -> int:
        self.rows += 1
        if self.rows % self._every == 0 and not self._report(self.rows):
            raise ExportStoppedError
        return self._out.write(text)


def _native_chooser(parent: QWidget, suggested: str) -> str:
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ExportDialog", "Export to"),
        suggested,
        QCoreApplication.translate("ExportDialog", "CSV files (*.csv);;All files (*)"),
    )
    return path


class ExportDialog(QDialog):
    """Choose a kind, an optional time range and a file; Export writes it.

    Constructor: ``ExportDialog(store, profile, parent=None, *, choose_file=None,
    clock=time.time)``; ``choose_file`` replaces ``QFileDialog.getSaveFileName``.

    Methods: set_kind(str), set_range(since, until) (UNIX seconds or None), set_path(str),
    path() -> str, export() -> int | None (the rows written, or None after a failure),
    cancel() (stop the export under way), result_text() -> str.

    Signals:
        exported(str, int): the file written and how many rows it has.
        progressed(int): rows written so far, every ``PUMP_ROWS`` rows of a long export.
    """

    exported = Signal(str, int)
    progressed = Signal(int)

    #: Rows written between two looks at the event loop (and at the Stop button).
    PUMP_ROWS = 2000

    def __init__(
        self,
        store: HistoryStore,
        profile: str,
        parent: QWidget | None = None,
        *,
        choose_file: FileChooser | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export history"))
        self._store = store
        self._profile = profile
        self._choose_file = choose_file or _native_chooser
        self._path_typed = False  # the user chose a path: a new kind keeps it
        self._exporting = False
        self._cancelled = False

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

    @Slot()
    def export(self) -> int | None:
        """Write the chosen kind and range to the chosen file; say how it went."""
        text = self.path()
        if not text:
            self._result.setText(self.tr("Choose a file to export to."))
            return None
        path = Path(text).expanduser()
        since, until = self.time_range()
        if since is not None and until is not None and until < since:
            self._result.setText(self.tr("The end of the range is before its start."))
            return None
        kind = self.kind()

        def write(out: TextIO) -> int:
            pump = _Pump(out, self.PUMP_ROWS, self._pump)
            return write_csv(self._store, self._profile, kind, since, until, cast(TextIO, pump))

        self._exporting, self._cancelled = True, False
        self._export.setEnabled(False)
        self._stop.show()
        self._result.setText(self.tr("Writing…"))
        try:
            rows = write_atomically(path, write)
        except ExportStoppedError:
            self._result.setText(self.tr("Export stopped; nothing was written."))
            return None
        except OSError as error:
            reason = error.strerror or type(error).__name__
            message = self.tr("Could not write {0}: {1}").format(str(path), reason)
            self._result.setText(cell_text(message))
            return None
        except (WalletError, ValueError) as error:
            self._result.setText(cell_text(self.tr("Export failed: {0}").format(str(error))))
            return None
        finally:
            self._exporting = False
            self._export.setEnabled(True)
            self._stop.hide()
        self._result.setText(self.tr("%n row(s) written to {0}.", "", rows).format(str(path)))
        self.exported.emit(str(path), rows)
        return rows

    @Slot()
    def cancel(self) -> None:
        """Stop the export under way (at its next batch of rows); nothing is written."""
        self._cancelled = True

    def reject(self) -> None:
        """Escape or Close during an export stops it first; the dialog stays open."""
        if self._exporting:
            self.cancel()
            return
        super().reject()

    def _pump(self, rows: int) -> bool:
        self._result.setText(self.tr("Writing… {0} rows so far").format(rows))
        self.progressed.emit(rows)
        QCoreApplication.processEvents()
        return not self._cancelled

    # -- internals -----------------------------------------------------------------------

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
