"""The Debian package (packaging/deb.py) made from the session's bundle: its files in a
throwaway root (dpkg-deb -x), the desktop entry and metainfo through their validators,
the payload's launcher through the self-test, Depends against the system's own
package names, and a real install, upgrade and purge with `dpkg --root` next to a
user's data folder, which must come out untouched."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from iris_desktop import APP_ID, __version__
from tests.packaging.helpers import ROOT, run

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not sys.platform.startswith("linux") or shutil.which("dpkg-deb") is None,
        reason="Debian packages are built on Linux with dpkg-deb (make test installs it where it can)",
    ),
]
METAINFO = ROOT / "packaging" / "linux" / f"{APP_ID}.metainfo.xml"


@pytest.fixture(scope="module")
def deb(bundle, tmp_path_factory) -> Path:
    from tests.packaging.helpers import packaging_module

    return packaging_module("deb").build(bundle.parent, tmp_path_factory.mktemp("deb"), fast=True)


@pytest.fixture(scope="module")
def unpacked(deb, tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("root")
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    return root


def _field(deb: Path, name: str) -> str:
    return subprocess.run(["dpkg-deb", "-f", str(deb), name], capture_output=True, text=True, check=True).stdout.strip()


def _validator(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (make test installs it on Debian/Ubuntu when run as root)")
    return path


def test_the_package_lays_out_the_app_its_launcher_menu_entry_and_icons(deb, unpacked):
    assert deb.name.startswith(f"iris-desktop_{__version__}_")
    launcher = unpacked / "usr" / "bin" / "iris-desktop"
    assert launcher.is_symlink() and not os.path.isabs(os.readlink(launcher))  # works under any root
    assert launcher.resolve() == (unpacked / "opt" / "iris-desktop" / "iris-desktop").resolve()
    icons = unpacked / "usr" / "share" / "icons" / "hicolor"
    assert (icons / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    for size in (48, 128, 256):
        assert (icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file(), size
    assert not (unpacked / "home").exists() and not (unpacked / "root").exists()


def test_the_desktop_entry_validates_and_starts_the_launcher_on_path(unpacked):
    entry = unpacked / "usr" / "share" / "applications" / f"{APP_ID}.desktop"
    checked = subprocess.run([_validator("desktop-file-validate"), str(entry)], capture_output=True, text=True)
    assert checked.returncode == 0 and not checked.stdout.strip(), checked.stdout + checked.stderr
    lines = entry.read_text(encoding="utf-8").splitlines()
    assert "Exec=iris-desktop" in lines and "TryExec=iris-desktop" in lines and f"Icon={APP_ID}" in lines


def test_the_metainfo_validates_with_this_versions_release_and_real_screenshots(unpacked):
    installed = unpacked / "usr" / "share" / "metainfo" / f"{APP_ID}.metainfo.xml"
    assert installed.read_bytes() == METAINFO.read_bytes()
    checked = subprocess.run(
        [_validator("appstreamcli"), "validate", "--no-net", str(installed)], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    component = ET.parse(installed).getroot()
    assert component.findtext("id") == APP_ID
    assert component.find("launchable").text == f"{APP_ID}.desktop"
    newest = component.find("releases/release")
    assert newest is not None and newest.get("version") == __version__ and newest.find("description") is not None
    images = [image.text or "" for image in component.iter("image")]
    assert images and component.find("screenshots/screenshot[@type='default']") is not None
    for url in images:  # each one a picture `make screenshots` made
        assert (ROOT / "resources" / "screenshots" / url.rsplit("/", 1)[1]).is_file(), url


def test_the_payloads_launcher_passes_the_self_test(unpacked, tmp_path):
    verdict = tmp_path / "verdict.txt"
    done = run(
        unpacked / "usr" / "bin" / "iris-desktop", "--self-test", "--self-test-output", str(verdict), cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr[-4000:]
    assert verdict.read_text(encoding="utf-8").startswith("self-test passed: ")


def test_depends_names_the_libraries_qt_takes_from_the_system(deb):
    depends = _field(deb, "Depends")
    assert re.match(r"libc6 \(>= 2\.\d+\), ", depends)
    packages = {alternative.strip().split(" ")[0] for item in depends.split(",") for alternative in item.split("|")}
    for xcb in ("libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxkbcommon-x11-0", "libx11-6"):
        assert xcb in packages, xcb  # what Qt's xcb platform plugin needs since Qt 6.5
    assert {"libfontconfig1", "libegl1", "libdbus-1-3", "libstdc++6"} <= packages


@pytest.mark.skipif(shutil.which("dpkg") is None or shutil.which("ldconfig") is None, reason="needs dpkg")
def test_each_installed_librarys_package_is_the_one_depends_names(bundle):
    """The naming rule in deb_depends.py against this system's own package database."""
    from tests.packaging.helpers import packaging_module

    deb_depends = packaging_module("deb_depends")
    sonames, _ = deb_depends.system_sonames(bundle.parent)
    cache = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    found = dict(re.findall(r"^\s+(\S+) \(libc6[^)]*\) => (\S+)$", cache, re.M))
    checked = 0
    for soname in sorted(sonames & found.keys()):
        owner = subprocess.run(["dpkg", "-S", os.path.realpath(found[soname])], capture_output=True, text=True)
        if owner.returncode != 0:
            continue  # not from a package (a library someone copied in)
        package = owner.stdout.split(":")[0]
        assert package in deb_depends.package_of(soname).split(" | "), soname
        checked += 1
    assert checked >= 5 or not found


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="dpkg installs as root")
def test_install_upgrade_and_purge_never_touch_a_users_data(deb, bundle, tmp_path):
    from tests.packaging.helpers import packaging_module

    newer = packaging_module("deb").build(bundle.parent, tmp_path / "newer", fast=True, version=f"{__version__}+1")
    root = tmp_path / "root"
    (root / "var" / "lib" / "dpkg" / "updates").mkdir(parents=True)
    (root / "var" / "lib" / "dpkg" / "info").mkdir()
    (root / "var" / "lib" / "dpkg" / "status").touch()

    def dpkg(*args: str) -> None:
        done = subprocess.run(
            ["dpkg", f"--root={root}", "--force-depends", "--force-script-chrootless", "--log=/dev/null", *args],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stdout + done.stderr

    home = root / "home" / "alice"
    env = {"HOME": str(home), "XDG_DATA_HOME": ""}  # the default data folder: ~/.local/share/...

    def cli(*args: str) -> subprocess.CompletedProcess:
        done = run(root / "usr" / "bin" / "iris-desktop", *args, cwd=tmp_path, **env)
        assert done.returncode == 0, done.stderr[-3000:]
        return done

    def data_state() -> dict[str, str]:
        files = sorted(p for p in (home / ".local" / "share").rglob("*") if p.is_file())
        return {str(p.relative_to(home)): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}

    dpkg("--install", str(deb))
    assert cli("backfill").stdout.startswith("Backfilled 150 flowers")
    before = data_state()
    assert any(name.endswith(".sqlite3") for name in before), before

    dpkg("--install", str(newer))  # an upgrade: dpkg runs the old postrm with "upgrade"
    assert data_state() == before
    assert "(150 in all)" in cli("info").stdout  # the newer files open the same store

    after_use = data_state()
    dpkg("--purge", "iris-desktop")
    assert not (root / "opt" / "iris-desktop").exists() and not (root / "usr" / "bin" / "iris-desktop").exists()
    assert data_state() == after_use
