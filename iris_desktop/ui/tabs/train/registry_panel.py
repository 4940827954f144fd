"""The registry table and what can be done to a version: Activate (a task: Predict,
the daily predictions and History follow), Compare two side by side, Backtest on the
daily history, Export (file + JSON model card), Delete (asked first; never the active
one) and Retrain (offered wherever a row has a warning). Every read and write runs in
a worker; the table reloads after any change to the registry, from here or elsewhere."""

from __future__ import annotations

from PySide6 import QtWidgets
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QMenu, QPushButton, QVBoxLayout, QWidget

from iris_desktop.ui.runtime.errors import ErrorReporter
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.tabs.train import core_text
from iris_desktop.ui.tabs.train import jobs as train_jobs
from iris_desktop.ui.tabs.train.backtest_dialog import BacktestDialog
from iris_desktop.ui.tabs.train.compare_dialog import CompareDialog
from iris_desktop.ui.tabs.train.model_actions import ModelActions
from iris_desktop.ui.tabs.train.registry_table import RegistryTable
from iris_desktop.ui.widgets.core_words import QT_TR_NOOP

BUTTONS = (  # (attribute, text, tooltip): marked for translation, translated where shown
    (
        "activate_button",
        QT_TR_NOOP("&Activate"),
        QT_TR_NOOP(
            "Make the selected version the active model: Predict, the daily predictions and History use it from now on"
        ),
    ),
    (
        "compare_button",
        QT_TR_NOOP("Co&mpare…"),
        QT_TR_NOOP("Show two versions side by side: select two rows, or one to compare with the active model"),
    ),
    (
        "backtest_button",
        QT_TR_NOOP("Bac&ktest…"),
        QT_TR_NOOP("Predict every stored daily flower with the selected version, now (nothing is stored)"),
    ),
    (
        "export_button",
        QT_TR_NOOP("Exp&ort…"),
        QT_TR_NOOP("Write the selected version's file and a JSON model card to a folder"),
    ),
    ("delete_button", QT_TR_NOOP("&Delete…"), QT_TR_NOOP("Delete the selected version, its file and its predictions")),
    (
        "retrain_button",
        QT_TR_NOOP("&Retrain"),
        QT_TR_NOOP("Train the selected version again with its own settings on today's data"),
    ),
)


