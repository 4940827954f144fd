"""Every training setting as a control: the algorithm and its parameters (param_form),
standardisation, the sources, test fraction, seed and CV folds. Each binds to one
QSettings key under "train/". Limits follow the data (DataLimits from a worker): the
folds cannot exceed the rarest variety's training flowers, k cannot exceed a CV fold,
and the last source cannot be unticked, so the form cannot hold a combination that
training would refuse."""

from __future__ import annotations

import json

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QLabel, QSpinBox, QVBoxLayout, QWidget

from iris_desktop.pipelines.algorithms import ALGORITHMS, DEFAULT_ALGORITHM
from iris_desktop.pipelines.training import MAX_CV_FOLDS, MIN_CV_FOLDS, TrainingConfig
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.tabs.train.param_form import ParamForm
from iris_desktop.ui.widgets.core_words import QT_TR_NOOP

SOURCE_TEXT = {
    "backfill": QT_TR_NOOP("B&undled data set"),
    "import": QT_TR_NOOP("Imported &batches"),
    "daily": QT_TR_NOOP("Dail&y flowers"),
}
SOURCE_TIPS = {
    "backfill": QT_TR_NOOP("The 150 flowers of the classic data set, stored on first run"),
    "import": QT_TR_NOOP("Flowers imported from CSV files"),
    "daily": QT_TR_NOOP(
        "The generated daily flowers (their varieties come from the generator's overlapping "
        "ranges: training on them teaches the generator, not nature)"
    ),
}


