"""The per-user SQLite database: one module per table family. No Qt here."""
from iris_desktop.store.database import (
    CorruptDatabaseError,
    NewerSchemaError,
    Store,
    StoreError,
)
from iris_desktop.store.schema import SCHEMA_VERSION


def open_store() -> Store:
    """Open (creating if needed) the database in the current data folder."""
    from iris_desktop import paths

    return Store.open(paths.database_path(), paths.models_dir())


__all__ = ["CorruptDatabaseError", "NewerSchemaError", "SCHEMA_VERSION", "Store", "StoreError", "open_store"]
