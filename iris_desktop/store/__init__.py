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


# Every store, whoever opens it, is backed up before its schema is updated.
Store.before_migration = _backup_before_migration


# Told when a write of a store from open_store() waits for another connection's lock
# (the CLI prints "waiting for another Iris Desktop process…").
on_wait: Callable[[], object] | None = None


def open_store() -> Store:
    """Open (creating if needed) the database in the current data folder."""
    from iris_desktop import paths

    store = Store.open(paths.database_path(), paths.models_dir())
    store.on_wait = on_wait
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
