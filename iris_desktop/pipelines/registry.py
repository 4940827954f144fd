"""Model artifacts: atomic writes, SHA-256 checked loads, export with a model card.

A joblib file is a pickle and loading it runs code, so nothing is loaded unless its
SHA-256 matches the registry row.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import platform
import tempfile
import threading
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from iris_desktop.domain import FEATURE_NAMES, VARIETIES, Variety
from iris_desktop.errors import UserError
from iris_desktop.pipelines.algorithms import Estimator
from iris_desktop.store import Store
from iris_desktop.store import registry as rows
from iris_desktop.store.flowers import FeatureStats, feature_stats
from iris_desktop.store.registry import ModelRecord


class ModelLoadError(UserError):
    """An artifact that is missing, altered or unreadable; the message says which."""


def library_versions() -> dict[str, str]:
    import joblib
    import sklearn

    return {
        "scikit-learn": sklearn.__version__,
        "numpy": np.__version__,
        "joblib": joblib.__version__,
        "python": platform.python_version(),
    }


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


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


def write_artifact(models_dir: Path, name: str, payload: dict[str, Any]) -> str:
    """Dump `payload` to models_dir/name atomically (temp file + rename); returns SHA-256."""
    import joblib

    models_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".joblib", dir=models_dir)
    try:
        with os.fdopen(fd, "wb") as f:
            joblib.dump(payload, f)  # uncompressed: twice as fast to load, a few kB
            f.flush()
            os.fsync(f.fileno())
        digest = sha256_of(Path(tmp))
        os.replace(tmp, models_dir / name)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return digest


def register(store: Store, record: ModelRecord, payload: dict[str, Any], activate: bool) -> ModelRecord:
    """Write the artifact, then the registry row (and alias) in one transaction.

    The file is written first (not while holding the write lock) and removed if its row
    is not kept: if this transaction fails, and also if it is nested in another that
    rolls back later (first_run trains inside one), which would otherwise leave a file
    in models/ under its final name that no row refers to."""
    digest = write_artifact(store.models_dir, record.artifact, payload)
    path = store.models_dir / record.artifact
    try:
        with store.transaction():
            store.on_rollback(lambda: path.unlink(missing_ok=True))
            version = rows.insert_model(store, _with(record, sha256=digest))
            if activate:
                rows.set_active(store, version)
    except BaseException:
        path.unlink(missing_ok=True)  # also when the transaction could not even begin (busy)
        raise
    saved = rows.get_model(store, version)
    assert saved is not None  # the row was just written
    return saved


def _with(record: ModelRecord, **changes: Any) -> ModelRecord:
    values = asdict(record)
    values.update(changes)
    return ModelRecord(**values)


class ModelCache:
    """The models kept loaded, shared by every thread of the process (the app's workers
    predict, draw and show history at once), so every access holds a lock. It keeps
    two: the active model, which prediction asks for all the time, and the last other
    version asked for (a model viewed in History). Viewing other versions replaces that
    one, never the active: a plain LRU of 2 would evict the active model after two
    views. The key is (file path, SHA-256): a file changed on disk is a new entry."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._active: tuple[tuple[str, str], LoadedModel] | None = None
        self._other: tuple[tuple[str, str], LoadedModel] | None = None

    def get(self, key: tuple[str, str], record: ModelRecord) -> LoadedModel | None:
        """The model cached under `key` if it was loaded from this same registry row."""
        with self._lock:
            if self._active is not None and self._active[0] == key and self._active[1].record == record:
                return self._active[1]
            if self._other is not None and self._other[0] == key and self._other[1].record == record:
                model = self._other[1]
                if record.active:  # activated since it was viewed: now it is the one to keep
                    self._active, self._other = self._other, self._active
                return model
        return None

    def put(self, key: tuple[str, str], model: LoadedModel, active: bool) -> None:
        """Keep `model`, in the active slot if it is the active version (the model active
        before becomes the other one: still the likeliest to be asked for), else in the other."""
        with self._lock:
            if not active:
                self._other = (key, model)
                return
            if self._active is not None and self._active[0] != key:
                self._other = self._active
            self._active = (key, model)

    def keys(self) -> list[tuple[str, str]]:
        with self._lock:
            return [entry[0] for entry in (self._active, self._other) if entry is not None]

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(self.keys())

    def __len__(self) -> int:
        return len(self.keys())

    def clear(self) -> None:
        with self._lock:
            self._active = self._other = None


_cache = ModelCache()


def artifact_path(store: Store, record: ModelRecord) -> Path:
    """Where the file of `record` lives: always inside models/ (a registry row naming
    `../x.joblib` or an absolute path is refused, not followed)."""
    folder = store.models_dir.resolve()
    path = (folder / record.artifact).resolve()
    if path.parent != folder:
        raise ModelLoadError(
            f"model v{record.version} names a file outside the models folder ({record.artifact!r}); it was not loaded"
        )
    return path


def advice(record: ModelRecord) -> str:
    """What to do about a model whose file cannot be used, naming commands that exist
    (the active version cannot be deleted: another must be activated first)."""
    v = record.version
    text = f"Retrain it (Train tab ▸ Retrain, or `iris-desktop retrain {v}`)"
    if record.active:
        return text + " or activate another version (`iris-desktop activate VERSION`)."
    return text + f" or delete it (`iris-desktop delete {v}`)."


