"""The Debian package, made from the Linux bundle with dpkg-deb (no network, no root):

    /opt/iris-desktop/                      the bundle, as `make bundle` made it
    /usr/bin/iris-desktop                   a relative link to /opt/iris-desktop/iris-desktop
    /usr/share/applications/APP_ID.desktop  the app's own desktop entry (resources/)
    /usr/share/icons/hicolor/*/apps/        the icon: scalable and 16-512 px
    /usr/share/metainfo/APP_ID.metainfo.xml what software centres show (packaging/linux/)
    DEBIAN/control, md5sums, postrm

Depends come from the bundle's own ELF files (deb_depends.py). Removing or purging the
package removes these files only: each user's data folder (~/.local/share/iris-desktop)
is theirs, and a newer version migrates it on first start, after a backup, as always.

    python packaging/deb.py [--bundle dist/iris-desktop] [--out dist] [--fast]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import deb_depends

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from iris_desktop import APP_ID, APP_NAME, __version__, desktop_entry  # noqa: E402

METAINFO = ROOT / "packaging" / "linux" / f"{APP_ID}.metainfo.xml"
RESOURCES = ROOT / "resources"
PREFIX = Path("opt") / APP_NAME
LAUNCHER = Path("usr") / "bin" / APP_NAME
DESCRIPTION = """\
Learn the machine-learning pipeline pattern on the Iris data, offline
 Iris Desktop is the "serverless ML" Iris lab as one desktop app: a feature
 pipeline, a training pipeline, batch inference and a monitor, all on your
 machine. No hosted feature store, no scheduler, no account.
 .
 Each user's data stays in their own data folder; removing the package
 leaves it there."""

# The one thing a maintainer script could do wrong here is reach into a home folder: it
# must not (a user's data is never the package's), so it does nothing but say so.
POSTRM = """\
#!/bin/sh
# Iris Desktop keeps each user's data (flowers, models, backups) in that user's own
# data folder. Removing or purging the package never touches it: dpkg removes the
# package's own files, and the desktop and icon caches follow through their triggers.
set -e
exit 0
"""


def architecture() -> str:
    """dpkg's name for this machine's architecture (amd64, arm64)."""
    dpkg = shutil.which("dpkg")
    if dpkg:
        return subprocess.run([dpkg, "--print-architecture"], capture_output=True, text=True, check=True).stdout.strip()
    return {"x86_64": "amd64", "aarch64": "arm64"}.get(platform.machine(), platform.machine())


def _tree_kib(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_dir()) // 1024 + 1


def stage(bundle: Path, root: Path) -> None:
    """Lay the package's files out under `root`."""
    shutil.copytree(bundle, root / PREFIX, symlinks=True)
    (root / LAUNCHER).parent.mkdir(parents=True)
    os.symlink(os.path.relpath(root / PREFIX / APP_NAME, (root / LAUNCHER).parent), root / LAUNCHER)
    share = root / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    (share / "applications" / f"{APP_ID}.desktop").write_text(desktop_entry.entry_text([APP_NAME]), encoding="utf-8")
    (share / "metainfo").mkdir(parents=True)
    shutil.copyfile(METAINFO, share / "metainfo" / METAINFO.name)
    icons = {None: RESOURCES / "iris-desktop.svg"}
    icons.update({size: RESOURCES / "icons" / f"iris-desktop-{size}.png" for size in desktop_entry.ICON_SIZES})
    for size, source in icons.items():
        folder = share / "icons" / "hicolor" / ("scalable" if size is None else f"{size}x{size}") / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, folder / f"{APP_ID}{source.suffix}")


def control(root: Path, version: str) -> str:
    return (
        f"Package: {APP_NAME}\n"
        f"Version: {version}\n"
        f"Architecture: {architecture()}\n"
        "Maintainer: Iris Desktop developers <iris-desktop@users.noreply.github.com>\n"
        f"Installed-Size: {_tree_kib(root)}\n"
        f"Depends: {deb_depends.depends(root / PREFIX)}\n"
        "Section: education\n"
        "Priority: optional\n"
        "Homepage: https://github.com/irisdesktop/iris-desktop\n"
        f"Description: {DESCRIPTION}\n"
    )


def _md5sums(root: Path) -> str:
    lines = []
    for path in sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink()):
        digest = hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest()
        lines.append(f"{digest}  {path.relative_to(root).as_posix()}")
    return "\n".join(lines) + "\n"


def _normalise_modes(root: Path) -> None:
    """0755 folders and executables, 0644 the rest (the build may have left others)."""
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        executable = path.is_dir() or path.stat().st_mode & 0o111
        path.chmod(0o755 if executable else 0o644)


def build(bundle: Path, out: Path, fast: bool = False, version: str = __version__) -> Path:
    """dist/iris-desktop_VERSION_ARCH.deb from the bundle folder. `fast`: gzip -1 instead
    of xz (tests: seconds instead of a minute; the files are the same). `version`: the
    app's, unless a test makes a newer package of the same files."""
    if not (bundle / APP_NAME).is_file():
        raise SystemExit(f"no bundle at {bundle}: run `make bundle` first")
    dpkg_deb = shutil.which("dpkg-deb")
    if dpkg_deb is None:
        raise SystemExit("dpkg-deb is needed (Debian/Ubuntu: apt-get install dpkg)")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="deb-", dir=out) as work:
        root = Path(work) / "root"
        stage(bundle, root)
        debian = root / "DEBIAN"
        debian.mkdir()
        (debian / "md5sums").write_text(_md5sums(root), encoding="utf-8")
        (debian / "control").write_text(control(root, version), encoding="utf-8")
        (debian / "postrm").write_text(POSTRM, encoding="utf-8")
        _normalise_modes(root)
        (debian / "postrm").chmod(0o755)
        target = out / f"{APP_NAME}_{version}_{architecture()}.deb"
        compression = ["-Zgzip", "-z1"] if fast else ["-Zxz"]
        subprocess.run([dpkg_deb, "--root-owner-group", *compression, "--build", str(root), str(target)], check=True)
    return target


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / APP_NAME)
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    parser.add_argument("--fast", action="store_true", help="gzip -1 instead of xz")
    args = parser.parse_args(argv)
    print(build(args.bundle, args.out, args.fast))


if __name__ == "__main__":
    main(sys.argv[1:])
