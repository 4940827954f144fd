"""Family 5: hostile backup archives, restored by `restore ARCHIVE --yes` in a real process
on a copy of a healthy store (a first run, then a decision tree trained and active).

Each archive is the store's own backup, altered: names that leave the folder (`../`,
absolute), zip bombs (1 GiB of zeros in a 1 MB zip, referenced by the registry or not;
a member compressed 1,000 to 1), a symbolic link, a name twice, 10,005 members, a cut
file, a header that lies about a size, an encrypted member; and model files forged with
their SHA-256 in the archive's registry: a pickle whose loading writes a marker file (as
a `.joblib` file of the format before 0.2, and under a `.skops` name), a skops file
holding FunctionTransformer(os.system), a tree whose children point outside it.

For every case: exit 0 or 2, never a traceback, exit 2 with one line; nothing written
outside the data folder; no marker file; no `.joblib` file from the archive in models/;
the store sound (harness.check_store). A refused archive: exit 2 and the store exactly
as it was (its rows, and every file but SQLite's -wal/-shm). Forged model files may be
restored (they are refused when loaded): then `predict` exits 2 with one line (a
`.joblib` version may have been retrained from the data instead: then it may exit 0).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sqlite3
import struct
import tempfile
import zipfile
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from harness import DB_NAME, Tally, check_store, cli, copy_store, dump, guarded

TODAY = "2024-06-01"
SLOW = 30.0  # a restore that takes longer is a hang
BOMB_SECONDS = 10.0  # what refusing a zip bomb may take, process start included
GiB = 1 << 30
PREDICT = ["predict", "5.1", "3.5", "1.4", "0.2"]
TABLES = ("flowers", "imports", "predictions", "models", "model_aliases", "generators", "meta")


@dataclass
class Case:
    name: str
    path: Path
    kind: str  # "refused" (restore must exit 2), "loaded" (refused at load at the latest), "legacy"
    marker: Path | None = None
    bomb: bool = False


class Evil:
    """A pickle whose loading creates `marker` (open(marker, "w"))."""

    def __init__(self, marker: Path):
        self.marker = str(marker)

    def __reduce__(self):
        return (open, (self.marker, "w"))


# ---- the archives -----------------------------------------------------------------------


def _members(archive: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(archive) as z:
        return {i.filename: z.read(i) for i in z.infolist()}


def _zip(dest: Path, items, level: int = 1) -> Path:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Duplicate name"
        with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as z:
            for name, data in items:
                z.writestr(name, data)
    return dest


def _patch(archive: Path, name: str, offset: int, fmt: str, value: int) -> Path:
    """A field of `name`'s central directory entry (8 flags, 10 method, 16 CRC, 24 size)."""
    data = bytearray(archive.read_bytes())
    at = data.rfind(b"PK\x01\x02", 0, data.rfind(name.encode()))
    struct.pack_into(fmt, data, at + offset, value)
    archive.write_bytes(bytes(data))
    return archive


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Forge:
    """Hostile variants of the healthy store's own backup `good`."""

    def __init__(self, folder: Path, good: Path, base: Path):
        self.folder, self.good, self.base = folder, good, base
        folder.mkdir(parents=True, exist_ok=True)
        self.members = _members(good)
        with sqlite3.connect(f"file:{base / DB_NAME}?mode=ro", uri=True) as conn:
            self.arts = dict(conn.execute("SELECT version, artifact FROM models"))
            self.active = conn.execute("SELECT version FROM model_aliases WHERE alias = 'active'").fetchone()[0]
        self._bomb: tuple[bytes, int] | None = None

    def art(self, version: int | None = None) -> str:
        return self.arts[version or self.active]

    def plain(self, name: str, add=(), drop=(), replace=None, level: int = 1) -> Path:
        replace = replace or {}
        items = [(n, replace.get(n, d)) for n, d in self.members.items() if n not in drop]
        return _zip(self.folder / name, [*items, *add], level)

    def database(self, *sql: str, params=()) -> bytes:
        """The archive's database with `sql` run on it (a forged registry)."""
        with tempfile.TemporaryDirectory(dir=self.folder) as tmp:
            path = Path(tmp) / DB_NAME
            path.write_bytes(self.members[DB_NAME])
            conn = sqlite3.connect(path, isolation_level=None)
            for statement in sql:
                conn.execute(statement, params)
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.close()
            return path.read_bytes()

    def forged_model(self, name: str, version: int, artifact: str, data: bytes) -> Path:
        """Version `version`'s file replaced by `data` named `artifact`, its SHA-256 in the registry."""
        db = self.database(
            "UPDATE models SET artifact = ?, sha256 = ? WHERE version = ?", params=(artifact, _sha(data), version)
        )
        old = f"models/{self.arts[version]}"
        return self.plain(name, drop=(old,), replace={DB_NAME: db}, add=[(f"models/{artifact}", data)])

    def gigabyte(self) -> tuple[bytes, int]:
        """1 GiB of zeros deflated at level 9 (~1 MB) and its CRC, made once."""
        if self._bomb is None:
            packer, chunk, parts, crc = zlib.compressobj(9, zlib.DEFLATED, -15), bytes(1 << 24), [], 0
            for _ in range(GiB // len(chunk)):
                parts.append(packer.compress(chunk))
                crc = zlib.crc32(chunk, crc)
            self._bomb = (b"".join([*parts, packer.flush()]), crc)
        return self._bomb

    def bomb(self, name: str, member: str, replace=None, drop=(), declared: int = GiB) -> Path:
        """The backup plus `member`: 1 GiB of zeros (written stored, then marked deflated)."""
        data, crc = self.gigabyte()
        replace = replace or {}
        items = [(n, replace.get(n, d)) for n, d in self.members.items() if n not in drop and n != member]
        path = self.folder / name
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
            for n, d in items:
                z.writestr(n, d)
            info = zipfile.ZipInfo(member)
            z.writestr(info, data, compress_type=zipfile.ZIP_STORED)
        _patch(path, member, 10, "<H", zipfile.ZIP_DEFLATED)
        _patch(path, member, 16, "<L", crc)
        return _patch(path, member, 24, "<L", declared)


def _tampered_tree(models: Path, artifact: str) -> bytes:
    """The tree model file of the store, one child index pointing far outside the tree."""
    import numpy as np
    import skops.io as sio

    data = (models / artifact).read_bytes()
    payload = sio.loads(data, trusted=sio.get_untrusted_types(data=data))  # our own file
    estimator = payload["estimator"]
    final = estimator.steps[-1][1] if hasattr(estimator, "steps") else estimator
    state = final.tree_.__getstate__()
    nodes = state["nodes"].copy()
    inner = np.flatnonzero(nodes["left_child"] != -1)
    nodes["right_child"][inner[-1]] = 10**9
    final.tree_.__setstate__(dict(state, nodes=nodes))
    return sio.dumps(payload, compression=zipfile.ZIP_DEFLATED)


def _function_transformer() -> bytes:
    """A skops file naming a dangerous type: FunctionTransformer around os.system."""
    import numpy as np
    import skops.io as sio
    from sklearn.preprocessing import FunctionTransformer

    payload = {"estimator": FunctionTransformer(os.system), "y_train": np.zeros(3, dtype=np.int8)}
    return sio.dumps(payload, compression=zipfile.ZIP_DEFLATED)


def cases(forge: Forge, work: Path, quick: bool) -> list[Case]:
    marker = work / "markers"
    marker.mkdir(exist_ok=True)
    absolute = Path(tempfile.gettempdir()) / f"iris-archives-evil-{os.getpid()}"
    v1, tree = min(forge.arts), forge.active
    out = [
        Case("a member named ../evil", forge.plain("up.zip", add=[("../evil-up", b"evil")]), "refused"),
        Case("models/../../evil", forge.plain("up2.zip", add=[("models/../../evil-up2.skops", b"PK")]), "refused"),
        Case("an absolute member name", forge.plain("abs.zip", add=[(str(absolute), b"evil")]), "refused"),
        Case(
            "1 GiB of zeros in a 1 MB zip as models/zzz.joblib, unreferenced",
            forge.bomb("bomb-free.zip", "models/zzz.joblib"),
            "refused",
            bomb=True,
        ),
    ]
    out += [
        Case(
            "a pickle writing a marker, its hash in the registry, as a .joblib file",
            forge.forged_model("pickle-joblib.zip", tree, "evil.joblib", pickle.dumps(Evil(marker / "joblib"))),
            "legacy",
            marker / "joblib",
        ),
        Case(
            "the same pickle under a .skops name",
            forge.forged_model("pickle-skops.zip", tree, "evil.skops", pickle.dumps(Evil(marker / "skops"))),
            "loaded",
            marker / "skops",
        ),
        Case(
            "a skops file of FunctionTransformer(os.system), its hash in the registry",
            forge.forged_model("function.zip", tree, "function.skops", _function_transformer()),
            "loaded",
        ),
        Case(
            "a tree model whose child index points outside the tree",
            forge.forged_model("tree.zip", tree, "tree.skops", _tampered_tree(forge.base / "models", forge.art(tree))),
            "loaded",
        ),
    ]
    if quick:
        return out
    referenced = forge.database("UPDATE models SET artifact = 'zzz.skops' WHERE version = ?", params=(v1,))
    link = zipfile.ZipInfo(f"models/{forge.art()}")
    link.external_attr = 0o120777 << 16
    out += [
        Case(
            "1 GiB of zeros in a 1 MB zip as a model file the registry names",
            forge.bomb("bomb-named.zip", "models/zzz.skops", {DB_NAME: referenced}, (f"models/{forge.art(v1)}",)),
            "refused",
            bomb=True,
        ),
        Case("1 GiB of zeros as the database", forge.bomb("bomb-db.zip", DB_NAME), "refused", bomb=True),
        Case(
            "1 GiB of zeros as the database, its header saying 200 MiB",
            forge.bomb("bomb-liar.zip", DB_NAME, declared=200 << 20),
            "refused",
            bomb=True,
        ),
        Case(
            "a model file compressed 1,000 to 1",
            forge.plain("ratio.zip", replace={f"models/{forge.art()}": bytes(32 << 20)}, level=9),
            "refused",
        ),
        Case(
            "a symbolic link under the active model's name",
            forge.plain("link.zip", drop=(f"models/{forge.art()}",), add=[(link, b"/etc/passwd")]),
            "refused",
        ),
        Case("the manifest twice", forge.plain("twice.zip", add=[("manifest.json", b"{}")]), "refused"),
        Case(
            "a model file twice",
            forge.plain("twice2.zip", add=[(f"models/{forge.art()}", forge.members[f"models/{forge.art()}"])]),
            "refused",
        ),
        Case(
            "more members than a backup may hold (10,005)",
            forge.plain("many.zip", add=[(f"models/m{i}.skops", b"") for i in range(10_001)]),
            "refused",
        ),
        Case("a folder member", forge.plain("folder.zip", add=[("models/", b"")]), "refused"),
        Case("a backslash in a name", forge.plain("slash.zip", add=[("models\\x.skops", b"PK")]), "refused"),
        Case(
            "an encrypted member",
            _patch(forge.plain("locked.zip"), f"models/{forge.art()}", 8, "<H", 1),
            "refused",
        ),
        Case(
            "a member the registry does not name", forge.plain("extra.zip", add=[("models/x.skops", b"PK")]), "refused"
        ),
        Case("a zip cut in half", _cut(forge.good, forge.folder / "cut.zip"), "refused"),
    ]
    return out


def _cut(good: Path, dest: Path) -> Path:
    dest.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    return dest


# ---- the family ---------------------------------------------------------------------------


def run(work: Path, seed: int, quick: bool, workers: int) -> Tally:
    tally = Tally("archives")
    base, good = work / "base", work / "good.zip"
    built = [
        cli(base, "catch-up", "--today", TODAY, timeout=120),
        cli(base, "train", "--algorithm", "tree", timeout=120),
        cli(base, "backup", good, timeout=60),
    ]
    if not tally.trial("build the base store and its backup", built, check_store(base)):
        return tally
    forge = Forge(work / "archives", good, base)
    found = cases(forge, work, quick)
    setup = f"a store made by `catch-up --today {TODAY}` and `train --algorithm tree`, its backup altered"
    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(lambda ic: guarded(tally, ic[1].name, _trial, tally, work, base, *ic, setup), enumerate(found)))
    tally.say(f"{len(found)} hostile archives restored with `restore ARCHIVE --yes`")
    for key in sorted(tally.notes):
        tally.say(f"{key}: {tally.notes[key]}")
    return tally


