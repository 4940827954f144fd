"""A verified, loaded model: the estimator plus the training data it saw."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numpy.typing import ArrayLike

from iris_desktop.domain import FEATURE_NAMES, VARIETIES, Variety
from iris_desktop.pipelines.algorithms import Estimator
from iris_desktop.store.flowers import FeatureStats, feature_stats
from iris_desktop.store.registry import ModelRecord


@dataclass
class LoadedModel:
    """A verified, loaded model: the estimator plus the training data it saw."""

    record: ModelRecord
    estimator: Estimator
    X_train: np.ndarray  # measurements in cm, for nearest-neighbour display
    y_train: np.ndarray  # variety indices
    version_warning: str | None = None
    X_test: np.ndarray | None = None  # the held-out test flowers (None in older files)
    y_test: np.ndarray | None = None
    train_stats: FeatureStats = field(init=False, repr=False)  # ranges and means of X_train
    _columns: np.ndarray = field(init=False, repr=False)

    def __post_init__(self) -> None:
        # estimator.classes_ may miss a variety absent from training; map to fixed order.
        self._columns = np.asarray(self.estimator.classes_, dtype=int)
        self.train_stats = feature_stats(self.X_train, self.y_train)

    @property
    def version(self) -> int:
        return self.record.version

    def predict_proba(self, X: ArrayLike) -> np.ndarray:
        """(n, 3) probabilities in fixed variety order."""
        X = np.asarray(X, dtype=float).reshape(-1, len(FEATURE_NAMES))
        raw: np.ndarray = self.estimator.predict_proba(X)
        if len(self._columns) == len(VARIETIES):
            return raw
        proba = np.zeros((len(X), len(VARIETIES)))
        proba[:, self._columns] = raw
        return proba

    def predict(self, X: ArrayLike) -> list[Variety]:
        proba = self.predict_proba(X)
        return [VARIETIES[i] for i in proba.argmax(axis=1)]

    @property
    def knn(self) -> Estimator | None:
        """The KNeighborsClassifier inside, or None for other algorithms."""
        est = self.estimator
        final = est.steps[-1][1] if hasattr(est, "steps") else est
        return final if self.record.algorithm == "knn" else None

    def neighbours(self, x: ArrayLike, k: int | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(distances, training-row indices) of the k nearest training flowers to x."""
        knn = self.knn
        if knn is None:
            raise ValueError("nearest neighbours exist only for KNN models")
        point = np.asarray(x, dtype=float).reshape(1, -1)
        if hasattr(self.estimator, "steps"):
            for _, step in self.estimator.steps[:-1]:
                point = step.transform(point)
        dist, idx = knn.kneighbors(point, n_neighbors=k or knn.n_neighbors)
        return dist[0], idx[0]

    def knn_proba(self, distances: np.ndarray, index: np.ndarray) -> np.ndarray:
        """KNN's probabilities for one flower from its neighbours already found (one
        search per slider step, not two); equal to predict_proba's, ties included."""
        if self.record.params.get("weights") == "distance":
            exact = distances == 0  # scikit-learn: exact matches take all the weight
            weights = exact.astype(float) if exact.any() else 1.0 / distances
        else:
            weights = np.ones(len(index))
        votes = np.bincount(self.y_train[index], weights=weights, minlength=len(VARIETIES))
        proba: np.ndarray = votes / votes.sum()
        return proba
