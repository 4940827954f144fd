"""The Train tab's work, run in a worker: what the data allow (for the form's limits),
the KNN validation curve, the registry with its files checked, loading, deleting,
exporting and backtesting a version. Store jobs get their own connection (with_store);
the others work on the flower columns the window already holds. Training itself and
activation are the shared jobs.train / jobs.activate."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from iris_desktop.store import Store
from iris_desktop.ui.runtime.jobs import with_store


@dataclass(frozen=True)
class DataLimits:
    """What a training run with these sources, test fraction and seed would see."""

    n_rows: int  # stored flowers from the sources
    duplicates: int  # identical flowers that would be dropped
    n_train: int
    n_test: int
    max_folds: int  # the rarest variety's count in the training split
    rarest: str  # its name
    error: str | None = None  # why training is impossible (then the numbers are 0)

    def max_k(self, folds: int) -> int:
        """The largest k a CV training fold can serve."""
        return max(1, self.n_train - -(-self.n_train // max(2, folds)))


def _source_rows(flowers, sources: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    from iris_desktop.store.flowers import SOURCES

    if flowers is None or not len(flowers):
        return np.empty((0, 4)), np.empty(0, dtype=int)
    keep = np.isin(flowers.source, [SOURCES.index(s) for s in sources])
    return flowers.X[keep], flowers.variety[keep].astype(int)


def data_limits(flowers, sources: Sequence[str], test_fraction: float, seed: int) -> DataLimits:
    """The split `train` would make of `flowers` (a FlowerColumns), summarised."""
    from iris_desktop.pipelines.training import split_data

    X, y = _source_rows(flowers, sources)
    try:
        data = split_data(X, y, test_fraction, seed, sources)
    except ValueError as exc:
        return DataLimits(len(y), 0, 0, 0, 0, "", str(exc))
    smallest, rarest = data.smallest_class
    return DataLimits(data.n_rows, data.duplicates_dropped, len(data.y_train), len(data.y_test), smallest, rarest)


def validation_curve(
    flowers,
    sources: Sequence[str],
    test_fraction: float,
    seed: int,
    folds: int,
    params: dict[str, Any],
    standardize: bool,
    ks: Sequence[int],
    progress=None,
    should_cancel=None,
):
    """KNN's train and CV accuracy against k on the training split a training run with
    these settings would use (its test flowers stay unseen)."""
    from iris_desktop.pipelines.knn_curve import knn_curve
    from iris_desktop.pipelines.training import split_data

    X, y = _source_rows(flowers, sources)
    data = split_data(X, y, test_fraction, seed, sources)
    return knn_curve(data.X_train, data.y_train, ks, folds, seed, params, standardize, progress, should_cancel)


@with_store
def registry_entries(store: Store) -> list:
    """Every version with its file checked (SHA-256 only: nothing is unpickled)."""
    from iris_desktop.pipelines.registry_overview import registry_entries as read

    return read(store)


@with_store
def load_version(store: Store, version: int):
    from iris_desktop.pipelines.registry import load_model

    return load_model(store, version)


@with_store
def prediction_count(store: Store, version: int) -> int:
    from iris_desktop.store.predictions import daily_predictions

    return len(daily_predictions(store, model_version=version))


@with_store
def delete_version(store: Store, version: int) -> int:
    from iris_desktop.pipelines.operations import delete_model

    return delete_model(store, version)


@with_store
def export_version(store: Store, version: int, folder: str):
    from iris_desktop.pipelines.registry import export_model

    return export_model(store, version, folder)


@with_store
def backtest_version(store: Store, version: int):
    from iris_desktop.pipelines.monitoring import backtest

    return backtest(store, version)
