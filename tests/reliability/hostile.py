"""Family 4: hostile input. Hostile CSV files (encodings, line ends, sizes, numbers
Python's float() takes but no one means, special files) each imported with `import`
and `import --dry-run`; then bad argument sets for every command.

A file: exit 0 or 2, no traceback, one stderr line, and the store's flowers and import
batches unchanged unless the import exited 0 (a dry run: unchanged always). A bad argument
set: exit 2 with one line, and nothing stored (every table unchanged).
"""

from __future__ import annotations

import codecs
import os
import random
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from harness import (
    ALL_TABLES,
    Tally,
    argv_for,
    base_store,
    check_store,
    cli,
    copy_store,
    dump,
    guarded,
)
from harness import (
    run as run_argv,
)

TODAY = "2024-06-01"
HEADER = "sepal_length,sepal_width,petal_length,petal_width,variety"
SLOW = 20.0  # a hostile file that takes longer than this is a hang


def _rows(rng: random.Random, n: int = 30) -> list[str]:
    """Plausible flowers with two decimals (none repeats a bundled flower)."""
    names = ["setosa", "versicolor", "virginica"]
    return [
        f"{rng.uniform(4.5, 7.5):.2f},{rng.uniform(2.2, 4.2):.2f},{rng.uniform(1.2, 6.5):.2f},"
        f"{rng.uniform(0.2, 2.4):.2f},{names[i % 3]}"
        for i in range(n)
    ]


def _with_cell(rng, text: str) -> str:
    """A valid file whose row 3 has `text` as its sepal length."""
    rows = _rows(rng)
    rows[2] = text + rows[2][rows[2].index(",") :]
    return "\n".join([HEADER, *rows]) + "\n"


