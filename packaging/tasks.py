"""The development tasks on every system. The Makefile calls this script on Linux and
macOS; on Windows (no make, no POSIX shell) run it directly:

    python packaging/tasks.py test          (Windows: py packaging\\tasks.py test)

Tasks: run [ARGS...], test [PYTEST ARGS...], lint, bench, reliability, screenshots,
bundle, self-test, deb, zip, dmg, dist, translations, clean. Each makes the virtual environment in .venv/
first (bin/ on POSIX,
Scripts\\ on Windows) and installs the project into it, editable, again whenever
pyproject.toml is newer than the last install. Only the standard library is used here:
this runs under whichever Python created the environment.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
WINDOWS = os.name == "nt"
BIN = VENV / ("Scripts" if WINDOWS else "bin")
PYPROJECT = ROOT / "pyproject.toml"


def tool(name: str) -> Path:
    """An executable of the virtual environment (`python`, `ruff`, ...)."""
    return BIN / (f"{name}.exe" if WINDOWS else name)


def sh(*args: object, env: dict[str, str] | None = None) -> None:
    """Run a command in the repository; a failure ends the task with its exit code."""
    argv = [str(a) for a in args]
    print("+ " + " ".join(argv), flush=True)
    code = subprocess.call(argv, cwd=ROOT, env=env)
    if code:
        raise SystemExit(code)


def venv(test: bool = False) -> None:
    """.venv with the project (and, with `test`, its test extras), installed again when
    pyproject.toml changed (what the Makefile's stamps did); the translations compiled."""
    if not tool("python").exists():
        sh(sys.executable, "-m", "venv", VENV)
        sh(tool("python"), "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    stamp = VENV / (".installed-test" if test else ".installed")
    if not stamp.exists() or stamp.stat().st_mtime < PYPROJECT.stat().st_mtime:
        sh(tool("python"), "-m", "pip", "install", "--quiet", "-e", ".[test]" if test else ".")
        stamp.touch()
        if test:
            (VENV / ".installed").touch()  # the test install includes the plain one
    compile_translations()  # the app's catalogues are build output, made here for every task


TRANSLATIONS = ROOT / "resources" / "translations"


def compile_translations() -> None:
    """resources/translations/*.ts -> .qm (what the app loads), with the pyside6-lrelease
    of the .venv; only the ones whose .ts is newer. The .qm files are build output."""
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            sh(tool("pyside6-lrelease"), "-silent", ts, "-qm", qm)


def translations(*_args: str) -> None:
    """Bring the .ts files up to date with the code (pyside6-lupdate): new strings come in
    unfinished, removed ones go; English keeps only its plural forms, spelled out here
    (packaging/ts_files.py). Says what Swedish still lacks."""
    import ts_files

    venv()
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "iris_desktop" / "ui").rglob("*.py"))
    for language, extra in (("sv", []), ("en", ["-pluralonly"])):
        ts = TRANSLATIONS / f"iris_desktop_{language}.ts"
        options = [*extra, "-no-obsolete", "-locations", "none", "-target-language", language]
        sh(tool("pyside6-lupdate"), *options, *sources, "-ts", ts)
    ts_files.english_plurals(TRANSLATIONS / "iris_desktop_en.ts")
    compile_translations()
    todo = ts_files.unfinished(TRANSLATIONS / "iris_desktop_sv.ts")
    print(f"Swedish: {len(todo)} message(s) to translate" + "".join(f"\n  {s!r}" for s in todo[:20]))


