"""Training: de-duplicate, split, cross-validate, fit, evaluate and register a model.

`train()` reports progress through a callback and stops between steps when
`should_cancel()` turns true (between CV folds, between chunks of a forest's trees),
so the UI's worker and the CLI run the same code. Every setting is checked against the
data before any fitting: a mistake is one ValueError naming the setting, not a
half-done run. (The KNN validation curve, for choosing k, is in knn_curve.py.)
"""

from __future__ import annotations

import datetime as dt
import hashlib
import heapq
import math
import secrets
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from iris_desktop.domain import VARIETIES
from iris_desktop.errors import Cancelled, InvalidValue
from iris_desktop.pipelines import registry
from iris_desktop.pipelines.algorithms import DEFAULT_ALGORITHM, Estimator, algorithm, build_estimator
from iris_desktop.store import Store
from iris_desktop.store.database import utc_now
from iris_desktop.store.flowers import SOURCES, feature_matrix
from iris_desktop.store.registry import ModelRecord

DEFAULT_SOURCES = ("backfill", "import")
LABELS = list(range(len(VARIETIES)))
MIN_CV_FOLDS, MAX_CV_FOLDS = 2, 50
MIN_ROWS = 10
CHECK_EVERY_S = 0.25  # a forest is grown in chunks of about this long, to notice Cancel

Progress = Callable[[int, str], None]  # (percent 0-100, what is happening)


class TrainingCancelled(Cancelled):
    pass


class SettingError(InvalidValue):
    """A training setting that cannot work (with this data); `setting` names it."""

    def __init__(self, setting: str, message: str):
        super().__init__(message)
        self.setting = setting


@dataclass(frozen=True)
class TrainingConfig:
    algorithm: str = DEFAULT_ALGORITHM
    params: dict[str, Any] = field(default_factory=dict)
    standardize: bool = False
    sources: tuple[str, ...] = DEFAULT_SOURCES
    test_fraction: float = 0.2
    seed: int = 42
    cv_folds: int = 5
    retrained_from: int | None = None  # lineage: the version whose settings these are

    def resolved_params(self) -> dict[str, Any]:
        return algorithm(self.algorithm).resolve(self.params)

    def check(self) -> dict[str, Any]:
        """The resolved parameters, once every setting that needs no data is valid."""
        params = self.resolved_params()
        if not 0 < self.test_fraction < 1:
            raise SettingError(
                "test_fraction", f"the test fraction must be between 0 and 1 (exclusive), got {self.test_fraction}"
            )
        if not MIN_CV_FOLDS <= self.cv_folds <= MAX_CV_FOLDS:
            raise SettingError(
                "cv_folds", f"cross-validation needs {MIN_CV_FOLDS} to {MAX_CV_FOLDS} folds, got {self.cv_folds}"
            )
        if not self.sources or set(self.sources) - set(SOURCES):
            raise SettingError(
                "sources", f"sources must be some of {', '.join(SOURCES)}, got {', '.join(self.sources) or 'none'}"
            )
        return params


def config_of(record: ModelRecord) -> TrainingConfig:
    """The settings a registered model was trained with, to train it again."""
    m = record.metrics
    folds = int(m.get("cv_folds") or len(m.get("cv_scores", [])) or TrainingConfig.cv_folds)
    return TrainingConfig(
        record.algorithm,
        dict(record.params),
        record.standardize,
        tuple(record.sources),
        record.test_fraction,
        record.split_seed,
        max(MIN_CV_FOLDS, folds),
        retrained_from=record.version,
    )


def fingerprint(X: np.ndarray, y: np.ndarray) -> str:
    """Order-independent digest of the training rows: their texts sorted. Sorted in runs
    then merged: one sort of them all holds the GIL throughout (22 ms at 10,000 rows, a
    frozen window at a million), a merge gives it back between rows."""
    rows = [f"{a:.4f},{b:.4f},{c:.4f},{d:.4f},{t}" for (a, b, c, d), t in zip(X.tolist(), y.tolist())]
    runs = [sorted(rows[i : i + _SORT_RUN]) for i in range(0, len(rows), _SORT_RUN)]
    return hashlib.sha256("\n".join(heapq.merge(*runs)).encode()).hexdigest()


_SORT_RUN = 2000


def deduplicate(X: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray, int]:
    """The rows with each identical flower (measurements and variety) kept once, in
    their first order, and how many copies were dropped: a copy on each side of the
    split would make the test set partly training data."""
    if not len(y):
        return X, y, 0
    _, first = np.unique(np.column_stack([X, y]), axis=0, return_index=True)
    keep = np.sort(first)
    return X[keep], y[keep], int(len(y) - len(keep))


