"""The steps of a restore (backups.restore runs them in order): is there room, is the
archive's database sound and does it name only files we write, which model files to
unpack (to temporary names in models/), and renaming them into place with a way back.
Nothing here changes the live database."""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from iris_desktop.paths import private_folder
from iris_desktop.store import recovery
from iris_desktop.store.archives import (
    LEGACY,
    MAX_MODEL_BYTES,
    MODEL_NAME,
    MODELS,
    NOTHING_CHANGED,
    SKOPS,
    Archive,
    BackupError,
    refused,
    shown,
)
from iris_desktop.store.database import INSTALLATION_ID
from iris_desktop.store.schema import SCHEMA_VERSION

SPACE_MARGIN = 16 << 20  # SQLite's journal of the last commit, the manifest, rounding


def check_space(archive: Archive, db_path: Path, models_dir: Path) -> None:
    """Refuse before writing anything if the disk cannot take what a restore writes: the
    unpacked database, its pages again in the live file's WAL (and the live file's growth),
    the model files, and the "before a restore" backup of the live data (counted unpacked)."""
    size = archive.database_bytes
    live = sum(_size(Path(f"{db_path}{s}")) for s in ("", *recovery.SIDE_FILES))
    models = sum(i.file_size for name, i in archive.models.items() if name.endswith(SKOPS))
    ours = sum(_size(f) for f in _files(models_dir))
    need = 2 * size + max(0, size - live) + models + live + ours + SPACE_MARGIN
    folder = next((f for f in (db_path.parent, *db_path.parent.parents) if f.is_dir()), db_path.parent)
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return  # not measurable here: writing says so if it fails
    if need > free:
        raise BackupError(
            f"{shown(archive.source)} cannot be restored: it needs about {need >> 20:,} MB free on the disk "
            f"holding {shown(db_path.parent)}, which has {free >> 20:,} MB; {NOTHING_CHANGED}"
        )


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _files(folder: Path) -> list[Path]:
    try:
        return [p for p in folder.iterdir() if p.is_file()]
    except OSError:
        return []


def check_database(copy: Path, archive: Archive) -> list[tuple[int, str, str]]:
    """The backup's database must be sound and one this version can open; returns the
    registry's (version, model file, SHA-256)."""
    source, member = archive.source, archive.database_name
    found = recovery.file_problem(copy)
    if found:
        raise refused(source, member, f"is damaged ({shown(found, 160)})")
    conn = sqlite3.connect(copy)
    try:
        conn.execute("PRAGMA trusted_schema = OFF")  # its views and triggers call no function with side effects
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if not 1 <= version <= SCHEMA_VERSION:
            raise refused(
                source, member, f"is a database of schema {version}; this version reads 1 to {SCHEMA_VERSION}"
            )
        rows = conn.execute("SELECT version, artifact, sha256 FROM models").fetchall()
    except sqlite3.Error as exc:
        raise refused(source, member, f"does not hold an Iris Desktop database ({shown(exc, 160)})") from exc
    finally:
        conn.close()
    for row in rows:
        version, artifact, digest = row
        if not (isinstance(version, int) and isinstance(artifact, str) and isinstance(digest, str)):
            raise refused(source, member, f"holds a registry row Iris Desktop never writes ({shown(row, 100)})")
        if not MODEL_NAME.fullmatch(artifact):
            raise refused(source, member, f"names a model file Iris Desktop never writes ({shown(artifact, 100)})")
    return rows


def keep_installation_id(copy: Path, db_path: Path, archive: Archive) -> None:
    """The installation id belongs to the installation, not to the data: the live store's
    id goes into the copy before it replaces it (a store that had none keeps the backup's)."""
    ours = recovery.installation_id_of(db_path)
    if ours is None:
        return
    source, member = archive.source, archive.database_name
    conn = sqlite3.connect(copy, isolation_level=None)
    try:
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute("DELETE FROM meta WHERE key = ?", (INSTALLATION_ID,))
        conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (INSTALLATION_ID, ours))
    except sqlite3.Error as exc:
        raise refused(source, member, f"does not hold an Iris Desktop database ({shown(exc, 160)})") from exc
    finally:
        conn.close()


@dataclass
class Models:
    staged: list[tuple[Path, Path]] = field(default_factory=list)  # (temporary file, its name in models/)
    legacy: list[int] = field(default_factory=list)
    unmatched: list[int] = field(default_factory=list)


def take_models(archive: Archive, rows: list[tuple[int, str, str]], models_dir: Path, into: Models) -> None:
    """Check the archive's model files against its registry, then unpack the ones to
    write to temporary files in models/ (renamed by _installed). A file already there
    with the registry's SHA-256 stays; a .joblib one is never unpacked."""
    source = archive.source
    named = {artifact for _, artifact, _ in rows}
    for name in archive.models:
        if name not in named:
            raise refused(source, MODELS + name, "is a model file its database does not refer to")
    missing, wanted = [], []
    for version, artifact, digest in rows:
        local = models_dir / artifact
        if _holds(local, digest):
            continue  # ours already, the same bytes
        if artifact.endswith(LEGACY):
            into.legacy.append(version)
        elif artifact in archive.models:
            wanted.append((version, artifact, digest))
        elif not local.is_file():
            missing.append(artifact)
    if missing:
        raise BackupError(
            f"{shown(source)} lacks the model file{'s' * (len(missing) > 1)} "
            f"{shown(', '.join(missing), 200)}; {NOTHING_CHANGED}"
        )
    if wanted:
        private_folder(models_dir)
    for version, artifact, digest in wanted:
        fd, name = tempfile.mkstemp(prefix=".tmp-restore-", suffix=SKOPS, dir=models_dir)
        into.staged.append((Path(name), models_dir / artifact))
        with os.fdopen(fd, "wb") as out:
            got = archive.extract_model(artifact, out)
        if got != digest:
            into.unmatched.append(version)
            into.staged.pop()[0].unlink()


def _holds(path: Path, digest: str) -> bool:
    """`path` is a plain file whose bytes have the SHA-256 `digest`."""
    try:
        if path.is_symlink() or not path.is_file() or path.stat().st_size > 2 * MAX_MODEL_BYTES:
            return False
        sha = hashlib.sha256()
        with open(path, "rb") as f:
            while chunk := f.read(1 << 20):
                sha.update(chunk)
    except OSError:
        return False
    return sha.hexdigest() == digest


@contextlib.contextmanager
def installed(staged: list[tuple[Path, Path]]) -> Iterator[None]:
    """Rename the staged model files into place; if the body fails, put back what was
    there (a file of the same name is kept aside until then)."""
    done: list[tuple[Path, Path | None]] = []  # (name in models/, where the file it replaced waits)
    try:
        for temp, target in staged:
            aside = None
            if target.exists() or target.is_symlink():
                aside = target.with_name(f".tmp-restore-{secrets.token_hex(4)}-aside")
                os.replace(target, aside)
            done.append((target, aside))
            os.replace(temp, target)
        yield
    except BaseException:
        for target, aside in reversed(done):
            with contextlib.suppress(OSError):
                if aside is None:
                    target.unlink(missing_ok=True)
                else:
                    os.replace(aside, target)
        raise
    for _target, aside in done:
        if aside is not None:
            aside.unlink(missing_ok=True)
