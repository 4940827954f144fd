"""The per-user SQLite database: one module per table family. No Qt here."""

from collections.abc import Callable

from iris_desktop.store.database import Store
from iris_desktop.store.errors import (
    CorruptDatabaseError,
    NewerSchemaError,
    StoreBusyError,
    StoreContentError,
    StoreError,
)
from iris_desktop.store.schema import SCHEMA_VERSION


def _backup_before_migration(store: Store) -> None:
    from iris_desktop.store import backups  # zipfile, tempfile: not before the first paint

    backups.automatic_backup(store, "migration")


def _note_started_anew(store: Store, sign: str) -> None:
    from iris_desktop.store import recovery_notes

    recovery_notes.note_started_anew(store, sign)


# Every store, whoever opens it, is backed up before its schema is updated.
Store.before_migration = _backup_before_migration
# A store started where an earlier one was says so until the user has seen it.
Store.on_started_anew = _note_started_anew


# Told when a write of a store from open_store() waits for another connection's lock
# (the CLI prints "waiting for another Iris Desktop process…").
on_wait: Callable[[], object] | None = None


# Told the line of a recovery the user has not acknowledged yet, at each open_store()
# (the CLI prints it once per command, on stderr: store/recovery_notes.py).
on_recovery_note: Callable[[str], object] | None = None


def open_store() -> Store:
    """Open (creating if needed) the database in the current data folder."""
    from iris_desktop import paths
    from iris_desktop.store.recovery_notes import read_note

    store = Store.open(paths.database_path(), paths.models_dir())
    store.on_wait = on_wait
    if on_recovery_note is not None:
        note = read_note(store)
        if note is not None:
            on_recovery_note(note.line())
    return store


__all__ = [
    "SCHEMA_VERSION",
    "CorruptDatabaseError",
    "NewerSchemaError",
    "Store",
    "StoreBusyError",
    "StoreContentError",
    "StoreError",
    "open_store",
]
