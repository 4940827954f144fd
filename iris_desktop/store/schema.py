"""The schema as forward-only migrations keyed by `PRAGMA user_version`.

Migration N (1-based) takes a database at version N-1 to version N. Never edit a
migration that has shipped: append a new one.
"""

from __future__ import annotations

import sqlite3

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
    # 2: import batches, and a leaner flowers table. Each imported flower points at its
    # batch, so a batch can be listed and removed whole; the batch keeps the options it
    # was imported with. (Flowers imported before this migration have no batch.)
    # The table is rebuilt because two of its constraints cost more than the insert
    # itself: `IN (...)` in a CHECK builds a lookup table for every row inserted (OR
    # does not), and the UNIQUE day indexed the NULL day of every non-daily flower.
    # 200,000 imported rows took 1.8 s, now about 0.5 s. (Runs with foreign keys off,
    # then checked; see migrate().)
    f"""
    CREATE TABLE flowers_v2 (
        id           INTEGER PRIMARY KEY,
        sepal_length REAL NOT NULL CHECK (sepal_length > 0),
        sepal_width  REAL NOT NULL CHECK (sepal_width > 0),
        petal_length REAL NOT NULL CHECK (petal_length > 0),
        petal_width  REAL NOT NULL CHECK (petal_width > 0),
        variety      TEXT NOT NULL CHECK (variety = 'setosa' OR variety = 'versicolor' OR variety = 'virginica'),
        source       TEXT NOT NULL CHECK (source = 'backfill' OR source = 'import' OR source = 'daily'),
        day          TEXT,
        created_at   TEXT NOT NULL DEFAULT {_NOW},
        import_id    INTEGER REFERENCES imports (id),
        CHECK ((source = 'daily') = (day IS NOT NULL))
    );
    INSERT INTO flowers_v2 (id, sepal_length, sepal_width, petal_length, petal_width, variety, source, day, created_at)
        SELECT id, sepal_length, sepal_width, petal_length, petal_width, variety, source, day, created_at FROM flowers;
    DROP TABLE flowers;
    ALTER TABLE flowers_v2 RENAME TO flowers;
    CREATE UNIQUE INDEX flowers_by_day ON flowers (day) WHERE day IS NOT NULL;
    CREATE INDEX flowers_by_import ON flowers (import_id) WHERE import_id IS NOT NULL;
    ALTER TABLE imports ADD COLUMN options TEXT NOT NULL DEFAULT '{{}}';
    """,
    # 3: which generator made each daily flower. One row per distinct generator setting
    # (its key is part of every day's seed); each daily flower points at the one that
    # made it, so changing the generator never rewrites a stored day and a day can say
    # how it was made. (Days stored before this migration are matched to a generator
    # when it reproduces them exactly; the rest stay NULL: not recorded.)
    f"""
    CREATE TABLE generators (
        id         INTEGER PRIMARY KEY,
        key        TEXT NOT NULL UNIQUE,
        kind       TEXT NOT NULL,
        settings   TEXT NOT NULL,
        created_at TEXT NOT NULL DEFAULT {_NOW}
    );
    ALTER TABLE flowers ADD COLUMN generator_id INTEGER REFERENCES generators (id);
    """,
    # 4: row counts kept by triggers. The summary read after every commit the app sees
    # (store/summary.py) counted every flower and prediction: 53-113 ms at 200,000
    # flowers; now it reads four numbers. Triggers, not the app's code, keep them, so
    # every writer (the sqlite3 shell included) and every cascade keeps them exact. A
    # migration that rebuilds flowers or predictions drops their triggers: it must run
    # this script's triggers again (see COUNTS_TRIGGERS and database._check_counts).
    """
    CREATE TABLE row_counts (
        name TEXT PRIMARY KEY,  -- a flower source ('backfill', 'import', 'daily') or 'predictions'
        n    INTEGER NOT NULL
    ) WITHOUT ROWID;
    INSERT INTO row_counts (name, n)
        SELECT 'backfill', COUNT(*) FROM flowers WHERE source = 'backfill'
        UNION ALL SELECT 'import', COUNT(*) FROM flowers WHERE source = 'import'
        UNION ALL SELECT 'daily', COUNT(*) FROM flowers WHERE day IS NOT NULL
        UNION ALL SELECT 'predictions', COUNT(*) FROM predictions;
    CREATE TRIGGER flowers_counted_on_insert AFTER INSERT ON flowers BEGIN
        UPDATE row_counts SET n = n + 1 WHERE name = NEW.source;
    END;
    CREATE TRIGGER flowers_counted_on_delete AFTER DELETE ON flowers BEGIN
        UPDATE row_counts SET n = n - 1 WHERE name = OLD.source;
    END;
    CREATE TRIGGER flowers_counted_on_update AFTER UPDATE OF source ON flowers WHEN OLD.source IS NOT NEW.source BEGIN
        UPDATE row_counts SET n = n - 1 WHERE name = OLD.source;
        UPDATE row_counts SET n = n + 1 WHERE name = NEW.source;
    END;
    CREATE TRIGGER predictions_counted_on_insert AFTER INSERT ON predictions BEGIN
        UPDATE row_counts SET n = n + 1 WHERE name = 'predictions';
    END;
    CREATE TRIGGER predictions_counted_on_delete AFTER DELETE ON predictions BEGIN
        UPDATE row_counts SET n = n - 1 WHERE name = 'predictions';
    END;
    """,
    # 5: the runs of the pipelines (store/runs.py), written by pipelines/runs.py around
    # every operation: what ran, who started it, how it ended. No foreign keys: a run
    # outlives the model version or import batch it names. `process` tells a live run of
    # another process from one whose process died (store/process_identity.py). Runs
    # beyond the newest few thousand are folded into run_days (one row per day,
    # pipeline and outcome). Neither table has triggers; flowers and predictions keep
    # theirs (see migration 4).
    """
    CREATE TABLE IF NOT EXISTS runs (
        id            INTEGER PRIMARY KEY,
        token         TEXT NOT NULL UNIQUE,  -- random: finds the run's row again, across a restore too
        pipeline      TEXT NOT NULL,
        trigger       TEXT NOT NULL,         -- app, cli, scheduler, first-run
        outcome       TEXT NOT NULL,         -- running, ok, failed, cancelled, nothing-to-do, interrupted
        started       TEXT NOT NULL,         -- UTC, as every created_at
        ended         TEXT,                  -- NULL while running, and for an interrupted run
        rows_in       INTEGER,
        rows_out      INTEGER,
        model_version INTEGER,
        import_id     INTEGER,
        message       TEXT NOT NULL DEFAULT '',
        process       TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX IF NOT EXISTS runs_by_pipeline ON runs (pipeline, id);
    CREATE INDEX IF NOT EXISTS runs_running ON runs (id) WHERE outcome = 'running';
    CREATE TABLE IF NOT EXISTS run_days (
        day      TEXT NOT NULL,  -- local date of the runs' start
        pipeline TEXT NOT NULL,
        outcome  TEXT NOT NULL,
        runs     INTEGER NOT NULL,
        rows_in  INTEGER NOT NULL,
        rows_out INTEGER NOT NULL,
        PRIMARY KEY (day, pipeline, outcome)
    ) WITHOUT ROWID;
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)

COUNTS_MIGRATION = 4  # the script that makes row_counts and its triggers (run again to repair them)
COUNTED = ("backfill", "import", "daily", "predictions")  # the rows of row_counts
RUNS_MIGRATION = 5  # the script that makes runs and run_days (IF NOT EXISTS: run again to repair them)
COUNTS_TRIGGERS = (
    "flowers_counted_on_insert",
    "flowers_counted_on_delete",
    "flowers_counted_on_update",
    "predictions_counted_on_insert",
    "predictions_counted_on_delete",
)


# The tables a store must have (row_counts is not one: derived, it is rebuilt when missing;
# nor are runs and run_days: a log, made again empty when missing, see runs.close_interrupted).
TABLES = ("meta", "flowers", "imports", "models", "model_aliases", "predictions", "generators")
_MEASUREMENTS = ("sepal_length", "sepal_width", "petal_length", "petal_width")


def content_problem(conn: sqlite3.Connection) -> str | None:
    """What no version of Iris Desktop writes but a hand edit can leave in a sound file
    (PRAGMA quick_check checks pages and CHECK constraints, not these): a missing table,
    a reference to a missing row, a day that is not a date, a measurement that is text.
    None if there is nothing of the kind. One pass over the tables: milliseconds."""
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    missing = [t for t in TABLES if t not in names]
    if missing:
        return f"the table{'s' * (len(missing) > 1)} {', '.join(missing)} {'are' if len(missing) > 1 else 'is'} missing"
    broken = conn.execute("PRAGMA foreign_key_check").fetchone()
    if broken:
        return f"a row of {broken[0]} refers to a row of {broken[2]} that does not exist"
    day = conn.execute("SELECT day FROM flowers WHERE day IS NOT NULL AND date(day) IS NOT day LIMIT 1").fetchone()
    if day:
        return f"a daily flower's day is {str(day[0])[:40]!r}, not a date"
    text = " OR ".join(f"typeof({m}) NOT IN ('real', 'integer')" for m in _MEASUREMENTS)
    flower = conn.execute(f"SELECT id FROM flowers WHERE {text} LIMIT 1").fetchone()
    if flower:
        return f"flower {flower[0]} has a measurement that is not a number"
    text = " OR ".join(f"typeof(proba_{v}) NOT IN ('real', 'integer')" for v in ("setosa", "versicolor", "virginica"))
    proba = conn.execute(f"SELECT flower_id, model_version FROM predictions WHERE {text} LIMIT 1").fetchone()
    if proba:
        return f"the prediction of flower {proba[0]} by model v{proba[1]} has a probability that is not a number"
    return None


def counts_problem(conn: sqlite3.Connection) -> str | None:
    """Why row_counts cannot be trusted (a hand edit dropped it, a trigger or a row, or
    made a count negative), None if it can. Two look-ups in small tables: microseconds.
    (A count edited to another plausible value cannot be told from a true one without
    counting every row; see summary.read_summary for what that would affect.)"""
    names = ", ".join("?" * len(COUNTS_TRIGGERS))
    sql = f"SELECT name FROM sqlite_master WHERE type = 'trigger' AND name IN ({names})"
    triggers = {r[0] for r in conn.execute(sql, COUNTS_TRIGGERS)}
    if len(triggers) != len(COUNTS_TRIGGERS):
        return f"trigger(s) {', '.join(sorted(set(COUNTS_TRIGGERS) - triggers))} missing"
    try:
        good = conn.execute(
            f"SELECT COUNT(*) FROM row_counts WHERE name IN ({', '.join('?' * len(COUNTED))}) "
            "AND typeof(n) = 'integer' AND n >= 0",
            COUNTED,
        ).fetchone()[0]
    except sqlite3.OperationalError as exc:  # no such table
        return str(exc)
    return None if good == len(COUNTED) else "a count is missing or negative"


def statements(script: str) -> list[str]:
    # executescript() would COMMIT our transaction; split on complete statements instead.
    statements: list[str] = []
    current = ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            if current.strip():
                statements.append(current.strip())
            current = ""
    return statements
