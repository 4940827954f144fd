"""What can go wrong with the database, in words a user understands: the typed errors
every layer above the store catches, and how a failure of SQLite itself becomes one."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from iris_desktop.errors import UserError


class StoreError(UserError):
    """The database cannot be used; the message says why in words a user understands."""


class NewerSchemaError(StoreError):
    pass


class CorruptDatabaseError(StoreError):
    pass


class StoreContentError(StoreError):
    """Contents Iris Desktop never writes (the file was edited); the file itself is sound."""

    RESTORE = (
        "it was changed outside Iris Desktop; restore a backup (`iris-desktop restore`, or File ▸ Restore from backup…)"
    )

    @classmethod
    def value(cls, path: Path, what: str, value: object, why: str) -> StoreContentError:
        return cls(f"{path.name} holds {what} = {str(value)[:60]!r}, which {why}: {cls.RESTORE}")

    @classmethod
    def column(cls, path: Path, table: str, row: object, column: str, value: object, why: str) -> StoreContentError:
        """A value of one column of one row (`row`: its key) that no version writes."""
        return cls(
            f"{path.name}: {table} row {row}, column {column} = {str(value)[:60]!r} {why}: {cls.RESTORE}",
        )

    @classmethod
    def found(cls, path: Path, problem: str) -> StoreContentError:
        return cls(f"{path.name} holds what Iris Desktop never writes ({problem}): {cls.RESTORE}")


class StoreBusyError(StoreError):
    """Another connection held the write lock for longer than we wait."""


def translate(exc: sqlite3.Error, path: Path) -> StoreError | None:
    """The StoreError a user should see for a failure of the database itself (locked,
    damaged, read-only, disk full); None for anything else (a bug, a constraint)."""
    name = getattr(exc, "sqlite_errorname", "")  # Python 3.11+; older: read the message
    text = str(exc).lower()
    if name in ("SQLITE_BUSY", "SQLITE_LOCKED") or "database is locked" in text:
        return StoreBusyError(
            f"{path.name} is busy: another Iris Desktop (or another program) kept it "
            "locked while writing; nothing was changed, try again"
        )
    if name in ("SQLITE_CORRUPT", "SQLITE_NOTADB") or "malformed" in text or "not a database" in text:
        return CorruptDatabaseError(f"{path} is damaged ({exc}); nothing more was written to it")
    if name == "SQLITE_READONLY" or "readonly" in text:
        return StoreError(f"{path} is read-only: Iris Desktop cannot save anything there ({exc})")
    if name == "SQLITE_FULL" or "disk is full" in text or "database or disk is full" in text:
        return StoreError(f"the disk holding {path.parent} is full; nothing was changed")
    if name.startswith("SQLITE_IOERR") or "disk i/o error" in text:
        return StoreError(f"{path} could not be read or written ({exc}); nothing was changed")
    if name == "SQLITE_CANTOPEN" or "unable to open" in text:
        return StoreError(f"{path} cannot be opened ({exc})")
    return None


_CORRUPT = {"SQLITE_NOTADB", "SQLITE_CORRUPT"}


def open_error(path: Path, exc: sqlite3.DatabaseError) -> StoreError:
    """Only a file that is not (or no longer) a database counts as corrupt; a locked or
    unreadable one is left alone and said so."""
    name = getattr(exc, "sqlite_errorname", "")  # Python 3.11+; older: read the message
    text = str(exc)
    if name in _CORRUPT or (not name and ("not a database" in text or "malformed" in text)):
        return CorruptDatabaseError(f"{path} is not a usable Iris Desktop database ({exc})")
    if name in ("SQLITE_BUSY", "SQLITE_LOCKED") or (not name and "locked" in text):
        return StoreError(f"{path} is in use by another program and stayed locked ({exc})")
    return StoreError(f"{path} cannot be read ({exc})")
