"""Family 3: a healthy store damaged in many ways (bytes, files, hand edits), then the
usual commands run on it one after another. Each must exit 0 or 2, never with a
traceback, and exit 2 with one line.

Also checked, as issue 16's recovery lands: a damaged database file is moved aside
(iris.sqlite3.damaged-* / .corrupt-*, with its -wal/-shm) and the message says so;
automatic backups in DATA_DIR/backups/*.zip; `restore` brings back the newest good one
(rows lost = flowers in that backup minus flowers after the restore). While `restore`
does not exist, these are reported, not counted.
"""

from __future__ import annotations

import io
import os
import random
import re
import sqlite3
import zipfile
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from pathlib import Path

from harness import DB_NAME, PYTHON, Tally, check_store, cli, copy_store, count, guarded
from harness import run as run_argv

TODAY = "2024-06-01"
COMMANDS = [
    ["info"],
    ["history"],
    ["models"],
    ["predict", "5.1", "3.5", "1.4", "0.2"],
    ["catch-up", "--today", "2024-06-03"],
    ["train", "--algorithm", "tree"],
]


# ---- ways to damage a store (each takes the data folder and a seeded RNG) -----------------


def _db(d: Path) -> Path:
    return d / DB_NAME


def _pages(d: Path) -> tuple[int, int]:
    head = _db(d).read_bytes()[:100]
    size = int.from_bytes(head[16:18], "big")
    return (65536 if size == 1 else size), int.from_bytes(head[28:32], "big")


def _scribble(d: Path, page: int, rng: random.Random, length: int = 512) -> None:
    """Random bytes over the start of 1-based `page` (its header and cell pointers)."""
    size, _ = _pages(d)
    with open(_db(d), "r+b") as f:
        f.seek(size * (page - 1))
        f.write(rng.randbytes(length))


def _query(d: Path, sql: str, params=()):
    """One value, on a connection closed at once (an open one would keep a -wal around)."""
    with closing(sqlite3.connect(_db(d))) as conn:
        return conn.execute(sql, params).fetchone()[0]


