"""The flowers: import a CSV file (with a preview), undo an import, store the bundled
data set."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtWidgets
from PySide6.QtCore import Qt

from iris_desktop import paths
from iris_desktop.ui.actions.base import Actions
from iris_desktop.ui.runtime import jobs
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.runtime.settings import settings as app_settings
from iris_desktop.ui.runtime.worker import Task
from iris_desktop.ui.widgets import strings
from iris_desktop.ui.widgets.pipeline_words import removal_message

if TYPE_CHECKING:  # imported when first shown: not before the first paint
    from iris_desktop.ui.dialogs.import_dialog import ImportDialog


def nothing_new(rows: int) -> str:
    """pipelines.imports.nothing_new in the user's language: every row already stored."""
    if rows == 1:
        return tr("nothing new: the one row is already stored")
    return tr("nothing new: all {rows} are already stored").format(rows=tr("%Ln row(s)", None, rows))


class DataActions(Actions):
    def populate(self, menus) -> None:
        self.action(
            menus["file"],
            tr("&Import CSV…"),
            self.import_csv,
            "Ctrl+O",
            tr("Add flowers from a CSV file: see what it holds first, then import all rows or none"),
        )
        self.action(
            menus["file"],
            tr("&Remove an import…"),
            self.remove_import,
            tip=tr("Take the flowers of one import back out of the store"),
        )
        self.action(
            menus["pipelines"],
            tr("&Backfill bundled data"),
            self.backfill,
            tip=tr("Store the bundled 150 flowers (once)"),
        )
        self.dialog: ImportDialog | None = None  # the import preview on screen, if any

    def backfill(self) -> Task:
        def done(added):
            if added:
                self.done(tr("Stored {flowers}").format(flowers=tr("%Ln bundled flower(s)", None, added)))
            else:
                self.done(tr("The bundled data set was already stored"))

        return self.run("backfill", jobs.backfill, status=tr("Storing the bundled data set…"), on_finished=done)

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
                tr("Import flowers from CSV"),
                start,
                tr("CSV and text files") + " (*.csv *.tsv *.txt *.data);;" + tr("All files") + " (*)",
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
            status=tr("Reading {file}…").format(file=Path(path).name),
            on_finished=previewed,
        )

    def _show_preview(self, seen, checks, path: str) -> None:
        from iris_desktop.ui.dialogs.import_dialog import ImportDialog

        self.done(
            tr("Read {flowers} from {file}: nothing imported yet").format(
                flowers=tr("%Ln flower(s)", None, seen.rows), file=seen.parsed.file_name
            )
        )
        dialog = ImportDialog(seen, checks, self.widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.import_previewed(seen, dialog.options(), path))
        dialog.rejected.connect(
            lambda: self.done(tr("Import of {file} cancelled: nothing was written").format(file=seen.parsed.file_name))
        )
        self.dialog = dialog
        dialog.open()

    def import_previewed(self, seen, options, path: str) -> Task:
        name = seen.parsed.file_name

        def done(result):
            if result.batch is None:
                self.done(
                    tr("{file}: {reason}; no batch was recorded").format(
                        file=name, reason=nothing_new(result.skipped_duplicates)
                    )
                )
                return
            per = strings.LIST_SEPARATOR.join(f"{n} {v.capitalize()}" for v, n in result.counts.items())
            skipped = advice = ""
            if result.skipped_duplicates:
                skipped = tr("; skipped {rows} repeating stored flowers").format(
                    rows=tr("%Ln row(s)", None, result.skipped_duplicates)
                )
            if self.state.model is not None:
                advice = tr(
                    ". The active model was trained before them: train a new one to include them "
                    "(Pipelines ▸ Train default model, or the Train tab)"
                )
            self.done(
                tr("Imported {flowers} from {file} ({counts}){skipped}{advice}").format(
                    flowers=tr("%Ln flower(s)", None, result.added),
                    file=name,
                    counts=per,
                    skipped=skipped,
                    advice=advice,
                )
            )

        return self.run(
            "import",
            jobs.import_previewed,
            seen,
            options,
            path,
            key=("import", path, options),
            status=tr("Importing {file}…").format(file=name),
            on_finished=done,
            on_failed=lambda exc, details: self.reporter.failure(tr("Import", "what failed"), exc, details),
        )

    # ---- undo ---------------------------------------------------------------------------

    def remove_import(self) -> Task:
        """List the batches (in a worker), let the user pick one, confirm, remove it."""
        return self.run(
            "removal",
            jobs.import_batches,
            writes=False,
            status=tr("Reading the imports…"),
            on_finished=self._choose_batch,
        )

    def _choose_batch(self, batches) -> None:
        self.done("")
        if not batches:
            self.reporter.show(tr("Remove an import"), tr("Nothing has been imported yet."), level="information")
            return
        labels = [
            tr("{file} · batch {id} · {time} UTC · {flowers}").format(
                file=b.file_name,
                id=b.id,
                time=b.imported_at[:16].replace("T", " "),
                flowers=tr("%Ln flower(s)", None, plan.removed),
            )
            for b, plan in reversed(batches)
        ]
        # Opened, not exec()'d: this runs in a task's callback, where a nested event loop
        # would hold up the runner's other callers.
        picker = QtWidgets.QInputDialog(self.widget)
        picker.setWindowTitle(tr("Remove an import"))
        picker.setLabelText(tr("Import to remove (its flowers only):"))
        picker.setComboBoxItems(labels)
        picker.setComboBoxEditable(False)
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        newest_first = list(reversed(batches))
        picker.textValueSelected.connect(lambda label: self.confirm_removal(*newest_first[labels.index(label)]))
        self.picker = picker
        picker.open()

    def confirm_removal(self, batch, plan) -> None:
        Box = QtWidgets.QMessageBox
        text = tr("Remove the {flowers} imported from {file} (batch {id})?").format(
            flowers=tr("%Ln flower(s)", None, plan.removed), file=batch.file_name, id=batch.id
        )
        if plan.models:
            text += tr(
                "\n\nModel(s) {versions} were trained on them; "
                "they keep working as trained (retrain to leave these flowers out)."
            ).format(versions=", ".join(f"v{v}" for v in plan.models))
        box = Box(Box.Icon.Question, tr("Remove an import"), text, Box.StandardButton.Cancel, self.widget)
        remove = box.addButton(tr("&Remove"), Box.ButtonRole.DestructiveRole)
        box.setDefaultButton(Box.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        remove.clicked.connect(
            lambda: self.run(
                "removal",
                jobs.remove_import,
                batch.id,
                status=tr("Removing batch {id}…").format(id=batch.id),
                on_finished=lambda removal: self.done(removal_message(removal)),
            )
        )
        box.open()
