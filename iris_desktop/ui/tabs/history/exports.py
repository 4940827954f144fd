"""What the History tab saves: the predictions shown in its table as CSV (written in a
worker), and its plots as PNG or SVG. The file dialogs start in the last folder used;
success is told through `status`, a failure in a warning dialog."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

from iris_desktop.ui.runtime.errors import ErrorReporter
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.runtime.state import AppState
from iris_desktop.ui.runtime.worker import Task
from iris_desktop.ui.tabs.history import jobs as history_jobs
from iris_desktop.ui.tabs.history.drift_view import DriftView
from iris_desktop.ui.widgets.plot_export import ask_and_export

if TYPE_CHECKING:
    from iris_desktop.pipelines.monitoring import HistoryColumns


class HistoryExports:
    def __init__(self, tab: QWidget, state: AppState, settings: QSettings, reporter: ErrorReporter):
        self.tab = tab  # the dialogs' parent, and the jobs' context
        self.state, self.settings, self.reporter = state, settings, reporter
        self.status = reporter.status

    def table(self, rows: HistoryColumns, version: int | None, path: str | None = None) -> Task | None:
        """Write `rows` (the table as shown, of the view of `version`) to `path`, asked
        for when None; None if the user cancels."""
        if path is None:
            folder = str(self.settings.value("export/last_dir", str(Path.home())))
            view = "as-predicted" if version is None else f"model-v{version}"
            path, _ = QFileDialog.getSaveFileName(
                self.tab,
                tr("Export the predictions shown"),
                str(Path(folder) / f"iris-history-{view}.csv"),
                tr("CSV files") + " (*.csv)",
            )
            if not path:
                return None
            self.settings.setValue("export/last_dir", str(Path(path).parent))
        return self.state.runner.run(
            "export",
            history_jobs.export_csv,
            rows,
            path,
            key=("export-table", path),
            writes=False,
            status=tr("Exporting the table…"),
            context=self.tab,
            on_finished=lambda n: self.status(
                tr("Exported {count:,} predictions to {path}").format(count=n, path=path)
            ),
            on_failed=lambda exc, details: self.reporter.failure(tr("Export"), exc, details),
        )

    def drift(self, view: DriftView) -> None:
        """The drift page's four plots (built first if the page was never shown)."""
        self.image(view.build_plots().ci, "drift")

    def image(self, item, name: str) -> None:
        """Ask where to save the plot `item` (suggesting `name`), and save it there."""
        try:
            path = ask_and_export(self.tab, item, name, self.settings)
        except OSError as exc:
            self.reporter.failure(tr("Export"), exc)
            return
        if path is not None:
            self.status(tr("Saved {path}").format(path=path))
