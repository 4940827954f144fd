"""The `imports` table: one row per import batch. Each imported flower points at its
batch, so a batch can be listed, and removed whole."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from iris_desktop.store.content import decoded
from iris_desktop.store.database import Store, utc_now


@dataclass(frozen=True)
class ImportBatch:
    id: int
    file_name: str
    sha256: str
    imported_at: str
    rows: int  # flowers the import added
    remaining: int  # of those, still stored (some may have been removed one by one)
    options: dict[str, Any]


def record_batch(store: Store, sha256: str, file_name: str, rows: int, options: dict[str, Any]) -> int:
    """A new batch row; returns its id (its flowers are added with it, in one transaction)."""
    with store.transaction() as conn:
        cur = conn.execute(
            "INSERT INTO imports (sha256, file_name, rows, imported_at, options) VALUES (?, ?, ?, ?, ?)",
            (sha256, file_name, rows, utc_now(), json.dumps(options)),
        )
        assert cur.lastrowid is not None  # set by the INSERT just run
        return cur.lastrowid


def previous_import(store: Store, sha256: str) -> tuple[str, int, str] | None:
    """(file name, rows, imported_at) of the last import of a file with this content
    (a batch removed whole is forgotten with its flowers)."""
    row: tuple[str, int, str] | None = store.execute(
        "SELECT file_name, rows, imported_at FROM imports WHERE sha256 = ? ORDER BY id DESC LIMIT 1", (sha256,)
    ).fetchone()
    return row


def list_batches(store: Store) -> list[ImportBatch]:
    rows = store.execute(
        "SELECT i.id, i.file_name, i.sha256, i.imported_at, i.rows, "
        "(SELECT COUNT(*) FROM flowers f WHERE f.import_id = i.id), i.options "
        "FROM imports i ORDER BY i.id"
    ).fetchall()
    return [_batch(store, r) for r in rows]


def _batch(store: Store, r: tuple[Any, ...]) -> ImportBatch:
    """A batch row, its columns checked (store/content.py)."""

    def value(index: int, column: str) -> Any:
        return decoded(store.path, "imports", r[0], column, r[index])

    return ImportBatch(
        r[0],
        value(1, "file_name"),
        value(2, "sha256"),
        value(3, "imported_at"),
        value(4, "rows"),
        r[5],
        value(6, "options"),
    )


def get_batch(store: Store, batch_id: int) -> ImportBatch | None:
    return next((b for b in list_batches(store) if b.id == batch_id), None)


def imported_ids(store: Store, ids: Sequence[int]) -> list[int]:
    """Those of `ids` that are imported flowers (backfilled and daily ones are not)."""
    found: list[int] = []
    for start in range(0, len(ids), 500):  # SQLite's limit on bound parameters
        chunk = [int(i) for i in ids[start : start + 500]]
        found += [
            r[0]
            for r in store.execute(
                f"SELECT id FROM flowers WHERE source = 'import' AND id IN ({', '.join('?' * len(chunk))})", chunk
            )
        ]
    return found


def delete_flowers(store: Store, ids: Sequence[int]) -> int:
    """Delete imported flowers by id (others are never touched), in one transaction."""
    with store.transaction() as conn:
        # rowcount: the flowers deleted (total_changes would add their predictions, deleted
        # by cascade, and the row_counts triggers' updates)
        deleted: int = conn.executemany(
            "DELETE FROM flowers WHERE id = ? AND source = 'import'", ((int(i),) for i in ids)
        ).rowcount
        return deleted


def delete_batch(store: Store, batch_id: int) -> int:
    """Delete a batch's flowers and its row, in one transaction; returns flowers deleted."""
    with store.transaction() as conn:
        removed = conn.execute("DELETE FROM flowers WHERE import_id = ?", (batch_id,)).rowcount
        conn.execute("DELETE FROM imports WHERE id = ?", (batch_id,))
        return removed