def _files(d: Path) -> dict[str, str]:
    """Every file of the data folder with its SHA-256, but the live database (compared by
    its rows) and SQLite's -wal/-shm (by name: reading a store may make them)."""
    out = {}
    for p in sorted(d.rglob("*")):
        if p.is_file() and not p.name.endswith(("-wal", "-shm")):
            out[str(p.relative_to(d))] = "" if p.name == DB_NAME else _sha(p.read_bytes())
    return out


def _trial(tally: Tally, work: Path, base: Path, i: int, case: Case, setup: str) -> None:
    d = copy_store(base, work / f"case-{i}")
    before, files = dump(d, TABLES), _files(d)
    joblibs = set((d / "models").glob("*.joblib"))
    r = cli(d, "restore", case.path, "--yes", timeout=SLOW)
    runs, problems = [r], []
    if case.kind == "refused":
        if r.rc != 2:
            problems.append(f"restore exited {r.rc}, expected 2 (refused)")
        if r.rc == 2 and (dump(d, TABLES) != before or _files(d) != files):
            problems.append("the store changed although the restore was refused")
    elif r.rc == 0:
        tally.note(f"restored, then refused at load ({case.kind})" if case.kind == "loaded" else "restored (legacy)")
        p = cli(d, *PREDICT, timeout=SLOW)
        runs.append(p)
        if p.rc != 2 and not (case.kind == "legacy" and p.rc == 0):
            problems.append(f"predict after restoring it exited {p.rc}, expected 2 (the model refused)")
    else:
        tally.note("refused at restore" + (" (legacy)" if case.kind == "legacy" else ""))
        if dump(d, TABLES) != before or _files(d) != files:
            problems.append("the store changed although the restore was refused")
    if case.bomb and r.seconds > BOMB_SECONDS:
        problems.append(f"refusing a zip bomb took {r.seconds:.1f} s (at most {BOMB_SECONDS:g})")
    if case.marker is not None and case.marker.exists():
        problems.append(f"the marker file {case.marker.name} was written: the archive's code ran")
    new_joblibs = set((d / "models").glob("*.joblib")) - joblibs
    if new_joblibs:
        problems.append(f"an archive's .joblib file was written into models/: {sorted(p.name for p in new_joblibs)}")
    escaped = [p for p in work.rglob("evil-*") if p.parent != work / "archives"]
    escaped += list(Path(tempfile.gettempdir()).glob("iris-archives-evil-*"))
    if escaped:
        problems.append(f"written outside the data folder: {sorted(map(str, escaped))}")
    legacy = case.kind == "legacy" and r.rc == 0
    problems += [p for p in check_store(d) if not (legacy and "has no file" in p)]
    tally.trial(case.name, runs, problems, setup=setup, blame=r)