class RegistryPanel(QWidget):
    versionsSelected = Signal(list)
    statusChanged = Signal(str)  # a line for the tab's status
    retrainRequested = Signal(int)  # the tab runs trainings (one place for progress and Cancel)

    # made from BUTTONS in __init__
    activate_button: QPushButton
    compare_button: QPushButton
    backtest_button: QPushButton
    export_button: QPushButton
    delete_button: QPushButton
    retrain_button: QPushButton

    def __init__(self, state, reporter: ErrorReporter, models: ModelActions, parent=None):
        super().__init__(parent)
        self.state, self.reporter, self.models = state, reporter, models
        self.entries: list = []
        self.loaded = False
        self._select_next: int | None = None
        self.confirm_box: QtWidgets.QMessageBox | None = None
        self.compare_dialog: CompareDialog | None = None
        self.backtest_dialog: BacktestDialog | None = None
        self.table = RegistryTable()
        self.table.versionsSelected.connect(self._selected)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.summary = QLabel(tr("Reading the registry…"))
        self.summary.setWordWrap(True)
        self.buttons = QGridLayout()
        for attribute, text, tip in BUTTONS:
            button = QPushButton(tr(text))
            button.setToolTip(tr(tip))
            setattr(self, attribute, button)
        self._columns = 0
        self._flow(len(BUTTONS))
        self.activate_button.clicked.connect(lambda: self.activate(self._one()))
        self.compare_button.clicked.connect(self.compare)
        self.backtest_button.clicked.connect(lambda: self.backtest(self._one()))
        self.export_button.clicked.connect(self._ask_export)
        self.delete_button.clicked.connect(lambda: self.ask_delete(self._one()))
        self.retrain_button.clicked.connect(lambda: self.retrainRequested.emit(self._one()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addLayout(self.buttons)
        self._update_buttons()

    def _flow(self, columns: int) -> None:
        """The action buttons in one row, or in two when the panel is narrow."""
        if columns == self._columns:
            return
        self._columns = columns
        for i, (attribute, _text, _tip) in enumerate(BUTTONS):
            self.buttons.addWidget(getattr(self, attribute), i // columns, i % columns)
        self.buttons.setColumnStretch(len(BUTTONS), 1 if columns == len(BUTTONS) else 0)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()  # the buttons re-flow: as narrow as two rows
        return QSize(min(hint.width(), 340), hint.height())

    def resizeEvent(self, event) -> None:
        wide = sum(getattr(self, a).sizeHint().width() + 8 for a, _t, _p in BUTTONS)
        self._flow(len(BUTTONS) if event.size().width() >= wide else 3)
        super().resizeEvent(event)

    # ---- contents ---------------------------------------------------------------------------

    def reload(self, select: int | None = None):
        """Read the registry (files checked by hash) in a worker; `select` a version then."""
        if select is not None:
            self._select_next = select
        return self.state.runner.run(
            "train-registry",
            train_jobs.registry_entries,
            *self.state.paths(),
            key="registry",
            writes=False,
            repeat="queue",
            context=self,
            on_finished=self._loaded,
        )

    def _loaded(self, entries: list) -> None:
        self.entries, self.loaded = entries, True
        self.table.set_entries(entries)
        wanted = self._select_next
        self._select_next = None
        if wanted is not None or not self.table.selected():
            active = next((e.record.version for e in entries if e.record.active), None)
            target = wanted if wanted is not None else active
            if target is None and entries:
                target = entries[-1].record.version
            self.table.select_versions([target] if target is not None else [], emit=True)
            row = self.table.versions().index(target) if target in self.table.versions() else -1
            if row >= 0:
                self.table.scrollTo(self.table.registry.index(row, 1))
        problems = sum(1 for e in entries if e.warnings)
        summary: str
        if not entries:
            summary = tr("No models yet: train one.")
        elif problems:
            summary = tr("{versions}; ⚠ {problems} with a warning (hover it; Retrain or Delete)").format(
                versions=tr("%n version(s)", None, len(entries)), problems=problems
            )
        else:
            summary = tr("%n version(s)", None, len(entries))
        self.summary.setText(summary)
        self._update_buttons()

    def entry(self, version: int | None):
        return None if version is None else self.table.entry_of(version)

    def _one(self) -> int | None:
        selected = self.table.selected()
        return selected[0] if len(selected) == 1 else None

    def _selected(self, versions: list) -> None:
        self._update_buttons()
        self.versionsSelected.emit(versions)

    def _update_buttons(self) -> None:
        one = self.entry(self._one())
        usable = one is not None and not one.file_problem
        self.activate_button.setEnabled(usable and not one.record.active)
        self.compare_button.setEnabled(len(self.entries) >= 2 and 1 <= len(self.table.selected()) <= 2)
        self.backtest_button.setEnabled(usable)
        self.export_button.setEnabled(usable)
        self.delete_button.setEnabled(one is not None and not one.record.active)
        self.delete_button.setToolTip(
            tr("The active model cannot be deleted: activate another version first")
            if one and one.record.active
            else tr(BUTTONS[4][2])
        )
        self.retrain_button.setEnabled(one is not None)
        retrain_tip: str = tr(BUTTONS[5][2])
        if one is not None and one.warnings:
            retrain_tip = tr("Recommended: {warnings}. {tip}").format(
                warnings="; ".join(core_text.warning_texts(one)), tip=retrain_tip
            )
        self.retrain_button.setToolTip(retrain_tip)
        self.retrain_button.setDefault(bool(one and one.warnings))

    def _context_menu(self, pos) -> None:
        menu = QMenu(self)
        for attribute, text, _tip in BUTTONS:
            button = getattr(self, attribute)
            menu.addAction(tr(text).replace("&", ""), button.click).setEnabled(button.isEnabled())
        menu.popup(self.table.viewport().mapToGlobal(pos))

    # ---- actions ----------------------------------------------------------------------------

    def activate(self, version: int | None):
        if version is None:
            return None
        entry = self.entry(version)
        if entry is not None and entry.file_problem:
            self.warn(tr("The model cannot be used"), entry.file_detail)
            return None
        task = self.models.activate(version)
        task.done.connect(lambda: self.reload())
        return task

    def compare(self) -> None:
        selected = self.table.selected()
        active = next((e.record.version for e in self.entries if e.record.active), None)
        if len(selected) == 2:
            a, b = selected
        elif len(selected) == 1:
            others = [e.record.version for e in self.entries if e.record.version != selected[0]]
            a, b = selected[0], active if active not in (None, selected[0]) else others[-1]
        else:
            return
        dialog = self.compare_dialog = CompareDialog([e.record for e in self.entries], a, b, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def backtest(self, version: int | None):
        if version is None:
            return None
        record = self.entry(version).record

        def show(result) -> None:
            dialog = self.backtest_dialog = BacktestDialog(result, record, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.show()

        return self.state.runner.run(
            "backtest",
            train_jobs.backtest_version,
            *self.state.paths(),
            version,
            writes=False,
            status=tr("Backtesting model v{version}…").format(version=version),
            context=self,
            on_finished=show,
            on_failed=lambda exc, _d: self.warn(tr("Backtest failed"), str(exc)),
        )

    def _ask_export(self) -> None:
        version = self._one()
        if version is None:  # the button is enabled for one version only
            return
        folder = QtWidgets.QFileDialog.getExistingDirectory(
            self, tr("Export model v{version} to a folder").format(version=version)
        )
        if folder:
            self.export(version, folder)

    def export(self, version: int, folder: str):
        def done(paths) -> None:
            artifact, card = paths
            self.statusChanged.emit(
                tr("Exported model v{version}: {file} and {card} in {folder}").format(
                    version=version, file=artifact.name, card=card.name, folder=artifact.parent
                )
            )

        return self.state.runner.run(
            "export",
            train_jobs.export_version,
            *self.state.paths(),
            version,
            folder,
            writes=False,
            status=tr("Exporting model v{version}…").format(version=version),
            context=self,
            on_finished=done,
            on_failed=lambda exc, _d: self.warn(tr("Export failed"), str(exc)),
        )

    def ask_delete(self, version: int | None) -> None:
        """Refused for the active version; otherwise asked first (with what goes with it)."""
        entry = self.entry(version)
        if version is None or entry is None:
            return
        if entry.record.active:
            self.warn(
                tr("The active model cannot be deleted"),
                tr("Model v{version} is the active model. Activate another version first, then delete it.").format(
                    version=version
                ),
            )
            return
        self.state.runner.run(
            "train-registry",
            train_jobs.prediction_count,
            *self.state.paths(),
            version,
            key=("count", version),
            writes=False,
            context=self,
            on_finished=lambda n: self._confirm_delete(version, n),
        )

    def _confirm_delete(self, version: int, predictions: int) -> None:
        Box = QtWidgets.QMessageBox
        box = Box(
            Box.Icon.Question,
            tr("Delete a model version"),
            tr("Delete model v{version}, its file and its {predictions}? This cannot be undone.").format(
                version=version, predictions=tr("%n prediction(s)", None, predictions)
            ),
            Box.StandardButton.Yes | Box.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(Box.StandardButton.Cancel)
        box.button(Box.StandardButton.Yes).setText(tr("&Delete"))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(lambda: self.delete(version))
        self.confirm_box = box
        box.open()

    def delete(self, version: int):
        def done(removed: int) -> None:
            self.statusChanged.emit(
                tr("Deleted model v{version} and its {predictions}").format(
                    version=version, predictions=tr("%n prediction(s)", None, removed)
                )
            )
            self.reload()

        return self.state.runner.run(
            "model-delete",
            train_jobs.delete_version,
            *self.state.paths(),
            version,
            status=tr("Deleting model v{version}…").format(version=version),
            context=self,
            on_finished=done,
            on_failed=lambda exc, _d: self.warn(tr("Not deleted"), str(exc)),
        )

    def warn(self, title: str, text: str) -> None:
        self.statusChanged.emit(title)
        self.reporter.show(title, text, level="warning")
