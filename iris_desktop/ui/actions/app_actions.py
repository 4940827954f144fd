"""The app itself: the data folder, backups, quitting, what the first launch did, About."""

from __future__ import annotations

import platform
import sys
from collections.abc import Callable

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import Signal

from iris_desktop import APP_DISPLAY_NAME, __version__, paths
from iris_desktop.ui.actions.base import Actions
from iris_desktop.ui.runtime import jobs
from iris_desktop.ui.runtime.worker import Task
from iris_desktop.ui.widgets import strings


class AppActions(Actions):
    welcomeRequested = Signal()  # Help ▸ What the first launch did: the window shows its panel

    def __init__(self, parent: QtWidgets.QWidget, state, reporter, tab_names: Callable[[], list[str]]):
        super().__init__(parent, state, reporter)
        self.tab_names = tab_names  # for About

    def populate(self, menus) -> None:
        file = menus["file"]
        file.addSeparator()
        self.action(file, "Open &data folder", self.open_data_folder, tip=str(paths.data_dir()))
        self.action(file, "&Back up…", self.backup_database, tip="Save the database and its model files as one archive")
        self.action(
            file,
            "&Restore from backup…",
            self.restore_backup,
            tip="Replace the data with a backup's (the data now is backed up first)",
        )
        file.addSeparator()
        self.action(file, "&Quit", self.widget.close, "Ctrl+Q")
        self.action(menus["help"], strings.MENU_WELCOME, self.welcomeRequested.emit, tip=strings.MENU_WELCOME_TIP)
        self.action(menus["help"], "&About Iris Desktop", self.about)

    def backup_database(self, path: str | None = None) -> Task | None:
        if path is None:
            default = str(paths.data_dir().home() / f"iris-backup-{self.state.today()}.zip")
            path, _ = QtWidgets.QFileDialog.getSaveFileName(
                self.widget, "Back up", default, "Iris Desktop backups (*.zip)"
            )
            if not path:
                return None
        return self.run(
            "backup",
            jobs.backup,
            path,
            writes=False,
            status="Backing up…",
            on_finished=lambda dest: self.done(f"Backed up the database and its model files to {dest}"),
        )

    def restore_backup(self):
        """The restore dialog, filled by a job; the confirmed choice is restored by another."""
        from iris_desktop.store.backups import folder_of
        from iris_desktop.ui.dialogs.restore_dialog import RestoreDialog

        dialog = RestoreDialog(str(folder_of(paths.database_path())), self.widget)
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.picked.connect(lambda path, what: self._inspect(dialog, path, what))
        dialog.chosen.connect(self.restore_from)
        self.run("backup", jobs.backup_list, writes=False, on_finished=dialog.show_backups, context=dialog)
        dialog.open()
        return dialog

    def _inspect(self, dialog, path: str, what: str) -> Task:
        """Read what the picked file is (in a worker: it is untrusted and may be large),
        then ask, saying whether another installation wrote it."""
        return self.run(
            "backup",
            jobs.inspect_backup,
            path,
            writes=False,
            context=dialog,
            on_finished=lambda found: dialog.confirm(path, what, found[1]),
            on_failed=lambda exc, details: self.reporter.failure("Restore", exc, details),
        )

    def restore_from(self, path: str) -> Task:
        def restored(result) -> None:
            self.state.refresh()
            self.done(result.message())

        return self.run("backup", jobs.restore, path, status="Restoring the backup…", on_finished=restored)

    def open_data_folder(self) -> None:
        folder = str(paths.data_dir())
        if not QtGui.QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(folder)):
            box = self.reporter.show(
                "Data folder",
                f"No file manager could be started. Iris Desktop keeps its data in:\n\n{folder}",
                level="information",
            )
            box.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)

    def about(self) -> None:
        import PySide6
        from PySide6.QtCore import qVersion

        versions = [f"Python {platform.python_version()}", f"Qt {qVersion()}", f"PySide6 {PySide6.__version__}"]
        for name in ("sklearn", "numpy", "pyqtgraph"):
            module = sys.modules.get(name)
            if module is not None:
                versions.append(f"{'scikit-learn' if name == 'sklearn' else name} {module.__version__}")
        tabs = ", ".join(self.tab_names())
        QtWidgets.QMessageBox.about(
            self.widget,
            f"About {APP_DISPLAY_NAME}",
            f"<h3>{APP_DISPLAY_NAME} {__version__}</h3>"
            "<p>The serverless-ML Iris lab on your own machine, offline: a flower a day is "
            "generated and predicted, every missed day caught up at launch.</p>"
            f"<p>Tabs: {tabs}.</p>"
            f"<p>{'<br>'.join(versions)}</p>"
            f"<p>Data: <code>{paths.data_dir()}</code><br>Logs: <code>{paths.logs_dir()}</code></p>",
        )
