"""The contents of a model file, checked before the model is used (model_format.py reads
the file; this module judges what skops built from it).

skops checks types, not contents: a tree whose child index is 10^9 is a valid
DecisionTreeClassifier and crashes the process on its first prediction. So everything
C code indexes with is checked here, or rebuilt from checked data: trees node by node
(children in range and after their parent, so a prediction always ends), libsvm's
arrays, KNN's neighbour index (re-fitted from its checked rows: the loaded one is never
queried), a forest's trees (stored as arrays, built here once checked). Then one
prediction must give finite probabilities that sum to 1.
"""

from __future__ import annotations

import inspect
from typing import Any

import numpy as np

from iris_desktop.domain import VARIETIES
from iris_desktop.pipelines.algorithms import Estimator
from iris_desktop.pipelines.model_values import (
    N_FEATURES,
    Damaged,
    classes_of,
    expect,
    floats,
    int_in,
    ints,
    shallow_copy,
)
from iris_desktop.pipelines.tree_checks import check_tree_classifier, rebuild_forest

KNN_METRICS = ("minkowski", "euclidean", "manhattan", "chebyshev")
PAYLOAD_KEYS = {"estimator", "y_train", "X_train", "X_test", "y_test", "forest"}
# Three flowers, one of each variety: the prediction every loaded model must pass.
PROBE = np.array([[5.1, 3.5, 1.4, 0.2], [5.9, 3.0, 4.2, 1.5], [6.5, 3.0, 5.8, 2.2]])


def checked_payload(
    payload: Any, algorithm: str, standardize: bool
) -> tuple[Estimator, np.ndarray, np.ndarray, np.ndarray | None, np.ndarray | None]:
    """(estimator, X_train, y_train, X_test, y_test) from what skops built, checked, with
    KNN's index and a forest's trees rebuilt. Raises Damaged."""
    if type(payload) is not dict or not {"estimator", "y_train"} <= set(payload) <= PAYLOAD_KEYS:
        raise Damaged("it does not hold what a model file holds")
    _check_attributes(payload)
    estimator = payload["estimator"]
    final = _final_step(estimator, standardize)
    kind = f"{type(final).__module__}.{type(final).__name__}"
    expect(kind == _FINAL.get(algorithm), f"it holds a {type(final).__name__}, not a {algorithm} model")
    classes = classes_of(final, "the model")
    if algorithm == "knn":
        final = _refitted_knn(final, classes)
        estimator = with_final(estimator, final)
    elif algorithm == "logreg":
        _check_logreg(final, classes)
    elif algorithm == "tree":
        check_tree_classifier(final, classes)
    elif algorithm == "forest":
        rebuild_forest(final, payload.get("forest"), classes)
    elif algorithm == "svm":
        _check_calibrated_svm(final, classes)
    else:
        raise Damaged(f"its registry row names an unknown algorithm {algorithm!r}")
    expect((algorithm == "forest") == ("forest" in payload), "it holds a forest's trees for another model")
    y_train = _labels(payload["y_train"], "y_train")
    if algorithm == "knn":
        expect(np.array_equal(classes[final._y], y_train), "its y_train does not match the neighbours' labels")
        X_train = knn_training_rows(estimator)
    else:
        X_train = _rows(payload.get("X_train"), "X_train", len(y_train))
    X_test = y_test = None
    if "X_test" in payload or "y_test" in payload:
        y_test = _labels(payload.get("y_test"), "y_test")
        X_test = _rows(payload.get("X_test"), "X_test", len(y_test))
    _check_prediction(estimator, len(classes))
    return estimator, X_train, y_train, X_test, y_test


_FINAL = {
    "knn": "sklearn.neighbors._classification.KNeighborsClassifier",
    "logreg": "sklearn.linear_model._logistic.LogisticRegression",
    "tree": "sklearn.tree._classes.DecisionTreeClassifier",
    "forest": "sklearn.ensemble._forest.RandomForestClassifier",
    "svm": "sklearn.calibration.CalibratedClassifierCV",
}


def knn_training_rows(estimator: Estimator) -> np.ndarray:
    """The training rows, in cm, of a fitted KNN (inside a scaling Pipeline or not)."""
    steps = estimator.steps if hasattr(estimator, "steps") else [("model", estimator)]
    X = steps[-1][1]._fit_X
    for _, step in reversed(steps[:-1]):
        X = step.inverse_transform(X)
    return np.asarray(X, dtype=float)


