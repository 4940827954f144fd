"""The one-folder bundle: its size, what fills it, and its start-up time against the
source tree, measured in one run.

Builds the bundle into dist/ as `make bundle` does, unless dist/iris-desktop is newer
than every source file (--rebuild forces a build, --bundle DIR measures another one).
Prints what each dependency costs in the bundle (its folders, its .libs, and its
compressed modules inside the executable), the ten largest parts (top-level folders and
files), then `bundle_mib: X` (as `du -sm` counts) and the median `--quit-after-startup`
time of the bundle and of `python -m iris_desktop`, runs alternating, as
`bundle_startup_ratio: Y`. Goals: X <= 250 (moonshot 200), Y <= 1.0.
Run: python tests/bench/bench_bundle.py [--reps N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
SPEC = ROOT / "packaging" / "iris-desktop.spec"
EXE_NAME = "iris-desktop.exe" if os.name == "nt" else "iris-desktop"


def newest_source() -> float:
    files = [*ROOT.glob("iris_desktop/**/*.py"), *ROOT.glob("packaging/*"), *ROOT.glob("resources/**/*")]
    return max(p.stat().st_mtime for p in files if p.is_file())


def build(dist: Path) -> None:
    print("building the bundle (about two minutes)...", flush=True)
    start = time.perf_counter()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(ROOT / "build"),
            str(SPEC),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"the build failed:\n{done.stderr[-4000:]}")
    print(f"built in {time.perf_counter() - start:.0f} s")


def disk_bytes(path: Path) -> int:
    """Bytes on disk as `du` counts them (blocks; a symbolic link counts as itself)."""

    def size(p: Path) -> int:
        st = p.lstat()
        return st.st_blocks * 512 if hasattr(st, "st_blocks") else st.st_size

    if path.is_symlink() or path.is_file():
        return size(path)
    return size(path) + sum(size(p) for p in path.rglob("*"))


def largest_parts(bundle: Path, count: int = 10) -> list[tuple[int, str, str]]:
    """(bytes, part, its largest file) of the bundle's top-level folders and files."""
    internal = bundle / "_internal"
    entries = [*internal.iterdir(), *(p for p in bundle.iterdir() if p != internal)]
    parts = []
    for entry in entries:
        files = [p for p in ([entry] if entry.is_file() else entry.rglob("*")) if p.is_file() and not p.is_symlink()]
        if not files:
            continue
        biggest = max(files, key=lambda p: p.stat().st_size)
        if biggest != entry:
            note = f"largest: {biggest.relative_to(entry)} {biggest.stat().st_size / 2**20:.1f} MiB"
        else:
            note = "the Python modules (compressed) and the launcher" if entry.name == EXE_NAME else ""
        parts.append((disk_bytes(entry), entry.name, note))
    return sorted(parts, reverse=True)[:count]


def _package_of(entry: str) -> str:
    """'scipy.libs' -> 'scipy', 'scikit_learn.libs' -> 'sklearn', 'numpy-2.4.dist-info' ->
    'numpy', 'python3.11' -> 'python', a top-level library -> 'libraries (interpreter's)'."""
    name = entry.split(".libs")[0].split("-")[0] if not entry.startswith("lib") else entry
    name = {"scikit_learn": "sklearn", "base_library.zip": "python"}.get(name, name)
    if name.startswith("python3") or name.startswith("libpython"):
        return "python"
    return "libraries (interpreter's)" if name.startswith("lib") else name


def package_costs(bundle: Path) -> dict[str, tuple[int, int]]:
    """{package: (bytes on disk, of which compressed modules in the executable)}."""
    costs: dict[str, list[int]] = {}
    internal = bundle / "_internal"
    for entry in internal.iterdir():
        if not entry.is_symlink():
            costs.setdefault(_package_of(entry.name), [0, 0])[0] += disk_bytes(entry)
    exe = bundle / EXE_NAME
    costs.setdefault("launcher", [0, 0])[0] += disk_bytes(exe)
    try:
        from PyInstaller.archive.readers import CArchiveReader, ZlibArchiveReader
    except ImportError:
        return {k: (v[0], v[1]) for k, v in costs.items()}
    carchive = CArchiveReader(str(exe))
    pyz_name = next(name for name in carchive.toc if name.endswith(".pyz"))
    with tempfile.TemporaryDirectory() as folder:
        pyz_path = Path(folder) / pyz_name
        pyz_path.write_bytes(carchive.extract(pyz_name))
        for module, (_kind, _offset, length) in ZlibArchiveReader(str(pyz_path)).toc.items():
            top = module.split(".")[0]
            package = "python" if top in sys.stdlib_module_names else _package_of(top)
            costs.setdefault(package, [0, 0])[0] += length
            costs[package][1] += length
            costs["launcher"][0] -= length
    return {k: (v[0], v[1]) for k, v in costs.items()}


def make_data_dir(folder: Path) -> None:
    """A store as a user has it after the first run: 150 flowers, a model, 30 days."""
    from iris_desktop.pipelines.operations import first_run
    from iris_desktop.store import Store

    with Store.open(folder / "iris.sqlite3", folder / "models") as store:
        first_run(store, today=dt.date.today() - dt.timedelta(days=30))
        store.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def timed(cmd: list[str], env: dict) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {done.stderr.decode()[-2000:]}")
    return wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, help="measure this bundle folder (no build)")
    parser.add_argument("--rebuild", action="store_true", help="build even if dist/ is up to date")
    parser.add_argument("--reps", type=int, default=7)
    args = parser.parse_args()

    bundle = args.bundle or ROOT / "dist" / "iris-desktop"
    if args.bundle is None:
        exe = bundle / EXE_NAME
        if args.rebuild or not exe.is_file() or exe.stat().st_mtime < newest_source():
            build(bundle.parent)
        else:
            print(f"reusing {bundle} (newer than the sources; --rebuild builds it again)")
    exe = bundle / EXE_NAME

    print("cost by package (MiB on disk, of which compressed modules in the executable):")
    for package, (size, modules) in sorted(package_costs(bundle).items(), key=lambda item: -item[1][0]):
        if size >= 2**18:
            print(f"  {size / 2**20:7.1f}  {modules / 2**20:5.1f}  {package}")
    print("ten largest parts:")
    for size, name, note in largest_parts(bundle):
        print(f"  {size / 2**20:7.1f} MiB  {name:34} {note}")
    print(f"bundle_mib: {disk_bytes(bundle) / 2**20:.1f}")

    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env.pop("IRIS_DESKTOP_DATA_DIR", None)
    work = Path(tempfile.mkdtemp(prefix="bench-bundle-"))
    try:
        make_data_dir(work / "template")
        runs: dict[str, list[float]] = {"bundle": [], "source": []}
        commands = {"bundle": [str(exe)], "source": [sys.executable, "-m", "iris_desktop"]}
        for i in range(args.reps + 1):  # the first round warms the file cache and is dropped
            for key, command in commands.items():
                data = work / f"{key}-{i}"
                shutil.copytree(work / "template", data)
                wall = timed([*command, "--data-dir", str(data), "--quit-after-startup"], env)
                if i:
                    runs[key].append(wall)
        med = {key: statistics.median(values) for key, values in runs.items()}
        for key, value in med.items():
            print(f"{key:7} --quit-after-startup median {value * 1000:6.0f} ms")
        print(f"bundle_startup_ratio: {med['bundle'] / med['source']:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
