"""The migration of model files from versions before 0.2 (joblib pickles) to skops.

THE ONLY MODULE THAT UNPICKLES. A pickle runs code when it is loaded, so it is loaded
only here, only from the store's own models/ folder, only from bytes read once whose
SHA-256 matches their registry row, and only to be re-written in the new format. A
backup archive's old files are never unpickled: restoring one never puts them in
models/ (its versions are retrained instead: legacy_retrain.retrain_legacy).

Safe to run at any time, from any number of processes: a version is converted under the
store's write lock after checking that its row still names the old file, so the second
process finds nothing to do. The old file is removed only once the row naming the new
one has committed: a crash at any point leaves a row naming a file that is there.
"""

from __future__ import annotations

import hashlib
import io
import secrets
import warnings
from pathlib import Path

import numpy as np

from iris_desktop.pipelines.model_caps import MAX_FILE_BYTES
from iris_desktop.pipelines.model_checks import knn_training_rows
from iris_desktop.pipelines.model_files import artifact_path, write_artifact
from iris_desktop.pipelines.model_format import (
    SUFFIX,
    ModelLoadError,
    dump_model,
    load_contents,
    training_payload,
)
from iris_desktop.store import Store
from iris_desktop.store import registry as rows
from iris_desktop.store.registry import ModelRecord

LEGACY_SUFFIX = ".joblib"
NEEDS_RETRAINING = "it needs retraining"


def convert_legacy_models(store: Store) -> list[str]:
    """Convert every version whose file is in the old format: its row then names a
    skops file with the same model (versions, metrics, predictions and the active alias
    unchanged). One message per version found in the old format, saying what was done;
    a version whose file could not be converted (missing, altered, unreadable) is left
    as it is and its message says it needs retraining. [] when there is nothing to do."""
    _remove_converted_leftovers(store)
    messages = []
    for record in rows.list_models(store):
        if record.artifact.endswith(LEGACY_SUFFIX):
            message = _convert(store, record)
            if message is not None:
                messages.append(message)
    return messages


def replace_file(store: Store, record: ModelRecord, data: bytes) -> str | None:
    """Write `data` (a checked model file) as the file of `record`'s version, and point
    its row at it, if the row still names `record`'s file; returns the new file's name,
    or None if another process changed the row first. The file named before is removed
    once the change has committed (not inside an enclosing transaction: it could still
    roll back; a later run removes it then)."""
    stem = Path(record.artifact).stem
    name = stem + SUFFIX
    digest = hashlib.sha256(data).hexdigest()
    enclosed = store.conn.in_transaction
    with store.transaction():
        now = rows.get_model(store, record.version)
        if now is None or (now.artifact, now.sha256) != (record.artifact, record.sha256):
            return None
        if name != record.artifact and any(r.artifact == name for r in rows.list_models(store)):
            name = f"{stem}-{secrets.token_hex(4)}{SUFFIX}"
        if name == record.artifact:
            name = f"{stem}-{secrets.token_hex(4)}{SUFFIX}"  # never overwrite the file the row names
        target = store.models_dir / name
        # No row names `name` and the write lock is held: a file there is a leftover of a
        # run that crashed before its commit, safe to replace.
        write_artifact(store.models_dir, name, data)
        store.on_rollback(lambda: target.unlink(missing_ok=True))
        rows.replace_artifact(store, record.version, (record.artifact, record.sha256), (name, digest))
    if not enclosed:
        try:
            artifact_path(store, record).unlink(missing_ok=True)
        except (ModelLoadError, OSError):
            pass  # outside models/ (never touched) or not removable: nothing names it now
    return name


def _convert(store: Store, record: ModelRecord) -> str | None:
    v = record.version
    data, problem = _checked_bytes(store, record)
    if data is not None:
        try:
            converted = _reformatted(data, record)
        except Exception as exc:  # whatever an old file makes a library raise
            problem = f"its file in the old format could not be converted ({type(exc).__name__}: {exc})"[:300]
        else:
            name = replace_file(store, record, converted)
            return None if name is None else f"model v{v}: converted to the new file format ({name})."
    now = rows.get_model(store, v)
    if now is None or (now.artifact, now.sha256) != (record.artifact, record.sha256):
        return None  # another process converted (or deleted) it meanwhile
    return f"model v{v}: {problem}; {NEEDS_RETRAINING}."


def _checked_bytes(store: Store, record: ModelRecord) -> tuple[bytes | None, str]:
    """(the bytes of `record`'s old file, read once, if their SHA-256 matches its row;
    else None and why they must not be unpickled)."""
    try:
        path = artifact_path(store, record)
    except ModelLoadError:
        return None, f"its file is outside the models folder ({record.artifact!r}) and was never loaded"
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        return None, f"its file in the old format is missing ({path.name})"
    except OSError as exc:
        return None, f"its file in the old format cannot be read ({exc.strerror})"
    if len(data) > MAX_FILE_BYTES or hashlib.sha256(data).hexdigest() != record.sha256:
        mismatch = "does not match the registry (SHA-256 differs), so it was never loaded"
        return None, f"its file in the old format ({path.name}) {mismatch}"
    return data, ""


def _reformatted(data: bytes, record: ModelRecord) -> bytes:
    """The skops file of the old file `data` (whose SHA-256 matched its row): same
    estimator, same rows; it must load with every check and predict exactly the same."""
    import joblib

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # another scikit-learn's pickle: the new file is checked below
        payload = joblib.load(io.BytesIO(data))
    if type(payload) is not dict or "estimator" not in payload or "y_train" not in payload:
        raise ValueError("it does not hold a model")
    estimator = payload["estimator"]
    X_train = payload.get("X_train")
    if X_train is None:  # KNN kept its training rows itself
        X_train = knn_training_rows(estimator)
    X_test, y_test = payload.get("X_test"), payload.get("y_test")
    converted = dump_model(training_payload(record.algorithm, estimator, X_train, payload["y_train"], X_test, y_test))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        contents = load_contents(converted, record.algorithm, record.standardize, record.version)
        probe = np.vstack([X_train] + ([] if X_test is None else [np.asarray(X_test, dtype=float)]))
        before, after = estimator.predict_proba(probe), contents.estimator.predict_proba(probe)
    if before.shape != after.shape or np.abs(before - after).max() > 1e-12:
        raise ValueError("the converted model predicts differently")
    return converted


def _remove_converted_leftovers(store: Store) -> None:
    """Old files whose version now names its converted file (a run that stopped between
    its commit and the removal, or converted inside an enclosing transaction)."""
    if store.conn.in_transaction or not store.models_dir.is_dir():
        return  # this transaction's own rows could still roll back
    named = {r.artifact for r in rows.list_models(store)}
    for old in store.models_dir.glob("*" + LEGACY_SUFFIX):
        if old.name not in named and old.stem + SUFFIX in named:
            old.unlink(missing_ok=True)
