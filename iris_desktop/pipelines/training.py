"""Training: split, cross-validate, fit, evaluate and register a model.

`train()` reports progress through a callback and stops between steps when
`should_cancel()` turns true, so the UI's worker and the CLI run the same code.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

import numpy as np

from iris_desktop.domain import VARIETIES
from iris_desktop.pipelines import registry
from iris_desktop.pipelines.algorithms import DEFAULT_ALGORITHM, algorithm, build_estimator
from iris_desktop.store import Store
from iris_desktop.store.flowers import feature_matrix
from iris_desktop.store.database import utc_now
from iris_desktop.store.registry import ModelRecord

DEFAULT_SOURCES = ("backfill", "import")
LABELS = list(range(len(VARIETIES)))

Progress = Callable[[int, str], None]  # (percent 0-100, what is happening)


class TrainingCancelled(Exception):
    pass


@dataclass(frozen=True)
class TrainingConfig:
    algorithm: str = DEFAULT_ALGORITHM
    params: dict[str, Any] = field(default_factory=dict)
    standardize: bool = False
    sources: tuple[str, ...] = DEFAULT_SOURCES
    test_fraction: float = 0.2
    seed: int = 42
    cv_folds: int = 5

    def resolved_params(self) -> dict[str, Any]:
        return algorithm(self.algorithm).resolve(self.params)


def config_of(record: ModelRecord) -> TrainingConfig:
    """The settings a registered model was trained with, to train it again."""
    folds = len(record.metrics.get("cv_scores", [])) or TrainingConfig.cv_folds
    return TrainingConfig(record.algorithm, dict(record.params), record.standardize,
                          tuple(record.sources), record.test_fraction, record.split_seed, folds)


def _folds(wanted: int, y: np.ndarray) -> int:
    """CV folds: as asked, but no more than the rarest variety present has members."""
    counts = np.bincount(y)
    return min(wanted, int(counts[counts > 0].min()))


def fingerprint(X: np.ndarray, y: np.ndarray) -> str:
    """Order-independent digest of the training rows."""
    rows = sorted(f"{a:.4f},{b:.4f},{c:.4f},{d:.4f},{t}" for (a, b, c, d), t in zip(X.tolist(), y.tolist()))
    return hashlib.sha256("\n".join(rows).encode()).hexdigest()


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


def _split(X, y, test_fraction: float, seed: int):
    from sklearn.model_selection import train_test_split

    if not 0 < test_fraction < 1:
        raise ValueError(f"the test fraction must be between 0 and 1, got {test_fraction}")
    counts = np.bincount(y, minlength=len(VARIETIES))
    present = counts[counts > 0]
    n_test = int(np.ceil(test_fraction * len(y)))
    stratify = y if present.min() >= 2 and n_test >= len(present) else None
    return train_test_split(X, y, test_size=test_fraction, random_state=seed, stratify=stratify)


def train(store: Store, config: TrainingConfig = TrainingConfig(), activate: bool = True,
          progress: Progress | None = None, should_cancel: Callable[[], bool] | None = None) -> ModelRecord:
    """Train, evaluate and register one model; returns its registry record."""
    report = progress or (lambda pct, text: None)

    def step(pct: int, text: str) -> None:
        if should_cancel and should_cancel():
            raise TrainingCancelled("training was cancelled")
        report(pct, text)

    params = config.resolved_params()
    step(2, "Loading the training data")
    X, y = feature_matrix(store, config.sources)
    if not len(y):
        raise ValueError(f"there are no {'/'.join(config.sources)} flowers to train on yet; "
                         "store the bundled data set first (backfill) or import a CSV")
    if len(np.unique(y)) < 2:
        raise ValueError(f"training needs at least two varieties; sources {', '.join(config.sources)} "
                         f"hold {len(y)} flowers of {len(np.unique(y))} variety")
    if len(y) < 10:
        raise ValueError(f"training needs at least 10 flowers, the chosen sources hold {len(y)}")
    X_train, X_test, y_train, y_test = _split(X, y, config.test_fraction, config.seed)

    cv_scores = _cross_validate(config, params, X_train, y_train, step)

    step(80, "Fitting the final model")
    estimator = build_estimator(config.algorithm, params, config.standardize, config.seed)
    estimator.fit(X_train, y_train)
    step(90, "Evaluating on the test set")
    metrics = evaluate(y_test, estimator.predict(X_test))
    metrics["train_accuracy"] = float((estimator.predict(X_train) == y_train).mean())
    metrics["cv_scores"] = [float(s) for s in cv_scores]
    metrics["cv_mean"] = float(np.mean(cv_scores)) if len(cv_scores) else float("nan")
    metrics["cv_std"] = float(np.std(cv_scores)) if len(cv_scores) else float("nan")
    metrics["n_train"], metrics["n_test"] = int(len(y_train)), int(len(y_test))

    step(95, "Saving to the registry")
    stamp = dt.datetime.now(dt.timezone.utc)
    record = ModelRecord(
        version=0, algorithm=config.algorithm, params=params, standardize=config.standardize,
        sources=list(config.sources), n_rows=int(len(y)), data_fingerprint=fingerprint(X, y),
        split_seed=config.seed, test_fraction=config.test_fraction, metrics=metrics,
        library_versions=registry.library_versions(),
        artifact=f"{config.algorithm}-{stamp:%Y%m%dT%H%M%S}-{secrets.token_hex(4)}.joblib",
        sha256="", created_at=utc_now(),
    )
    payload = registry.training_payload(config.algorithm, estimator, X_train, y_train)
    saved = registry.register(store, record, payload, activate)
    report(100, f"Registered model v{saved.version}")
    return saved


def _cross_validate(config, params, X, y, step) -> list[float]:
    from sklearn.model_selection import StratifiedKFold

    folds = _folds(config.cv_folds, y)
    if config.cv_folds < 2 or folds < 2:
        return []
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=config.seed)
    scores = []
    for i, (tr, te) in enumerate(splitter.split(X, y)):
        step(5 + int(70 * i / folds), f"Cross-validation fold {i + 1} of {folds}")
        est = build_estimator(config.algorithm, params, config.standardize, config.seed)
        est.fit(X[tr], y[tr])
        scores.append(float((est.predict(X[te]) == y[te]).mean()))
    return scores


@dataclass(frozen=True)
class ValidationCurve:
    ks: list[int]
    train_mean: list[float]
    cv_mean: list[float]
    cv_std: list[float]

    @property
    def best_k(self) -> int:
        return self.ks[int(np.argmax(self.cv_mean))]


def knn_validation_curve(store: Store, sources: Sequence[str] = DEFAULT_SOURCES,
                         ks: Sequence[int] = tuple(range(1, 32, 2)), cv_folds: int = 5,
                         standardize: bool = False, seed: int = 42,
                         params: dict[str, Any] | None = None) -> ValidationCurve:
    """Train and CV accuracy of KNN against k, for choosing k."""
    from sklearn.model_selection import StratifiedKFold, validation_curve

    X, y = feature_matrix(store, sources)
    base = algorithm("knn").resolve(params)
    folds = _folds(cv_folds, y)
    ks = [k for k in ks if k <= len(y) * (folds - 1) // folds]
    estimator = build_estimator("knn", base, standardize, seed)
    name = "model__n_neighbors" if standardize else "n_neighbors"
    train, test = validation_curve(
        estimator, X, y, param_name=name, param_range=ks,
        cv=StratifiedKFold(folds, shuffle=True, random_state=seed), n_jobs=1,
    )
    return ValidationCurve(list(ks), train.mean(axis=1).tolist(), test.mean(axis=1).tolist(),
                           test.std(axis=1).tolist())
