"""Backups: one zip archive holds a consistent copy of the database (SQLite's online
backup) and the model files its registry refers to, so a restored backup can load its
models. Automatic ones (once a day, before a migration, before a restore) live in
`backups/` beside the database; the newest KEEP of them are kept.

Restoring copies the backup into the live database with the same backup API, so
connections that other threads or processes hold stay valid and see the restored
contents as one more commit; a live file that is damaged is moved aside instead.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import sqlite3
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from iris_desktop import __version__
from iris_desktop.store import recovery
from iris_desktop.store.database import Store
from iris_desktop.store.errors import StoreError, translate
from iris_desktop.store.schema import SCHEMA_VERSION

KEEP = 7  # automatic backups kept
FOLDER = "backups"
DB_MEMBER = "iris.sqlite3"
MANIFEST = "manifest.json"
AUTOMATIC = ("daily", "migration", "restore")  # reasons of the backups that are pruned
REASONS = {"daily": "daily", "migration": "before an update", "restore": "before a restore", "manual": "made by hand"}
_NAME = re.compile(r"^iris-(\d{8}-\d{6})-(\w+)\.zip$")
_MODEL_MEMBER = re.compile(r"^models/([A-Za-z0-9_.-]+\.joblib)$")


class BackupError(StoreError):
    """A backup cannot be made or restored; the message says why."""


@dataclass(frozen=True)
class Backup:
    path: Path
    created: dt.datetime
    reason: str  # a key of REASONS
    flowers: int
    models: int
    schema_version: int

    def describe(self) -> str:
        return (
            f"{self.created:%Y-%m-%d %H:%M} ({REASONS.get(self.reason, self.reason)}): "
            f"{self.flowers} flowers, {self.models} model{'s' * (self.models != 1)}"
        )


def folder_of(db_path: Path) -> Path:
    return db_path.parent / FOLDER


# ---- making one -----------------------------------------------------------------------------


def write_archive(
    store: Store, dest: str | os.PathLike[str], reason: str = "manual", now: dt.datetime | None = None
) -> Path:
    """Write a backup archive of `store` to `dest` (atomically: a partial file never
    carries the name). The database copy is consistent even while others write."""
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, copy = tempfile.mkstemp(prefix=".backup-", suffix=".sqlite3", dir=dest.parent)
    os.close(fd)
    # A name of its own: processes started in the same second (three cron catch-ups) make
    # the day's backup under the same name, and a shared partial file was renamed away
    # under the others' feet ("No such file or directory", exit 2).
    fd, name = tempfile.mkstemp(prefix=f"{dest.name}.", suffix=".partial", dir=dest.parent)
    os.close(fd)
    partial = Path(name)
    try:
        target = sqlite3.connect(copy)
        try:
            store.conn.backup(target)
            counts = _counts(target)
            artifacts = [r[0] for r in target.execute("SELECT artifact FROM models")]
        finally:
            target.close()
        manifest = {
            "format": 1,
            "created": (now or dt.datetime.now()).isoformat(timespec="seconds"),
            "reason": reason,
            "app_version": __version__,
            **counts,
        }
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
            archive.writestr(MANIFEST, json.dumps(manifest, indent=1))
            archive.write(copy, DB_MEMBER)
            for name in artifacts:
                model = store.models_dir / name
                if _MODEL_MEMBER.match(f"models/{name}") and model.is_file():
                    archive.write(model, f"models/{name}")
        os.replace(partial, dest)
    except sqlite3.Error as exc:
        raise (translate(exc, store.path) or BackupError(f"the backup failed: {exc}")) from exc
    except OSError as exc:
        raise BackupError(f"the backup could not be written to {dest}: {exc.strerror or exc}") from exc
    finally:
        recovery.remove_with_side_files(Path(copy))
        partial.unlink(missing_ok=True)
    return dest


def _counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {
        "schema_version": conn.execute("PRAGMA user_version").fetchone()[0],
        "flowers": conn.execute("SELECT COUNT(*) FROM flowers").fetchone()[0],
        "models": conn.execute("SELECT COUNT(*) FROM models").fetchone()[0],
    }


def automatic_backup(store: Store, reason: str, now: dt.datetime | None = None) -> Path:
    """A backup in the backups folder, named by time and reason; older automatic ones
    beyond the newest KEEP are removed."""
    now = now or dt.datetime.now()
    folder = folder_of(store.path)
    folder.mkdir(mode=0o700, exist_ok=True)
    path = write_archive(store, folder / f"iris-{now:%Y%m%d-%H%M%S}-{reason}.zip", reason, now)
    _prune(folder)
    return path


def daily_backup(store: Store, now: dt.datetime | None = None) -> Path | None:
    """The day's automatic backup, unless one was made today already (by the clock:
    a catch-up for another `today` is still today's work)."""
    now = now or dt.datetime.now()
    folder = folder_of(store.path)
    if any(m and m.group(1).startswith(f"{now:%Y%m%d}") for m in map(_NAME.match, _names(folder))):
        return None
    return automatic_backup(store, "daily", now)