@dataclass(frozen=True)
class Split:
    """The data a training run uses: de-duplicated, then split into train and test."""

    X_train: np.ndarray
    X_test: np.ndarray
    y_train: np.ndarray
    y_test: np.ndarray
    n_rows: int  # stored rows read, before de-duplication
    duplicates_dropped: int

    @property
    def smallest_class(self) -> tuple[int, str]:
        """(count, variety name) of the rarest variety present in the training part:
        the most cross-validation folds it allows."""
        counts = np.bincount(self.y_train, minlength=len(VARIETIES))
        present = np.flatnonzero(counts)
        rarest = present[np.argmin(counts[present])]
        return int(counts[rarest]), VARIETIES[rarest].value

    def max_k(self, folds: int) -> int:
        """The largest k every CV training fold can serve."""
        n = len(self.y_train)
        return n - math.ceil(n / folds)


def split_data(
    X: np.ndarray, y: np.ndarray, test_fraction: float, seed: int, sources: Sequence[str] = DEFAULT_SOURCES
) -> Split:
    """De-duplicate and split (stratified when every variety can be on both sides)."""
    from sklearn.model_selection import train_test_split

    if not 0 < test_fraction < 1:
        raise SettingError(
            "test_fraction", f"the test fraction must be between 0 and 1 (exclusive), got {test_fraction}"
        )
    n_rows = len(y)
    X, y, dropped = deduplicate(np.asarray(X, dtype=float), np.asarray(y, dtype=int))
    if not len(y):
        raise InvalidValue(
            f"there are no {'/'.join(sources)} flowers to train on yet; "
            "store the bundled data set first (backfill) or import a CSV"
        )
    if len(np.unique(y)) < 2:
        raise InvalidValue(
            f"training needs at least two varieties; sources {', '.join(sources)} "
            f"hold {len(y)} distinct flowers of one variety"
        )
    if len(y) < MIN_ROWS:
        raise InvalidValue(f"training needs at least {MIN_ROWS} distinct flowers, the chosen sources hold {len(y)}")
    counts = np.bincount(y, minlength=len(VARIETIES))
    present = counts[counts > 0]
    n_test = math.ceil(test_fraction * len(y))
    if n_test >= len(y) - 1:
        raise SettingError(
            "test_fraction",
            f"a test fraction of {test_fraction} leaves {len(y) - n_test} of {len(y)} flowers to train on",
        )
    stratify = y if present.min() >= 2 and n_test >= len(present) else None
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=test_fraction, random_state=seed, stratify=stratify
    )
    return Split(X_train, X_test, y_train, y_test, n_rows=n_rows, duplicates_dropped=dropped)


def check_fit(data: Split, config: TrainingConfig, params: dict[str, Any]) -> None:
    """Settings that depend on the data: folds and KNN's k. Raises SettingError."""
    smallest, variety = data.smallest_class
    if smallest < MIN_CV_FOLDS:
        raise SettingError(
            "cv_folds",
            f"the training split holds only {smallest} {variety} flower; "
            "cross-validation needs at least 2 of each variety "
            "(lower the test fraction or add flowers)",
        )
    if config.cv_folds > smallest:
        raise SettingError(
            "cv_folds",
            f"{config.cv_folds} cross-validation folds need at least "
            f"{config.cv_folds} flowers of each variety in the training "
            f"split, and it holds {smallest} {variety}: choose at most {smallest}",
        )
    if config.algorithm == "knn" and params["n_neighbors"] > data.max_k(config.cv_folds):
        raise SettingError(
            "n_neighbors",
            f"n_neighbors {params['n_neighbors']} is more than the "
            f"{data.max_k(config.cv_folds)} flowers of a cross-validation "
            f"training fold; choose at most {data.max_k(config.cv_folds)}",
        )


def evaluate(y_true: np.ndarray, y_pred: np.ndarray) -> dict[str, Any]:
    from sklearn.metrics import accuracy_score, confusion_matrix, f1_score, precision_recall_fscore_support

    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, labels=LABELS, zero_division=0)
    return {
        "accuracy": float(accuracy_score(y_true, y_pred)) if len(y_true) else float("nan"),
        "macro_f1": float(f1_score(y_true, y_pred, labels=LABELS, average="macro", zero_division=0)),
        "per_class": {
            v.value: {"precision": float(p[i]), "recall": float(r[i]), "f1": float(f[i]), "support": int(s[i])}
            for i, v in enumerate(VARIETIES)
        },
        "confusion_matrix": confusion_matrix(y_true, y_pred, labels=LABELS).tolist(),
    }