def with_final(estimator: Estimator, final: Estimator) -> Estimator:
    """`estimator` with `final` as its model: a copy of the Pipeline, or `final` itself."""
    if not hasattr(estimator, "steps"):
        return final
    copy = shallow_copy(estimator)
    copy.steps = [*estimator.steps[:-1], (estimator.steps[-1][0], final)]
    return copy


# ---- the parts -------------------------------------------------------------------------


def _final_step(estimator: Estimator, standardize: bool) -> Estimator:
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler

    if not standardize:
        expect(type(estimator) is not Pipeline, "it holds a scaling Pipeline; its registry row says unscaled")
        return estimator
    expect(type(estimator) is Pipeline, "it holds no scaling Pipeline; its registry row says standardised")
    steps = estimator.steps
    shape_ok = type(steps) is list and len(steps) == 2 and all(type(s) is tuple and len(s) == 2 for s in steps)
    expect(shape_ok and [s[0] for s in steps] == ["scale", "model"], "its Pipeline's steps are not scale, model")
    expect(estimator.memory is None and getattr(estimator, "transform_input", None) is None, "its Pipeline caches")
    scaler = steps[0][1]
    expect(type(scaler) is StandardScaler, f"its scaling step is a {type(scaler).__name__}")
    expect(scaler.with_mean is True and scaler.with_std is True, "its scaler skips centring or scaling")
    for name in ("mean_", "var_", "scale_"):
        floats(getattr(scaler, name, None), f"the scaler's {name}", (N_FEATURES,))
    expect(bool(np.all(scaler.scale_ > 0)) and bool(np.all(scaler.var_ >= 0)), "its scaler divides by zero")
    expect(scaler.n_features_in_ == N_FEATURES, "its scaler is not for 4 measurements")
    return steps[1][1]


def _refitted_knn(knn: Estimator, classes: np.ndarray) -> Estimator:
    """A KNN re-fitted on the loaded one's rows and labels, checked: the loaded KD-tree
    (whose indices a file could aim anywhere) is never queried. Same parameters, same
    rows, same algorithm: the same predictions."""
    from sklearn.base import clone

    X = floats(getattr(knn, "_fit_X", None), "the neighbours' rows", (-1, N_FEATURES))
    y = ints(getattr(knn, "_y", None), "the neighbours' labels", (len(X),), len(classes))
    expect(len(X) >= 1 and knn.n_samples_fit_ == len(X), "it holds no neighbours")
    expect(int_in(knn.n_neighbors, 1, len(X)), f"its k ({knn.n_neighbors!r}) is not between 1 and {len(X)}")
    expect(knn.weights in ("uniform", "distance") and knn.metric in KNN_METRICS, "its weights or metric are unknown")
    expect(int_in(knn.p, 1, 10) and knn.metric_params is None, "its Minkowski p is not 1 to 10")
    expect(knn.algorithm in ("auto", "ball_tree", "kd_tree", "brute"), f"its search is {knn.algorithm!r}")
    expect(int_in(knn.leaf_size, 1, 10_000) and knn.n_jobs in (None, 1), "its index settings are not the app's")
    expect(getattr(knn, "outputs_2d_", False) is False, "it predicts several outputs")
    return clone(knn).fit(X, classes[y])


def _check_logreg(model: Estimator, classes: np.ndarray) -> None:
    rows = 1 if len(classes) == 2 else len(classes)
    floats(getattr(model, "coef_", None), "its coefficients", (rows, N_FEATURES))
    floats(getattr(model, "intercept_", None), "its intercepts", (rows,))
    expect(model.n_features_in_ == N_FEATURES and model.n_jobs in (None, 1), "it is not for 4 measurements")


