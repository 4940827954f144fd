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
from iris_desktop.ui.runtime.i18n import tr
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
        self.action(file, tr("Open &data folder"), self.open_data_folder, tip=str(paths.data_dir()))
        self.action(
            file, tr("&Back up…"), self.backup_database, tip=tr("Save the database and its model files as one archive")
        )
        self.action(
            file,
            tr("&Restore from backup…"),
            self.restore_backup,
            tip=tr("Replace the data with a backup's (the data now is backed up first)"),
        )
        file.addSeparator()
        self.action(file, tr("&Quit"), self.widget.close, "Ctrl+Q")
        self.action(menus["help"], strings.MENU_WELCOME, self.welcomeRequested.emit, tip=strings.MENU_WELCOME_TIP)
        self.action(menus["help"], tr("&About Iris Desktop"), self.about)

    def backup_database(self, path: str | None = None) -> Task | None:
        if path is None:
            default = str(paths.data_dir().home() / f"iris-backup-{self.state.today()}.zip")
            path, _ = QtWidgets.QFileDialog.getSaveFileName(
                self.widget, tr("Back up"), default, tr("Iris Desktop backups") + " (*.zip)"
            )
            if not path:
                return None
        return self.run(
            "backup",
            jobs.backup,
            path,
            writes=False,
            status=tr("Backing up…"),
            on_finished=lambda dest: self.done(
                tr("Backed up the database and its model files to {dest}").format(dest=dest)
            ),
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
            on_failed=lambda exc, details: self.reporter.failure(tr("Restore", "what failed"), exc, details),
        )

    def restore_from(self, path: str) -> Task:
        def restored(result) -> None:
            self.state.refresh()
            self.done(result.message())

        return self.run("backup", jobs.restore, path, status=tr("Restoring the backup…"), on_finished=restored)

    def open_data_folder(self) -> None:
        folder = str(paths.data_dir())
        if not QtGui.QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(folder)):
            box = self.reporter.show(
                tr("Data folder"),
                tr("No file manager could be started. Iris Desktop keeps its data in:\n\n{folder}").format(
                    folder=folder
                ),
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
        tabs = strings.LIST_SEPARATOR.join(self.tab_names())
        QtWidgets.QMessageBox.about(
            self.widget,
            tr("About {app}").format(app=APP_DISPLAY_NAME),
            f"<h3>{APP_DISPLAY_NAME} {__version__}</h3>"
            + tr(
                "<p>The serverless-ML Iris lab on your own machine, offline: a flower a day is "
                "generated and predicted, every missed day caught up at launch.</p>"
            )
            + tr("<p>Tabs: {tabs}.</p>").format(tabs=tabs)
            + f"<p>{'<br>'.join(versions)}</p>"
            + tr("<p>Data: <code>{data}</code><br>Logs: <code>{logs}</code></p>").format(
                data=paths.data_dir(), logs=paths.logs_dir()
            ),
        )