def read_artifact(store: Store, record: ModelRecord) -> bytes:
    """The bytes of a model file, read once and checked against the registry's SHA-256:
    what is unpickled is exactly what was checked."""
    path = artifact_path(store, record)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ModelLoadError(f"the file of model v{record.version} is missing: {path}. " + advice(record)) from None
    except OSError as exc:
        raise ModelLoadError(f"the file of model v{record.version} cannot be read: {exc.strerror}") from None
    if hashlib.sha256(data).hexdigest() != record.sha256:
        raise ModelLoadError(
            f"the file of model v{record.version} ({path.name}) does not match the registry "
            f"(SHA-256 differs); it was not loaded. " + advice(record)
        )
    return data


def load_model(store: Store, version: int | None = None) -> LoadedModel:
    """Load a registered model (default: the active one) after checking its SHA-256.
    The file is checked on every call, cached or not: a file changed after loading is
    refused too."""
    record = rows.active_model(store) if version is None else rows.get_model(store, version)
    if record is None:
        raise ModelLoadError(
            "there is no active model yet" if version is None else f"there is no model version {version}"
        )
    data = read_artifact(store, record)  # every call, cached or not: a file changed since is refused
    key = (str(artifact_path(store, record)), record.sha256)
    cached = _cache.get(key, record)
    if cached is not None:
        return cached
    import joblib

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            payload = joblib.load(io.BytesIO(data))
            estimator, y_train = payload["estimator"], payload["y_train"]
            X_train = payload.get("X_train")
            if X_train is None:  # KNN keeps its training rows itself: stored once
                X_train = knn_training_rows(estimator)
        except Exception as exc:
            raise ModelLoadError(f"model v{record.version} could not be read: {exc}") from exc
    model = LoadedModel(
        record,
        estimator,
        X_train,
        y_train,
        _version_warning(record, caught),
        payload.get("X_test"),
        payload.get("y_test"),
    )
    _cache.put(key, model, record.active)
    return model


def knn_training_rows(estimator: Estimator) -> np.ndarray:
    """The training rows, in cm, of a fitted KNN (inside a scaling Pipeline or not)."""
    steps = estimator.steps if hasattr(estimator, "steps") else [("model", estimator)]
    X = steps[-1][1]._fit_X
    for _, step in reversed(steps[:-1]):
        X = step.inverse_transform(X)
    return np.asarray(X, dtype=float)


def training_payload(
    algorithm_key: str,
    estimator: Estimator,
    X_train: np.ndarray,
    y_train: np.ndarray,
    X_test: np.ndarray | None = None,
    y_test: np.ndarray | None = None,
) -> dict[str, Any]:
    """What a model file holds: the estimator, the training rows unless it keeps them
    itself (KNN does), so that no file holds them twice, and the test rows (to draw
    them over the model's decision regions later)."""
    payload: dict[str, Any] = {"estimator": estimator, "y_train": np.asarray(y_train, dtype=np.int8)}
    if algorithm_key != "knn":
        payload["X_train"] = X_train
    if X_test is not None and y_test is not None:
        payload["X_test"] = np.asarray(X_test, dtype=float)
        payload["y_test"] = np.asarray(y_test, dtype=np.int8)
    return payload


def load_active(store: Store) -> LoadedModel | None:
    """The active model, loaded and verified; None if no model is active."""
    return load_model(store) if rows.active_version(store) is not None else None


def _version_warning(record: ModelRecord, caught: Sequence[warnings.WarningMessage]) -> str | None:
    import sklearn

    saved = record.library_versions.get("scikit-learn")
    if saved and saved != sklearn.__version__:
        return (
            f"model v{record.version} was saved with scikit-learn {saved}, this is "
            f"{sklearn.__version__}; its predictions may differ. Retraining is advised."
        )
    for w in caught:
        if "InconsistentVersion" in type(w.message).__name__:
            return str(w.message)
    return None


def delete_model(store: Store, version: int) -> int:
    """Delete a non-active version, its artifact and its predictions; returns predictions removed."""
    record = rows.get_model(store, version)
    removed = rows.delete_model_row(store, version)
    if record is not None:
        (store.models_dir / record.artifact).unlink(missing_ok=True)
    return removed


def model_card(record: ModelRecord) -> dict[str, Any]:
    card = asdict(record)
    card.pop("active", None)
    card["features"] = list(FEATURE_NAMES)
    card["classes"] = [v.value for v in VARIETIES]
    card["format"] = "joblib (a pickle: load only files whose sha256 you trust)"
    return card


def export_model(store: Store, version: int, dest: str | os.PathLike[str]) -> tuple[Path, Path]:
    """Write a verified artifact to folder `dest` with a JSON model card beside it.
    The bytes written are the bytes checked; nothing is unpickled."""
    record = rows.get_model(store, version)
    if record is None:
        raise rows.UnknownModelError(f"there is no model version {version}")
    try:
        data = read_artifact(store, record)
    except ModelLoadError as exc:
        raise ModelLoadError(str(exc).replace("it was not loaded", "it was not exported")) from None
    dest = Path(dest)
    if dest.exists() and not dest.is_dir():
        raise NotADirectoryError(f"{dest} is a file, not a folder")
    dest.mkdir(parents=True, exist_ok=True)
    stem = f"iris-model-v{record.version}"
    artifact, card = dest / f"{stem}.joblib", dest / f"{stem}.json"
    artifact.write_bytes(data)
    card.write_text(json.dumps(model_card(record), indent=2) + "\n", encoding="utf-8")
    return artifact, card
