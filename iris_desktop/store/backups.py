"""Backups: one zip archive holds a consistent copy of the database (SQLite's online
backup) and the model files its registry refers to, so a restored backup can load its
models. Automatic ones (once a day, before a migration, before a restore) live in
`backups/` beside the database; the newest KEEP of them are kept.

Restoring reads the archive as hostile input (archives.py: every member checked, each
copied in chunks under a cap), checks its database (quick_check, schema) before any
model file is written, writes its model files to temporary names that are renamed into
models/ only once everything is checked, then copies the database into the live one
with the same backup API, so connections that other threads or processes hold stay
valid and see the restored contents as one more commit; a live file that is damaged is
moved aside instead (copied aside, then overwritten, where Windows cannot move it because
it is open). A refused archive leaves nothing behind. An archive's `.joblib` files
(pickles of versions before 0.2) are never written: a pickle runs code when it is
loaded, and a hash in the same archive proves nothing. Their versions are returned
(Restored.legacy_versions), to be retrained.
"""

from __future__ import annotations

import contextlib
import datetime as dt
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
from iris_desktop.paths import private_folder
from iris_desktop.store import recovery, restoring
from iris_desktop.store.archives import DB_MEMBER as DB_MEMBER
from iris_desktop.store.archives import MANIFEST as MANIFEST
from iris_desktop.store.archives import (
    MAX_DATABASE_BYTES,
    MAX_MODEL_BYTES,
    MAX_MODELS,
    MODEL_NAME,
    MODELS,
    NOTHING_CHANGED,
    open_archive,
    shown,
)
from iris_desktop.store.archives import REASONS as REASONS
from iris_desktop.store.archives import Backup as Backup
from iris_desktop.store.archives import BackupError as BackupError
from iris_desktop.store.archives import read_manifest as read_manifest
from iris_desktop.store.database import INSTALLATION_ID, Store
from iris_desktop.store.errors import translate
from iris_desktop.store.files import BACKUPS

KEEP = 7  # automatic backups kept
FOLDER = BACKUPS
AUTOMATIC = ("daily", "migration", "restore")  # reasons of the backups that are pruned
# iris-<date>-<time>[-<microseconds>]-<reason>.zip: names sort by time (microseconds since
# 0.3: two backups in one second, two restores say, were one file, the second over the first).
_NAME = re.compile(r"^iris-(\d{8}-\d{6}(?:-\d{6})?)-(\w+)\.zip$")
_STAMP = "%Y%m%d-%H%M%S-%f"


def folder_of(db_path: Path) -> Path:
    return db_path.parent / FOLDER


# ---- making one -----------------------------------------------------------------------------


def write_archive(
    store: Store,
    dest: str | os.PathLike[str],
    reason: str = "manual",
    now: dt.datetime | None = None,
    exclusive: bool = False,
) -> Path:
    """Write a backup archive of `store` to `dest` (atomically: a partial file never
    carries the name) and return where. The database copy is consistent even while
    others write. `exclusive` (the backups folder's own names): an existing file is never
    replaced; the name of the next microsecond is taken instead."""
    dest = Path(dest)
    if not dest.parent.is_dir():  # a typo in a path is not a reason to make folders
        raise BackupError(f"the folder {dest.parent} does not exist: create it first, or choose another place")
    copy = partial = None
    try:
        fd, name = tempfile.mkstemp(prefix=".backup-", suffix=".sqlite3", dir=dest.parent)
        os.close(fd)
        copy = Path(name)
        # A name of its own: processes started in the same second (three cron catch-ups)
        # make the day's backup under the same name, and a shared partial file was renamed
        # away under the others' feet ("No such file or directory", exit 2).
        fd, name = tempfile.mkstemp(prefix=f"{dest.name}.", suffix=".partial", dir=dest.parent)
        os.close(fd)
        partial = Path(name)
        target = sqlite3.connect(copy)
        try:
            store.conn.backup(target)
            # Runs still going (this backup's own among them) are not the data's history:
            # restored, they would be closed as interrupted. Restores carry the live log.
            if target.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'runs'").fetchone():
                with target:  # (before migration 5 there is no log)
                    target.execute("DELETE FROM runs WHERE outcome = 'running'")
            counts = _counts(target)
            artifacts = [r[0] for r in target.execute("SELECT artifact FROM models")]
            ident = target.execute("SELECT value FROM meta WHERE key = ?", (INSTALLATION_ID,)).fetchone()
        finally:
            target.close()
        manifest = {
            "format": 1,
            "created": (now or dt.datetime.now()).isoformat(timespec="seconds"),
            "reason": reason,
            "app_version": __version__,
            **counts,
            "installation_id": ident[0] if ident else None,
        }
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
            archive.writestr(MANIFEST, json.dumps(manifest, indent=1))
            archive.write(copy, DB_MEMBER)
            for name in _files_to_archive(store, Path(copy), artifacts):
                archive.write(store.models_dir / name, MODELS + name)
        if exclusive:
            dest = _claim(partial, dest)
        else:
            os.replace(partial, dest)
    except sqlite3.Error as exc:
        raise (translate(exc, store.path) or BackupError(f"the backup failed: {exc}")) from exc
    except OSError as exc:
        raise BackupError(f"the backup could not be written to {dest}: {exc.strerror or exc}") from exc
    finally:
        if copy is not None:
            recovery.remove_with_side_files(copy)
        if partial is not None:
            partial.unlink(missing_ok=True)
    return dest


