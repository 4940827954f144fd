"""What the reliability families share: the real CLI run in its own process (with a
timeout, optionally as an unprivileged user), a store read with Python's sqlite3 directly
(integrity, invariants, row keys, a dump to compare), and a tally of trials and failures.

Nothing here imports iris_desktop: the campaign looks at the app only from outside.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shlex
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
DB_NAME = "iris.sqlite3"
AS_ROOT = os.geteuid() == 0
BUNDLED = len((ROOT / "resources" / "iris.csv").read_text().split()) - 1  # flowers in the bundled set
# Permission cases: root ignores file modes, so as root those commands run without the
# capabilities that override them; root then gets only the owner's rights, as a user would.
UNPRIVILEGED = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"] if AS_ROOT else []

# Lines a command may print on stderr besides its one error line: the lock-wait notice.
_NOTICE = re.compile(r"waiting for another Iris Desktop process")
_NOTE = re.compile(r"^iris-desktop [a-z-]+: note: ")  # a recovery not yet acknowledged: not an error
_LOCK = re.compile(r"\bbusy\b|\blocked\b", re.IGNORECASE)
_ENV: dict[str, str] = {}
VERBOSE = False  # campaign.py --verbose


def set_home(home: Path) -> None:
    """Every run gets HOME/XDG_* inside the campaign folder: a command that ignores
    --data-dir (a bug) writes there, never into the real per-user folders."""
    env = {k: v for k, v in os.environ.items() if k != "IRIS_DESKTOP_DATA_DIR"}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CACHE_HOME=str(home / "cache"),
        PYTHONDONTWRITEBYTECODE="1",
    )
    home.mkdir(parents=True, exist_ok=True)
    _ENV.clear()
    _ENV.update(env)


# ---- running the CLI --------------------------------------------------------------------


@dataclass
class Run:
    argv: list[str]
    rc: int | None  # None: it did not exit within the timeout (killed)
    stdout: str
    stderr: str
    seconds: float
    timeout: float = 0.0

    @property
    def command(self) -> str:
        """The command line as a user would type it (the venv's python, repo root as cwd)."""
        shown = [".venv/bin/python" if a == PYTHON else a for a in self.argv]
        return shlex.join(shown)

    @property
    def traceback(self) -> bool:
        return "Traceback (most recent call last)" in self.stderr

    def error_lines(self) -> list[str]:
        return [
            line
            for line in self.stderr.splitlines()
            if line.strip() and not _NOTICE.search(line) and not _NOTE.match(line)
        ]

    @property
    def waited(self) -> bool:
        """It said it was waiting for another process's write lock."""
        return bool(_NOTICE.search(self.stderr))

    @property
    def lock_timeout(self) -> bool:
        return self.rc == 2 and any(_LOCK.search(line) for line in self.error_lines())

    def contract(self) -> list[str]:
        """The CLI's promise: exit 0 or 2, never a traceback, exit 2 with one line."""
        problems = []
        if self.rc is None:
            problems.append(f"hang: still running after {self.timeout:g} s (killed)")
        elif self.rc not in (0, 2):
            problems.append(f"exit code {self.rc}" + (" (killed by a signal)" if self.rc < 0 else ""))
        if self.traceback:
            problems.append("traceback on stderr")
        elif self.rc == 2 and len(self.error_lines()) != 1:
            problems.append(f"exit 2 with {len(self.error_lines())} stderr lines (expected exactly one)")
        return problems


def argv_for(data_dir, *args) -> list[str]:
    return [PYTHON, "-m", "iris_desktop", "--data-dir", str(data_dir), *map(str, args)]


def spawn(argv: list[str]) -> subprocess.Popen:
    """Start a command in its own process group (so a kill or timeout takes its children too)."""
    return subprocess.Popen(
        argv,
        cwd=ROOT,
        env=_ENV or None,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def finish(proc: subprocess.Popen, argv: list[str], started: float, timeout: float) -> Run:
    try:
        out, err = proc.communicate(timeout=max(0.1, timeout - (time.monotonic() - started)))
        rc = proc.returncode
    except subprocess.TimeoutExpired:
        kill_group(proc)
        out, err = proc.communicate()
        rc = None
    kill_group(proc)  # a child left behind by a finished command would skew later trials
    return Run(
        argv, rc, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), time.monotonic() - started, timeout
    )


def run(argv: list[str], timeout: float = 60.0, unprivileged: bool = False) -> Run:
    argv = UNPRIVILEGED + argv if unprivileged else argv
    started = time.monotonic()
    return finish(spawn(argv), argv, started, timeout)


def cli(data_dir, *args, timeout: float = 60.0, unprivileged: bool = False) -> Run:
    return run(argv_for(data_dir, *args), timeout, unprivileged)


def base_store(tally, folder: Path, today: str) -> bool:
    """A first-run store at `folder` (what each family copies), counted as a trial."""
    made = cli(folder, "catch-up", "--today", today, timeout=120)
    return tally.trial("build the base store", [made], [] if made.rc == 0 else ["base store not built"])


def copy_store(src: Path, dest: Path) -> Path:
    shutil.copytree(src, dest, symlinks=True)
    return dest


# ---- reading a store directly -----------------------------------------------------------


def connect(db: Path) -> sqlite3.Connection:
    return sqlite3.connect(db, timeout=60, isolation_level=None)


def tables(conn) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def check_store(data_dir: Path) -> list[str]:
    """Every invariant a store must keep whatever happened to the process writing it."""
    db = data_dir / DB_NAME
    if not db.is_file():
        return [f"no database file at {db}"]
    problems = []
    conn = connect(db)
    try:
        ok = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if ok != ["ok"]:
            return [f"integrity_check: {'; '.join(ok[:3])}"]
        if conn.execute("PRAGMA foreign_key_check").fetchall():
            problems.append("foreign_key_check reports broken references")
        have = tables(conn)
        if not have or conn.execute("PRAGMA user_version").fetchone()[0] < 3:
            return problems  # created or migrated halfway: no row of ours can be in it yet
        if not {"flowers", "predictions", "models", "model_aliases", "imports"} <= have:
            return [*problems, f"tables missing: {sorted(have)}"]
        bundled = conn.execute("SELECT count(*) FROM flowers WHERE source = 'backfill'").fetchone()[0]
        if bundled not in (0, BUNDLED):
            problems.append(f"{bundled} backfill flowers (the bundled set has {BUNDLED}: stored twice?)")
        dup = conn.execute(
            "SELECT count(*) FROM (SELECT day FROM flowers WHERE day IS NOT NULL GROUP BY day HAVING count(*) > 1)"
        ).fetchone()[0]
        if dup:
            problems.append(f"{dup} duplicate daily day(s)")
        first, last, n = conn.execute(
            "SELECT min(day), max(day), count(*) FROM flowers WHERE source = 'daily'"
        ).fetchone()
        if n:
            span = conn.execute("SELECT julianday(?) - julianday(?) + 1", (last, first)).fetchone()[0]
            if span != n:
                problems.append(f"daily days not contiguous: {n} days from {first} to {last} (span {span:g})")
        active = conn.execute("SELECT version FROM model_aliases WHERE alias = 'active'").fetchone()
        if active:
            bare = conn.execute(
                "SELECT count(*) FROM flowers f WHERE f.source = 'daily' AND NOT EXISTS "
                "(SELECT 1 FROM predictions p WHERE p.flower_id = f.id)"
            ).fetchone()[0]
            if bare:
                problems.append(f"{bare} daily flower(s) without any prediction while a model is active")
        torn = conn.execute(
            "SELECT i.id, i.rows, (SELECT count(*) FROM flowers f WHERE f.import_id = i.id) FROM imports i"
        ).fetchall()
        for batch, rows, stored in torn:
            if rows != stored:
                problems.append(f"import batch {batch} records {rows} rows but {stored} flowers are stored")
        problems += _model_files(conn, data_dir / "models")
    finally:
        conn.close()
    return problems + _backup_archives(data_dir / "backups")


def _backup_archives(folder: Path) -> list[str]:
    """Every *.zip in backups/ must be a whole archive: one written halfway by a killed
    process must never carry the name restore looks for."""
    problems = []
    for archive in sorted(folder.glob("*.zip")):
        try:
            with zipfile.ZipFile(archive) as z:
                bad = z.testzip()
        except (zipfile.BadZipFile, OSError) as exc:
            bad = str(exc)
        if bad:
            problems.append(f"backup {archive.name} is not a whole archive ({bad})")
    return problems


def _model_files(conn, models: Path) -> list[str]:
    problems = []
    for version, artifact, digest in conn.execute("SELECT version, artifact, sha256 FROM models"):
        path = models / artifact
        if not path.is_file():
            problems.append(f"model v{version} has no file ({artifact})")
        elif hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            problems.append(f"model v{version}'s file does not match its SHA-256 (torn write?)")
    return problems


def orphans(data_dir: Path) -> int:
    """Half-written model files (.tmp-*): allowed after a kill (removed when an hour old)."""
    return len(list((data_dir / "models").glob(".tmp-*")))


_KEYS = {
    "flowers": "SELECT 'f' || id FROM flowers",
    "predictions": "SELECT 'p' || flower_id || '/' || model_version FROM predictions",
    "models": "SELECT 'm' || version FROM models",
    "imports": "SELECT 'i' || id FROM imports",
}


def keys(data_dir: Path) -> set[str]:
    """A key per committed row (flowers, predictions, models, imports), to count rows lost."""
    db = data_dir / DB_NAME
    if not db.is_file():
        return set()
    conn = connect(db)
    try:
        have = tables(conn)
        return {r[0] for t, sql in _KEYS.items() if t in have for r in conn.execute(sql)}
    finally:
        conn.close()


def count(data_dir: Path, sql: str, params=()) -> int:
    conn = connect(data_dir / DB_NAME)
    try:
        return conn.execute(sql, params).fetchone()[0]
    finally:
        conn.close()


def dump(data_dir: Path, names=("flowers", "imports")) -> str:
    """A digest of the rows of `names` in a fixed order: equal digests, same content
    (file bytes may differ for reasons that do not matter, e.g. a checkpoint)."""
    db = data_dir / DB_NAME
    if not db.exists():
        return "no database"
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=60)
    try:
        have = tables(conn)
        digest = hashlib.sha256()
        for name in names:
            rows = conn.execute(f"SELECT * FROM {name} ORDER BY 1, 2").fetchall() if name in have else "absent"
            digest.update(json.dumps([name, rows], default=repr).encode())
        return digest.hexdigest()
    except sqlite3.Error as exc:
        return f"unreadable: {exc}"
    finally:
        conn.close()


