"""The model registry's files: register, load (SHA-256 checked, then read as skops with
its contents checked, model_format.py), cache, delete, export with a model card.

A model file is loaded only if its bytes match the SHA-256 of its registry row (that
tells a file altered on disk), and only as skops with a short list of trusted types and
its contents checked (that holds even when the row and the file come from the same
hostile backup). Files of versions before 0.2 are pickles: the first load converts the
installation's own ones (legacy_models.py, the only code that unpickles).
"""

from __future__ import annotations

import json
import os
import platform
import threading
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np

from iris_desktop.domain import FEATURE_NAMES, VARIETIES
from iris_desktop.pipelines.legacy_models import LEGACY_SUFFIX, convert_legacy_models
from iris_desktop.pipelines.loaded_model import LoadedModel
from iris_desktop.pipelines.model_checks import knn_training_rows
from iris_desktop.pipelines.model_files import advice, artifact_path, read_artifact, sha256_of, write_artifact
from iris_desktop.pipelines.model_format import (
    FORMAT,
    SUFFIX,
    TRUSTED_TYPES,
    ModelLoadError,
    dump_model,
    load_contents,
    training_payload,
)
from iris_desktop.store import Store
from iris_desktop.store import registry as rows
from iris_desktop.store.registry import ModelRecord

__all__ = [
    "SUFFIX",
    "TRUSTED_TYPES",
    "LoadedModel",
    "ModelCache",
    "ModelLoadError",
    "advice",
    "artifact_path",
    "convert_legacy_models",
    "delete_model",
    "export_model",
    "knn_training_rows",
    "library_versions",
    "load_active",
    "load_model",
    "model_card",
    "read_artifact",
    "register",
    "sha256_of",
    "training_payload",
]


def library_versions() -> dict[str, str]:
    import sklearn
    import skops

    return {
        "scikit-learn": sklearn.__version__,
        "numpy": np.__version__,
        "skops": skops.__version__,
        "python": platform.python_version(),
    }


def register(store: Store, record: ModelRecord, payload: dict[str, Any], activate: bool) -> ModelRecord:
    """Write the artifact, then the registry row (and alias) in one transaction.

    The file is written first (not while holding the write lock) and removed if its row
    is not kept: if this transaction fails, and also if it is nested in another that
    rolls back later (first_run trains inside one), which would otherwise leave a file
    in models/ under its final name that no row refers to."""
    digest = write_artifact(store.models_dir, record.artifact, dump_model(payload))
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


def load_model(store: Store, version: int | None = None) -> LoadedModel:
    """Load a registered model (default: the active one) after checking its SHA-256.
    The file is checked on every call, cached or not: a file changed after loading is
    refused too. A file in the format before 0.2 is converted first (all of them are)."""
    record = rows.active_model(store) if version is None else rows.get_model(store, version)
    if record is None:
        raise ModelLoadError(
            "there is no active model yet" if version is None else f"there is no model version {version}"
        )
    if record.artifact.endswith(LEGACY_SUFFIX):
        record = _converted(store, record)
    data = read_artifact(store, record)  # every call, cached or not: a file changed since is refused
    key = (str(artifact_path(store, record)), record.sha256)
    cached = _cache.get(key, record)
    if cached is not None:
        return cached
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            contents = load_contents(data, record.algorithm, record.standardize, record.version)
        except ModelLoadError as exc:
            raise ModelLoadError(f"{exc}; it was not loaded. " + advice(record)) from None
    model = LoadedModel(
        record,
        contents.estimator,
        contents.X_train,
        contents.y_train,
        _version_warning(record, caught),
        contents.X_test,
        contents.y_test,
    )
    _cache.put(key, model, record.active)
    return model


def _converted(store: Store, record: ModelRecord) -> ModelRecord:
    """The row of `record` once its old-format file is converted; ModelLoadError (saying
    that the version needs retraining) if it could not be."""
    artifact_path(store, record)  # a row naming a file outside models/ is refused as ever
    if _in_a_read_snapshot(store):  # (History reads one): convert through a connection of its own
        with Store.open(store.path, store.models_dir, store.timeout) as own:
            messages = convert_legacy_models(own)
            now = rows.get_model(own, record.version)
    else:
        messages = convert_legacy_models(store)
        now = rows.get_model(store, record.version)
    if now is None:
        raise ModelLoadError(f"there is no model version {record.version}")
    if now.artifact.endswith(LEGACY_SUFFIX):
        said = [m for m in messages if m.startswith(f"model v{record.version}:")]
        text = said[0] if said else f"model v{record.version} is in the old file format and needs retraining."
        raise ModelLoadError(f"{text} {advice(now)}")
    return now


def _in_a_read_snapshot(store: Store) -> bool:
    """Whether `store` is inside Store.read(), where no write can begin (inside a write
    transaction, one nests as a savepoint). Store.on_rollback tells, without a side
    effect: it refuses outside a write transaction (and a no-op callback does nothing)."""
    if not store.conn.in_transaction:
        return False
    try:
        store.on_rollback(lambda: None)
    except RuntimeError:
        return True
    return False


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
    card["format"] = FORMAT
    card["load_with"] = "skops.io.load(path, trusted=trusted_types): builds no other type, runs no code"
    card["trusted_types"] = list(TRUSTED_TYPES)
    card["contents"] = (
        "a dict: estimator, y_train, X_train (KNN: its own _fit_X), X_test, y_test; a random "
        "forest's trees are stored as arrays under 'forest' (template, nodes, values, "
        "node_counts, max_depths, random_states) and its estimators_ is empty"
    )
    return card


def export_model(store: Store, version: int, dest: str | os.PathLike[str]) -> tuple[Path, Path]:
    """Write a verified artifact to folder `dest` with a JSON model card beside it.
    The bytes written are the bytes checked; nothing is built from them. (A version
    still in the format before 0.2 is converted first: an old pickle is never exported.)"""
    record = rows.get_model(store, version)
    if record is None:
        raise rows.UnknownModelError(f"there is no model version {version}")
    try:
        if record.artifact.endswith(LEGACY_SUFFIX):
            record = _converted(store, record)
        data = read_artifact(store, record)
    except ModelLoadError as exc:
        text = str(exc)
        said = text.replace("it was not loaded", "it was not exported")
        raise ModelLoadError(said if said != text else f"it was not exported: {text}") from None
    dest = Path(dest)
    if dest.exists() and not dest.is_dir():
        raise NotADirectoryError(f"{dest} is a file, not a folder")
    dest.mkdir(parents=True, exist_ok=True)
    stem = f"iris-model-v{record.version}"
    artifact, card = dest / f"{stem}{SUFFIX}", dest / f"{stem}.json"
    artifact.write_bytes(data)
    card.write_text(json.dumps(model_card(record), indent=2) + "\n", encoding="utf-8")
    return artifact, card
