"""Family 1: SIGKILL at a random moment of a long write (a first-run catch-up of 3000
days, a catch-up of ~2900 missed days, a 100,000-row import, a 150-tree forest), then
the store is checked with sqlite3 directly, then the same command runs to completion.

Half the kills land anywhere in the command's calibrated run time; half wait until the
command starts writing (see _writing), then land at a random moment of the rest of its
calibrated run, where the commits are. (The first second of every run is Python
importing scikit-learn: a uniform delay alone mostly hits that.)
"""

from __future__ import annotations

import random
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from harness import (
    DB_NAME,
    Tally,
    argv_for,
    base_store,
    check_store,
    cli,
    copy_store,
    count,
    finish,
    guarded,
    keys,
    kill_group,
    orphans,
    spawn,
)

BASE_TODAY = "2018-01-01"  # the base store: a first run, 30 days of history up to here
FIRST_TODAY = "2024-06-01"
BIG_ROWS = 100_000


def commands(big: Path) -> dict[str, tuple[bool, list[str]]]:
    """kind -> (starts from the base store, CLI arguments)."""
    return {
        "catch-up-first": (False, ["catch-up", "--history-days", "3000", "--today", FIRST_TODAY]),
        "catch-up-long": (True, ["catch-up", "--today", "2026-01-01"]),  # ~2900 missed days
        "import": (True, ["import", str(big)]),
        "train": (True, ["train", "--algorithm", "forest", "--trees", "150"]),
    }


@dataclass
class Reference:
    """A command run to completion on its own: how long it took, what it left."""

    seconds: float
    writing: float  # when it started writing (see _writing)
    days: int  # daily flowers at the end
    last_day: str | None
    imported: int  # flowers in the big file's batch
    models: int


def write_big_csv(path: Path, seed: int) -> Path:
    """BIG_ROWS plausible flowers with two decimals (so next to none repeats a stored
    flower; the reference run counts how many are imported)."""
    rng = np.random.default_rng(seed)
    low, high = np.array([4.4, 2.1, 1.1, 0.15]), np.array([7.8, 4.3, 6.8, 2.45])
    X = np.round(rng.uniform(low, high, size=(BIG_ROWS, 4)), 2)
    names = np.array(["setosa", "versicolor", "virginica"])[rng.integers(0, 3, BIG_ROWS)]
    lines = [f"{a:.2f},{b:.2f},{c:.2f},{d:.2f},{v}" for (a, b, c, d), v in zip(X.tolist(), names)]
    path.write_text("sepal_length,sepal_width,petal_length,petal_width,variety\n" + "\n".join(lines) + "\n")
    return path


def _imported(data_dir: Path, name: str) -> tuple[int, int]:
    """(batches of file `name`, flowers in them)."""
    if not (data_dir / DB_NAME).is_file():
        return 0, 0
    try:
        batches = count(data_dir, "SELECT count(*) FROM imports WHERE file_name = ?", (name,))
        flowers = count(
            data_dir,
            "SELECT count(*) FROM flowers WHERE import_id IN (SELECT id FROM imports WHERE file_name = ?)",
            (name,),
        )
    except Exception:  # no such table yet: killed while creating the store
        return 0, 0
    return batches, flowers


def _state(data_dir: Path, big: str) -> Reference:
    if not (data_dir / DB_NAME).is_file() or count(data_dir, "PRAGMA user_version") < 3:
        return Reference(0, 0, 0, None, 0, 0)  # killed before the store was created or migrated
    days = count(data_dir, "SELECT count(*) FROM flowers WHERE source = 'daily'")
    last = count(data_dir, "SELECT max(day) FROM flowers WHERE source = 'daily'")
    models = count(data_dir, "SELECT count(*) FROM models")
    return Reference(0, 0, days, last, _imported(data_dir, big)[1], models)


def _writing(data_dir: Path, kind: str) -> bool:
    """The command has started the writes worth killing: its WAL holds a frame, or a model
    file is being written; for a first run, its default model is saved (the days follow)."""
    models = data_dir / "models"
    if kind == "catch-up-first":
        return models.is_dir() and any(p.suffix == ".skops" for p in models.iterdir())
    try:
        if (data_dir / f"{DB_NAME}-wal").stat().st_size > 0:
            return True
    except OSError:
        pass
    return models.is_dir() and any(p.name.startswith(".tmp-") for p in models.iterdir())


def _start(argv: list[str], data_dir: Path, kind: str, limit: float):
    """Spawn; returns (process, start time, seconds until it started writing or ended)."""
    started = time.monotonic()
    proc = spawn(argv)
    while proc.poll() is None and not _writing(data_dir, kind) and time.monotonic() - started < limit:
        time.sleep(0.005)
    return proc, started, time.monotonic() - started


