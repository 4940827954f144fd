"""Family 6 (issue 28): contents no version writes, and stores emptied or gone where the
folder shows earlier use. Every JSON column garbled in turn, a zero-length and a missing
database with backups present, the models path a file; the usual commands run on each.

Counted besides the CLI's contract (exit 0 or 2, one line, no traceback):
- a silent first run: a command that starts a new history ("First run") or runs on a
  new, empty store without a word, where the folder held backups or model files;
- a forgotten recovery: after the store was restored, moved aside or started anew, a
  later command that does not mention it ("note:"), until `info --ack-recovery`.
"""

from __future__ import annotations

import json
import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from damage import _sql
from harness import DB_NAME, Tally, base_store, cli, copy_store, guarded

TODAY = "2024-06-01"
COMMANDS = [
    ["info"],
    ["history"],
    ["models"],
    ["predict", "5.1", "3.5", "1.4", "0.2"],
    ["runs", "--last", "5"],
    ["catch-up", "--today", "2024-06-03"],
]
GARBLED = ["nope", "[]", '{"x": ', "null", '{"n_neighbors": [1, 2]}', "1e999"]
JSON_COLUMNS = [
    ("models", "params"),
    ("models", "metrics"),
    ("models", "sources"),
    ("models", "library_versions"),
    ("imports", "options"),
    ("generators", "settings"),
]


def _without_database(d: Path) -> None:
    for name in (DB_NAME, DB_NAME + "-wal", DB_NAME + "-shm"):
        (d / name).unlink(missing_ok=True)


def _emptied(d: Path) -> None:
    _without_database(d)
    (d / DB_NAME).write_bytes(b"")


def _models_a_file(d: Path) -> None:
    shutil.rmtree(d / "models")
    (d / "models").write_text("not a folder")


def _backups_a_file(d: Path) -> None:
    shutil.rmtree(d / "backups")
    (d / "backups").write_text("not a folder")


# name -> (damage, the folder shows earlier use and a recovery is expected to be said)
LAYOUTS = {
    "the database file emptied (0 bytes), backups present": (_emptied, True),
    "the database file deleted, backups present": (_without_database, True),
    "the models folder replaced by a file": (_models_a_file, False),
    "the backups folder replaced by a file": (_backups_a_file, False),
}


def run(work: Path, seed: int, quick: bool, workers: int) -> Tally:
    tally = Tally("content")
    base = work / "base"
    small = work / "small.csv"
    small.write_text("sepal_length,sepal_width,petal_length,petal_width,variety\n5.55,3.33,1.44,0.22,setosa\n")
    if not base_store(tally, base, TODAY):
        return tally
    made = [cli(base, "import", str(small)), cli(base, "backup")]
    if not tally.trial("import a file and make a backup", made, []):
        return tally
    cases: list[tuple[str, object]] = [
        (f"{table}.{column} = {garbage}", (table, column, garbage))
        for table, column in JSON_COLUMNS
        for garbage in (GARBLED[:2] if quick else GARBLED)
    ]
    cases += list(LAYOUTS.items())

    def one(index: int, name: str, what) -> None:
        d = copy_store(base, work / f"case-{index}")
        os.chmod(d, 0o755)
        if isinstance(what, tuple) and len(what) == 3:
            table, column, garbage = what
            _sql(d, f"UPDATE {table} SET {column} = '{garbage.replace(chr(39), chr(39) * 2)}'")
            _garbled(tally, name, d)
        else:
            damage, earlier_use = what
            damage(d)
            _layout(tally, name, d, earlier_use)

    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(lambda c: guarded(tally, c[1][0], one, c[0], *c[1]), enumerate(cases)))
    tally.say(
        f"{len(JSON_COLUMNS)} JSON columns x {len(GARBLED[:2] if quick else GARBLED)} garbled values "
        f"and {len(LAYOUTS)} layouts x {len(COMMANDS)} commands"
    )
    tally.say(
        f"silent first runs: {tally.notes.get('silent first run', 0)}; "
        f"recoveries forgotten: {tally.notes.get('forgotten', 0)}"
    )
    return tally


def _garbled(tally: Tally, name: str, d: Path) -> None:
    for args in COMMANDS:
        r = cli(d, *args)
        said = r.rc == 0 or any("column" in line and "restore" in line for line in r.error_lines())
        tally.trial(f"{name}: {args[0]}", [r], [] if said else ["exit 2 without naming the column"])


def _layout(tally: Tally, name: str, d: Path, earlier_use: bool) -> None:
    for index, args in enumerate(COMMANDS):
        r = cli(d, *args)
        problems = []
        if "First run" in r.stdout and ": note: " not in r.stderr:
            tally.note("silent first run")
            problems.append("a new history was started without a word where the folder held backups")
        if earlier_use and r.rc == 0 and index > 0 and ": note: " not in r.stderr:
            tally.note("forgotten")
            problems.append("a later command did not mention the recovery")
        if not earlier_use and r.rc != 2:
            problems.append(f"exit {r.rc} with the layout broken (expected 2, naming the folder)")
        tally.trial(f"{name}: {args[0]}", [r], problems)
    if earlier_use:  # seen, then no longer said; the runs log shows it
        ack, after, runs = cli(d, "info", "--ack-recovery"), cli(d, "info"), cli(d, "runs", "--json")
        problems = [] if ": note: " not in after.stderr else ["still said after info --ack-recovery"]
        try:
            logged = {r["pipeline"] for r in json.loads(runs.stdout)}
        except ValueError:
            logged = set()
        if not logged & {"recovery", "restore"}:
            problems.append("the recovery is not in the runs log")
        tally.trial(f"{name}: acknowledged", [ack, after, runs], problems)
