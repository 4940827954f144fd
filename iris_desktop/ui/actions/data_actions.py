"""The flowers: import a CSV file (with a preview), undo an import, store the bundled
data set."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtWidgets
from PySide6.QtCore import Qt

from iris_desktop import paths
from iris_desktop.domain import plural
from iris_desktop.ui.actions.base import Actions
from iris_desktop.ui.runtime import jobs
from iris_desktop.ui.runtime.settings import settings as app_settings
from iris_desktop.ui.runtime.worker import Task

if TYPE_CHECKING:  # imported when first shown: not before the first paint
    from iris_desktop.ui.dialogs.import_dialog import ImportDialog


class DataActions(Actions):
    def populate(self, menus) -> None:
        self.action(
            menus["file"],
            "&Import CSV…",
            self.import_csv,
            "Ctrl+O",
            "Add flowers from a CSV file: see what it holds first, then import all rows or none",
        )
        self.action(
            menus["file"],
            "&Remove an import…",
            self.remove_import,
            tip="Take the flowers of one import back out of the store",
        )
        self.action(
            menus["pipelines"], "&Backfill bundled data", self.backfill, tip="Store the bundled 150 flowers (once)"
        )
        self.dialog: ImportDialog | None = None  # the import preview on screen, if any

    def backfill(self) -> Task:
        def done(added):
            self.done(
                f"Stored {plural(added, 'bundled flower')}" if added else "The bundled data set was already stored"
            )

        return self.run("backfill", jobs.backfill, status="Storing the bundled data set…", on_finished=done)

    # ---- import -----------------------------------------------------------------------

    def import_csv(self, path: str | None = None, options=None) -> Task | None:
        """Read and check `path` (asked for when None) in a worker, then show the preview
        dialog; Import there writes. With `options` given, import without asking.
        Returns the preview task; another file while one is read waits its turn."""
        settings = app_settings()
        if path is None:
            start = str(settings.value("import/last_dir", str(paths.data_dir().home())))
            path, _ = QtWidgets.QFileDialog.getOpenFileName(
                self.widget,
                "Import flowers from CSV",
                start,
                "CSV and text files (*.csv *.tsv *.txt *.data);;All files (*)",
            )
            if not path:
                return None
        settings.setValue("import/last_dir", str(Path(path).parent))

        def previewed(result):
            seen, checks = result
            if options is not None:
                self.import_previewed(seen, options, path)
            else:
                self._show_preview(seen, checks, path)

        return self.run(
            "import",
            jobs.preview_import,
            path,
            writes=False,
            status=f"Reading {Path(path).name}…",
            on_finished=previewed,
        )

    def _show_preview(self, seen, checks, path: str) -> None:
        from iris_desktop.ui.dialogs.import_dialog import ImportDialog

        self.done(f"Read {plural(seen.rows, 'flower')} from {seen.parsed.file_name}: nothing imported yet")
        dialog = ImportDialog(seen, checks, self.widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.import_previewed(seen, dialog.options(), path))
        dialog.rejected.connect(lambda: self.done(f"Import of {seen.parsed.file_name} cancelled: nothing was written"))
        self.dialog = dialog
        dialog.open()

    def import_previewed(self, seen, options, path: str) -> Task:
        name = seen.parsed.file_name

        def done(result):
            if result.batch is None:
                from iris_desktop.pipelines.imports import nothing_new

                self.done(f"{name}: {nothing_new(result.skipped_duplicates)}; no batch was recorded")
                return
            per = ", ".join(f"{n} {v.capitalize()}" for v, n in result.counts.items())
            text = f"Imported {plural(result.added, 'flower')} from {name} ({per})"
            if result.skipped_duplicates:
                text += f"; skipped {plural(result.skipped_duplicates, 'row')} repeating stored flowers"
            if self.state.model is not None:
                text += (
                    ". The active model was trained before them: train a new one to include them "
                    "(Pipelines ▸ Train default model, or the Train tab)"
                )
            self.done(text)

        return self.run(
            "import",
            jobs.import_previewed,
            seen,
            options,
            path,
            key=("import", path, options),
            status=f"Importing {name}…",
            on_finished=done,
            on_failed=lambda exc, details: self.reporter.failure("Import", exc, details),
        )

    # ---- undo ---------------------------------------------------------------------------

    def remove_import(self) -> Task:
        """List the batches (in a worker), let the user pick one, confirm, remove it."""
        return self.run(
            "removal", jobs.import_batches, writes=False, status="Reading the imports…", on_finished=self._choose_batch
        )

    def _choose_batch(self, batches) -> None:
        self.done("")
        if not batches:
            self.reporter.show("Remove an import", "Nothing has been imported yet.", level="information")
            return
        labels = [
            f"{b.file_name} · batch {b.id} · {b.imported_at[:16].replace('T', ' ')} UTC · "
            + plural(plan.removed, "flower")
            for b, plan in reversed(batches)
        ]
        # Opened, not exec()'d: this runs in a task's callback, where a nested event loop
        # would hold up the runner's other callers.
        picker = QtWidgets.QInputDialog(self.widget)
        picker.setWindowTitle("Remove an import")
        picker.setLabelText("Import to remove (its flowers only):")
        picker.setComboBoxItems(labels)
        picker.setComboBoxEditable(False)
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        newest_first = list(reversed(batches))
        picker.textValueSelected.connect(lambda label: self.confirm_removal(*newest_first[labels.index(label)]))
        self.picker = picker
        picker.open()

    def confirm_removal(self, batch, plan) -> None:
        Box = QtWidgets.QMessageBox
        text = f"Remove the {plural(plan.removed, 'flower')} imported from {batch.file_name} (batch {batch.id})?"
        if plan.models:
            text += (
                "\n\nModel(s) " + ", ".join(f"v{v}" for v in plan.models) + " were trained on them; "
                "they keep working as trained (retrain to leave these flowers out)."
            )
        box = Box(Box.Icon.Question, "Remove an import", text, Box.StandardButton.Cancel, self.widget)
        remove = box.addButton("&Remove", Box.ButtonRole.DestructiveRole)
        box.setDefaultButton(Box.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        remove.clicked.connect(
            lambda: self.run(
                "removal",
                jobs.remove_import,
                batch.id,
                status=f"Removing batch {batch.id}…",
                on_finished=lambda removal: self.done(removal.message()),
            )
        )
        box.open()