def _files_to_archive(store: Store, copy: Path, artifacts: list[str]) -> list[str]:
    """The model files to put in the archive: those of ours that are there (a .skops file,
    or a .joblib one of ours not yet converted). What restore would refuse is refused
    here, so that every archive we write can be restored."""
    if copy.stat().st_size > MAX_DATABASE_BYTES:
        raise BackupError(f"the database is larger than the {MAX_DATABASE_BYTES >> 20} MiB a backup may hold")
    if len(artifacts) > MAX_MODELS:
        raise BackupError(f"the registry has {len(artifacts)} models, more than the {MAX_MODELS} a backup may hold")
    names = []
    for name in artifacts:
        model = store.models_dir / name
        if MODEL_NAME.fullmatch(name) and model.is_file() and not model.is_symlink():
            if model.stat().st_size > MAX_MODEL_BYTES:
                raise BackupError(
                    f"the model file {name} is larger than the {MAX_MODEL_BYTES >> 20} MiB a backup may hold: "
                    "delete that version to back up the rest"
                )
            names.append(name)
    return names


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
    private_folder(folder)
    path = write_archive(store, folder / f"iris-{now:{_STAMP}}-{reason}.zip", reason, now, exclusive=True)
    _prune(folder)
    return path


def _claim(partial: Path, dest: Path) -> Path:
    """Give the finished archive `partial` the name `dest`, never over an existing file
    (a hard link fails if the name is taken); if taken, the next microsecond's name."""
    for _ in range(1000):
        try:
            try:
                os.link(partial, dest)
            except FileExistsError:
                raise
            except OSError:  # a file system without hard links: claim the name, then fill it
                os.close(os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
                os.replace(partial, dest)
            return dest
        except FileExistsError:
            m = _NAME.match(dest.name)
            if m is None:
                raise
            later = dt.datetime.strptime(m.group(1), _STAMP) + dt.timedelta(microseconds=1)
            dest = dest.with_name(f"iris-{later:{_STAMP}}-{m.group(2)}.zip")
    raise BackupError(f"no free name for a backup in {dest.parent}")


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


# ---- restoring one --------------------------------------------------------------------------


@dataclass(frozen=True)
class Restored:
    backup: Backup | None  # None: a bare database file was restored
    saved_as: Path | None  # the backup of the data replaced (None: there was none, or it was damaged)
    damaged_moved_to: Path | None = None
    # Versions whose model file is a pickle of a version before 0.2 that this restore did
    # not provide (an archive's .joblib files are never written): retrain them.
    legacy_versions: tuple[int, ...] = ()
    # Versions whose file in the archive does not match their registry row (damaged): not
    # written; loading them says so.
    unmatched_versions: tuple[int, ...] = ()

    def message(self) -> str:
        what = self.backup.describe() if self.backup else "the database file"
        text = f"Restored {what}"
        if self.saved_as:
            text += f"; the data it replaced was saved as {self.saved_as.name}"
        if self.damaged_moved_to:
            text += f"; the damaged database was moved to {self.damaged_moved_to}"
        if self.legacy_versions:
            text += f"; {_versions(self.legacy_versions)} in the format before 0.2 and must be retrained"
        if self.unmatched_versions:
            text += f"; the file of {_versions(self.unmatched_versions)} damaged in the backup and was left out"
        return text


def _versions(versions: tuple[int, ...]) -> str:
    return "model " + ", ".join(f"v{v}" for v in versions) + (" are" if len(versions) > 1 else " is")


def inspect_backup(source: str | os.PathLike[str]) -> Backup | None:
    """What `source` is, before asking to restore it: an archive's manifest, or None for a
    bare database file (a backup of a version before archives). BackupError otherwise."""
    with open_archive(Path(source)) as archive:
        return archive.backup


def foreign(backup: Backup | None, db_path: Path) -> bool:
    """Whether `backup` may come from another installation than the store at `db_path`:
    its installation id differs, or cannot be compared (an archive or a bare database
    file of a version before 0.2, or no readable store here). The CLI and the restore
    dialog ask before going on; the newest backup of our own backups folder needs no
    asking (restore_newest)."""
    ours = recovery.installation_id_of(db_path)
    return backup is None or backup.installation_id is None or ours is None or backup.installation_id != ours


def restore(source: str | os.PathLike[str], db_path: Path, models_dir: Path, timeout: float = 10.0) -> Restored:
    """Make the database (and the model files it refers to) those of the backup at
    `source`: an archive, or a bare SQLite file from an older version's backup. The
    backup is checked whole before anything changes (BackupError saying why, and
    nothing written); the current data, if sound, is backed up first ("before a restore")."""
    source = Path(source)
    with open_archive(source) as archive:
        restoring.check_space(archive, db_path, models_dir)
        made = not db_path.parent.exists()
        try:
            private_folder(db_path.parent)
        except OSError as exc:
            raise BackupError(f"cannot create the data folder {db_path.parent}: {exc.strerror}") from exc
        fd, name = tempfile.mkstemp(prefix=".restore-", suffix=".sqlite3", dir=db_path.parent)
        os.close(fd)
        copy = Path(name)
        models = restoring.Models()
        try:
            archive.extract_database(copy)
            rows = restoring.check_database(copy, archive)
            restoring.keep_installation_id(copy, db_path, archive)
            restoring.take_models(archive, rows, models_dir, models)
            with restoring.installed(models.staged):
                saved, damaged = _replace_database(copy, db_path, models_dir, timeout)
            return Restored(archive.backup, saved, damaged, tuple(models.legacy), tuple(models.unmatched))
        except OSError as exc:
            raise BackupError(
                f"{shown(source)} could not be restored: {exc.strerror or exc}; {NOTHING_CHANGED}"
            ) from exc
        finally:
            for temp, _target in models.staged:
                temp.unlink(missing_ok=True)
            recovery.remove_with_side_files(copy)
            if made and not db_path.exists():  # refused: the data folder made for it goes too
                for folder in (models_dir, db_path.parent):
                    with contextlib.suppress(OSError):
                        folder.rmdir()


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


def _replace_database(copy: Path, db_path: Path, models_dir: Path, timeout: float) -> tuple[Path | None, Path | None]:
    """(the backup of the replaced data, where a damaged live file was moved)."""
    if not db_path.exists():
        os.replace(copy, db_path)
        return None, None
    if recovery.file_problem(db_path) is not None:
        try:
            moved = recovery.quarantine(db_path)
        except recovery.FileInUse:  # Windows, and a connection open (the app's own window)
            return None, _overwrite_damaged(copy, db_path, timeout)
        os.replace(copy, db_path)
        return None, moved
    with Store(sqlite3.connect(db_path, isolation_level=None, timeout=timeout), db_path, models_dir) as live:
        saved = automatic_backup(live, "restore")
        source = sqlite3.connect(copy)
        try:
            source.backup(live.conn)  # takes the write lock: waits up to `timeout` for another writer
        except sqlite3.Error as exc:
            saved.unlink(missing_ok=True)  # nothing changed: no backup of it either
            raise (translate(exc, db_path) or BackupError(f"the restore failed: {exc}")) from exc
        finally:
            source.close()
    return saved, None


def _overwrite_damaged(copy: Path, db_path: Path, timeout: float) -> Path:
    """A damaged live file that cannot be moved: copied aside, then overwritten in place
    with the backup API (one transaction), which the connections holding it survive."""
    aside = recovery.copy_aside(db_path)
    live, source = sqlite3.connect(db_path, isolation_level=None, timeout=timeout), sqlite3.connect(copy)
    try:
        source.backup(live)
    except sqlite3.Error as exc:
        recovery.remove_with_side_files(aside)
        raise BackupError(
            f"{db_path} is damaged and open in another program, and could not be overwritten ({exc}); {NOTHING_CHANGED}"
        ) from exc
    finally:
        source.close()
        live.close()
    return aside
