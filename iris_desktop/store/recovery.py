"""Damage: finding it (PRAGMA quick_check) and moving a damaged file aside, with its
WAL, so that nothing writes to it again and it stays for whoever wants to rescue it.
Windows refuses to move a file any connection holds open: that is said (FileInUse), and
a restore copies the file aside instead and overwrites it in place (backups.py)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from pathlib import Path

from iris_desktop.store.errors import StoreError

SIDE_FILES = ("-wal", "-shm")  # SQLite's companions of a database file: they move with it


def problem(conn: sqlite3.Connection) -> str | None:
    """What PRAGMA quick_check finds wrong with an open database (None: nothing).
    It reads every page (milliseconds for this database) but skips index contents."""
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    found: list[str] = [r[0] for r in rows if r[0] != "ok"]
    if not found:
        return None
    return found[0] + (f" (and {len(found) - 1} more problems)" if len(found) > 1 else "")


_CONTENT = ("CHECK constraint failed", "NULL value in", "non-unique entry in index")


def is_content_problem(found: str) -> bool:
    """A quick_check finding about rows (a hand edit), not about damaged pages."""
    return found.startswith(_CONTENT)


def is_empty(path: Path) -> bool:
    """A database file of zero bytes: SQLite would take it for a new, empty database."""
    try:
        return path.is_file() and path.stat().st_size == 0
    except OSError:
        return False


def file_problem(path: Path) -> str | None:
    """quick_check of the database file at `path`, on a connection of its own; None if
    it is sound. A zero-length file is not (store/layout.py). (Not read-only: then SQLite
    leaves CHECK constraints unchecked. The check itself writes nothing.)"""
    if is_empty(path):
        return "the file is empty (0 bytes)"
    try:
        conn = sqlite3.connect(path, timeout=2.0)
    except sqlite3.Error as exc:
        return str(exc)
    try:
        return problem(conn)
    finally:
        conn.close()


class FileInUse(StoreError):
    """A damaged file cannot be moved aside: a program has it open. Windows refuses to
    rename an open file (POSIX never does); SQLite keeps its files open while any
    connection to them is."""


def _aside(path: Path) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.name}.damaged-{stamp}")


_SHARING_VIOLATIONS = (32, 33)  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION


def _in_use(exc: OSError) -> bool:
    return getattr(exc, "winerror", None) in _SHARING_VIOLATIONS


def quarantine(path: Path) -> Path:
    """Move the database (and its -wal and -shm) aside as `<name>.damaged-<time>`; the
    new name is returned. FileInUse if a program has it open, OSError if it cannot be
    moved for another reason."""
    aside = _aside(path)
    try:
        os.replace(path, aside)
    except PermissionError as exc:
        if not _in_use(exc):
            raise
        raise FileInUse(
            f"{path} cannot be moved aside while a program has it open: close the other Iris Desktop "
            "windows and commands, then try again"
        ) from exc
    for suffix in SIDE_FILES:
        companion = Path(str(path) + suffix)
        if companion.exists():
            os.replace(companion, str(aside) + suffix)
    return aside


def copy_aside(path: Path) -> Path:
    """Copy the database and its -wal aside, named as `quarantine` names them, for a file
    that cannot be moved because it is open (FileInUse): the file stays in place, to be
    overwritten through SQLite, which other connections survive. Reading an open
    database is allowed everywhere. The copy's name is returned; OSError if it fails."""
    aside = _aside(path)
    try:
        shutil.copyfile(path, aside)
        wal = Path(str(path) + "-wal")
        if wal.exists():
            shutil.copyfile(wal, str(aside) + "-wal")
    except OSError:
        remove_with_side_files(aside)
        raise
    return aside


def remove_with_side_files(path: Path) -> None:
    for name in (str(path), *(str(path) + s for s in SIDE_FILES)):
        Path(name).unlink(missing_ok=True)


def installation_id_of(path: Path) -> str | None:
    """The installation id stored in the database at `path` (meta `installation_id`),
    read without opening it as a Store: None if there is none or it cannot be read."""
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1.0)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'installation_id'").fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return str(row[0]) if row else None


def schema_version_of(path: Path) -> int | None:
    """The schema version of the file at `path`, read without opening it as a Store
    (no check, no migration): None if there is no such database or it cannot be read."""
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1.0)
    except sqlite3.Error:
        return None
    try:
        version: int = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return version
