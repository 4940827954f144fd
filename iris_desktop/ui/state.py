"""The app's shared state: the GUI thread's Store, the active model and change signals.

Tabs read from here and listen to its signals; they never write SQL themselves.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from iris_desktop.store import Store

if TYPE_CHECKING:
    from iris_desktop.pipelines.registry import LoadedModel


class AppState(QObject):
    modelChanged = Signal(object)  # the new LoadedModel, or None
    dataChanged = Signal()  # flowers or predictions were added (import, catch-up, ...)
    trainDefaultRequested = Signal()  # a tab asks the window to train the default model

    def __init__(self, store: Store):
        super().__init__()
        self.store = store
        self.model: LoadedModel | None = None
        self.ready = False  # heavy modules loaded and the start-up catch-up done

    def today(self) -> dt.date:
        return dt.date.today()

    def set_model(self, model: "LoadedModel | None") -> None:
        self.model = model
        self.modelChanged.emit(model)

    def reload_active_model(self) -> None:
        """Load the registry's active model (checksum verified) and announce it."""
        from iris_desktop.pipelines.registry import load_model
        from iris_desktop.store.registry import active_version

        self.set_model(load_model(self.store) if active_version(self.store) is not None else None)

    def activate(self, version: int) -> None:
        """Make `version` active, only once its file has been verified and loaded."""
        from iris_desktop.pipelines.registry import load_model
        from iris_desktop.store.registry import set_active

        model = load_model(self.store, version)
        set_active(self.store, version)
        self.set_model(model)

    def notify_data_changed(self) -> None:
        self.dataChanged.emit()