def train(
    store: Store,
    config: TrainingConfig = TrainingConfig(),
    activate: bool = True,
    progress: Progress | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> ModelRecord:
    """Train, evaluate and register one model; returns its registry record."""
    report = progress or (lambda pct, text: None)

    def check() -> None:
        if should_cancel and should_cancel():
            raise TrainingCancelled("training was cancelled")

    def step(pct: int, text: str) -> None:
        check()
        report(pct, text)

    params = config.check()
    step(2, "Loading the training data")
    X, y = feature_matrix(store, config.sources)
    data = split_data(X, y, config.test_fraction, config.seed, config.sources)
    check_fit(data, config, params)

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        cv_scores = _cross_validate(config, params, data.X_train, data.y_train, step, check)
        step(80, "Fitting the final model")
        estimator = build_estimator(config.algorithm, params, config.standardize, config.seed)
        fit_checked(estimator, data.X_train, data.y_train, check)
        step(90, "Evaluating on the test set")
        metrics = evaluate(data.y_test, estimator.predict(data.X_test))
        metrics["train_accuracy"] = float((estimator.predict(data.X_train) == data.y_train).mean())
    metrics["cv_scores"] = [float(s) for s in cv_scores]
    metrics["cv_folds"] = config.cv_folds
    metrics["cv_mean"] = float(np.mean(cv_scores))
    metrics["cv_std"] = float(np.std(cv_scores))
    metrics["n_train"], metrics["n_test"] = len(data.y_train), len(data.y_test)
    metrics["duplicates_dropped"] = data.duplicates_dropped
    metrics["retrained_from"] = config.retrained_from
    metrics["warnings"] = sorted({_one_line(w) for w in caught if _worth_keeping(w)})

    step(95, "Saving to the registry")  # the last point where Cancel still leaves nothing
    stamp = dt.datetime.now(dt.timezone.utc)
    record = ModelRecord(
        version=0,
        algorithm=config.algorithm,
        params=params,
        standardize=config.standardize,
        sources=list(config.sources),
        n_rows=len(y),
        data_fingerprint=fingerprint(X, y),
        split_seed=config.seed,
        test_fraction=config.test_fraction,
        metrics=metrics,
        library_versions=registry.library_versions(),
        artifact=f"{config.algorithm}-{stamp:%Y%m%dT%H%M%S}-{secrets.token_hex(4)}{registry.SUFFIX}",
        sha256="",
        created_at=utc_now(),
    )
    payload = registry.training_payload(
        config.algorithm, estimator, data.X_train, data.y_train, data.X_test, data.y_test
    )
    saved = registry.register(store, record, payload, activate)
    report(100, f"Registered model v{saved.version}")
    return saved


def _worth_keeping(w: warnings.WarningMessage) -> bool:
    # scikit-learn's own notes (convergence, ill-conditioning) matter; library
    # deprecation chatter does not.
    return not issubclass(w.category, (DeprecationWarning, PendingDeprecationWarning, FutureWarning))


def _one_line(w: warnings.WarningMessage) -> str:
    """A warning in one short line (scikit-learn's run to several, with links)."""
    if w.category.__name__ == "ConvergenceWarning":
        return "the solver stopped before converging (max_iter reached): raise max_iter, or standardise the features"
    text = " ".join(str(w.message).split())
    return text if len(text) <= 200 else text[:197] + "…"


def _cross_validate(
    config: TrainingConfig,
    params: dict[str, Any],
    X: np.ndarray,
    y: np.ndarray,
    step: Progress,
    check: Callable[[], None],
) -> list[float]:
    from sklearn.model_selection import StratifiedKFold

    folds = config.cv_folds
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=config.seed)
    scores: list[float] = []
    for i, (tr, te) in enumerate(splitter.split(X, y)):
        step(5 + int(70 * i / folds), f"Cross-validation fold {i + 1} of {folds}")
        est = build_estimator(config.algorithm, params, config.standardize, config.seed)
        fit_checked(est, X[tr], y[tr], check)
        scores.append(float((est.predict(X[te]) == y[te]).mean()))
    return scores


def fit_checked(estimator: Estimator, X: np.ndarray, y: np.ndarray, check: Callable[[], None]) -> None:
    """estimator.fit(X, y); a random forest grows in chunks of trees with `check()`
    between them, so Cancel is noticed within a fraction of a second. (warm_start draws
    the same per-tree seeds: the forest equals one grown in one go.)"""
    final = estimator.steps[-1][1] if hasattr(estimator, "steps") else estimator
    if type(final).__name__ != "RandomForestClassifier":
        estimator.fit(X, y)
        return
    total = final.n_estimators
    grown, chunk = 0, 2
    final.set_params(warm_start=True)
    try:
        while grown < total:
            started = time.perf_counter()
            grown = min(total, grown + chunk)
            final.set_params(n_estimators=grown)
            estimator.fit(X, y)
            per_tree = (time.perf_counter() - started) / chunk
            chunk = max(1, int(CHECK_EVERY_S / max(per_tree, 1e-6)))
            if grown < total:
                check()
    finally:
        final.set_params(warm_start=False, n_estimators=total)
