"""The monitor's history: export it as CSV."""
from __future__ import annotations

from PySide6 import QtWidgets

from iris_desktop import paths
from iris_desktop.ui import jobs
from iris_desktop.ui.actions.base import Actions
from iris_desktop.ui.worker import Task


class HistoryActions(Actions):
    def populate(self, menu) -> None:
        self.action(menu, "&Export history…", self.export_history, "Ctrl+E",
                    "Save every daily prediction as CSV")

    def export_history(self, path: str | None = None) -> Task | None:
        if path is None:
            default = str(paths.data_dir().home() / f"iris-history-{self.state.today()}.csv")
            path, _ = QtWidgets.QFileDialog.getSaveFileName(self.window, "Export history", default,
                                                            "CSV files (*.csv)")
            if not path:
                return None
        return self.run("export", jobs.export_history, path, writes=False, status="Exporting the history…",
                        on_finished=lambda n: self.done(f"Exported {n} predictions to {path}"))
