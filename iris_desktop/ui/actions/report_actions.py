"""File ▸ Export lab report…: the dialog asks where and which days; the report's numbers
are gathered in a worker (ui/report/jobs.py), its pictures drawn one per turn of the
event loop and the file written (ui/report/export.py: the same as `report --out`).
Progress and Cancel in the dialog (and the status bar) throughout; nothing is written
unless all of it is."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from iris_desktop.errors import UserError, is_cancellation, user_message
from iris_desktop.ui.actions.base import Actions
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.runtime.settings import settings as app_settings
from iris_desktop.ui.runtime.worker import Task

if TYPE_CHECKING:  # imported when first used: not before the first paint
    from iris_desktop.pipelines.report_data import ReportData
    from iris_desktop.ui.dialogs.report_dialog import ReportDialog
    from iris_desktop.ui.report.export import ReportWriter


class ReportActions(Actions):
    def __init__(self, parent, state, reporter):
        super().__init__(parent, state, reporter)
        self.dialog: ReportDialog | None = None
        self.task: Task | None = None  # gathering the numbers
        self.writer: ReportWriter | None = None  # drawing and writing
        self._stopped = False  # the user cancelled this export

    def populate(self, menu) -> None:
        self.action(
            menu,
            tr("Export lab &report…"),
            self.export_report,
            tip=tr(
                "One HTML or PDF file to hand in: the data, the model, the daily pipeline, the monitor "
                "and the worst days explained"
            ),
        )

    def export_report(self) -> ReportDialog:
        from iris_desktop.ui.dialogs.report_dialog import ReportDialog

        dialog = ReportDialog(app_settings(), self.state.today(), self.widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exportRequested.connect(lambda path, start, end: self.export(dialog, path, start, end))
        dialog.cancelRequested.connect(lambda: self.cancel(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def export(self, dialog: ReportDialog, path: Path, start, end) -> Task | None:
        from iris_desktop.ui.report import jobs as report_jobs
        from iris_desktop.ui.report.export import check_destination

        try:
            target = check_destination(path)
        except UserError as exc:  # not .html or .pdf, or no such folder: said in the dialog
            dialog.show_failure(str(exc))
            return None
        self._stopped, self.writer = False, None
        dialog.set_busy(True)
        task = self.task = self.run(
            "report",
            report_jobs.gather_report,
            self.state.today(),
            start,
            end,
            writes=False,  # (importances kept once per version change nothing the window shows)
            status=tr("Gathering the lab report…"),
            on_finished=lambda data: self._draw(dialog, data, target),
            on_failed=lambda exc, details: self._failed(dialog, exc, details),
            context=dialog,
        )
        task.progress.connect(dialog.show_progress)
        return task

    def _draw(self, dialog: ReportDialog, data: ReportData, target: Path) -> None:
        from iris_desktop.ui.report.export import ReportWriter

        if self._stopped:
            return
        writer = self.writer = ReportWriter(data, target, dialog)
        writer.progress.connect(dialog.show_progress)
        writer.finished.connect(lambda path: self._written(dialog, path))
        writer.failed.connect(lambda exc: self._failed(dialog, exc, ""))
        writer.start()

    def _written(self, dialog: ReportDialog, path: Path) -> None:
        self.done(tr("Wrote the lab report to {path}").format(path=path))
        dialog.show_done(path)

    def _failed(self, dialog: ReportDialog, exc: BaseException, details: str) -> None:
        if is_cancellation(exc):
            dialog.show_cancelled()
            return
        dialog.show_failure(user_message(exc) or tr("The report could not be written."))
        self.reporter.failure(tr("Lab report", "what failed"), exc, details)

    def cancel(self, dialog: ReportDialog) -> None:
        """Stop the export under way: nothing is written."""
        self._stopped = True
        if self.writer is not None:
            self.writer.cancel()  # it says so (failed with Cancelled) at its next turn
            return
        if self.task is not None and not self.task.is_done:
            self.task.cancel()
        self.done(tr("Lab report cancelled: nothing was written"))
        dialog.show_cancelled()
