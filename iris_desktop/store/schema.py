"""The schema as forward-only migrations keyed by `PRAGMA user_version`.

Migration N (1-based) takes a database at version N-1 to version N. Never edit a
migration that has shipped: append a new one.
"""
from __future__ import annotations

_VARIETY_CHECK = "IN ('setosa', 'versicolor', 'virginica')"
_NOW = "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"

MIGRATIONS: tuple[str, ...] = (
    f"""
    CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );

    -- The feature group. The true label of a prediction is joined from here, never copied.
    CREATE TABLE flowers (
        id           INTEGER PRIMARY KEY,
        sepal_length REAL NOT NULL CHECK (sepal_length > 0),
        sepal_width  REAL NOT NULL CHECK (sepal_width > 0),
        petal_length REAL NOT NULL CHECK (petal_length > 0),
        petal_width  REAL NOT NULL CHECK (petal_width > 0),
        variety      TEXT NOT NULL CHECK (variety {_VARIETY_CHECK}),
        source       TEXT NOT NULL CHECK (source IN ('backfill', 'import', 'daily')),
        day          TEXT UNIQUE,
        created_at   TEXT NOT NULL DEFAULT {_NOW},
        CHECK ((source = 'daily') = (day IS NOT NULL))
    );

    -- Every CSV import, so importing the same file again can be noticed and confirmed.
    CREATE TABLE imports (
        id          INTEGER PRIMARY KEY,
        sha256      TEXT NOT NULL,
        file_name   TEXT NOT NULL,
        rows        INTEGER NOT NULL,
        imported_at TEXT NOT NULL DEFAULT {_NOW}
    );
    CREATE INDEX imports_by_sha256 ON imports (sha256);

    -- The model registry; artifacts live in models/ and are loaded only if sha256 matches.
    CREATE TABLE models (
        version          INTEGER PRIMARY KEY AUTOINCREMENT,
        algorithm        TEXT NOT NULL,
        params           TEXT NOT NULL,
        standardize      INTEGER NOT NULL,
        sources          TEXT NOT NULL,
        n_rows           INTEGER NOT NULL,
        data_fingerprint TEXT NOT NULL,
        split_seed       INTEGER NOT NULL,
        test_fraction    REAL NOT NULL,
        metrics          TEXT NOT NULL,
        library_versions TEXT NOT NULL,
        artifact         TEXT NOT NULL UNIQUE,
        sha256           TEXT NOT NULL,
        created_at       TEXT NOT NULL DEFAULT {_NOW}
    );
    CREATE TABLE model_aliases (
        alias   TEXT PRIMARY KEY,
        version INTEGER NOT NULL REFERENCES models (version)
    );

    -- The monitoring group: one prediction per (flower, model version). WITHOUT ROWID:
    -- the key is the only index, so a batch insert writes one B-tree, not two.
    CREATE TABLE predictions (
        flower_id         INTEGER NOT NULL REFERENCES flowers (id) ON DELETE CASCADE,
        model_version     INTEGER NOT NULL REFERENCES models (version) ON DELETE CASCADE,
        predicted         TEXT NOT NULL CHECK (predicted {_VARIETY_CHECK}),
        proba_setosa      REAL NOT NULL,
        proba_versicolor  REAL NOT NULL,
        proba_virginica   REAL NOT NULL,
        predicted_at      TEXT NOT NULL DEFAULT {_NOW},
        PRIMARY KEY (flower_id, model_version)
    ) WITHOUT ROWID;
    """,
    # 2: import batches. Each imported flower points at its batch, so a batch can be
    # listed and removed whole; the batch keeps the options it was imported with.
    # (Flowers imported before this migration have no batch: import_id stays NULL.)
    """
    ALTER TABLE imports ADD COLUMN options TEXT NOT NULL DEFAULT '{}';
    ALTER TABLE flowers ADD COLUMN import_id INTEGER REFERENCES imports (id);
    CREATE INDEX flowers_by_import ON flowers (import_id) WHERE import_id IS NOT NULL;
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)
