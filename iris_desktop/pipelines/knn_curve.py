"""The KNN validation curve: train and cross-validated accuracy against k, to choose k.

scikit-learn's validation_curve fits and predicts once per k and fold. Here each fold
needs one neighbour search (two on a small fold, see _fold_searches): the votes of the
k nearest, for every k, are running sums over the max(k) nearest. The numbers are
scikit-learn's exactly, ties included (see _FoldNeighbours), so the curve's CV accuracy
at a k equals what training reports.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from iris_desktop.domain import VARIETIES
from iris_desktop.pipelines.algorithms import Estimator, algorithm
from iris_desktop.pipelines.training import (
    DEFAULT_SOURCES,
    MIN_CV_FOLDS,
    Progress,
    SettingError,
    TrainingCancelled,
    split_data,
)
from iris_desktop.store import Store
from iris_desktop.store.flowers import feature_matrix


@dataclass(frozen=True)
class ValidationCurve:
    ks: list[int]
    train_mean: list[float]
    cv_mean: list[float]
    cv_std: list[float]
    train_std: list[float] = field(default_factory=list)
    folds: int = 0
    n_rows: int = 0  # the flowers cross-validated (the training split)

    @property
    def best_k(self) -> int:
        """The smallest k with the best CV accuracy."""
        return self.ks[int(np.argmax(self.cv_mean))]


def knn_curve(
    X: np.ndarray,
    y: np.ndarray,
    ks: Sequence[int],
    folds: int,
    seed: int,
    params: dict[str, Any] | None = None,
    standardize: bool = False,
    progress: Progress | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> ValidationCurve:
    """Train and CV accuracy of KNN for every k in `ks`, on StratifiedKFold(folds,
    shuffle, seed): the numbers sklearn's validation_curve gives, from one neighbour
    search per fold instead of one fit and two predictions per k and fold. The votes
    of the k nearest are running sums over the max(ks) nearest; ties go to the first
    variety, as in scikit-learn. Where the k-th and the next neighbour are equally far
    (which of them counts is the search's choice) or distance-weighted votes tie but
    for rounding, that flower is predicted again by scikit-learn's own classifier for
    that k, so the curve matches it exactly."""
    from sklearn.model_selection import StratifiedKFold
    from sklearn.preprocessing import StandardScaler

    report = progress or (lambda pct, text: None)
    p = algorithm("knn").resolve(params)
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=int)
    if folds < MIN_CV_FOLDS:
        raise SettingError("cv_folds", f"cross-validation needs at least {MIN_CV_FOLDS} folds, got {folds}")
    max_k = len(y) - math.ceil(len(y) / folds)
    ks = sorted({int(k) for k in ks if 1 <= k <= max_k})
    if not ks:
        raise SettingError("n_neighbors", f"no k fits in a cross-validation training fold of {max_k} flowers")
    train_scores = np.zeros((len(ks), folds))
    test_scores = np.zeros((len(ks), folds))
    splitter = StratifiedKFold(folds, shuffle=True, random_state=seed)
    for f, (tr, te) in enumerate(splitter.split(X, y)):
        report(int(100 * f / folds), f"Validation curve: fold {f + 1} of {folds}")
        X_tr, X_te = X[tr], X[te]
        if standardize:
            scaler = StandardScaler().fit(X_tr)
            X_tr, X_te = scaler.transform(X_tr), scaler.transform(X_te)
        searches = _fold_searches(X_tr, y[tr], ks, p)
        for queries, truth, scores in ((X_te, y[te], test_scores), (X_tr, y[tr], train_scores)):
            correct = np.zeros(len(ks))
            for start in range(0, len(queries), 2048):  # bounded memory, and a Cancel check
                if should_cancel and should_cancel():
                    raise TrainingCancelled("the validation curve was cancelled")
                chunk = queries[start : start + 2048]
                predicted = np.hstack([search.predict(chunk) for search in searches])
                correct += (predicted == truth[start : start + 2048, None]).sum(axis=0)
            scores[:, f] = correct / len(queries)
    report(100, "Validation curve done")
    return ValidationCurve(
        ks,
        train_scores.mean(axis=1).tolist(),
        test_scores.mean(axis=1).tolist(),
        test_scores.std(axis=1).tolist(),
        train_scores.std(axis=1).tolist(),
        folds,
        len(y),
    )


def _fold_searches(X: np.ndarray, y: np.ndarray, ks: list[int], params: dict[str, Any]) -> list[_FoldNeighbours]:
    """One search per kind scikit-learn would use on the fold: a tree for k below half
    its flowers, brute force from there ("auto"). The kinds compute distances apart in
    their last bits, which is enough to reorder neighbours or outweigh a vote."""
    half = len(y) // 2
    parts = ([k for k in ks if k < half], [k for k in ks if k >= half])
    return [_FoldNeighbours(X, y, part, params) for part in parts if part]


class _FoldNeighbours:
    """One CV fold's training flowers: predictions for every k in `ks` (all searched
    the same way by scikit-learn) from one search."""

    def __init__(self, X: np.ndarray, y: np.ndarray, ks: list[int], params: dict[str, Any]):
        from sklearn.neighbors import NearestNeighbors

        self.X, self.y, self.ks, self.params = X, y, ks, params
        self.depth = min(ks[-1] + 1, len(y))  # one more: to see ties at the k-th
        # Fitted for the smallest k, "auto" picks the search a fresh fit for any of ks does.
        self.index = NearestNeighbors(n_neighbors=ks[0], metric=params["metric"], p=params["p"]).fit(X)
        self._model: Estimator | None = None

    def predict(self, queries: np.ndarray, depth: int | None = None) -> np.ndarray:
        """(queries, len(ks)) predicted variety indices."""
        ks, top = self.ks, self.ks[-1]
        depth = depth or self.depth
        dist, idx = self.index.kneighbors(queries, depth)
        labels = self.y[idx]
        weights = _weights(dist, self.params["weights"])
        votes = _running_votes(weights[:, :top], labels[:, :top])
        predicted: np.ndarray = votes[:, np.asarray(ks) - 1, :].argmax(axis=2)
        close = _close_votes(votes[:, np.asarray(ks) - 1, :], predicted, self.params["weights"])
        deeper = np.zeros(len(queries), dtype=bool)
        for j, k in enumerate(ks):
            unsure = close[:, j]
            if k < depth:  # else every training flower votes: none to choose
                chosen, truncated = self._unsure(k, dist, labels, weights, votes, predicted[:, j], depth < len(self.y))
                deeper |= truncated  # look further before deciding
                unsure = (unsure | chosen) & ~deeper
            if unsure.any():
                rows = np.flatnonzero(unsure)
                predicted[rows, j] = self._classifier(k).predict(queries[rows])
        if deeper.any():
            rows = np.flatnonzero(deeper)
            predicted[rows] = self.predict(queries[rows], min(len(self.y), 2 * depth))
        return predicted

    def _unsure(
        self,
        k: int,
        dist: np.ndarray,
        labels: np.ndarray,
        weights: np.ndarray,
        votes: np.ndarray,
        winner: np.ndarray,
        more: bool,
    ) -> tuple[np.ndarray, np.ndarray]:
        """The queries whose k-th and (k+1)-th neighbours are equally far (which of them
        counts is the search's choice) where that choice could change the winner; and,
        when there are `more` training flowers than fetched, those whose equally-far
        group reaches the last one fetched: it may go on, with flowers of any variety."""
        unsure = np.zeros(len(dist), dtype=bool)
        truncated = unsure.copy()
        rows = np.flatnonzero(np.isclose(dist[:, k - 1], dist[:, k], rtol=1e-9, atol=1e-12))
        if not len(rows):
            return unsure, truncated
        dist, labels, weights, winner = dist[rows], labels[rows], weights[rows], winner[rows]
        at = np.arange(len(rows))
        group = np.isclose(dist, dist[:, k - 1 : k], rtol=1e-9, atol=1e-12)  # as far as the k-th
        inside = k - group[:, :k].sum(axis=1)  # neighbours strictly nearer than the k-th
        strict = np.where(inside[:, None] > 0, votes[rows, np.maximum(inside - 1, 0)], 0.0)
        counts = np.column_stack([(group & (labels == v)).sum(axis=1) for v in range(len(VARIETIES))])
        picks, each = k - inside, weights[:, k - 1]  # how many of the group count, each's weight
        cut = group[:, -1] & more  # the group may go on unseen: up to `picks` more of every variety
        counts += np.where(cut, picks, 0)[:, None]
        others = counts.sum(axis=1) - counts[at, winner]
        least = strict[at, winner] + each * np.maximum(0, picks - others)  # the winner's worst case
        most = strict + each[:, None] * np.minimum(counts, picks[:, None])  # each rival's best case
        if self.params["weights"] == "uniform":  # whole votes: an equal count goes to the first variety
            safe = (least[:, None] > most) | ((least[:, None] == most) & (winner[:, None] < np.arange(3)))
        else:
            safe = least[:, None] > most * (1 + 1e-9) + 1e-12
        safe[at, winner] = True
        unsure[rows] = ~safe.all(axis=1)
        truncated[rows] = unsure[rows] & cut
        return unsure, truncated

    def _classifier(self, k: int) -> Estimator:
        """scikit-learn's KNN for k, searching as a fresh fit for k would (as the index)."""
        from sklearn.neighbors import KNeighborsClassifier

        if self._model is None:
            self._model = KNeighborsClassifier(**dict(self.params, n_neighbors=self.ks[0])).fit(self.X, self.y)
        self._model.n_neighbors = k
        return self._model


def _close_votes(votes: np.ndarray, winner: np.ndarray, kind: str) -> np.ndarray:
    """(queries, ks): where a rival's distance-weighted votes come within rounding of the
    winner's. scikit-learn adds the weights in another order (numpy's pairwise sum), so
    such a near tie can go either way in its last bit; whole votes are exact."""
    if kind != "distance":
        return np.zeros(winner.shape, dtype=bool)
    best = np.take_along_axis(votes, winner[..., None], axis=2)
    rivals = np.where(np.arange(votes.shape[2]) == winner[..., None], -np.inf, votes)
    return np.asarray(rivals.max(axis=2) >= best[..., 0] * (1 - 1e-9))


def _weights(dist: np.ndarray, kind: str) -> np.ndarray:
    """Each neighbour's vote: 1, or 1/d for distance weights, where a query with an
    exact match counts only its exact matches (scikit-learn's rule)."""
    if kind != "distance":
        return np.ones_like(dist)
    exact = dist[:, :1] == 0
    with np.errstate(divide="ignore"):
        return np.where(exact, (dist == 0).astype(float), 1.0 / dist)


def _running_votes(weights: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """(queries, k, varieties): each variety's votes among the first 1..k neighbours."""
    votes = np.zeros((*labels.shape, len(VARIETIES)))
    np.put_along_axis(votes, labels[:, :, None], weights[:, :, None], axis=2)
    return np.cumsum(votes, axis=1)


def knn_validation_curve(
    store: Store,
    sources: Sequence[str] = DEFAULT_SOURCES,
    ks: Sequence[int] = tuple(range(1, 31)),
    cv_folds: int = 5,
    standardize: bool = False,
    seed: int = 42,
    params: dict[str, Any] | None = None,
    test_fraction: float = 0.2,
    progress: Progress | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> ValidationCurve:
    """Train and CV accuracy of KNN against k on the training split that `train` with
    these settings would use (the test flowers stay unseen while choosing k)."""
    X, y = feature_matrix(store, sources)
    data = split_data(X, y, test_fraction, seed, sources)
    return knn_curve(data.X_train, data.y_train, ks, cv_folds, seed, params, standardize, progress, should_cancel)
