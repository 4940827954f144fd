"""The fast KNN validation curve equals scikit-learn's where neighbours or votes tie.

Each case here once made knn_curve differ from scikit-learn (see knn_curve._unsure,
_fold_searches and _close_votes): pinned, so it does not depend on the random
installation seed that the session's trained_store gets.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy.spatial.distance import cdist
from sklearn.model_selection import StratifiedKFold, validation_curve
from sklearn.neighbors import KNeighborsClassifier

from iris_desktop.pipelines.algorithms import algorithm, build_estimator
from iris_desktop.pipelines.knn_curve import _fold_searches, knn_curve
from iris_desktop.pipelines.operations import first_run
from iris_desktop.store.flowers import feature_matrix
from tests.conftest import TODAY

KS = list(range(1, 31))
FOLDS, CV_SEED = 5, 11  # as test_training.test_fast_validation_curve_equals_scikit_learns
SCIPY_METRIC = {"manhattan": "cityblock", "chebyshev": "chebyshev"}


def assert_same_curve(X, y, params, standardize=False, ks=KS):
    curve = knn_curve(X, y, ks, FOLDS, CV_SEED, params, standardize)
    estimator = build_estimator("knn", algorithm("knn").resolve(params), standardize, 0)
    name = "model__n_neighbors" if standardize else "n_neighbors"
    splitter = StratifiedKFold(FOLDS, shuffle=True, random_state=CV_SEED)
    train, test = validation_curve(estimator, X, y, param_name=name, param_range=curve.ks, cv=splitter)
    # Equal, not close: one flower predicted otherwise moves a mean by 1/len(fold).
    assert curve.train_mean == train.mean(axis=1).tolist()
    assert curve.cv_mean == test.mean(axis=1).tolist()
    assert curve.cv_std == test.std(axis=1).tolist()


def first_run_flowers(store, installation_seed):
    """The flowers of a first run (backfill and 31 daily days up to TODAY) on an
    installation whose random seed came out as `installation_seed`."""
    store.set_meta("installation_seed", str(installation_seed))
    first_run(store, today=TODAY)
    return feature_matrix(store, ("backfill", "daily"))


def sorted_distances(X, y, metric, fold, queries):
    """The distances from CV fold `fold`'s "train" or "test" flowers to its training
    flowers, each row sorted, in whole tenths (so equal means equal); and the
    varieties in that order."""
    train, test = list(StratifiedKFold(FOLDS, shuffle=True, random_state=CV_SEED).split(X, y))[fold]
    asked = train if queries == "train" else test
    tenths = np.rint(cdist(X[asked], X[train], SCIPY_METRIC[metric]) * 10).astype(int)
    order = np.argsort(tenths, axis=1, kind="stable")
    return np.take_along_axis(tenths, order, axis=1), y[train][order]


def test_a_tie_group_running_past_the_neighbours_fetched(store):
    """Installation seed 2 (the only one of seeds 0-19 that failed): in fold 2 a training flower's 30th to
    33rd neighbours are equally far, and of two varieties. The curve fetched 31 and
    saw only virginica among them; scikit-learn's k=30 search counted a versicolor."""
    X, y = first_run_flowers(store, 2)
    dist, varieties = sorted_distances(X, y, "manhattan", fold=2, queries="train")
    k = 30
    group = dist == dist[:, k - 1 : k]
    past = group[:, k + 1]  # at least k + 2 as near as the k-th: the group goes past the fetched
    mixed = np.array([len(set(v[g])) > 1 for v, g in zip(varieties, group)])
    assert (past & mixed).any()  # the data still holds the case
    assert_same_curve(X, y, {"weights": "uniform", "metric": "manhattan"})


