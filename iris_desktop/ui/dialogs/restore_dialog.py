"""File ▸ Restore from backup…: the backups in the backups folder (read by a job), newest
first; Restore (or a double-click) asks once, then the chosen one replaces the data.
"Other file…" restores an archive (or an older bare database backup) from anywhere."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from iris_desktop.store.backups import Backup
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.widgets import strings


def reason_text(reason: str) -> str:
    """Why a backup was made (store.backups.REASONS), in the user's language."""
    reasons = {
        "daily": tr("daily", "why a backup was made"),
        "migration": tr("before an update"),
        "restore": tr("before a restore"),
        "manual": tr("made by hand"),
    }
    return reasons.get(reason, reason)


def describe_backup(backup: Backup) -> str:
    """Backup.describe() in the user's language: when, why, what it holds."""
    return tr("{made} ({why}): {flowers}, {models}").format(
        made=f"{backup.created:%Y-%m-%d %H:%M}",
        why=reason_text(backup.reason),
        flowers=tr("%Ln flower(s)", None, backup.flowers),
        models=tr("%Ln model(s)", None, backup.models),
    )


class RestoreDialog(QDialog):
    picked = Signal(str, str)  # (path, what it is): to be looked at (in a job), then confirm()ed
    chosen = Signal(str)  # the path of the backup to restore, confirmed

    def __init__(self, folder: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Restore from backup"))
        self.backups: list[Backup] = []
        layout = QVBoxLayout(self)
        self.note = QLabel(tr("Reading the backups in {folder}…").format(folder=folder))
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([tr("Made"), tr("Why"), tr("Flowers"), tr("Models")])
        self.table.setAccessibleName(strings.BACKUPS_TABLE_NAME)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemDoubleClicked.connect(lambda _item: self._restore_selected())
        layout.addWidget(self.table)
        layout.addWidget(
            QLabel(
                tr('The data you have now is backed up first ("{reason}"): restoring that one undoes this.').format(
                    reason=reason_text("restore")
                )
            )
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = QPushButton(tr("&Restore"))
        self.restore_button.setEnabled(False)
        other = QPushButton(tr("&Other file…"))
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(other, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        self.restore_button.setDefault(True)  # Enter restores the chosen one (after asking)
        self.restore_button.clicked.connect(self._restore_selected)
        other.clicked.connect(self._restore_other)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 360)

    def show_backups(self, backups: list[Backup]) -> None:
        self.backups = backups
        self.note.setText(
            tr("Choose the backup to restore; the newest is first.")
            if backups
            else tr(
                "There is no backup in the backups folder yet (one is made each day the app "
                'or {command} runs). "{other}" restores one from elsewhere.'
            ).format(command="`iris-desktop catch-up`", other=tr("&Other file…").replace("&", ""))
        )
        self.table.setRowCount(len(backups))
        for row, b in enumerate(backups):
            cells = [f"{b.created:%Y-%m-%d %H:%M}", reason_text(b.reason), str(b.flowers), str(b.models)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        if backups:
            self.table.selectRow(0)
            self.table.setFocus()
        self.restore_button.setEnabled(bool(backups))

    def _restore_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            backup = self.backups[rows[0].row()]
            self.picked.emit(str(backup.path), tr("the backup made {backup}").format(backup=describe_backup(backup)))

    def _restore_other(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            tr("Restore from backup"),
            "",
            tr("Iris Desktop backups") + " (*.zip *.sqlite3 *.db);;" + tr("All files") + " (*)",
        )
        if path:
            self.picked.emit(path, path)

    def confirm(self, path: str, what: str, foreign: bool) -> QMessageBox:
        """Ask once (a window-modal box: the app keeps running); Restore emits `chosen`.
        A backup `foreign` to this installation (someone else's lab, or a version that
        did not record whose it is) says so first."""
        question = tr(
            "Replace the flowers, models and predictions with those of {what}?\n\n"
            "The data you have now is backed up first."
        ).format(what=what)
        if foreign:
            warning = tr(
                "This backup was written by another Iris Desktop installation (or a version that did not "
                "record which): its flowers, models and history would replace yours."
            )
            question = f"{warning}\n\n{question}"
        box = QMessageBox(
            QMessageBox.Icon.Warning if foreign else QMessageBox.Icon.Question,
            tr("Restore from backup"),
            question,
            QMessageBox.StandardButton.Cancel,
            self,
        )
        yes = box.addButton(tr("&Restore"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: self._chosen(path) if button is yes else None)
        self.confirmation = box
        box.open()
        return box

    def _chosen(self, path: str) -> None:
        self.chosen.emit(path)
        self.accept()
