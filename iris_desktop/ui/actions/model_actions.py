"""Models: train the default one, retrain, choose the active version."""

from __future__ import annotations

from PySide6 import QtGui, QtWidgets

from iris_desktop.ui.actions.base import Actions
from iris_desktop.ui.runtime import jobs
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.runtime.worker import Task


class ModelActions(Actions):
    def populate(self, menu) -> None:
        self.action(menu, tr("&Train default model"), self.train_default_model, tip=tr("KNN, k=5, seed 42; activated"))
        menu.addSeparator()
        self.models_menu = menu.addMenu(tr("&Active model"))
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
            tr("Training the default model…")
            if config is None and retrain_version is None
            else tr("Retraining model v{version}…").format(version=retrain_version)
            if retrain_version is not None
            else tr("Training…")
        )

        def done(result):
            record, _model = result
            self.state.refresh()  # the new version reaches every tab through the state
            template = tr("Trained and activated: {model}") if activate else tr("Trained and registered: {model}")
            self.done(template.format(model=describe_record(record)))
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
            if made:
                self.done(
                    tr("Model v{version} is active; it predicted {flowers}").format(
                        version=version, flowers=tr("%n daily flower(s)", None, made)
                    )
                )
            else:
                self.done(tr("Model v{version} is active").format(version=version))

        def failed(exc, details):
            from iris_desktop.pipelines.registry import ModelLoadError

            if not isinstance(exc, ModelLoadError):
                return self.reporter.failure(tr("Activation", "what failed"), exc, details)
            self.done(tr("Model v{version} was not activated").format(version=version))
            self.reporter.show(tr("The model cannot be used"), str(exc), level="warning")

        return self.run(
            "activation",
            jobs.activate,
            version,
            status=tr("Activating model v{version}…").format(version=version),
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
            self.models_menu.addAction(tr("No models yet")).setEnabled(False)
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
        box = self.reporter.show(tr("Model saved with another scikit-learn"), model.version_warning, level="warning")
        if len(box.buttons()) > 1:  # already offered in this dialog
            return
        retrain = box.addButton(tr("Retrain now"), QtWidgets.QMessageBox.ButtonRole.AcceptRole)
        box.addButton(tr("Not now"), QtWidgets.QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(retrain)
        retrain.clicked.connect(lambda: self.train(retrain_version=model.version))