def hostile_files(folder: Path, seed: int) -> list[tuple[str, Path, bool]]:
    """(name, path, run without root's file-mode override) for every hostile input."""
    rng = random.Random(f"{seed}:hostile")
    good = "\n".join([HEADER, *_rows(rng)]) + "\n"
    files: dict[str, bytes] = {
        "CR-only line ends": good.replace("\n", "\r").encode(),
        "a lone CR inside a row": (good + "5.11,3.5\r1,1.4,0.2,setosa\n").encode(),
        "a 200 KiB field": (good + "5.1,3.5,1.4,0.2," + "x" * 200 * 1024 + "\n").encode(),
        "an unclosed quote in a big file": (
            "\n".join([HEADER, *_rows(rng, 50_000)])
            + '\n"5.1,3.5,1.4,0.2,setosa\n'
            + "\n".join(_rows(rng, 1000))
            + "\n"
        ).encode(),
        "NUL bytes": good.replace("3", "3\x00", 1).encode(),
        "UTF-16 LE with BOM": codecs.BOM_UTF16_LE + good.encode("utf-16-le"),
        "UTF-16 BE with BOM": codecs.BOM_UTF16_BE + good.encode("utf-16-be"),
        "invalid UTF-8": good.encode().replace(b"setosa", b"set\xff\xfe\xc3\x28osa", 1),
        "10^6 columns in one line": (good + "1," * 10**6 + "\n").encode(),
        "10^6 columns in the header": (",".join(f"c{i}" for i in range(10**6)) + "\n" + good).encode(),
        "a header only": (HEADER + "\n").encode(),
        "no header": good.split("\n", 1)[1].encode(),
        "measurement 5_1": _with_cell(rng, "5_1").encode(),
        "measurement 1e400": _with_cell(rng, "1e400").encode(),
        "measurement nan": _with_cell(rng, "nan").encode(),
        "measurement inf": _with_cell(rng, "inf").encode(),
        "measurement -inf": _with_cell(rng, "-inf").encode(),
        "measurement 0x10": _with_cell(rng, "0x10").encode(),
        "measurement -5.1": _with_cell(rng, "-5.1").encode(),
        "measurement 0": _with_cell(rng, "0").encode(),
        "measurement 99999999999999999999999": _with_cell(rng, "9" * 23).encode(),
        "measurement 0.(400 zeros)1": _with_cell(rng, "0." + "0" * 400 + "1").encode(),
        "measurement 5.1.2": _with_cell(rng, "5.1.2").encode(),
        "measurement with a Unicode minus": _with_cell(rng, "\u22125.1").encode(),
        "measurement in full-width digits": _with_cell(rng, "\uff15.\uff11").encode(),
        "measurement in Arabic-Indic digits": _with_cell(rng, "\u0665.\u0661").encode(),
        "variety rosea": good.replace("setosa", "rosea", 1).encode(),
        "an empty variety": (good + "5.12,3.51,1.41,0.21,\n").encode(),
        "duplicate headers": good.replace("sepal_width", "sepal_length", 1).encode(),
        "a header repeated mid-file": (good + HEADER + "\n" + "\n".join(_rows(rng, 3)) + "\n").encode(),
        "decimal commas in a comma-separated file": (good + "5,1,3,5,1,4,0,2,setosa\n").encode(),
        "mixed delimiters": (good + "\n".join(r.replace(",", ";") for r in _rows(rng, 5)) + "\n").encode(),
        "a row with a field missing": (good + "5.1,3.5,1.4,setosa\n").encode(),
        "a row with an extra field": (good + "5.1,3.5,1.4,0.2,setosa,extra\n").encode(),
        "doubled quotes inside a number": (good + '"5.1""",3.5,1.4,0.2,setosa\n').encode(),
        "random binary": rng.randbytes(64 * 1024),
        "a 1 MiB line without a delimiter": b"a" * 2**20 + b"\n",
        "whitespace only": b" \t \n\n \r\n\t\n",
        "a UTF-8 BOM only": codecs.BOM_UTF8,
        "newlines only": b"\n" * 1000,
        "a 0-byte file": b"",
        "escape sequences in a cell": _with_cell(rng, "\x1b[2J\x1b[31m5.1").encode(),
    }
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i, (name, data) in enumerate(files.items()):
        path = folder / f"f{i:02d}.csv"
        path.write_bytes(data)
        out.append((name, path, False))
    special = folder / "special"
    special.mkdir()
    valid = special / "valid.csv"
    valid.write_text(good)
    os.mkfifo(special / "fifo.csv")
    (special / "a-folder.csv").mkdir()
    os.symlink(valid, special / "symlink.csv")
    os.symlink(special / "loop-b.csv", special / "loop-a.csv")
    os.symlink(special / "loop-a.csv", special / "loop-b.csv")
    os.symlink(special / "gone.csv", special / "dangling.csv")
    (special / "unreadable.csv").write_text(good)
    os.chmod(special / "unreadable.csv", 0o000)
    with open(special / "sparse-250MB.csv", "wb") as f:  # larger than the reader's cap, no disk used
        f.write((HEADER + "\n").encode())
        f.truncate(250 * 2**20)
    newline = special / "bad\nname.csv"
    newline.write_bytes(b"not,a\ncsv")
    badbytes = Path(os.fsdecode(bytes(special) + b"/bad\xffname.csv"))
    badbytes.write_bytes(b"not,a\ncsv")
    out += [
        ("a FIFO with no writer", special / "fifo.csv", False),
        ("a directory", special / "a-folder.csv", False),
        ("a missing file", special / "missing.csv", False),
        ("a symlink to a valid file", special / "symlink.csv", False),
        ("a symlink loop", special / "loop-a.csv", False),
        ("a dangling symlink", special / "dangling.csv", False),
        ("a file without read permission", special / "unreadable.csv", True),
        ("a sparse 250 MB file", special / "sparse-250MB.csv", False),
        ("/dev/zero", Path("/dev/zero"), False),
        ("/dev/urandom", Path("/dev/urandom"), False),
        ("a file name with a newline", newline, False),
        ("a file name that is not UTF-8", badbytes, False),
    ]
    return out


