"""Family 2: 8 CLI processes at once on one store, 20 rounds; the first round on a data
folder that does not exist yet (concurrent creation, migration and first run).

Each round mixes writers (catch-up with different --today values, train, imports of
small distinct files) and readers (history, models, info, predict). Every process must
exit 0, or 2 with one line (a lock timeout is allowed, and counted); after each round
the store must be intact and keep every row committed before the round.

Then 3 long rounds (1 with --quick): their three catch-ups each find 2,000-3,000 days
missing, more than a catch-up commits at once (CHUNK_DAYS), so they share the days out
batch by batch, each batch crossing the others' (a day made twice once crashed one run
in six with `UNIQUE constraint failed: flowers.day`).
"""

from __future__ import annotations

import datetime as dt
import random
import time
from pathlib import Path

import numpy as np
from harness import DB_NAME, Tally, argv_for, check_store, connect, count, finish, spawn

PROCESSES = 8
START = dt.date(2024, 3, 1)
WINDOW = 5  # round r's catch-ups use --today in [START + 5r, START + 5r + 4]: later rounds never go back
CHUNK_DAYS = 1000  # iris_desktop.pipelines.inference.CHUNK_DAYS (the campaign looks from outside only)
LONG_ROUNDS = 3


def small_csv(path: Path, seed: int, rows: int = 12) -> Path:
    """A few plausible flowers with two decimals, different in every file."""
    rng = np.random.default_rng(seed)
    X = np.round(rng.uniform([4.5, 2.2, 1.2, 0.2], [7.5, 4.2, 6.5, 2.4], size=(rows, 4)), 2)
    names = ["setosa", "versicolor", "virginica"]
    text = "".join(f"{a:.2f},{b:.2f},{c:.2f},{d:.2f},{names[i % 3]}\n" for i, (a, b, c, d) in enumerate(X.tolist()))
    path.write_text("sepal_length,sepal_width,petal_length,petal_width,variety\n" + text)
    return path


def round_commands(r: int, rng: random.Random, files) -> list[list[str]]:
    low = START + dt.timedelta(days=WINDOW * r)
    days = [(low + dt.timedelta(days=k)).isoformat() for k in rng.sample(range(WINDOW), 3)]
    train = rng.choice(
        [
            ["train"],
            ["train", "--k", str(rng.randint(1, 15))],
            ["train", "--algorithm", "tree"],
            ["train", "--algorithm", "logreg", "--no-activate"],
        ]
    )
    reader = rng.choice([["models"], ["predict", "5.1", "3.5", "1.4", "0.2"], ["imports"], ["history", "--days", "7"]])
    if r == 0:  # the store is created by whoever comes first
        return [
            ["catch-up", "--today", days[0]],
            ["catch-up", "--today", days[1]],
            ["info"],
            ["history"],
            ["import", str(next(files))],
            ["train"],
            ["models"],
            ["catch-up", "--today", days[2]],
        ]
    return [
        ["catch-up", "--today", days[0]],
        ["catch-up", "--today", days[1]],
        train,
        ["import", str(next(files))],
        ["import", str(next(files))],
        ["history"],
        reader,
        ["info"],
    ]


def long_round_commands(r: int, rng: random.Random, files, end: dt.date) -> tuple[list[list[str]], dt.date]:
    """Long round r (after the short rounds, which end on `end`): three catch-ups with
    --today in [end + (3r + 2) * CHUNK_DAYS, end + (3r + 3) * CHUNK_DAYS), so each finds
    at least 2 * CHUNK_DAYS days missing; the others as in a short round. Returns the
    commands and the earliest --today (every day up to it is committed after the round)."""
    low = end + dt.timedelta(days=(3 * r + 2) * CHUNK_DAYS)
    todays = [low + dt.timedelta(days=k) for k in sorted(rng.sample(range(CHUNK_DAYS), 3))]
    train = rng.choice([["train"], ["train", "--k", str(rng.randint(1, 15))], ["train", "--algorithm", "tree"]])
    commands = [
        *(["catch-up", "--today", day.isoformat()] for day in todays),
        train,
        ["import", str(next(files))],
        ["history", "--days", "7"],
        ["info"],
        rng.choice([["models"], ["predict", "5.1", "3.5", "1.4", "0.2"], ["imports"]]),
    ]
    return commands, todays[0]


