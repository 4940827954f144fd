"""The Train tab: the original lab's training notebook and its model registry, in one
place and without the command line.

Left, every setting (train/settings_panel.py) and Train / Cancel with progress: the
training runs as the window's model action (the menu's too: one lane, so a second
request joins or waits) and a cancelled run leaves no version. Right, what a version achieved (results), KNN's
validation curve (train/curve_page.py; click a k to use it), any version's decision
regions with its test flowers, and below, the registry with its actions
(train/registry_panel.py). Every change to the store, made here or elsewhere, reloads
the registry; limits of the form follow the data.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from iris_desktop.ui.runtime.errors import ErrorReporter
from iris_desktop.ui.runtime.follow import Follow
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.runtime.settings import settings
from iris_desktop.ui.runtime.state import AppState, Changes
from iris_desktop.ui.runtime.worker import Task
from iris_desktop.ui.tabs.train import core_text
from iris_desktop.ui.tabs.train import jobs as train_jobs
from iris_desktop.ui.tabs.train.curve_page import CurvePage
from iris_desktop.ui.tabs.train.focus_order import focus_order
from iris_desktop.ui.tabs.train.model_actions import ModelActions
from iris_desktop.ui.tabs.train.progress_row import progress_row
from iris_desktop.ui.tabs.train.regions_panel import RegionsPanel
from iris_desktop.ui.tabs.train.registry_panel import RegistryPanel
from iris_desktop.ui.tabs.train.results import ResultsPanel
from iris_desktop.ui.tabs.train.settings_panel import SettingsPanel
from iris_desktop.ui.widgets import strings
from iris_desktop.ui.widgets.core_words import QT_TR_NOOP
from iris_desktop.ui.widgets.empty_state import EmptyState
from iris_desktop.ui.widgets.key_text import shortcut_text
from iris_desktop.ui.widgets.model_text import describe_record
from iris_desktop.ui.widgets.plot_export import ask_and_export
from iris_desktop.ui.widgets.splitters import remember, splitter

PAGES = (QT_TR_NOOP("Results"), QT_TR_NOOP("Validation curve (KNN)"), QT_TR_NOOP("Decision regions"))


class TrainTab(QWidget):
    def __init__(self, state: AppState, reporter: ErrorReporter, models: ModelActions):
        super().__init__()
        self.state, self.reporter, self.models = state, reporter, models
        self.settings = settings()
        self.training_task: Task | None = None
        self._build()
        self.panel.restore(self.settings)
        self.activate_box.setChecked(str(self.settings.value("train/activate", "true")).lower() == "true")
        self.results.normalised.setChecked(str(self.settings.value("train/normalised", "false")).lower() == "true")
        self.pages.setCurrentIndex(int(str(self.settings.value("train/page", 0) or 0)) % len(PAGES))
        axes = str(self.settings.value("train/axes", "2,3")).split(",")
        if len(axes) == 2 and all(a.isdigit() and int(a) < 4 for a in axes):
            self.regions.set_axes(int(axes[0]), int(axes[1]))
        self._connect()
        self._settings_changed()
        self._show_counts()
        self.update_limits()
        self.registry.reload()

    # ---- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.panel = SettingsPanel()
        self.activate_box = QCheckBox(tr("Activate &when trained"))
        self.activate_box.setToolTip(
            tr(
                "Make the new version the active model at once (Predict, the daily "
                "predictions and History follow); otherwise it is only registered"
            )
        )
        self.train_button = QPushButton(tr("&Train"))
        self.train_button.setToolTip(
            tr("Train with these settings in the background and register a new version ({keys})").format(
                keys=shortcut_text("Ctrl+Return")
            )
        )
        self.train_button.setDefault(True)
        self.train_progress, self.cancel_button, self.train_status = progress_row(
            tr("Stop the training: no version is kept")
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.train_button, 1)
        buttons.addWidget(self.cancel_button)
        left = QVBoxLayout()
        left.addWidget(self.panel)
        left.addWidget(self.activate_box)
        left.addLayout(buttons)
        left.addWidget(self.train_progress)
        left.addWidget(self.train_status)
        left.addStretch(1)
        left_widget = QWidget()
        left_widget.setLayout(left)
        left_widget.setFixedWidth(310)

        self.results = ResultsPanel()
        self.pages = QTabWidget()
        results_area = QScrollArea()  # narrow windows: the figures and the matrix stack and scroll here
        results_area.setWidget(self.results)
        results_area.setWidgetResizable(True)
        results_area.setFrameShape(QFrame.Shape.NoFrame)
        results_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a frame, not a stop: Tab goes to what is in it
        self.pages.addTab(results_area, tr(PAGES[0]))
        self.curve = CurvePage(self.state, self.panel)
        # the page's parts under the names the tab has always had (tests and benchmarks use them)
        self.curve_stack, self.curve_note, self.curve_plot = self.curve, self.curve.note, self.curve.plot
        self.curve_button, self.curve_cancel = self.curve.button, self.curve.cancel_button
        self.curve_caption, self.curve_status = self.curve.caption, self.curve.status
        self.curve_progress, self.curve_export = self.curve.progress, self.curve.export_button
        self.pages.addTab(self.curve, tr(PAGES[1]))
        self.regions = RegionsPanel(self.state.runner)
        self.pages.addTab(self.regions, tr(PAGES[2]))
        self.pages.tabBar().setAccessibleName(strings.TRAIN_PAGES_NAME)

        self.registry = RegistryPanel(self.state, self.reporter, self.models)
        registry_box = QGroupBox(tr("Model registry"))
        registry_box.setMinimumHeight(200)
        QVBoxLayout(registry_box).addWidget(self.registry)
        self.splitter = splitter(Qt.Orientation.Vertical, [self.pages, registry_box], (3, 2))
        remember(self.splitter, self.settings, "train/splitter")

        self.empty = EmptyState(self.state, "Train")  # no flowers to learn from, or no model yet
        column = QVBoxLayout(self)
        column.addWidget(self.empty)
        outer = QHBoxLayout()
        column.addLayout(outer, 1)
        outer.addWidget(left_widget)
        outer.addWidget(self.splitter, 1)
        self.setMinimumWidth(640)
        focus_order(self)

    def _connect(self) -> None:
        self.panel.changed.connect(self._settings_changed)
        self.panel.dataChanged.connect(self.update_limits)
        self.train_button.clicked.connect(lambda: self.train())
        self.cancel_button.clicked.connect(lambda: self.cancel_training())
        self.curve.statusChanged.connect(self._status)
        self.curve.exportRequested.connect(lambda: self._export_plot(self.curve_plot.getPlotItem(), "validation-curve"))
        self.results.exportRequested.connect(
            lambda: self._export_plot(self.results.matrix.getPlotItem(), "confusion-matrix")
        )
        self.results.normalisedChanged.connect(lambda on: self.settings.setValue("train/normalised", on))
        self.regions.exportRequested.connect(
            lambda: self._export_plot(self.regions.map.getPlotItem(), "decision-regions")
        )
        self.regions.axesChanged.connect(lambda x, y: self.settings.setValue("train/axes", f"{x},{y}"))
        self.activate_box.toggled.connect(lambda on: self.settings.setValue("train/activate", on))
        self.pages.currentChanged.connect(self._page_changed)
        self.registry.versionsSelected.connect(self._versions_selected)
        self.registry.statusChanged.connect(self._status)
        self.registry.retrainRequested.connect(self.retrain)
        self._follow = Follow(self, self.state, self._store_changed, lambda c: c.flowers or c.model or c.models)
        for keys, slot in (
            ("Ctrl+Return", lambda: self.train_button.isEnabled() and self.train()),
            ("Escape", self.cancel_running),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # ---- settings and data ------------------------------------------------------------------

    def _settings_changed(self) -> None:
        self.panel.save(self.settings)
        self.curve.settings_changed(self.panel.config())

    def _show_counts(self) -> None:
        summary = self.state.summary
        if summary is not None:
            self.panel.set_counts({s: summary.count(s) for s in ("backfill", "import", "daily")})

    def _store_changed(self, changes: Changes) -> None:
        if changes.flowers:
            self._show_counts()
            self.update_limits()
        if changes.model or changes.models:  # trained, activated or deleted here or elsewhere
            self.registry.reload()

    def update_limits(self):
        """What the data allow for these sources, test fraction and seed, from a worker."""
        config = self.panel.config()
        flowers = self.state.flowers
        return self.state.runner.run(
            "train-limits",
            train_jobs.data_limits,
            flowers,
            config.sources,
            config.test_fraction,
            config.seed,
            key=(id(flowers), config.sources, config.test_fraction, config.seed),
            writes=False,
            repeat="latest",
            context=self,
            on_finished=self._limits,
        )

    def _limits(self, limits) -> None:
        self.panel.set_limits(limits)
        self._update_train_button()

    def _update_train_button(self) -> None:
        limits = self.panel.limits
        running = self.training_task is not None and not self.training_task.is_done
        self.train_button.setEnabled(not running and not (limits is not None and limits.error))
        self.cancel_button.setEnabled(running)
        self.curve.update_buttons()

    # ---- training -----------------------------------------------------------------------------

    def train(self, retrain_version: int | None = None):
        """Train the form's settings (or retrain a version) as a task; returns it."""
        if self.training_task is not None and not self.training_task.is_done:
            self._status(tr("A training is running: wait for it or cancel it."))
            return self.training_task
        activate = self.activate_box.isChecked()
        config = None if retrain_version is not None else self.panel.config()
        if retrain_version is not None:
            entry = self.registry.entry(retrain_version)
            activate = bool(entry and entry.record.active) or activate
        task = self.models.train(config, retrain_version=retrain_version, activate=activate)
        self.training_task = task
        self.train_progress.setValue(0)
        self.train_progress.show()
        self.train_status.setText(
            tr("Retraining model v{version}…").format(version=retrain_version) if retrain_version else tr("Training…")
        )
        task.progress.connect(self._training_progress)
        if task.is_done:
            self._training_done(task)
        else:
            task.done.connect(lambda: self._training_done(task))
        self._update_train_button()
        return task

    @property
    def curve_task(self) -> Task | None:
        return self.curve.task

    def retrain(self, version: int):
        return self.train(retrain_version=version)

    def _training_progress(self, pct: int, text: str) -> None:
        self.train_progress.setValue(pct)
        self.train_status.setText(core_text.step_text(text))

    def _training_done(self, task: Task) -> None:
        if task is not self.training_task:
            return
        self.train_progress.hide()
        if task.state == "finished":
            record = task.result[0]
            registered = tr("Registered {model} and made it active.") if record.active else tr("Registered {model}.")
            self.train_status.setText(registered.format(model=describe_record(record)))
            self.registry.reload(select=record.version)
        elif task.state == "cancelled":
            self.train_status.setText(tr("Cancelled: no version was registered."))
        else:
            self.train_status.setText(tr("Training failed: {error}").format(error=task.error))
        self._update_train_button()

    def cancel_training(self) -> None:
        if self.training_task is not None and not self.training_task.is_done:
            self.training_task.cancel()
            self.train_status.setText(tr("Cancelling…"))

    def cancel_running(self) -> None:
        self.cancel_training()
        self.curve.cancel()

    def compute_curve(self) -> Task | None:
        return self.curve.compute()

    # ---- the selected version -----------------------------------------------------------------

    def _versions_selected(self, versions: list) -> None:
        entry = self.registry.entry(versions[0]) if versions else None
        record = entry.record if entry else None
        title = ""
        if record is not None:
            title = describe_record(record)
            if record.active:
                title = tr("{model} · active").format(model=title)
        self.results.show_record(record, title)
        self._load_for_regions()

    def _page_changed(self, index: int) -> None:
        self.settings.setValue("train/page", index)
        self._load_for_regions()

    def _load_for_regions(self) -> None:
        """The selected version loaded (in a worker) when its regions are on screen."""
        if self.pages.currentWidget() is not self.regions:
            return
        selected = self.registry.table.selected()
        entry = self.registry.entry(selected[0]) if selected else None
        if entry is None or entry.file_problem:
            self.regions.set_model(None)
            if entry is not None:
                self.regions.caption.setText(
                    tr("Model v{version} cannot be loaded: {problem}.").format(
                        version=entry.record.version, problem=core_text.file_problem(entry.file_problem)
                    )
                )
            return
        model = self.state.model
        if model is not None and model.version == entry.record.version:
            self.regions.set_model(model)
            return
        if self.regions.model is not None and self.regions.model.version == entry.record.version:
            return
        self.state.runner.run(
            "train-load",
            train_jobs.load_version,
            *self.state.paths(),
            entry.record.version,
            writes=False,
            repeat="latest",
            context=self,
            on_finished=self.regions.set_model,
            on_failed=lambda exc, _d: self.regions.caption.setText(str(exc)),
        )

    # ---- helpers ------------------------------------------------------------------------------

    def _status(self, text: str) -> None:
        self.reporter.status(text)
        self.train_status.setText(text)

    def _export_plot(self, item, name: str) -> None:
        try:
            path = ask_and_export(self, item, name, self.settings)
        except OSError as exc:
            self.registry.warn(tr("The image was not saved"), str(exc))
            return
        if path is not None:
            self._status(tr("Saved {path}").format(path=path))