def _names(folder: Path) -> list[str]:
    try:
        return sorted(os.listdir(folder))
    except OSError:
        return []


LEFTOVER_AGE_S = 3600  # a backup still being written is minutes old at most


def _prune(folder: Path) -> None:
    automatic = [n for n in _names(folder) if (m := _NAME.match(n)) and m.group(2) in AUTOMATIC]
    for name in automatic[:-KEEP]:  # names sort by time
        (folder / name).unlink(missing_ok=True)
    # What a process killed while writing a backup leaves (each write has names of its own)
    for name in _names(folder):
        if name.endswith(".partial") or name.startswith(".backup-"):
            with contextlib.suppress(OSError):
                if time.time() - (folder / name).stat().st_mtime > LEFTOVER_AGE_S:
                    (folder / name).unlink()


# ---- finding them ---------------------------------------------------------------------------


def list_backups(db_path: Path) -> list[Backup]:
    """The backups in the backups folder, newest first (unreadable archives left out)."""
    folder = folder_of(db_path)
    found = []
    for name in reversed(_names(folder)):
        if _NAME.match(name):
            try:
                found.append(read_manifest(folder / name))
            except BackupError:
                continue
    return found


def read_manifest(path: Path) -> Backup:
    """What an archive says of itself (BackupError if it is not one of ours)."""
    try:
        with zipfile.ZipFile(path) as archive:
            info = json.loads(archive.read(MANIFEST))
            archive.getinfo(DB_MEMBER)
        return Backup(
            path,
            dt.datetime.fromisoformat(info["created"]),
            str(info["reason"]),
            int(info["flowers"]),
            int(info["models"]),
            int(info["schema_version"]),
        )
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, TypeError) as exc:
        raise BackupError(f"{path} is not an Iris Desktop backup ({exc})") from exc


# ---- restoring one --------------------------------------------------------------------------


@dataclass(frozen=True)
class Restored:
    backup: Backup | None  # None: a bare database file was restored
    saved_as: Path | None  # the backup of the data replaced (None: there was none, or it was damaged)
    damaged_moved_to: Path | None = None

    def message(self) -> str:
        what = self.backup.describe() if self.backup else "the database file"
        text = f"Restored {what}"
        if self.saved_as:
            text += f"; the data it replaced was saved as {self.saved_as.name}"
        if self.damaged_moved_to:
            text += f"; the damaged database was moved to {self.damaged_moved_to}"
        return text


def restore(source: str | os.PathLike[str], db_path: Path, models_dir: Path, timeout: float = 10.0) -> Restored:
    """Make the database (and the model files it refers to) those of the backup at
    `source`: an archive, or a bare SQLite file from an older version's backup. The
    backup is checked whole before anything changes; the current data, if sound, is
    backed up first ("before a restore")."""
    source = Path(source)
    db_path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=".restore-", suffix=".sqlite3", dir=db_path.parent)
    os.close(fd)
    copy = Path(name)
    try:
        backup, models = _unpack(source, copy)
        artifacts = _check_database(copy, source)
        missing = [a for a in artifacts if a not in models and not (models_dir / a).is_file()]
        if missing:
            raise BackupError(
                f"{source} lacks the model file{'s' * (len(missing) > 1)} {', '.join(missing)}; nothing was changed"
            )
        _write_models(models, models_dir)
        saved, damaged = _replace_database(copy, db_path, models_dir, timeout)
        return Restored(backup, saved, damaged)
    finally:
        recovery.remove_with_side_files(copy)