def _committed(data_dir: Path, upto: str) -> set[str]:
    """Rows that must survive every later round: all models, batches and non-daily
    flowers, and the daily days up to `upto` (later ones may be 'in the future' for a
    catch-up with an earlier --today in the same round, and so may be set aside)."""
    if not (data_dir / DB_NAME).is_file():
        return set()
    conn = connect(data_dir / DB_NAME)
    try:
        rows = conn.execute(
            "SELECT 'f' || id FROM flowers WHERE day IS NULL UNION ALL "
            "SELECT 'd' || day FROM flowers WHERE day <= ? UNION ALL "
            "SELECT 'm' || version FROM models UNION ALL SELECT 'i' || id FROM imports",
            (upto,),
        ).fetchall()
        return {r[0] for r in rows}
    except Exception:
        return set()
    finally:
        conn.close()


def run(work: Path, seed: int, quick: bool, workers: int) -> Tally:
    tally = Tally("concurrency")
    rng = random.Random(f"{seed}:concurrency")
    store = work / "data"  # not created: round 0 creates it concurrently
    rounds = 3 if quick else 20
    long_rounds = 1 if quick else LONG_ROUNDS
    files = iter([small_csv(work / f"small-{i}.csv", seed * 1000 + i) for i in range(2 * rounds + long_rounds + 2)])
    kept: set[str] = set()
    for r in range(rounds):
        commands = round_commands(r, rng, files)
        _round(tally, store, f"round {r}", commands, START + dt.timedelta(days=WINDOW * r), kept)
    end = START + dt.timedelta(days=WINDOW * rounds)
    for r in range(long_rounds):
        commands, upto = long_round_commands(r, rng, files, end)
        _round(tally, store, f"long round {r}", commands, upto, kept)
    tally.texts.insert(
        0,
        f"{tally.notes.get('lock timeouts', 0)} lock timeouts (exit 2, explained), "
        f"{tally.notes.get('waited', 0)} runs waited for a lock with a notice",
    )
    return tally


def _round(tally: Tally, store: Path, name: str, commands: list[list[str]], upto: dt.date, kept: set[str]) -> None:
    """Run `commands` at once, then check the store and that no row committed before is
    lost (`kept`, updated with the rows that must survive from now on: see _committed)."""
    assert len(commands) == PROCESSES
    started = time.monotonic()
    procs = [(argv_for(store, *c), spawn(argv_for(store, *c))) for c in commands]
    done = [finish(p, argv, started, timeout=120) for argv, p in procs]
    state = check_store(store)
    now = _committed(store, upto.isoformat())
    lost = len(kept - now)
    kept |= now
    if name == "round 0" and not state:  # how many of the concurrent first runs trained a default model
        tally.say(f"{count(store, 'SELECT count(*) FROM models')} model(s) after the concurrent first run")
    for k, run_ in enumerate(done):
        tally.note("lock timeouts", run_.lock_timeout)
        tally.note("waited", run_.waited)
        if run_.rc == 2 and not run_.lock_timeout and run_.error_lines():
            tally.say(f"exit 2: {run_.error_lines()[0][:160]}")
        # The round's store problems and lost rows are one failure, on its first process.
        tally.trial(
            f"{name} process {k}",
            [run_],
            [f"after {name}: {p}" for p in state] if k == 0 else [],
            lost if k == 0 else 0,
            setup=f"{name} of 8 concurrent processes: " + " | ".join(" ".join(c) for c in commands),
        )
