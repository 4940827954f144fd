"""The flowers: import a CSV file, store the bundled data set."""
from __future__ import annotations

from pathlib import Path

from PySide6 import QtWidgets

from iris_desktop import paths
from iris_desktop.ui import jobs
from iris_desktop.ui.actions.base import Actions
from iris_desktop.ui.worker import Task


class DataActions(Actions):
    def populate(self, menus) -> None:
        self.action(menus["file"], "&Import CSV…", self.import_csv, "Ctrl+O",
                    "Add flowers from a CSV file (all rows or none)")
        self.action(menus["pipelines"], "&Backfill bundled data", self.backfill,
                    tip="Store the bundled 150 flowers (once)")

    def backfill(self) -> Task:
        def done(added):
            self.done(f"Stored {added} bundled flowers" if added else "The bundled data set was already stored")

        return self.run("backfill", jobs.backfill, status="Storing the bundled data set…", on_finished=done)

    def import_csv(self, path: str | None = None, again: bool = False) -> Task | None:
        """Import `path` (asked for when None). Importing another file while one imports
        waits for it; the same file again joins it."""
        settings = self.window.settings
        if path is None:
            start = str(settings.value("import/last_dir", str(paths.data_dir().home())))
            path, _ = QtWidgets.QFileDialog.getOpenFileName(self.window, "Import flowers from CSV", start,
                                                            "CSV files (*.csv *.txt *.data);;All files (*)")
            if not path:
                return None
        settings.setValue("import/last_dir", str(Path(path).parent))
        name = Path(path).name

        def done(result):
            per = ", ".join(f"{n} {v.capitalize()}" for v, n in result.counts.items())
            text = f"Imported {result.added} flowers from {name} ({per})."
            if result.ignored_columns:
                text += f"\nIgnored column(s): {', '.join(result.ignored_columns)}."
            if self.state.model is not None:
                text += ("\n\nThe active model was trained before these flowers: "
                         "Pipelines ▸ Train default model trains one that includes them.")
            self.done(text.splitlines()[0])
            self.reporter.show("Import finished", text, level="information")

        def failed(exc, details):
            from iris_desktop.pipelines.backfill import AlreadyImportedError

            if not isinstance(exc, AlreadyImportedError):
                return self.window.task_failed("import", exc, details)
            self.done("Nothing was imported")
            box = self.reporter.show("Import this file again?", str(exc) + ".", level="warning")
            again_button = box.addButton("Import again", QtWidgets.QMessageBox.ButtonRole.AcceptRole)
            box.addButton("Cancel", QtWidgets.QMessageBox.ButtonRole.RejectRole)
            again_button.clicked.connect(lambda: self.import_csv(path, again=True))

        return self.run("import", jobs.import_csv, path, again, status=f"Importing {name}…",
                        on_finished=done, on_failed=failed)
