"""The Predict tab's work run in a worker: one day's prediction explained."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from iris_desktop.store import Store
from iris_desktop.ui.runtime.jobs import with_store

if TYPE_CHECKING:  # scikit-learn and the registry are imported in the worker
    from iris_desktop.pipelines.explain import Explanation
    from iris_desktop.pipelines.loaded_model import LoadedModel


@with_store
def explain_day(store: Store, day: dt.date, version: int | None) -> tuple[Explanation, LoadedModel]:
    """The facts of `day` (as predicted at the time, or by `version`) and the model that
    says so, for the tab's live prediction and decision map. A version's importances
    are computed the first time it is explained, and kept with its metrics."""
    from iris_desktop.pipelines import explain, registry

    facts = explain.explain_day(store, day, version)
    return facts, registry.load_model(store, facts.model_version)  # cached: the one explain_day loaded