def restore_newest(db_path: Path, models_dir: Path, timeout: float = 10.0) -> tuple[Restored, list[str]]:
    """Restore the newest backup in the backups folder that is sound; returns it and
    why each newer one was skipped. BackupError if none can be restored."""
    skipped: list[str] = []
    for backup in list_backups(db_path):
        try:
            return restore(backup.path, db_path, models_dir, timeout), skipped
        except BackupError as exc:
            skipped.append(str(exc))
    if not skipped:
        raise BackupError(f"there is no backup in {folder_of(db_path)}")
    raise BackupError("no backup could be restored: " + "; ".join(skipped))


def _unpack(source: Path, copy: Path) -> tuple[Backup | None, dict[str, bytes]]:
    """Extract the database to `copy`; return the manifest and the model files."""
    try:
        with open(source, "rb") as f:
            head = f.read(16)
    except OSError as exc:
        raise BackupError(f"cannot read {source}: {exc.strerror or exc}") from exc
    if head == b"SQLite format 3\x00":
        copy.write_bytes(source.read_bytes())
        return None, {}
    backup = read_manifest(source)
    models: dict[str, bytes] = {}
    try:
        with zipfile.ZipFile(source) as archive:
            for info in archive.infolist():
                if info.filename == DB_MEMBER:
                    with archive.open(info) as src, open(copy, "wb") as dst:
                        while chunk := src.read(1 << 20):
                            dst.write(chunk)
                elif (m := _MODEL_MEMBER.match(info.filename)) is not None:
                    models[m.group(1)] = archive.read(info)
                elif info.filename != MANIFEST:  # a name we never write: not ours, refuse it whole
                    raise BackupError(f"{source} holds an unexpected file {info.filename!r}; nothing was changed")
    except (zipfile.BadZipFile, OSError) as exc:
        raise BackupError(f"{source} cannot be read as a backup ({exc}); nothing was changed") from exc
    return backup, models


def _check_database(copy: Path, source: Path) -> list[str]:
    """The backup's database must be sound and one this version can open; returns the
    model files its registry refers to."""
    found = recovery.file_problem(copy)
    if found:
        raise BackupError(f"the database in {source} is damaged ({found}); nothing was changed")
    conn = sqlite3.connect(copy)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if not 1 <= version <= SCHEMA_VERSION:
            raise BackupError(
                f"{source} holds a database of schema {version}; this version reads 1 to "
                f"{SCHEMA_VERSION}; nothing was changed"
            )
        return [r[0] for r in conn.execute("SELECT artifact FROM models")]
    except sqlite3.Error as exc:
        raise BackupError(f"{source} does not hold an Iris Desktop database ({exc}); nothing was changed") from exc
    finally:
        conn.close()


def _write_models(models: dict[str, bytes], models_dir: Path) -> None:
    """Put the backup's model files in place; one already there with the same bytes stays."""
    models_dir.mkdir(parents=True, exist_ok=True)
    for name, data in models.items():
        target = models_dir / name
        if target.is_file() and _sha256(target.read_bytes()) == _sha256(data):
            continue
        partial = models_dir / f".tmp-restore-{name}"  # removed on open if a kill leaves it
        partial.write_bytes(data)
        os.replace(partial, target)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _replace_database(copy: Path, db_path: Path, models_dir: Path, timeout: float) -> tuple[Path | None, Path | None]:
    """(the backup of the replaced data, where a damaged live file was moved)."""
    if not db_path.exists():
        os.replace(copy, db_path)
        return None, None
    if recovery.file_problem(db_path) is not None:
        moved = recovery.quarantine(db_path)
        os.replace(copy, db_path)
        return None, moved
    with Store(sqlite3.connect(db_path, isolation_level=None, timeout=timeout), db_path, models_dir) as live:
        saved = automatic_backup(live, "restore")
        source = sqlite3.connect(copy)
        try:
            source.backup(live.conn)  # takes the write lock: waits up to `timeout` for another writer
        except sqlite3.Error as exc:
            raise (translate(exc, db_path) or BackupError(f"the restore failed: {exc}")) from exc
        finally:
            source.close()
    return saved, None