def bad_arguments(folder: Path) -> list[tuple[str, list[str] | None]]:
    """(label, CLI arguments after --data-dir STORE); the --data-dir cases build their own."""
    a_file = folder / "plain-file"
    a_file.write_text("not a folder\n")
    return [
        ("history --days 1000000", ["history", "--days", "1000000"]),
        ("history --days 0", ["history", "--days", "0"]),
        ("history --days -1", ["history", "--days", "-1"]),
        ("history --model 99999999999999999999", ["history", "--model", "99999999999999999999"]),
        ("history --csv into a missing folder", ["history", "--csv", str(folder / "no" / "such" / "x.csv")]),
        ("history --csv a folder", ["history", "--csv", str(folder)]),
        ("activate 99999999999999999999", ["activate", "99999999999999999999"]),
        ("activate 0", ["activate", "0"]),
        ("activate 12345 (no such version)", ["activate", "12345"]),
        ("activate 1e3", ["activate", "1e3"]),
        ("delete the active model", ["delete", "1", "--yes"]),
        ("export 99", ["export", "99", str(folder / "export")]),
        ("export into a file", ["export", "1", str(a_file)]),
        ("compare 1 99", ["compare", "1", "99"]),
        ("retrain 99", ["retrain", "99"]),
        ("remove-import 99999999999999999999", ["remove-import", "99999999999999999999"]),
        ("remove-import 5 (no such batch)", ["remove-import", "5"]),
        ("train -P n_neighbors=inf", ["train", "-P", "n_neighbors=inf"]),
        ("train -P n_neighbors=5.7", ["train", "-P", "n_neighbors=5.7"]),
        ("train -P n_neighbors=nan", ["train", "-P", "n_neighbors=nan"]),
        ("train -P n_neighbors=0", ["train", "-P", "n_neighbors=0"]),
        ("train -P n_neighbors=-3", ["train", "-P", "n_neighbors=-3"]),
        ("train -P n_neighbors=100000", ["train", "-P", "n_neighbors=100000"]),
        ("train -P n_neighbors=5_0", ["train", "-P", "n_neighbors=5_0"]),
        ("train -P bogus=1", ["train", "-P", "bogus=1"]),
        ("train -P =5", ["train", "-P", "=5"]),
        ("train -P n_neighbors", ["train", "-P", "n_neighbors"]),
        ("train -P weights=__import__", ["train", "-P", "weights=__import__('os')"]),
        ("train --k 1e3", ["train", "--k", "1e3"]),
        ("train --k for a forest", ["train", "--algorithm", "forest", "--k", "3"]),
        ("train --trees 100000000", ["train", "--algorithm", "forest", "--trees", "100000000"]),
        ("train --max-depth 0", ["train", "--algorithm", "tree", "--max-depth", "0"]),
        ("train --c -1", ["train", "--algorithm", "svm", "--c", "-1"]),
        ("train --c inf", ["train", "--algorithm", "svm", "--c", "inf"]),
        ("train --c 1e-400", ["train", "--algorithm", "logreg", "--c", "1e-400"]),
        ("train --max-iter 0", ["train", "--algorithm", "logreg", "--max-iter", "0"]),
        ("train --test-fraction 1", ["train", "--test-fraction", "1"]),
        ("train --test-fraction nan", ["train", "--test-fraction", "nan"]),
        ("train --cv-folds 1", ["train", "--cv-folds", "1"]),
        ("train --cv-folds 51", ["train", "--cv-folds", "51"]),
        ("train --seed -1", ["train", "--seed", "-1"]),
        ("catch-up --today 0001-01-01", ["catch-up", "--today", "0001-01-01"]),
        ("catch-up --today 9999-12-31", ["catch-up", "--today", "9999-12-31"]),
        ("catch-up --today 2024-02-30", ["catch-up", "--today", "2024-02-30"]),
        ("catch-up --history-days 800000", ["catch-up", "--history-days", "800000"]),
        ("catch-up --history-days 0", ["catch-up", "--history-days", "0"]),
        ("catch-up --generator bogus", ["catch-up", "--generator", "bogus"]),
        ("generate --date 0001-01-01", ["generate", "--date", "0001-01-01"]),
        ("predict nan", ["predict", "nan", "3.5", "1.4", "0.2"]),
        ("predict 5_1", ["predict", "5_1", "3.5", "1.4", "0.2"]),
        ("predict 1e999", ["predict", "1e999", "3.5", "1.4", "0.2"]),
        ("predict inf", ["predict", "inf", "3.5", "1.4", "0.2"]),
        ("predict -5", ["predict", "--", "-5", "3.5", "1.4", "0.2"]),
        ("predict 0 0 0 0", ["predict", "0", "0", "0", "0"]),
        ("predict with three values", ["predict", "5.1", "3.5", "1.4"]),
        ("predict 0x10", ["predict", "0x10", "3.5", "1.4", "0.2"]),
        ("import with no file", ["import"]),
        ("import --unit inch", ["import", str(a_file), "--unit", "inch"]),
        ("an unknown command", ["frobnicate"]),
        ("--data-dir pointing at a file", None),
        ("--data-dir below a file", None),
    ]


