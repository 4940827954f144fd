"""The monitor's history: export it as CSV. The same rows and window as
`iris-desktop history --csv FILE`: every day, as predicted at the time. (The History
tab's own "Export table" writes what its table shows instead.)"""

from __future__ import annotations

from PySide6 import QtWidgets

from iris_desktop import paths
from iris_desktop.ui.actions.base import Actions
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.runtime.worker import Task


class HistoryActions(Actions):
    def populate(self, menu) -> None:
        self.action(
            menu,
            tr("&Export history…"),
            self.export_history,
            "Ctrl+E",
            tr("Save every daily prediction (as predicted at the time) as CSV"),
        )

    def export_history(self, path: str | None = None) -> Task | None:
        if path is None:
            default = str(paths.data_dir().home() / f"iris-history-{self.state.today()}.csv")
            path, _ = QtWidgets.QFileDialog.getSaveFileName(
                self.widget, tr("Export history"), default, tr("CSV files") + " (*.csv)"
            )
            if not path:
                return None
        from iris_desktop.ui.tabs.history import jobs as history_jobs  # numpy: not before the first paint

        return self.run(
            "export",
            history_jobs.export_history,
            path,
            None,
            self.state.today(),
            writes=False,
            status=tr("Exporting the history…"),
            on_finished=lambda n: self.done(
                tr("Exported {predictions} to {path}").format(predictions=tr("%Ln prediction(s)", None, n), path=path)
            ),
        )