def offscreen_env() -> dict[str, str]:
    """The environment of headless Qt: the offscreen platform, which on Windows does not
    find the system's fonts by itself."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if WINDOWS:
        env.setdefault("QT_QPA_FONTDIR", str(Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"))
    return env


def qt_ready() -> None:
    """Qt must start offscreen. PySide6's wheels bring Qt, but on Linux it needs a few
    system libraries, which packaging/qt-system-libs.sh installs when it can."""
    check = [str(tool("python")), "-c", "from PySide6.QtWidgets import QApplication; QApplication(['x'])"]
    if subprocess.call(check, cwd=ROOT, env=offscreen_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) == 0:
        return
    if sys.platform.startswith("linux"):
        sh("bash", ROOT / "packaging" / "qt-system-libs.sh", env=dict(os.environ, PY=str(tool("python"))))
        return
    raise SystemExit(f"Qt cannot start offscreen on {sys.platform}: reinstall PySide6 into {VENV}")


def deb_tools() -> None:
    """Linux: dpkg-deb and the validators the Debian package's tests run (desktop entry,
    AppStream metainfo), installed when they can be (root + apt-get); without them those
    tests say so and skip."""
    missing = [pkg for cmd, pkg in DEB_TOOLS.items() if shutil.which(cmd) is None]
    if not missing or not sys.platform.startswith("linux"):
        return
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        try:  # a machine without the package mirrors still runs every other test
            sh("apt-get", "update", "-qq", env=env)
            sh("apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing, env=env)
            return
        except SystemExit:
            pass
    print(f"note: the Debian package's tests skip without: {' '.join(missing)}", flush=True)


DEB_TOOLS = {"dpkg-deb": "dpkg", "desktop-file-validate": "desktop-file-utils", "appstreamcli": "appstream"}


def lint(*_args: str) -> None:
    """Style and bugs (ruff), types (mypy, also as on Windows), layers (import-linter)."""
    venv(test=True)
    sh(tool("ruff"), "check", ".")
    sh(tool("ruff"), "format", "--check", ".")
    sh(tool("mypy"))
    if not WINDOWS:  # typeshed has Windows' own os, signal...: the types must hold there too
        sh(tool("mypy"), "--platform", "win32")
    sh(tool("lint-imports"), "--no-cache")


def test(*args: str) -> None:
    """The static checks, then the whole suite headless (pytest ARGS narrow it)."""
    lint()
    qt_ready()
    deb_tools()
    sh(tool("python"), "-m", "pytest", "-q", *args, env=offscreen_env())


def run(*args: str) -> None:
    """The app (with ARGS, e.g. --data-dir /tmp/lab)."""
    venv()
    sh(tool("python"), "-m", "iris_desktop", *args)


def bench(*_args: str) -> None:
    venv(test=True)
    for script in sorted((ROOT / "tests" / "bench").glob("bench_*.py")):
        sh(tool("python"), script, env=offscreen_env())


def reliability(*args: str) -> None:
    """Real CLI processes killed, run side by side, on damaged stores and hostile input
    (POSIX: it kills with signals); about 4 minutes on 2 cores. Not part of `test`."""
    venv(test=True)
    sh(tool("python"), ROOT / "tests" / "reliability" / "campaign.py", *args, env=offscreen_env())


def screenshots(*_args: str) -> None:
    """The README's pictures, from the real app on a demo store (fixed seed and date): at
    100 % in resources/screenshots/, and at 200 % (QT_SCALE_FACTOR=2) in its hidpi/."""
    venv(test=True)
    qt_ready()
    sh(tool("python"), ROOT / "packaging" / "screenshots.py", env=offscreen_env())
    sh(tool("python"), ROOT / "packaging" / "screenshots.py", "--scale", "2", env=offscreen_env())


def bundle(*_args: str) -> None:
    """The one-folder PyInstaller bundle in dist/iris-desktop/ (macOS: also the .app)."""
    venv(test=True)
    sh(tool("python"), "-m", "PyInstaller", "--noconfirm", "--clean", ROOT / "packaging" / "iris-desktop.spec")


BUNDLE = ROOT / "dist" / "iris-desktop"


def _bundle_exe(windowed: bool = True) -> Path:
    return BUNDLE / (("iris-desktop.exe" if windowed else "iris-desktop-cli.exe") if WINDOWS else "iris-desktop")


def current_bundle() -> None:
    """Build the bundle unless dist/ has one newer than every source file."""
    sources = [*ROOT.glob("iris_desktop/**/*.py"), *ROOT.glob("packaging/**/*"), *ROOT.glob("resources/**/*")]
    exe = _bundle_exe()
    if not exe.is_file() or exe.stat().st_mtime < max(p.stat().st_mtime for p in sources if p.is_file()):
        bundle()


def self_test(*_args: str) -> None:
    """The bundle's own check, as a user's machine runs it: a first run, a catch-up and
    every tab shown and painted, offscreen; the verdict also in dist/self-test.txt (a
    windowed Windows or macOS build has no stdout)."""
    current_bundle()
    verdict = ROOT / "dist" / "self-test.txt"
    env = offscreen_env()
    env.pop("IRIS_DESKTOP_DATA_DIR", None)
    code = subprocess.call([str(_bundle_exe()), "--self-test", "--self-test-output", str(verdict)], cwd=ROOT, env=env)
    print(verdict.read_text(encoding="utf-8").strip() if verdict.exists() else "self-test: no verdict written")
    if code:
        raise SystemExit(code)


def deb(*args: str) -> None:
    """Linux: dist/iris-desktop_VERSION_ARCH.deb from the bundle (packaging/deb.py; --fast:
    gzip instead of xz)."""
    current_bundle()
    sh(tool("python"), ROOT / "packaging" / "deb.py", "--bundle", BUNDLE, "--out", ROOT / "dist", *args)


def _version() -> str:
    text = (ROOT / "iris_desktop" / "__init__.py").read_text(encoding="utf-8")
    return text.split('__version__ = "', 1)[1].split('"', 1)[0]


def zip_bundle(*_args: str) -> None:
    """dist/iris-desktop-VERSION-SYSTEM.zip of the bundle folder (the Windows download)."""
    current_bundle()
    system = {"nt": "windows"}.get(os.name, sys.platform)
    name = ROOT / "dist" / f"iris-desktop-{_version()}-{system}"
    print(shutil.make_archive(str(name), "zip", BUNDLE.parent, BUNDLE.name))


def dmg(*_args: str) -> None:
    """macOS: `Iris Desktop.app`, signed ad hoc (no developer identity: Gatekeeper still
    asks once), in dist/Iris-Desktop-VERSION.dmg with a link to /Applications."""
    if sys.platform != "darwin":
        raise SystemExit("dmg: hdiutil and codesign exist on macOS only")
    current_bundle()
    app = ROOT / "dist" / "Iris Desktop.app"
    sh("codesign", "--force", "--deep", "--sign", "-", app)
    sh("codesign", "--verify", "--deep", "--strict", app)
    staging = ROOT / "build" / "dmg"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    sh("ditto", app, staging / app.name)  # ditto keeps the signature's extended attributes
    os.symlink("/Applications", staging / "Applications")
    image = ROOT / "dist" / f"Iris-Desktop-{_version()}.dmg"
    sh("hdiutil", "create", "-volname", "Iris Desktop", "-srcfolder", staging, "-ov", "-format", "UDZO", image)
    sh("hdiutil", "verify", image)


def dist(*_args: str) -> None:
    """The wheel and the sdist in dist/ (python -m build: the sdist, then the wheel built
    from it), checked by twine."""
    venv(test=True)
    for old in [*ROOT.glob("dist/*.whl"), *ROOT.glob("dist/*.tar.gz")]:
        old.unlink()
    sh(tool("python"), "-m", "build", "--outdir", ROOT / "dist", ROOT)
    sh(tool("python"), "-m", "twine", "check", "--strict", *ROOT.glob("dist/*.whl"), *ROOT.glob("dist/*.tar.gz"))


def clean(*_args: str) -> None:
    for name in (".venv", "build", "dist", ".pytest_cache", *[p.name for p in ROOT.glob("*.egg-info")]):
        shutil.rmtree(ROOT / name, ignore_errors=True)


TASKS = {
    f.__name__.replace("_", "-"): f
    for f in (
        run,
        test,
        lint,
        bench,
        reliability,
        screenshots,
        bundle,
        self_test,
        deb,
        zip_bundle,
        dmg,
        dist,
        translations,
        clean,
    )
}
TASKS["zip"] = TASKS.pop("zip-bundle")  # `zip` would hide the built-in


def main(argv: list[str]) -> None:
    if not argv or argv[0] not in TASKS:
        raise SystemExit(__doc__ + f"\nunknown task: {argv[0]}" if argv else __doc__)
    TASKS[argv[0]](*argv[1:])


if __name__ == "__main__":
    main(sys.argv[1:])
