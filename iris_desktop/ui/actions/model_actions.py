"""Models: train the default one, retrain, choose the active version."""

from __future__ import annotations

from PySide6 import QtGui, QtWidgets

from iris_desktop.ui.actions.base import Actions
from iris_desktop.ui.runtime import jobs
from iris_desktop.ui.runtime.worker import Task


class ModelActions(Actions):
    def populate(self, menu) -> None:
        self.action(menu, "&Train default model", self.train_default_model, tip="KNN, k=5, seed 42; activated")
        menu.addSeparator()
        self.models_menu = menu.addMenu("&Active model")
        self.models_menu.aboutToShow.connect(self._fill_models_menu)
        self.state.trainDefaultRequested.connect(self.train_default_model)
        self.state.changed.connect(self._offer_retrain)

    def train_default_model(self) -> Task:
        return self.train(None)

    def train(self, config=None, retrain_version: int | None = None, activate: bool = True, on_finished=None) -> Task:
        """Train `config` (None: the default model) or retrain a version with its own
        settings; activate it (unless told not to) and predict the daily history with it.
        The same request while it runs joins it; another one waits for it. Cancel with
        the returned task's cancel(): no version is left behind."""
        from iris_desktop.ui.widgets.model_text import describe_record

        status = (
            "Training the default model…"
            if config is None and retrain_version is None
            else f"Retraining model v{retrain_version}…"
            if retrain_version is not None
            else "Training…"
        )

        def done(result):
            record, _model = result
            self.state.refresh()  # the new version reaches every tab through the state
            self.done(f"Trained {'and activated' if activate else 'and registered'}: {describe_record(record)}")
            if on_finished is not None:
                on_finished(result)

        return self.run(
            "training",
            jobs.train,
            config,
            retrain_version,
            activate,
            status=status,
            on_finished=done,
        )

    def activate(self, version: int) -> Task:
        """Make `version` active once its file is verified, then predict the daily
        flowers it has not seen; all in a worker."""

        def done(result):
            _model, made = result
            self.state.refresh()  # the new active model reaches every tab through the state
            self.done(
                f"Model v{version} is active"
                + (f"; it predicted {made} daily flower{'s' * (made != 1)}" if made else "")
            )

        def failed(exc, details):
            from iris_desktop.pipelines.registry import ModelLoadError

            if not isinstance(exc, ModelLoadError):
                return self.reporter.failure("Activation", exc, details)
            self.done(f"Model v{version} was not activated")
            self.reporter.show("The model cannot be used", str(exc), level="warning")

        return self.run(
            "activation",
            jobs.activate,
            version,
            status=f"Activating model v{version}…",
            on_finished=done,
            on_failed=failed,
        )

    def _fill_models_menu(self) -> None:
        """The registry's versions (from the state's last snapshot), the active one checked;
        choosing one activates it."""
        from iris_desktop.ui.widgets.model_text import describe_record

        self.models_menu.clear()
        models = self.state.records
        if not models:
            self.models_menu.addAction("No models yet").setEnabled(False)
        group = QtGui.QActionGroup(self.models_menu)  # exclusive: shown as radio items
        for record in reversed(models):
            act = self.models_menu.addAction(
                f"{describe_record(record)} · {record.created_at[:16].replace('T', ' ')} UTC"
            )
            act.setCheckable(True)
            act.setChecked(record.active)
            group.addAction(act)
            act.triggered.connect(lambda _c=False, v=record.version: self.activate(v))

    def _offer_retrain(self, changes) -> None:
        """A model saved by another scikit-learn: warn, and offer to train it again here."""
        model = self.state.model
        if not changes.model or model is None or not model.version_warning:
            return
        box = self.reporter.show("Model saved with another scikit-learn", model.version_warning, level="warning")
        if len(box.buttons()) > 1:  # already offered in this dialog
            return
        retrain = box.addButton("Retrain now", QtWidgets.QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Not now", QtWidgets.QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(retrain)
        retrain.clicked.connect(lambda: self.train(retrain_version=model.version))