def _check_calibrated_svm(model: Estimator, classes: np.ndarray) -> None:
    from sklearn.calibration import CalibratedClassifierCV, _CalibratedClassifier, _SigmoidCalibration
    from sklearn.svm import SVC

    expect(type(model) is CalibratedClassifierCV and model.method == "sigmoid", "its SVM is not Platt-scaled")
    expect(model.n_features_in_ == N_FEATURES and model.n_jobs in (None, 1), "its SVM is not for 4 measurements")
    calibrated = model.calibrated_classifiers_
    expect(type(calibrated) is list and 1 <= len(calibrated) <= 20, "its SVM has no calibrated classifier")
    n = len(classes)
    for part in calibrated:
        expect(type(part) is _CalibratedClassifier and part.method == "sigmoid", "its SVM's calibration")
        expect(np.array_equal(classes_of(part.estimator, "its SVM"), classes), "its SVM's varieties differ")
        expect(np.array_equal(np.asarray(part.classes), classes), "its calibration's varieties differ")
        expect(type(part.estimator) is SVC, f"its SVM is a {type(part.estimator).__name__}")
        _check_svc(part.estimator, n)
        calibrators = part.calibrators
        expect(type(calibrators) is list and len(calibrators) == (1 if n == 2 else n), "its SVM's calibrators")
        for c in calibrators:
            expect(type(c) is _SigmoidCalibration, "its SVM's calibrator is not a sigmoid")
            expect(bool(np.isfinite([c.a_, c.b_]).all()), "its SVM's calibrator is not finite")


def _check_svc(svc: Estimator, n: int) -> None:
    """What libsvm's C code indexes with: nSV sums to the support vectors' count, dual
    coefficients (n-1, l), intercepts n(n-1)/2, support vectors (l, 4), all finite."""
    expect(svc.kernel == "rbf" and svc._sparse is False, f"its SVM's kernel is {svc.kernel!r}")
    expect(svc.decision_function_shape == "ovr" and svc.break_ties is False, "its SVM's decision function")
    expect(getattr(svc, "_effective_probability", False) is False, "its SVM computes probabilities itself")
    expect(svc.n_features_in_ == N_FEATURES and svc.fit_status_ == 0, "its SVM is not fitted on 4 measurements")
    expect(bool(np.isfinite([svc._gamma, svc.coef0]).all()) and svc._gamma > 0, "its SVM's kernel is not finite")
    expect(0 < svc.cache_size <= 10_000, "its SVM's cache size is not sane")
    sv = floats(svc.support_vectors_, "its support vectors", (-1, N_FEATURES))
    n_sv = len(sv)
    fitted = svc.shape_fit_
    expect(type(fitted) is tuple and len(fitted) == 2 and int_in(fitted[0], 1, 10**9), "its SVM's training shape")
    ints(svc.support_, "its support indices", (n_sv,), fitted[0], np.int32)
    counts = ints(svc._n_support, "its support counts", (n,), n_sv + 1, np.int32)
    expect(int(counts.sum()) == n_sv >= 1, "its support counts do not add up to its support vectors")
    for name in ("_dual_coef_", "dual_coef_"):
        floats(getattr(svc, name, None), f"its SVM's {name}", (n - 1, n_sv))
    for name in ("_intercept_", "intercept_"):
        floats(getattr(svc, name, None), f"its SVM's {name}", (n * (n - 1) // 2,))
    for name in ("_probA", "_probB"):
        floats(getattr(svc, name, None), f"its SVM's {name}", (0,))


def _check_prediction(estimator: Estimator, n_classes: int) -> None:
    proba = estimator.predict_proba(PROBE)
    ok = type(proba) is np.ndarray and proba.shape == (len(PROBE), n_classes) and np.isfinite(proba).all()
    expect(bool(ok) and np.allclose(proba.sum(axis=1), 1.0) and proba.min() >= 0, "its predictions are not proba")


def _labels(value: Any, what: str) -> np.ndarray:
    return ints(value, what, (len(value) if type(value) is np.ndarray else -1,), len(VARIETIES))


def _rows(value: Any, what: str, n: int) -> np.ndarray:
    return floats(value, what, (n, N_FEATURES))


def _check_attributes(payload: dict[str, Any]) -> None:
    """No object reached from the payload has an attribute that hides a method or class
    attribute of its class (SVC._impl = "one_class", predict_proba = ...)."""
    todo: list[Any] = [payload]
    seen: set[int] = set()
    while todo:
        value = todo.pop()
        if id(value) in seen or isinstance(value, (np.ndarray, np.generic, str, int, float)) or value is None:
            continue
        seen.add(id(value))
        if isinstance(value, dict):
            todo.extend(value.values())
        elif isinstance(value, (list, tuple)):
            todo.extend(value)
        elif hasattr(value, "__dict__"):
            for name, attribute in vars(value).items():
                found = inspect.getattr_static(type(value), name, Damaged)  # (Damaged: a sentinel)
                if found is not Damaged and not hasattr(type(found), "__set__"):
                    raise Damaged(f"its {type(value).__name__} overrides {name}")
                todo.append(attribute)
