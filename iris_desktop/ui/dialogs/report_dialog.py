"""File ▸ Export lab report…: where to write it (.html or .pdf), which days, and whether
to open it when done (remembered); then the progress, with Cancel. The dialog only asks
and shows: the action behind it gathers the report in a worker and draws and writes it
(ui/report), then tells the dialog how it went."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import cast

from PySide6.QtCore import QDate, QSettings, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iris_desktop.ui.runtime.i18n import tr


def file_filters() -> str:
    """The save dialog's file types."""
    return tr("Web page, self-contained") + " (*.html);;PDF (*.pdf)"


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class ReportDialog(QDialog):
    exportRequested = Signal(object, object, object)  # (path, first day or None, last day)
    cancelRequested = Signal()

    def __init__(self, settings: QSettings, today: dt.date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Export lab report"))
        self.settings = settings
        self.busy = False
        self.written: Path | None = None
        default = Path.home() / f"iris-lab-report-{today}.html"
        self.path = QLineEdit(str(settings.value("report/path", str(default))))
        self.path.setToolTip(tr("A .html file (one self-contained page, images inline) or a .pdf"))
        browse = self.browse_button = QPushButton(tr("B&rowse…"))
        browse.setAccessibleName(tr("Choose the report's file"))
        browse.clicked.connect(self._browse)
        self.from_first = QCheckBox(tr("From the &first day"))
        self.from_first.setChecked(True)
        self.start = QDateEdit(_qdate(today - dt.timedelta(days=30)))
        self.end = QDateEdit(_qdate(today))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setMaximumDate(_qdate(today))
        self.start.setEnabled(False)
        self.from_first.toggled.connect(lambda on: self.start.setEnabled(not on))
        self.open_when_done = QCheckBox(tr("&Open in the browser when done"))
        self.open_when_done.setChecked(cast(bool, settings.value("report/open_when_done", True, type=bool)))
        self.open_when_done.toggled.connect(lambda on: settings.setValue("report/open_when_done", on))

        grid = QGridLayout()
        for row, (text, widget) in enumerate(
            ((tr("&File:"), self.path), (tr("Fro&m:"), self.start), (tr("&To:"), self.end))
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            grid.addWidget(label, row, 0)
            grid.addWidget(widget, row, 1)
        grid.addWidget(browse, 0, 2)
        grid.addWidget(self.from_first, 1, 2)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(tr("Progress of the report"))
        self.progress.hide()
        self.message = QLabel(tr("The data, the model, the daily pipeline, the monitor and the worst days explained."))
        self.message.setWordWrap(True)
        self.export_button = QPushButton(tr("&Export"))
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self._export)
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.open_when_done)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(560, self.sizeHint().height())

    def days(self) -> tuple[dt.date | None, dt.date]:
        start = None if self.from_first.isChecked() else cast(dt.date, self.start.date().toPython())
        return start, cast(dt.date, self.end.date().toPython())

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Export lab report"), self.path.text(), file_filters())
        if path:
            self.path.setText(path)

    def _export(self) -> None:
        start, end = self.days()
        if start is not None and start > end:
            self.show_failure(
                tr("The first day ({start}) is after the last ({end}).").format(
                    start=start.isoformat(), end=end.isoformat()
                )
            )
            return
        path = self.path.text().strip()
        if not path:
            self.show_failure(tr("Say where to write the report."))
            return
        self.settings.setValue("report/path", path)
        self.exportRequested.emit(Path(path).expanduser(), start, end)

    # ---- what the action tells it ---------------------------------------------------

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in (self.path, self.browse_button, self.from_first, self.end, self.export_button):
            widget.setEnabled(not busy)
        self.start.setEnabled(not busy and not self.from_first.isChecked())
        self.progress.setVisible(busy)
        if busy:
            self.progress.setValue(0)

    def show_progress(self, percent: int, text: str) -> None:
        if self.busy:
            self.progress.setValue(max(0, percent))
            self.message.setText(text)

    def show_done(self, path: Path) -> None:
        """Written: open it in the default browser if asked, and close."""
        self.set_busy(False)
        self.written = path
        self.message.setText(tr("Wrote {path}").format(path=path))
        if self.open_when_done.isChecked():
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        self.accept()

    def show_cancelled(self) -> None:
        self.set_busy(False)
        self.message.setText(tr("Cancelled: nothing was written."))

    def show_failure(self, message: str) -> None:
        self.set_busy(False)
        self.message.setText(message)

    def reject(self) -> None:
        """Cancel stops an export under way (nothing is written); else it closes."""
        if self.busy:
            self.cancelRequested.emit()
            return
        super().reject()
