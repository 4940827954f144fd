"""Model files on disk: where a version's file is (always inside models/), its bytes read
once and checked against the registry's SHA-256, and atomic writes."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from iris_desktop.pipelines.model_caps import MAX_FILE_BYTES
from iris_desktop.pipelines.model_format import ModelLoadError
from iris_desktop.store import Store
from iris_desktop.store.registry import ModelRecord


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def write_artifact(models_dir: Path, name: str, data: bytes) -> str:
    """Write `data` to models_dir/name atomically (temp file, fsync, rename); returns its
    SHA-256. A reader sees the old file or the new one, never half of one."""
    models_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=Path(name).suffix, dir=models_dir)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, models_dir / name)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return hashlib.sha256(data).hexdigest()


def artifact_path(store: Store, record: ModelRecord) -> Path:
    """Where the file of `record` lives: always inside models/ (a registry row naming
    `../x.skops` or an absolute path is refused, not followed)."""
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
    what is loaded is exactly what was checked."""
    path = artifact_path(store, record)
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise ModelLoadError(f"the file of model v{record.version} is missing: {path}. " + advice(record)) from None
    except OSError as exc:
        raise ModelLoadError(f"the file of model v{record.version} cannot be read: {exc.strerror}") from None
    if len(data) > MAX_FILE_BYTES:
        raise ModelLoadError(
            f"the file of model v{record.version} ({path.name}) is larger than any model; it was not loaded. "
            + advice(record)
        )
    if hashlib.sha256(data).hexdigest() != record.sha256:
        raise ModelLoadError(
            f"the file of model v{record.version} ({path.name}) does not match the registry "
            f"(SHA-256 differs); it was not loaded. " + advice(record)
        )
    return data