def run(work: Path, seed: int, quick: bool, workers: int) -> Tally:
    tally = Tally("kills")
    base = work / "base"
    if not base_store(tally, base, BASE_TODAY):
        return tally
    big = write_big_csv(work / "big.csv", seed)
    kinds = commands(big)

    def calibrate(kind: str) -> Reference | None:
        from_base, args = kinds[kind]
        d = work / f"ref-{kind}"
        if from_base:
            copy_store(base, d)
        argv = argv_for(d, *args)
        proc, started, writing = _start(argv, d, kind, 180)
        r = finish(proc, argv, started, 180)
        ok = tally.trial(f"{kind} run to completion (reference)", [r], check_store(d))
        state = _state(d, big.name)
        return Reference(r.seconds, writing, state.days, state.last_day, state.imported, state.models) if ok else None

    with ThreadPoolExecutor(workers) as pool:  # timed under the same load as the trials
        refs = dict(zip(kinds, pool.map(calibrate, kinds)))
    per_kind = 2 if quick else 13
    plan = [(kind, i) for i in range(per_kind) for kind in kinds if refs[kind] is not None]
    with ThreadPoolExecutor(workers) as pool:
        list(
            pool.map(
                lambda t: guarded(
                    tally, f"{t[0]} kill {t[1]}", _kill_trial, tally, work, base, big, kinds, refs[t[0]], *t, seed
                ),
                plan,
            )
        )
    landed = tally.notes.get("landed", 0)
    tally.say(f"{landed}/{len(plan)} kills landed while the command ran")
    tally.say("committed before the kill: " + ", ".join(f"{tally.notes.get('committed ' + k, 0)} {k}" for k in kinds))
    tally.say(f"{tally.notes.get('.tmp orphans left', 0)} .tmp orphans left")
    tally.say(
        "runs: " + ", ".join(f"{k} {r.seconds:.1f} s (writes from {r.writing:.1f} s)" for k, r in refs.items() if r)
    )
    return tally


def _kill_trial(
    tally: Tally, work: Path, base: Path, big: Path, kinds, ref: Reference, kind: str, i: int, seed: int
) -> None:
    rng = random.Random(f"{seed}:{kind}:{i}")
    from_base, args = kinds[kind]
    d = work / f"{kind}-{i}"
    if from_base:
        copy_store(base, d)
    before = keys(d)
    state0 = _state(d, big.name)
    argv = argv_for(d, *args)
    if i % 2 == 0:  # anywhere
        started, proc = time.monotonic(), spawn(argv)
        time.sleep(ref.seconds * rng.uniform(0.05, 1.0))
    else:  # once it writes, anywhere in the rest of its calibrated run
        proc, started, _ = _start(argv, d, kind, 3 * ref.seconds)
        time.sleep(rng.uniform(0, 0.6 * max(0.05, ref.seconds - ref.writing)))
    landed = proc.poll() is None
    delay = time.monotonic() - started
    kill_group(proc)
    killed = finish(proc, argv, started, timeout=30)
    tally.note("landed", landed)
    problems = []
    if killed.traceback:
        problems.append("traceback on stderr before the kill")
    if not landed and killed.rc != 0:
        problems.append(f"the run (finished before the kill) exited {killed.rc}")
    problems += [f"after the kill: {p}" for p in check_store(d) if "no database file" not in p]
    lost = len(before - keys(d))
    tally.note(".tmp orphans left", orphans(d))
    mid = _state(d, big.name)
    batches, flowers = _imported(d, big.name)
    if kind == "import":
        if flowers not in (0, ref.imported) or batches > 1:
            problems.append(
                f"after the kill: import not all-or-nothing: {batches} batch(es), {flowers} of {ref.imported} flowers"
            )
        tally.note(f"committed {kind}", landed and flowers == ref.imported)
    elif kind == "train":
        tally.note(f"committed {kind}", landed and mid.models > state0.models)
    else:
        tally.note(f"committed {kind}", landed and mid.days > state0.days)

    again = cli(d, *args, timeout=180)
    runs = [again]
    if kind == "import" and flowers == ref.imported and again.rc == 2:
        if "already" not in again.stderr:  # a committed import is refused as imported before
            problems.append("re-run after a committed import refused for another reason")
    elif again.rc != 0:
        problems.append(f"re-run exited {again.rc}")
    final = _state(d, big.name)
    problems += [f"after the re-run: {p}" for p in check_store(d)]
    if kind.startswith("catch-up") and (final.days, final.last_day) != (ref.days, ref.last_day):
        problems.append(
            f"after the re-run: {final.days} days up to {final.last_day}, expected {ref.days} up to {ref.last_day}"
        )
    if kind == "import" and _imported(d, big.name) != (1, ref.imported):
        problems.append(
            f"after the re-run: import batches/flowers {_imported(d, big.name)}, expected (1, {ref.imported})"
        )
    if kind == "train" and final.models != mid.models + 1:
        problems.append(f"after the re-run: {final.models} models, expected {mid.models + 1}")
    lost = max(lost, len(before - keys(d)))
    setup = "an empty data folder" if not from_base else f"a copy of a store made by `catch-up --today {BASE_TODAY}`"
    tally.trial(
        f"{kind} killed after {delay:.2f} s ({'landed' if landed else 'too late'})",
        runs,
        problems,
        lost,
        setup=setup,
        blame=killed if problems and not again.contract() else None,
    )
