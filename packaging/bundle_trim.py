"""What the bundle leaves out, and why; used by iris-desktop.spec.

Every exclusion here is of something the app never loads. The proof is the bundle's
own run (tests/packaging/test_bundle.py): `--self-test` shows every tab after a first
run and a catch-up, and the headless commands import a CSV, train every algorithm,
catch up, predict, explain a day and write the report. If you start importing one of
the modules below, take it off the list. On Linux the system's libraries stay the
system's (leave_system_libraries) and Qt's ICU data keeps English only (icu_data.py).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import elf_info
import icu_data

# Python modules (with their sub-modules) the analysis would otherwise follow into.
EXCLUDED_MODULES = [
    # Other GUI toolkits and developer tools
    "tkinter",
    "_tkinter",
    "matplotlib",
    "IPython",
    "PyQt5",
    "PyQt6",
    "PySide2",
    "pytest",
    "_pytest",
    "hypothesis",
    "pydoc_data",
    "lib2to3",
    "idlelib",
    "ensurepip",
    "readline",
    "curses",
    # An offline app: no TLS (OpenSSL's libraries are ~5 MB); hashlib then uses
    # Python's own md5/sha code, which is all joblib and the app need
    "ssl",
    "_ssl",
    "_hashlib",
    # rich (scikit-learn's progress display) imports these only to show code and Markdown
    "pygments",
    "markdown_it",
    "mdurl",
    # SciPy: the app and scikit-learn use linalg, sparse, spatial, special, optimize
    # and stats (with what stats needs: fft, integrate, interpolate, ndimage)
    "scipy.io",
    "scipy.signal",
    "scipy.cluster",
    "scipy.odr",
    "scipy.datasets",
    "scipy.misc",
    "scipy.fftpack",
    "scipy.differentiate",
    # scikit-learn: the app uses neighbors, linear_model, tree, ensemble, svm,
    # calibration, preprocessing, pipeline, model_selection, metrics and inspection
    # (permutation importances: `explain`)
    # (sklearn.cluster and the sklearn.manifold it imports stay: skops, which reads the
    # model files, imports sklearn.cluster)
    "sklearn.datasets",
    "sklearn.mixture",
    "sklearn.gaussian_process",
    "sklearn.neural_network",
    "sklearn.semi_supervised",
    "sklearn.cross_decomposition",
    "sklearn.feature_extraction",
    "sklearn.feature_selection",
    "sklearn.impute",
    "sklearn.random_projection",
    "sklearn.experimental",
    "sklearn.utils.estimator_checks",
    # (sklearn.utils._testing stays: skops lists the estimators with all_estimators(), which imports it)
    # pyqtgraph's examples and the parts that need packages the app does not have
    "pyqtgraph.examples",
    "pyqtgraph.opengl",
    "pyqtgraph.jupyter",
    "pyqtgraph.flowchart",
    "pyqtgraph.dockarea",
    "pyqtgraph.console",
    # narwhals (scikit-learn's bridge to data-frame libraries) reaches these only for
    # data frames of libraries the app does not have; it passes numpy arrays
    "narwhals._polars",
    "narwhals._dask",
    "narwhals._duckdb",
    "narwhals._ibis",
    "narwhals._spark_like",
    "narwhals._sql",
    "narwhals._arrow",
    # debuggers and doc tools some modules import on demand only
    "doctest",
    "pdb",
    # Build tools the analysis finds through optional imports when they are installed (the
    # test extras' twine brings cffi): SciPy's callbacks accept cffi functions, cffi then
    # pulls setuptools and its start-up hooks in; numpy.f2py (which something reaches
    # through numpy's lazy attributes, so it stays) guesses encodings with charset_normalizer
    "cffi",
    "_cffi_backend",
    "setuptools",
    "pkg_resources",
    "distutils",
    "charset_normalizer",
]

# The Qt bindings the app and pyqtgraph import; every other PySide6 module is left out
# (QML/Quick, Designer, SQL, XML, ...). QtOpenGL stays: pyqtgraph needs it.
USED_QT_MODULES = {"QtCore", "QtGui", "QtWidgets", "QtNetwork", "QtOpenGL", "QtOpenGLWidgets", "QtSvg"}

# Qt plugin folders the app never loads: input devices without a window system,
# network status, TLS (no HTTPS), and the rest of Qt's optional machinery.
DROPPED_PLUGIN_TYPES = {
    "generic",
    "egldeviceintegrations",
    "networkinformation",
    "tls",
    "qmltooling",
    "qmllint",
    "sqldrivers",
    "designer",
    "printsupport",
    "vectorimageformats",
    "multimedia",
    "position",
    "sensors",
    "texttospeech",
    "webview",
    "wayland-graphics-integration-server",
}
# Of these folders, only these plugins (file name without "lib"/"q" prefix and suffix):
# the window systems of the three platforms plus offscreen (the self-test), the XDG
# portal theme (file dialogs through the desktop), and SVG (the app's icon).
KEPT_PLUGINS = {
    "platforms": {"xcb", "wayland", "wayland-generic", "wayland-egl", "windows", "cocoa", "offscreen"},
    "platformthemes": {"xdgdesktopportal"},
    "imageformats": {"svg"},
}


def plugin_name(file_name: str) -> str:
    """'libqxcb.so' / 'qwindows.dll' / 'libqcocoa.dylib' -> 'xcb' / 'windows' / 'cocoa'."""
    stem = file_name.split(".")[0]
    stem = stem[3:] if stem.startswith("lib") else stem
    return stem[1:] if stem.startswith("q") else stem


def keep_qt_plugin(plugin_type: str, file_name: str) -> bool:
    if plugin_type in DROPPED_PLUGIN_TYPES:
        return False
    kept = KEPT_PLUGINS.get(plugin_type)
    return kept is None or plugin_name(file_name) in kept


def unused_qt_modules() -> list[str]:
    """'PySide6.QtQml', ...: every binding of the installed PySide6 the app does not use."""
    spec = importlib.util.find_spec("PySide6")
    folder = Path(spec.origin).parent
    names = {p.name.split(".")[0] for p in folder.iterdir() if p.name.startswith("Qt") and p.suffix in (".so", ".pyd")}
    return sorted(f"PySide6.{name}" for name in names - USED_QT_MODULES)


def test_packages(*packages: str) -> list[str]:
    """The test sub-packages shipped inside `packages` ('sklearn.neighbors.tests', ...)."""
    found = []
    for package in packages:
        spec = importlib.util.find_spec(package)
        if spec is None or not spec.submodule_search_locations:
            continue
        root = Path(next(iter(spec.submodule_search_locations)))
        for folder, dirs, _ in os.walk(root):
            for name in [d for d in dirs if d in ("tests", "test")]:
                dirs.remove(name)
                relative = Path(folder, name).relative_to(root)
                found.append(".".join((package, *relative.parts)))
    return found


def qt_plugin_entry(dest: str) -> tuple[str, str] | None:
    """(plugin type, file name) if `dest` (a path inside the bundle) is a Qt plugin."""
    parts = Path(dest).parts
    if "plugins" in parts and len(parts) >= parts.index("plugins") + 3 and "PySide6" in parts:
        i = parts.index("plugins")
        return parts[i + 1], parts[-1]
    return None


def keep_binary(dest: str) -> bool:
    entry = qt_plugin_entry(dest)
    return entry is None or keep_qt_plugin(*entry)


QT_CATALOGUES = {"qtbase_en.qm", "qtbase_sv.qm"}  # ui/runtime/i18n.py LANGUAGES

# Sources the wheels ship next to their compiled modules: of no use at run time.
BUILD_SOURCES = {".pyx", ".pxd", ".pxi", ".tp", ".c", ".cpp", ".h", ".hpp"}


def keep_data(dest: str, excluded_modules) -> bool:
    """Of Qt's translations only qtbase's in the app's languages (the standard dialogs'
    buttons), no data of test folders or of the excluded packages (scikit-learn's sample
    data sets), no build sources."""
    path = Path(dest)
    if "PySide6" in path.parts and "translations" in path.parts:
        return path.name in QT_CATALOGUES
    if path.suffix in BUILD_SOURCES or path.name == "meson.build" or "tests" in path.parts:
        return False
    return not any(path.parts[: len(m.split("."))] == tuple(m.split(".")) for m in excluded_modules)


def strip_debug_info(binaries, work: Path):
    """Linux: copies of the interpreter's and the system's libraries without debug
    sections (libpython alone carries ~18 MB of them). Not the wheels' libraries: they
    were patched by auditwheel, and `strip` breaks those."""
    strip = shutil.which("strip")
    if not sys.platform.startswith("linux") or strip is None:
        return binaries
    out = []
    for dest, source, kind in binaries:
        if "site-packages" not in Path(source).parts:
            target = work / "stripped" / dest
            if not target.exists() or target.stat().st_mtime < os.stat(source).st_mtime:
                target.parent.mkdir(parents=True, exist_ok=True)
                subprocess.run([strip, "--strip-debug", "-o", str(target), source], check=True)
            source = str(target)
        out.append((dest, source, kind))
    return out


def link_duplicates(binaries):
    """POSIX: a library two wheels ship as the very same file (numpy's and SciPy's
    libgfortran and libquadmath) is kept once; the second place gets a symbolic link."""
    if os.name != "posix":
        return binaries
    by_size: dict[int, list[int]] = {}
    for i, (_, source, kind) in enumerate(binaries):
        if kind == "BINARY":
            by_size.setdefault(os.path.getsize(source), []).append(i)
    out = list(binaries)
    for indices in (group for group in by_size.values() if len(group) > 1):
        first_by_digest: dict[bytes, str] = {}
        for i in indices:
            dest, source, _ = binaries[i]
            first = first_by_digest.setdefault(_digest(source), dest)
            if first != dest:
                out[i] = (dest, os.path.relpath(first, os.path.dirname(dest)), "SYMLINK")
    return out


def _digest(path: str) -> bytes:
    import hashlib

    with open(path, "rb") as f:
        return (
            hashlib.file_digest(f, "sha256").digest()
            if hasattr(hashlib, "file_digest")
            else hashlib.sha256(f.read()).digest()
        )


def _python_own(dest: str) -> bool:
    """The interpreter and its standard-library extension modules."""
    parts = Path(dest).parts
    return parts[0].startswith("libpython") or (parts[0].startswith("python3") and "lib-dynload" in parts)


def leave_system_libraries(binaries):
    """Linux: the system libraries PyInstaller copied for the wheels (Qt's X11, xcb,
    Wayland, fontconfig, freetype, GLib, D-Bus, Kerberos; libstdc++ and libgcc_s) stay
    the system's, as they are for a pip install: the manylinux wheels were built to take
    them from the system, a copy can clash with what the graphics driver loads (a newer
    libstdc++), and the Debian package names them in Depends (packaging/deb.py). Kept:
    the libraries the interpreter's own modules need (SQLite, libffi, zlib, xz, bzip2,
    expat, uuid), which the Python that built the bundle may have in its own version."""
    if not sys.platform.startswith("linux"):
        return binaries
    by_name = {Path(dest).name: (dest, source) for dest, source, kind in binaries if kind in ("BINARY", "EXTENSION")}
    wheel = {name for name, (_, source) in by_name.items() if "site-packages" in Path(source).parts}
    needed_by_python: set[str] = set()
    todo = [name for name, (dest, _) in by_name.items() if _python_own(dest)]
    while todo:
        name = todo.pop()
        if name in needed_by_python or name not in by_name:
            continue
        needed_by_python.add(name)
        source = by_name[name][1]
        if elf_info.is_elf(Path(source)):
            todo.extend(elf_info.read(Path(source)).needed)
    return [
        entry
        for entry in binaries
        if entry[2] != "BINARY" or Path(entry[0]).name in wheel or Path(entry[0]).name in needed_by_python
    ]


def smaller_icu(binaries, work: Path):
    """Linux: Qt's ICU data library with the root and English data only (icu_data.py)."""
    if not sys.platform.startswith("linux"):
        return binaries
    out = []
    for dest, source, kind in binaries:
        if Path(dest).name.startswith("libicudata.so"):
            source = str(icu_data.trimmed_library(Path(source), work) or source)
        out.append((dest, source, kind))
    return out
