"""Every value the store reads back that Iris Desktop wrote as JSON or as a typed number,
checked on the way in: its shape, its types, its range. A value no version writes (a
hand edit, another program) is a StoreContentError naming the table, the row and the
column, never a JSONDecodeError or a KeyError deep in a pipeline.

The same checks run over every such row when a process first opens a file
(`table_problem`), so a hand edit is found at once, whichever command comes first; the
readers check again, since a file can be edited while the app runs."""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from iris_desktop.store.errors import StoreContentError

Check = Callable[[Any], str | None]  # why a decoded value is not ours (None: it is)


def _number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _scalar(value: object) -> bool:
    return value is None or isinstance(value, (str, bool)) or _number(value)


def params_problem(value: Any) -> str | None:
    if not isinstance(value, dict):
        return "is not a JSON object"
    bad = next((k for k, v in value.items() if not _scalar(v)), None)
    return None if bad is None else f"has {bad!r} that is not a number, a word or true/false"


def sources_problem(value: Any) -> str | None:
    if not isinstance(value, list) or not all(isinstance(s, str) for s in value):
        return "is not a list of data sources"
    return None


_METRIC_NUMBERS = ("accuracy", "macro_f1", "train_accuracy", "cv_mean", "cv_std", "n_test", "n_train", "cv_folds")


def metrics_problem(value: Any) -> str | None:
    if not isinstance(value, dict):
        return "is not a JSON object"
    bad = next((k for k in _METRIC_NUMBERS if k in value and not _number(value[k])), None)
    if bad is not None:
        return f"has {bad} that is not a number"
    matrix = value.get("confusion_matrix")
    if matrix is not None and not (
        isinstance(matrix, list)
        and len(matrix) == 3
        and all(isinstance(r, list) and len(r) == 3 and all(isinstance(n, int) and n >= 0 for n in r) for r in matrix)
    ):
        return "has a confusion matrix that is not 3x3 counts"
    scores = value.get("cv_scores")
    if scores is not None and not (isinstance(scores, list) and all(_number(s) for s in scores)):
        return "has cross-validation scores that are not numbers"
    for key in ("per_class", "importances"):
        if key in value and not isinstance(value[key], (dict, list)):
            return f"has {key} that is not a table"
    return None


def versions_problem(value: Any) -> str | None:
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        return "is not library names and versions"
    return None


def options_problem(value: Any) -> str | None:
    return None if isinstance(value, dict) else "is not a JSON object"


def settings_problem(value: Any) -> str | None:
    """Generator settings as pipelines/daily.py writes them (it checks their shapes)."""
    if not isinstance(value, dict) or not isinstance(value.get("kind"), str):
        return "is not generator settings"
    bad = next((k for k in ("low", "high", "mean", "chol") if not isinstance(value.get(k), list)), None)
    return None if bad is None else f"has {bad} that is not a list of numbers"


def _whole(low: int | None = None) -> Check:
    def check(value: Any) -> str | None:
        if not isinstance(value, int) or (low is not None and value < low):
            return "is not a whole number" + (f" of at least {low}" if low is not None else "")
        return None

    return check


def _optional(check: Check) -> Check:
    return lambda value: None if value is None else check(value)


def _fraction(value: Any) -> str | None:
    return None if _number(value) and 0 < value < 1 else "is not a fraction between 0 and 1"


def _text(value: Any) -> str | None:
    return None if isinstance(value, str) and value else "is not text"


def _any_text(value: Any) -> str | None:
    return None if isinstance(value, str) else "is not text"


def _flag(value: Any) -> str | None:
    return None if value in (0, 1) and not isinstance(value, float) else "is not 0 or 1"


JSON = {
    ("models", "params"): params_problem,
    ("models", "sources"): sources_problem,
    ("models", "metrics"): metrics_problem,
    ("models", "library_versions"): versions_problem,
    ("imports", "options"): options_problem,
    ("generators", "settings"): settings_problem,
}
TYPED: dict[tuple[str, str], Check] = {
    ("models", "algorithm"): _text,
    ("models", "standardize"): _flag,
    ("models", "n_rows"): _whole(0),
    ("models", "data_fingerprint"): _text,
    ("models", "split_seed"): _whole(),
    ("models", "test_fraction"): _fraction,
    ("models", "artifact"): _text,
    ("models", "sha256"): _text,
    ("models", "created_at"): _text,
    ("imports", "rows"): _whole(0),
    ("imports", "sha256"): _text,
    ("imports", "file_name"): _any_text,
    ("imports", "imported_at"): _text,
    ("generators", "key"): _text,
    ("generators", "kind"): _text,
    ("model_aliases", "version"): _whole(1),
    # The run log: checked as it is read only (10,000 rows: not in the first open's pass).
    **{("runs", c): _text for c in ("pipeline", "trigger", "outcome", "started")},
    ("runs", "ended"): _optional(_text),
    ("runs", "message"): _optional(_any_text),
    **{("runs", c): _optional(_whole(0)) for c in ("rows_in", "rows_out", "model_version", "import_id")},
    ("runs", "id"): _whole(1),
}
KEYS = {"models": "version", "imports": "id", "generators": "id", "model_aliases": "alias"}


def decoded(path: Path, table: str, row: object, column: str, value: object) -> Any:
    """The value of `column` as the app uses it: JSON decoded and checked, or a typed
    value checked; StoreContentError naming table, row and column if it is not ours."""
    check = JSON.get((table, column))
    if check is not None:
        try:
            data = json.loads(value) if isinstance(value, str) else None
        except (ValueError, RecursionError):
            data = None
        why = "is not JSON" if data is None else check(data)
        if why is None:
            return data
    else:
        why = TYPED[(table, column)](value)
        if why is None:
            return value
    raise StoreContentError.column(path, table, row, column, value, why)


def table_problem(conn: sqlite3.Connection, path: Path) -> StoreContentError | None:
    """The first value of a checked column that is not ours, in any row: one pass over the
    registry, the import batches and the generators (a few hundred rows at most)."""
    for table, key in KEYS.items():
        columns = [c for (t, c) in (*JSON, *TYPED) if t == table]
        for row in conn.execute(f"SELECT {key}, {', '.join(columns)} FROM {table}"):
            for column, value in zip(columns, row[1:]):
                try:
                    decoded(path, table, row[0], column, value)
                except StoreContentError as exc:
                    return exc
    return None
