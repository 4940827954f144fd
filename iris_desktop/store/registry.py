"""The `models` table and its `active` alias: the model registry's rows."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from iris_desktop.errors import InvalidValue, UserError
from iris_desktop.store.content import decoded
from iris_desktop.store.database import Store

ACTIVE = "active"
_COLUMNS = (
    "version, algorithm, params, standardize, sources, n_rows, data_fingerprint, "
    "split_seed, test_fraction, metrics, library_versions, artifact, sha256, created_at"
)


class UnknownModelError(UserError, LookupError):
    """A model version that is not in the registry."""


@dataclass(frozen=True)
class ModelRecord:
    version: int
    algorithm: str
    params: dict[str, Any]
    standardize: bool
    sources: list[str]
    n_rows: int
    data_fingerprint: str
    split_seed: int
    test_fraction: float
    metrics: dict[str, Any]
    library_versions: dict[str, str]
    artifact: str
    sha256: str
    created_at: str = ""
    active: bool = field(default=False, compare=False)

    @property
    def accuracy(self) -> float:
        return float(self.metrics.get("accuracy", float("nan")))

    def describe(self) -> str:
        shown = ", ".join(f"{k}={v}" for k, v in self.params.items())
        return f"v{self.version} {self.algorithm}({shown})"


def _record(store: Store, r: tuple[Any, ...], active: int | None) -> ModelRecord:
    """A registry row, every column checked (store/content.py): a hand-edited one is a
    StoreContentError naming the version and the column."""
    values = dict(zip(_COLUMNS.split(", "), r))

    def value(column: str) -> Any:
        return decoded(store.path, "models", r[0], column, values[column])

    return ModelRecord(
        version=r[0],
        algorithm=value("algorithm"),
        params=value("params"),
        standardize=bool(value("standardize")),
        sources=value("sources"),
        n_rows=value("n_rows"),
        data_fingerprint=value("data_fingerprint"),
        split_seed=value("split_seed"),
        test_fraction=float(value("test_fraction")),
        metrics=value("metrics"),
        library_versions=value("library_versions"),
        artifact=value("artifact"),
        sha256=value("sha256"),
        created_at=value("created_at"),
        active=(r[0] == active),
    )


def insert_model(store: Store, record: ModelRecord) -> int:
    """Add a registry row; the version is assigned here and returned."""
    with store.transaction() as conn:
        cur = conn.execute(
            f"INSERT INTO models ({_COLUMNS.split(', ', 1)[1]}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, COALESCE(?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))",
            (
                record.algorithm,
                json.dumps(record.params),
                int(record.standardize),
                json.dumps(record.sources),
                record.n_rows,
                record.data_fingerprint,
                record.split_seed,
                record.test_fraction,
                json.dumps(record.metrics),
                json.dumps(record.library_versions),
                record.artifact,
                record.sha256,
                record.created_at or None,
            ),
        )
        assert cur.lastrowid is not None  # set by the INSERT just run
        return cur.lastrowid


def active_version(store: Store) -> int | None:
    row = store.execute("SELECT version FROM model_aliases WHERE alias = ?", (ACTIVE,)).fetchone()
    return row[0] if row else None


def get_model(store: Store, version: int) -> ModelRecord | None:
    r = store.execute(f"SELECT {_COLUMNS} FROM models WHERE version = ?", (version,)).fetchone()
    return _record(store, r, active_version(store)) if r else None


def active_model(store: Store) -> ModelRecord | None:
    r = store.execute(
        f"SELECT {_COLUMNS} FROM models WHERE version = (SELECT version FROM model_aliases WHERE alias = ?)", (ACTIVE,)
    ).fetchone()
    return _record(store, r, r[0]) if r else None


def list_models(store: Store) -> list[ModelRecord]:
    active = active_version(store)
    return [_record(store, r, active) for r in store.execute(f"SELECT {_COLUMNS} FROM models ORDER BY version")]


def set_active(store: Store, version: int) -> None:
    with store.transaction() as conn:
        if conn.execute("SELECT 1 FROM models WHERE version = ?", (version,)).fetchone() is None:
            raise UnknownModelError(f"there is no model version {version}")
        conn.execute(
            "INSERT INTO model_aliases (alias, version) VALUES (?, ?) "
            "ON CONFLICT (alias) DO UPDATE SET version = excluded.version",
            (ACTIVE, version),
        )


def replace_artifact(store: Store, version: int, old: tuple[str, str], new: tuple[str, str]) -> bool:
    """Point version `version` at another file, (artifact, sha256) `new`, if its row still
    names `old`; False if it does not (another process replaced it first)."""
    with store.transaction() as conn:
        cur = conn.execute(
            "UPDATE models SET artifact = ?, sha256 = ? WHERE version = ? AND artifact = ? AND sha256 = ?",
            (*new, version, *old),
        )
        return cur.rowcount == 1


def add_metric(store: Store, version: int, key: str, value: object) -> None:
    """Add (or replace) one entry of version `version`'s metrics: something learnt about
    the model after it was registered (its permutation importances)."""
    with store.transaction() as conn:
        row = conn.execute("SELECT metrics FROM models WHERE version = ?", (version,)).fetchone()
        if row is None:
            raise UnknownModelError(f"there is no model version {version}")
        metrics = decoded(store.path, "models", version, "metrics", row[0])
        metrics[key] = value
        conn.execute("UPDATE models SET metrics = ? WHERE version = ?", (json.dumps(metrics), version))


def delete_model_row(store: Store, version: int) -> int:
    """Delete a non-active model row and its predictions; returns predictions removed."""
    with store.transaction() as conn:
        if version == active_version(store):
            raise InvalidValue(f"model v{version} is active; activate another one before deleting it")
        if conn.execute("SELECT 1 FROM models WHERE version = ?", (version,)).fetchone() is None:
            raise UnknownModelError(f"there is no model version {version}")
        count = conn.execute("SELECT COUNT(*) FROM predictions WHERE model_version = ?", (version,))
        removed: int = count.fetchone()[0]
        conn.execute("DELETE FROM models WHERE version = ?", (version,))
        return removed
