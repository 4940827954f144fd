"""Hostile backup archives for the store's tests, and what "nothing was changed" means:
the data folder's files (names and bytes, SQLite's -wal/-shm by name only) and the
database's dump, before and after."""

from __future__ import annotations

import hashlib
import io
import json
import sqlite3
import struct
import zipfile
from pathlib import Path

from iris_desktop.store import Store


def manifest(**changes) -> bytes:
    info = {"format": 1, "created": "2026-06-15T09:00:00", "reason": "manual", "app_version": "0.2"}
    info.update(flowers=150, models=1, schema_version=4, installation_id="0" * 32)
    info.update(changes)
    return json.dumps({k: v for k, v in info.items() if v is not ...}).encode()


def members(archive: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(archive) as z:
        return {i.filename: z.read(i) for i in z.infolist()}


def write_zip(dest: Path, items, level: int = 1) -> Path:
    """`items`: (name or ZipInfo, bytes) pairs, written as given (duplicates too)."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Duplicate name": that is the point
        with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as z:
            for name, data in items:
                z.writestr(name, data)
    return dest


def rebuilt(src: Path, dest: Path, add=(), drop=(), replace=None, level: int = 1) -> Path:
    """A copy of archive `src` with members dropped, replaced or added."""
    replace = replace or {}
    items = [(n, replace.get(n, d)) for n, d in members(src).items() if n not in drop]
    return write_zip(dest, [*items, *add], level)


def with_database(src: Path, dest: Path, *sql: str, add=(), drop=()) -> Path:
    """A copy of archive `src` whose database had `sql` run on it (a forged registry)."""
    work = dest.with_suffix(".sqlite3")
    work.write_bytes(members(src)["iris.sqlite3"])
    conn = sqlite3.connect(work, isolation_level=None)
    for statement in sql:
        conn.execute(statement)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return rebuilt(src, dest, add=add, drop=drop, replace={"iris.sqlite3": work.read_bytes()})


def patch_central(archive: Path, name: str, offset: int, fmt: str, value: int) -> Path:
    """Overwrite a field of `name`'s central directory entry (offset from the entry's
    start: 8 flags, 10 method, 20 compressed size, 24 size, 38 external attributes)."""
    data = bytearray(archive.read_bytes())
    at = data.rfind(b"PK\x01\x02", 0, data.rfind(name.encode()))
    struct.pack_into(fmt, data, at + offset, value)
    archive.write_bytes(bytes(data))
    return archive


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def skops_like(payload: bytes = b"x" * 100) -> bytes:
    """Bytes that start as a zip does (what restore checks; the loader checks the rest)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("schema.json", payload)
    return buffer.getvalue()


def state(store: Store) -> tuple[dict[str, str], str]:
    """What must not change when a restore is refused: every file under the data folder
    (bytes; the live -wal/-shm and the database file by name, their rows by the dump)."""
    folder = store.path.parent
    files = {}
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            side = p.name.endswith(("-wal", "-shm")) or p == store.path
            files[str(p.relative_to(folder))] = "" if side else hashlib.sha256(p.read_bytes()).hexdigest()
    return files, "\n".join(store.conn.iterdump())