def run(work: Path, seed: int, quick: bool, workers: int) -> Tally:
    tally = Tally("hostile")
    base = work / "base"
    if not base_store(tally, base, TODAY):
        return tally
    files = hostile_files(work / "files", seed)
    args = bad_arguments(work)
    if quick:
        files, args = files[::5], args[::6]
    setup = f"a store made by `catch-up --today {TODAY}`"
    jobs = [lambda i=i, f=f: _file_trial(tally, work, base, i, *f, setup) for i, f in enumerate(files)]
    jobs += [lambda i=i, a=a: _argument_trial(tally, work, base, i, *a, setup) for i, a in enumerate(args)]
    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(lambda job: guarded(tally, "a hostile trial", job), jobs))
    tally.say(f"{len(files)} hostile files x (import, import --dry-run), {len(args)} bad argument sets")
    imported = sorted(k.split(":", 1)[1] for k in tally.notes if k.startswith("imported:"))
    if imported:
        tally.say("imported (exit 0): " + ", ".join(imported))
    return tally


def _file_trial(
    tally: Tally, work: Path, base: Path, i: int, name: str, path: Path, unprivileged: bool, setup: str
) -> None:
    d = copy_store(base, work / f"file-{i}")
    before = dump(d)
    verdict = None  # the dry run's (exit code, error lines): the import must give the same
    for dry in (True, False):
        r = cli(d, "import", path, *(["--dry-run"] if dry else []), timeout=SLOW, unprivileged=unprivileged)
        problems = []
        if dry:
            verdict = (r.rc, r.error_lines() if r.rc == 2 else [])
        elif None not in (r.rc, verdict and verdict[0]) and verdict != (r.rc, r.error_lines() if r.rc == 2 else []):
            problems.append(f"the dry run said exit {verdict[0]} {verdict[1][:1]}, the import exit {r.rc}")
        after = dump(d)
        if after != before and (dry or r.rc != 0):
            problems.append(f"the store's flowers/imports changed although {'a dry run' if dry else f'exit {r.rc}'}")
        if r.rc == 0 and not dry:
            problems += [f"after the import: {p}" for p in check_store(d)]
            tally.note(f"imported:{name}")
        if len(r.stderr) > 2000:
            tally.say(f"a {len(r.stderr) // 1024} KiB stderr line for '{name}'")
        tally.trial(f"import{' --dry-run' if dry else ''} of {name}", [r], problems, setup=setup, blame=r)


def _argument_trial(
    tally: Tally, work: Path, base: Path, i: int, label: str, args: list[str] | None, setup: str
) -> None:
    d = copy_store(base, work / f"args-{i}")
    before = dump(d, ALL_TABLES)
    if args is None:  # --data-dir at a file (or below one): the file must be left as it was
        target = work / f"args-{i}-file"
        target.write_text("precious\n")
        data_dir = target if label.endswith("a file") else target / "sub"
        r = run_argv(argv_for(data_dir, "info"))
        changed = target.read_text() != "precious\n"
    else:
        r = cli(d, *args, timeout=60)
        changed = dump(d, ALL_TABLES) != before
    problems = [f"exit {r.rc}, expected 2"] if r.rc not in (2, None) else []
    if changed:
        problems.append("something was stored or changed")
    tally.trial(f"bad arguments: {label}", [r], problems, setup=setup, blame=r)
