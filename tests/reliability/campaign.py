"""The reliability campaign (issue 16): real CLI processes on throw-away data folders.

Run: `make reliability` (or `python tests/reliability/campaign.py [--family NAME]
[--quick] [--seed N]`). Not part of `make test`: these files are not named test_*.py and
tests/reliability/conftest.py tells pytest to collect nothing here.

Families: kills (SIGKILL during long writes), concurrency (8 processes on one store),
damage (damaged stores), hostile (hostile CSV files and bad arguments), archives
(hostile backup archives restored). stdout: the
seed, one line per family, then
    reliability: T trials, F failures, L rows lost, B tracebacks
Failures are detailed on stderr (and in --report FILE as JSON); the exit code is 1 if
F, L or B is not 0.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import json
import os
import random
import shutil
import sys
import tempfile
import time
import traceback
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness

# one module each, with run(work, seed, quick, workers)
FAMILIES = ("kills", "concurrency", "damage", "hostile", "archives", "content")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument(
        "--family", action="append", choices=FAMILIES, help="run only this family (repeatable; default: all)"
    )
    p.add_argument("--quick", action="store_true", help="a few trials per family, for iterating")
    p.add_argument("--seed", type=int, default=None, help="seed of every random choice (default: random)")
    p.add_argument("--workers", type=int, default=2, help="trials run side by side (default 2)")
    p.add_argument("--keep", action="store_true", help="keep the temporary folders")
    p.add_argument("--report", metavar="FILE", help="also write every failure as JSON to FILE")
    p.add_argument("--verbose", action="store_true", help="every trial's outcome on stderr as it ends")
    args = p.parse_args(argv)
    harness.VERBOSE = args.verbose
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**31)
    work = Path(tempfile.mkdtemp(prefix="iris-reliability-"))
    os.chmod(work, 0o755)  # the permission cases run as an unprivileged user: it must get in
    harness.set_home(work / "home")
    print(
        f"reliability campaign: seed {seed}, {args.workers} workers, folder {work}{' (quick)' if args.quick else ''}",
        flush=True,
    )
    started = time.monotonic()
    tallies = []
    try:
        for name in args.family or FAMILIES:
            folder = work / name
            folder.mkdir()
            os.chmod(folder, 0o755)
            t0 = time.monotonic()
            try:
                tally = importlib.import_module(name).run(folder, seed, args.quick, args.workers)
            except Exception:  # a bug of the campaign itself: say so, and go on with the others
                tally = harness.Tally(name)
                tally.trial("the family itself", [], ["campaign error: " + traceback.format_exc(limit=-3)])
            tally.seconds = time.monotonic() - t0
            tallies.append(tally)
            print(family_line(tally), flush=True)
    finally:
        if not args.keep:
            _remove(work)
    failures = [f for t in tallies for f in t.failures]
    report_failures(failures)
    if args.report:
        Path(args.report).write_text(json.dumps([dataclasses.asdict(f) for f in failures], indent=2))
    T = sum(t.trials for t in tallies)
    F, L, B = len(failures), sum(t.rows_lost for t in tallies), sum(t.tracebacks for t in tallies)
    print(f"(wall time {time.monotonic() - started:.0f} s)", file=sys.stderr)
    print(f"reliability: {T} trials, {F} failures, {L} rows lost, {B} tracebacks", flush=True)
    return 1 if F or L or B else 0


def family_line(t: harness.Tally) -> str:
    extra = "; ".join(t.texts)
    return (
        f"{t.family}: {t.trials} trials, {len(t.failures)} failures, {t.rows_lost} rows lost, "
        f"{t.tracebacks} tracebacks ({t.seconds:.0f} s)" + (f"; {extra}" if extra else "")
    )


def report_failures(failures) -> None:
    """Grouped by family and first problem (its text up to the first digit or quote),
    so that one cause is one heading with every case under it."""
    groups = defaultdict(list)
    for f in failures:
        groups[(f.family, _cause(f.problems[0]))].append(f)
    for (family, cause), items in sorted(groups.items()):
        print(f"\n== {family}: {cause} ({len(items)})", file=sys.stderr)
        for f in items:
            print(f"  - {f.case}: {'; '.join(f.problems)}", file=sys.stderr)
            if f.setup:
                print(f"    setup: {f.setup}", file=sys.stderr)
            print(f"    command: {f.command}  -> rc {f.rc}", file=sys.stderr)
            if f.stderr:
                text = f.stderr if len(f.stderr) < 1500 else f.stderr[:700] + "\n…\n" + f.stderr[-700:]
                print("    stderr: " + text.replace("\n", "\n            "), file=sys.stderr)


def _cause(problem: str) -> str:
    import re

    return re.split(r"[0-9'\"(\[]", problem, maxsplit=1)[0].strip() or problem


def _remove(work: Path) -> None:
    for p in [work, *work.rglob("*")]:  # read-only folders made by the permission cases
        try:
            if p.is_dir() and not p.is_symlink():
                os.chmod(p, 0o755)
        except OSError:
            pass
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