class SettingsPanel(QWidget):
    changed = Signal()  # any setting
    dataChanged = Signal()  # sources, test fraction or seed: the split (and its limits) change

    def __init__(self, parent=None):
        super().__init__(parent)
        self.limits = None  # a train_jobs.DataLimits once the data were looked at
        self.form = ParamForm()
        self.standardize = QCheckBox(tr("&Standardise features"))
        self.standardize.setToolTip(
            tr(
                "Scale each measurement to mean 0 and standard deviation 1 (fitted on the "
                "training flowers) before the model sees it"
            )
        )
        model_box = QGroupBox(tr("Model"))
        model_layout = QVBoxLayout(model_box)
        model_layout.addWidget(self.form)
        model_layout.addWidget(self.standardize)

        self.sources = {}
        data_box = QGroupBox(tr("Training data"))
        data_form = QFormLayout(data_box)
        source_column = QVBoxLayout()
        for key, text in SOURCE_TEXT.items():
            box = QCheckBox(tr(text))
            box.setToolTip(tr(SOURCE_TIPS[key]))
            box.toggled.connect(lambda on, key=key: self._source_toggled(key, on))
            source_column.addWidget(box)
            self.sources[key] = box
        data_form.addRow(tr("Sources:"), source_column)
        self.test_percent = QSpinBox()
        self.test_percent.setRange(5, 90)
        self.test_percent.setSingleStep(5)
        self.test_percent.setSuffix(" %")
        self.test_percent.setToolTip(tr("The share of the flowers held out to test the model (stratified by variety)"))
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setToolTip(
            tr("Seeds the train/test split, the CV folds and random models: the same seed gives the same model")
        )
        self.folds = QSpinBox()
        self.folds.setRange(MIN_CV_FOLDS, MAX_CV_FOLDS)
        self.folds.setToolTip(tr("Cross-validation folds of the training flowers"))
        for text, control in (
            (tr("Test fractio&n:"), self.test_percent),
            (tr("S&eed:"), self.seed),
            (tr("&CV folds:"), self.folds),
        ):
            label = QLabel(text)
            label.setBuddy(control)
            data_form.addRow(label, control)
        self.split_text = QLabel()
        self.split_text.setWordWrap(True)
        data_form.addRow(self.split_text)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(model_box)
        layout.addWidget(data_box)
        self.set_config(TrainingConfig())
        self.form.changed.connect(self.changed.emit)
        self.standardize.toggled.connect(lambda _on: self.changed.emit())
        self.folds.valueChanged.connect(self._folds_changed)
        for signal in (self.test_percent.valueChanged, self.seed.valueChanged):
            signal.connect(self._data_edited)

    # ---- the configuration ------------------------------------------------------------------

    def config(self) -> TrainingConfig:
        key = self.form.algorithm()
        return TrainingConfig(
            key,
            self.form.params(key),
            self.standardize.isChecked(),
            self.chosen_sources(),
            self.test_percent.value() / 100,
            self.seed.value(),
            self.folds.value(),
        )

    def set_config(self, config: TrainingConfig) -> None:
        self.form.set_algorithm(config.algorithm)
        self.form.set_params(config.algorithm, config.params)
        self.standardize.setChecked(config.standardize)
        for key, box in self.sources.items():
            box.blockSignals(True)
            box.setChecked(key in config.sources)
            box.blockSignals(False)
        self.test_percent.setValue(round(config.test_fraction * 100))
        self.seed.setValue(config.seed)
        self.folds.setValue(config.cv_folds)

    def chosen_sources(self) -> tuple[str, ...]:
        return tuple(key for key, box in self.sources.items() if box.isChecked())

    def set_counts(self, counts: dict[str, int]) -> None:
        """Show how many flowers each source holds."""
        for key, box in self.sources.items():
            box.setText(tr("{source} ({count:,})").format(source=tr(SOURCE_TEXT[key]), count=counts.get(key, 0)))

    def set_limits(self, limits) -> None:
        """What the data allow (a train_jobs.DataLimits): the folds and k follow."""
        self.limits = limits
        if limits.error:
            self.split_text.setText(f"⚠ {limits.error[0].upper()}{limits.error[1:]}.")
            return
        self.folds.setMaximum(max(MIN_CV_FOLDS, min(MAX_CV_FOLDS, limits.max_folds)))
        self.folds.setToolTip(
            tr(
                "Cross-validation folds of the training flowers: at most {maximum}, "
                "the number of {variety} flowers in the training split"
            ).format(maximum=self.folds.maximum(), variety=limits.rarest)
        )
        self._limit_k()
        split = {"rows": limits.n_rows, "train": limits.n_train, "test": limits.n_test}
        if limits.duplicates:
            dropped = tr("%n identical flower(s) dropped", None, limits.duplicates)
            text = tr("{rows:,} flowers; {dropped}: {train:,} to train on, {test:,} to test.").format(
                dropped=dropped, **split
            )
        else:
            text = tr("{rows:,} flowers: {train:,} to train on, {test:,} to test.").format(**split)
        self.split_text.setText(text)

    def _limit_k(self) -> None:
        if self.limits is not None and not self.limits.error:
            self.form.set_maximum("knn", "n_neighbors", self.limits.max_k(self.folds.value()))

    # ---- edits ------------------------------------------------------------------------------

    def _source_toggled(self, key: str, on: bool) -> None:
        if not on and not self.chosen_sources():  # at least one source, always
            box = self.sources[key]
            box.blockSignals(True)
            box.setChecked(True)
            box.blockSignals(False)
            return
        self._data_edited()

    def _data_edited(self) -> None:
        self.dataChanged.emit()
        self.changed.emit()

    def _folds_changed(self) -> None:
        self._limit_k()
        self.changed.emit()

    # ---- persistence ------------------------------------------------------------------------

    def save(self, store: QSettings) -> None:
        config = self.config()
        store.setValue("train/algorithm", config.algorithm)
        for key in ALGORITHMS:
            store.setValue(f"train/params/{key}", json.dumps(self.form.params(key)))
        store.setValue("train/standardize", config.standardize)
        store.setValue("train/sources", ",".join(config.sources))
        store.setValue("train/test_percent", self.test_percent.value())
        store.setValue("train/seed", config.seed)
        store.setValue("train/cv_folds", config.cv_folds)

    def restore(self, store: QSettings) -> None:
        """The saved settings; anything unreadable keeps its default."""
        for key in ALGORITHMS:
            try:
                self.form.set_params(key, json.loads(str(store.value(f"train/params/{key}", "{}"))))
            except (ValueError, TypeError):
                pass
        self.form.set_algorithm(str(store.value("train/algorithm", DEFAULT_ALGORITHM)))
        self.standardize.setChecked(str(store.value("train/standardize", "false")).lower() == "true")
        sources = [s for s in str(store.value("train/sources", "backfill,import")).split(",") if s in self.sources]
        for key, box in self.sources.items():
            box.blockSignals(True)
            box.setChecked(key in (sources or ["backfill", "import"]))
            box.blockSignals(False)
        for control, name in ((self.test_percent, "test_percent"), (self.seed, "seed"), (self.folds, "cv_folds")):
            try:
                control.setValue(int(str(store.value(f"train/{name}", control.value()))))
            except (TypeError, ValueError):
                pass