@pytest.mark.parametrize("installation_seed, metric", [(304, "chebyshev"), (309, "manhattan")])
def test_distance_weighted_votes_equal_in_exact_arithmetic(store, installation_seed, metric):
    """Two varieties' 1/d votes are equal but for rounding, which scikit-learn's
    pairwise sum and a running sum round apart: the last bit picked the winner."""
    X, y = first_run_flowers(store, installation_seed)
    dist, varieties = sorted_distances(X, y, metric, fold=1, queries="test")
    dist, varieties = dist[dist[:, 0] > 0], varieties[dist[:, 0] > 0]  # no exact match: 1/d votes
    ties = 0
    for k in range(8, 31):  # from 8 votes numpy's pairwise sum adds in another order
        votes = np.stack([(1 / dist[:, :k] * (varieties[:, :k] == v)).sum(axis=1) for v in range(3)], axis=1)
        top = np.sort(votes, axis=1)
        ties += int(np.isclose(top[:, -1], top[:, -2], rtol=1e-12, atol=0).sum())
    assert ties  # the data still holds equal top votes
    assert_same_curve(X, y, {"weights": "distance", "metric": metric})


def test_a_small_store_searched_by_tree_and_by_brute_force():
    """40 flowers: k from half a training fold is searched by brute force, whose
    euclidean distances differ from the tree's in their last bits."""
    rng = np.random.default_rng(3)
    X = rng.integers(0, 4, (40, 4)) / 10
    y = np.arange(40) % 3
    for weights in ("distance", "uniform"):
        assert_same_curve(X, y, {"weights": weights, "metric": "minkowski"})


def tenths(text):
    """Flowers written as digits in tenths of a cm, four a flower: "1102" is 0.1 0.1 0 0.2."""
    return np.array([[int(c) for c in flower] for flower in text.split()]) / 10


# Smallest cases found (shrunk from random data): one query, on one fold's training flowers.
CASES = {
    # the 3rd to 5th neighbours are equally far: the curve's 3rd and 4th are virginica
    # (a vote each, setosa wins the tie); scikit-learn's k=3 takes a versicolor (two)
    "group past the fetched": (
        {"weights": "uniform", "metric": "manhattan"},
        tenths("1112 1020 1002 2201 2012 2111 2121"),
        [2, 1, 1, 1, 2, 0, 1],
        "2111",
        [1, 2, 3],
    ),
    # k=2: two flowers exactly as far as the tree computes it, 2e-16 apart by brute force
    "tree and brute distances": (
        {"weights": "distance", "metric": "minkowski"},
        tenths("2232 2223 3230 0302 0111 1000 0222 1231 1333"),
        [1, 2, 1, 2, 0, 1, 2, 2, 1],
        "2122",
        [1, 2, 3, 4, 5, 6, 7],
    ),
    # k=9: each variety has 1/0.2 + 2/0.3 in exact arithmetic; numpy's pairwise sum
    # leaves virginica's a bit ahead
    "pairwise sum": (
        {"weights": "distance", "metric": "manhattan"},
        tenths(
            "1011 1022 1111 0201 0201 1210 1000 0021 1210 1120 2221"
            " 2201 0112 0221 0201 2202 2121 1210 1100 2022 2212 0000"
        ),
        [0, 1, 0, 0, 2, 2, 2, 2, 2, 1, 0, 1, 2, 0, 2, 2, 0, 2, 1, 1, 2, 0],
        "1002",
        list(range(1, 11)),
    ),
}


def fold_predictions(params, X, y, query, ks):
    """The fast curve's prediction of `query` for each k, and scikit-learn's."""
    p = algorithm("knn").resolve(params)
    y, queries = np.asarray(y), tenths(query)
    fast = np.hstack([search.predict(queries) for search in _fold_searches(X, y, ks, p)])[0]
    sklearn = [KNeighborsClassifier(**dict(p, n_neighbors=k)).fit(X, y).predict(queries)[0] for k in ks]
    return fast.tolist(), sklearn


@pytest.mark.parametrize("case", list(CASES))
def test_smallest_cases_predict_as_scikit_learn(case):
    fast, sklearn = fold_predictions(*CASES[case])
    assert fast == sklearn