ALL_TABLES = ("flowers", "imports", "predictions", "models", "model_aliases", "generators", "meta")


# ---- the tally ----------------------------------------------------------------------------


@dataclass
class Failure:
    family: str
    case: str
    problems: list[str]
    command: str = ""
    rc: int | None = None
    stderr: str = ""
    setup: str = ""  # how the store was prepared, to reproduce


@dataclass
class Tally:
    family: str
    trials: int = 0
    rows_lost: int = 0
    tracebacks: int = 0
    failures: list[Failure] = field(default_factory=list)
    notes: dict[str, int] = field(default_factory=dict)  # counted observations for the family line
    texts: list[str] = field(default_factory=list)  # observations in words
    seconds: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def note(self, key: str, n: int = 1) -> None:
        with self._lock:
            self.notes[key] = self.notes.get(key, 0) + n

    def say(self, text: str) -> None:
        with self._lock:
            if text not in self.texts:
                self.texts.append(text)

    def trial(
        self, case: str, runs: list[Run], problems: list[str], lost: int = 0, setup: str = "", blame: Run | None = None
    ) -> bool:
        """Count one trial; every run's contract is checked too. True if it passed.
        `blame`: the run a state problem is reported against (default: the first run
        that broke the contract, else the last run)."""
        problems = list(problems)
        blamed = blame if problems else None
        for r in runs:
            broken = r.contract()
            if broken and blamed is None:
                blamed = r
            problems += [f"{p} [{r.command.split(' iris_desktop ', 1)[-1]}]" for p in broken]
        if lost:
            problems.append(f"{lost} committed row(s) lost")
        blamed = blamed or (runs[-1] if runs else None)
        if VERBOSE:  # every trial's outcome, for reading what the app said
            said = " | ".join(f"rc {r.rc}: {(r.error_lines() or [''])[-1][:200]}" for r in runs)
            print(f"[{self.family}] {'FAIL' if problems else 'ok  '} {case}: {said}", file=sys.stderr, flush=True)
        with self._lock:
            self.trials += 1
            self.rows_lost += max(0, lost)
            self.tracebacks += sum(r.traceback for r in runs)
            if problems:
                self.failures.append(
                    Failure(
                        self.family,
                        case,
                        problems,
                        blamed.command if blamed else "",
                        blamed.rc if blamed else None,
                        blamed.stderr.strip() if blamed else "",
                        setup,
                    )
                )
        return not problems


def guarded(tally: Tally, case: str, fn, *args) -> None:
    """Run one trial; a bug of the campaign itself fails that trial, not the whole family."""
    import traceback

    try:
        fn(*args)
    except Exception:
        tally.trial(case, [], ["campaign error: " + traceback.format_exc(limit=-3)])