def _root(d: Path, table: str) -> int:
    return _query(d, "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,))


def _sql(d: Path, *statements: str, ignore_checks: bool = False) -> None:
    """A hand edit with the sqlite3 shell's defaults: foreign keys off, checks optional."""
    conn = sqlite3.connect(_db(d), isolation_level=None)
    try:
        if ignore_checks:
            conn.execute("PRAGMA ignore_check_constraints = ON")
        for s in statements:
            conn.execute(s)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def _edit(*statements: str, ignore_checks: bool = False):
    """A damage that is a hand edit of the database."""
    return lambda d, rng: _sql(d, *statements, ignore_checks=ignore_checks)


def _active_artifact(d: Path) -> Path:
    return (
        d
        / "models"
        / _query(
            d, "SELECT artifact FROM models WHERE version = (SELECT version FROM model_aliases WHERE alias = 'active')"
        )
    )


def _crash_with_wal(d: Path, rng) -> None:
    """What a crash leaves: a -wal holding a committed transaction not yet in the main
    file (copied while the writer is still open); then a page of the main file damaged."""
    files = [_db(d), d / f"{DB_NAME}-wal", d / f"{DB_NAME}-shm"]
    conn = sqlite3.connect(_db(d), isolation_level=None)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("INSERT INTO meta (key, value) VALUES ('reliability', 'in the wal only')")
    saved = [f.read_bytes() for f in files]
    conn.close()  # checkpoints and deletes the -wal: put the crash-time files back
    for f, data in zip(files, saved):
        f.write_bytes(data)
    _scribble(d, _root(d, "flowers"), rng)


def _replace_model_with_dict(d: Path, rng) -> None:
    import hashlib

    import joblib

    buffer = io.BytesIO()
    joblib.dump({"not_an_estimator": 1}, buffer)
    path = _active_artifact(d)
    path.write_bytes(buffer.getvalue())
    _sql(
        d,
        f"UPDATE models SET sha256 = '{hashlib.sha256(buffer.getvalue()).hexdigest()}' WHERE artifact = '{path.name}'",
    )


def _directory(d: Path, rng) -> None:
    _db(d).unlink()
    _db(d).mkdir()


# name -> (damage, the file is a damaged database (expect it moved aside), run without root's override of file modes)
CASES = {
    "truncated to half": (lambda d, r: os.truncate(_db(d), _db(d).stat().st_size // 2), True, False),
    "truncated to the 100-byte header": (lambda d, r: os.truncate(_db(d), 100), True, False),
    "first page zeroed": (
        lambda d, r: _db(d).write_bytes(bytes(_pages(d)[0]) + _db(d).read_bytes()[_pages(d)[0] :]),
        True,
        False,
    ),
    "flowers root page overwritten": (lambda d, r: _scribble(d, _root(d, "flowers"), r), True, False),
    "middle page overwritten": (lambda d, r: _scribble(d, _pages(d)[1] // 2 + 1, r), True, False),
    "last page overwritten": (lambda d, r: _scribble(d, _pages(d)[1], r), True, False),
    "models root page overwritten": (lambda d, r: _scribble(d, _root(d, "models"), r), True, False),
    "flowers root page overwritten, a crash's -wal beside it": (_crash_with_wal, True, False),
    "garbage -wal and -shm files": (
        lambda d, r: [(d / f"{DB_NAME}-{x}").write_bytes(r.randbytes(65536)) for x in ("wal", "shm")],
        False,
        False,
    ),
    "a text file at the database path": (lambda d, r: _db(d).write_text("not a database\n" * 200), True, False),
    "an empty database file": (lambda d, r: os.truncate(_db(d), 0), False, False),
    "a directory at the database path": (_directory, False, False),
    "read-only database file (0444)": (lambda d, r: os.chmod(_db(d), 0o444), False, True),
    "read-only data folder (0555)": (lambda d, r: os.chmod(d, 0o555), False, True),
    "newer schema (user_version 99)": (_edit("PRAGMA user_version = 99"), False, False),
    "installation seed 'abc'": (_edit("UPDATE meta SET value = 'abc' WHERE key = 'installation_seed'"), False, False),
    "installation seed missing": (_edit("DELETE FROM meta WHERE key = 'installation_seed'"), False, False),
    "malformed generator JSON": (
        _edit(
            "UPDATE meta SET value = '{\"kind\": ' WHERE key = 'daily_settings'",
            "UPDATE generators SET settings = '{oops'",
        ),
        False,
        False,
    ),
    "history_start not a date": (
        _edit("UPDATE meta SET value = '2024-13-45' WHERE key = 'history_start'"),
        False,
        False,
    ),
    "a flower of variety 'rosea'": (
        _edit(
            "INSERT INTO flowers (sepal_length, sepal_width, petal_length, petal_width, variety, source) "
            "VALUES (5.0, 3.0, 1.5, 0.2, 'rosea', 'backfill')",
            ignore_checks=True,
        ),
        False,
        False,
    ),
    "a measurement stored as text": (_edit("UPDATE flowers SET sepal_length = 'abc' WHERE id = 1"), False, False),
    "a daily day that is not a date": (
        _edit("UPDATE flowers SET day = '2024-13-45' WHERE day = (SELECT max(day) FROM flowers)"),
        False,
        False,
    ),
    "predictions table dropped": (_edit("DROP TABLE predictions"), False, False),
    "active alias names a missing version": (_edit("UPDATE model_aliases SET version = 999"), False, False),
    "model artifact path '../../x.joblib'": (
        _edit(
            "UPDATE models SET artifact = '../../x.joblib' WHERE version = "
            "(SELECT version FROM model_aliases WHERE alias = 'active')"
        ),
        False,
        False,
    ),
    "model file is a pickled dict without the expected keys (SHA-256 updated)": (
        _replace_model_with_dict,
        False,
        False,
    ),
    "model file missing": (lambda d, r: _active_artifact(d).unlink(), False, False),
    "model file truncated": (lambda d, r: os.truncate(_active_artifact(d), 100), False, False),
}


# ---- the family ------------------------------------------------------------------------


def _backups(d: Path) -> list[Path]:
    return sorted((d / "backups").glob("*.zip"), key=lambda p: (p.stat().st_mtime, p.name))


def _flowers_in_backup(archive: Path) -> int | None:
    """Flowers in the SQLite file inside a backup archive (None if there is none)."""
    with zipfile.ZipFile(archive) as z:
        for member in z.namelist():
            data = z.read(member)
            if data.startswith(b"SQLite format 3\x00"):
                tmp = archive.with_suffix(".check.sqlite3")
                tmp.write_bytes(data)
                try:
                    with closing(sqlite3.connect(tmp)) as conn:
                        return conn.execute("SELECT count(*) FROM flowers").fetchone()[0]
                finally:
                    tmp.unlink()
    return None


def _moved_aside(d: Path) -> list[Path]:
    return [p for p in d.iterdir() if p.name.startswith((f"{DB_NAME}.damaged-", f"{DB_NAME}.corrupt-"))]


def run(work: Path, seed: int, quick: bool, workers: int) -> Tally:
    tally = Tally("damage")
    healthy = work / "healthy"
    small = work / "small.csv"
    small.write_text(
        "sepal_length,sepal_width,petal_length,petal_width,variety\n"
        "5.55,3.33,1.44,0.22,setosa\n6.11,2.88,4.44,1.33,versicolor\n7.01,3.11,6.02,2.21,virginica\n"
    )
    setup = [
        cli(healthy, "catch-up", "--today", TODAY),
        cli(healthy, "train", "--algorithm", "tree"),
        cli(healthy, "import", str(small)),
    ]
    if not tally.trial("build the healthy store", setup, check_store(healthy)):
        return tally
    has_restore = bool(re.search(r"^\s+restore\b", run_argv([PYTHON, "-m", "iris_desktop", "--help"]).stdout, re.M))
    backups = _backups(healthy)
    whole = count(healthy, "SELECT count(*) FROM flowers")
    cases = list(CASES.items())
    if quick:
        cases = cases[::4]

    def one(item) -> None:
        name, (damage, corrupt, unprivileged) = item
        d = copy_store(healthy, work / f"case-{cases.index(item)}")
        os.chmod(d, 0o755)
        damage(d, random.Random(f"{seed}:{name}"))
        _case(tally, name, d, corrupt, unprivileged, has_restore, backups, whole)

    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(lambda item: guarded(tally, item[0], one, item), cases))
    moved = tally.notes.get("moved aside", 0)
    damaged = sum(c[1][1] for c in cases)  # the byte-level damage expected to be moved aside
    counted = "" if has_restore else " (not counted: no `restore` command yet)"
    tally.say(f"{len(cases)} kinds of damage x {len(COMMANDS)} commands")
    tally.say(f"damaged file moved aside, with a message naming it, in {moved}/{damaged} byte-damaged cases{counted}")
    silent = sorted(k.split(":", 1)[1] for k in tally.notes if k.startswith("silent:"))
    if silent:
        runs = sum(tally.notes["silent:" + k] for k in silent)
        tally.say(
            f"after a file was moved aside, {runs} later command(s) ({', '.join(silent)}) exited 0 on a "
            "new empty store without mentioning the moved file"
        )
    tally.say(
        f"automatic backups: {len(backups)} zip(s) after the 3 commands that built it"
        if backups
        else "automatic backups: none in backups/ (checks skipped)"
    )
    tally.say("restore: checked" if has_restore else "restore: no such command yet (checks skipped)")
    if tally.notes.get("exit 0 on a damaged file"):
        tally.say(f"{tally.notes['exit 0 on a damaged file']} command(s) exited 0 on a file failing integrity_check")
    return tally


def _case(
    tally: Tally,
    name: str,
    d: Path,
    corrupt: bool,
    unprivileged: bool,
    has_restore: bool,
    backups: list[Path],
    whole: int,
) -> None:
    setup = f"a healthy store (catch-up --today {TODAY}; train --algorithm tree; import a 3-row file), then: {name}"
    had_wal = (d / f"{DB_NAME}-wal").exists()
    runs, moved_by = [], None
    for args in COMMANDS:
        damaged_now = corrupt and not _moved_aside(d) and _db(d).is_file()
        r = cli(d, *args, unprivileged=unprivileged)
        runs.append(r)
        tally.trial(f"{name}: {args[0]}", [r], [], setup=setup)
        if damaged_now and r.rc == 0 and not _moved_aside(d):
            tally.note("exit 0 on a damaged file")
        if moved_by is None and _moved_aside(d):
            moved_by = args[0]
        elif moved_by is not None and r.rc == 0 and "damaged" not in r.stdout + r.stderr:
            tally.note("silent:" + args[0])  # a later command on the new, empty store says nothing
    aside = _moved_aside(d)
    if aside and not corrupt:
        tally.say(f"moved aside although only its contents were edited: {name} (by `{moved_by}`)")
    if not (corrupt or aside):
        return
    said = any(("damaged-" in r.stderr + r.stdout or "corrupt-" in r.stderr + r.stdout) for r in runs)
    problems = []
    if aside and said:
        tally.note("moved aside" if corrupt else "moved aside (contents edited)")
    else:
        problems.append(
            "damaged database not moved aside as iris.sqlite3.damaged-*/corrupt-*"
            if not aside
            else "moved aside, but no message names the moved file"
        )
    if aside and had_wal and not any(p.name.endswith("-wal") for p in aside):
        problems.append("its -wal file was not moved with it")
    if not has_restore:
        for p in problems:
            tally.say(f"not yet: {p}")
        return
    restore = cli(d, "restore", "--yes")
    if restore.rc == 2 and "argument" in restore.stderr and backups:
        restore = cli(d, "restore", str(d / "backups" / backups[-1].name), "--yes")
    after = cli(d, "info")
    problems += [f"after restore: {p}" for p in check_store(d)]
    lost = 0
    if backups:
        if restore.rc != 0:
            problems.append(f"restore exited {restore.rc} with backups present")
        expected = _flowers_in_backup(backups[-1]) or 0
        try:
            have = count(d, "SELECT count(*) FROM flowers")
        except Exception:
            have = 0
        lost = max(0, expected - have)
        if whole > have >= expected:  # not lost by restore: written after the newest backup was made
            tally.say(
                f"after restore: {whole - have} flower(s) fewer than the healthy store had "
                "(written after its newest backup)"
            )
    tally.trial(f"{name}: recovery (restore, then info)", [restore, after], problems, lost, setup=setup, blame=restore)
