"""The suite runs on Windows and macOS too (.github/workflows/tests.yml), so a test that
leans on something only POSIX (or only Linux) has must say so: a skip, a platform `if`,
or a `try` that falls back. This reads every test module's syntax tree and lists what
it finds outside such a guard. The benchmarks and the reliability campaign (tests/bench,
tests/reliability) are tools run by hand on Linux, not part of `make test`: left out."""

from __future__ import annotations

import ast
import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent
NOT_RUN_BY_MAKE_TEST = ("bench", "reliability")

# Attributes POSIX has and Windows has not (or has with another meaning).
POSIX_CALLS = {
    "os.mkfifo",
    "os.geteuid",
    "os.getuid",
    "os.fork",
    "os.setsid",
    "os.killpg",
    "os.getpgid",
    "os.chmod",  # on Windows only the read-only flag: a mode checked after it is POSIX's
    "os.symlink",
    "signal.SIGKILL",
    "signal.SIGSTOP",
    "signal.SIGCONT",
    "signal.SIGHUP",
    "signal.SIGUSR1",
    "signal.SIGALRM",
}
POSIX_METHODS = {"symlink_to", "chmod"}  # Path's: a symlink needs a privilege on Windows
POSIX_MODULES = {"resource", "fcntl", "termios", "pwd", "grp"}
POSIX_PATHS = re.compile(r"^/(dev|proc|sys)/|\.venv/bin|^/bin/")
# What a Windows file name cannot hold (a path component written in a test).
NOT_IN_WINDOWS_NAMES = re.compile(r'[\x00-\x1f<>:"|?*]')
# A guard names the platform or probes for the feature.
GUARD = re.compile(
    r"os\.name|sys\.platform|platform\.system|hasattr\(os|hasattr\(signal|\b(WINDOWS|POSIX|LINUX|MACOS)\b|"
    r"os\.path\.exists\(['\"]/|\bresource\b|shutil\.which"
)
FALLBACKS = {"OSError", "ImportError", "AttributeError", "NotImplementedError", "PermissionError"}


def _test_files() -> list[Path]:
    return sorted(
        p
        for p in TESTS.rglob("*.py")
        if p != Path(__file__).resolve() and p.relative_to(TESTS).parts[0] not in NOT_RUN_BY_MAKE_TEST
    )


def _guarding_markers(tree: ast.Module) -> set[str]:
    """Module-level names bound to a platform skip (`xdg_desktop = pytest.mark.skipif(...)`)."""
    names = set()
    for node in tree.body:
        if isinstance(node, ast.Assign) and "skipif" in ast.unparse(node.value) and GUARD.search(ast.unparse(node)):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return names


def _guards(node: ast.AST, markers: set[str]) -> bool:
    """Whether `node` (a function, class, if, try, conditional) keeps what it holds off the
    platforms that lack it."""
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        for decorator in node.decorator_list:
            text = ast.unparse(decorator)
            if ("skipif" in text and GUARD.search(text)) or text in markers:
                return True
        return isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and _skips_early(node)
    if isinstance(node, (ast.If, ast.IfExp, ast.While)):
        return bool(GUARD.search(ast.unparse(node.test)))
    if isinstance(node, ast.Try):
        caught = {ast.unparse(h.type) for h in node.handlers if h.type is not None}
        return any(name in text for text in caught for name in FALLBACKS)
    return False


def _skips_early(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """An early way out on a platform test among the function's statements:
    `if <platform>: pytest.skip(...)`, or a raise or return there."""
    return any(
        isinstance(s, ast.If)
        and GUARD.search(ast.unparse(s.test))
        and ("skip" in ast.unparse(s) or isinstance(s.body[-1], (ast.Raise, ast.Return)))
        for s in function.body
    )


def _module_skipped(tree: ast.Module) -> bool:
    return any(
        isinstance(n, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == "pytestmark" for t in n.targets)
        and "skipif" in ast.unparse(n.value)
        and GUARD.search(ast.unparse(n.value))
        for n in tree.body
    )


def _findings(node: ast.AST) -> list[str]:
    """What `node` itself uses that only POSIX has."""
    found = []
    if isinstance(node, ast.Attribute):
        dotted = ast.unparse(node)
        if dotted in POSIX_CALLS:
            found.append(dotted)
        elif node.attr in POSIX_METHODS and isinstance(node.ctx, ast.Load) and not dotted.startswith("os."):
            found.append(f".{node.attr}()")
    elif isinstance(node, (ast.Import, ast.ImportFrom)):
        modules = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
        found += [f"import {m}" for m in modules if m.split(".")[0] in POSIX_MODULES]
    elif isinstance(node, ast.keyword) and node.arg == "shell" and ast.unparse(node.value) == "True":
        found.append("shell=True (cmd.exe on Windows)")
    elif isinstance(node, ast.keyword) and node.arg == "preexec_fn" and isinstance(node.value, ast.Lambda):
        found.append("preexec_fn (POSIX only)")
    elif isinstance(node, ast.Constant) and isinstance(node.value, str) and POSIX_PATHS.search(node.value):
        found.append(f"path {node.value!r}")
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
        right = node.right
        if isinstance(right, ast.Constant) and isinstance(right.value, str):
            if NOT_IN_WINDOWS_NAMES.search(right.value):
                found.append(f"file name {right.value!r}")
            elif right.value == "bin":
                found.append("a venv's bin/ (Scripts\\ on Windows)")
    return found


def _home_without_userprofile(function: ast.AST) -> bool:
    """HOME set for a child or a test without USERPROFILE, which Windows reads instead."""
    text = ast.unparse(function)
    return bool(re.search(r"['\"]HOME['\"]|\bHOME=", text)) and "USERPROFILE" not in text


def problems_in(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    if _module_skipped(tree):
        return []
    markers = _guarding_markers(tree)
    found: list[str] = []

    def visit(node: ast.AST, guarded: bool) -> None:
        guarded = guarded or _guards(node, markers)
        if not guarded:
            for what in _findings(node):
                found.append(f"{path.relative_to(TESTS.parent)}:{getattr(node, 'lineno', '?')}: {what}")
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and _home_without_userprofile(node):
                found.append(f"{path.relative_to(TESTS.parent)}:{node.lineno}: HOME without USERPROFILE")
        for child in ast.iter_child_nodes(node):
            visit(child, guarded)

    visit(tree, False)
    return found


def test_no_test_leans_on_posix_without_a_guard():
    found = [line for path in _test_files() for line in problems_in(path)]
    assert found == [], "POSIX-only constructs without a platform skip or fallback:\n" + "\n".join(found)


def test_the_check_finds_what_it_looks_for(tmp_path):
    """The control: each kind of construct is found bare, and not once guarded."""
    bare = tmp_path / "test_bare.py"
    bare.write_text(
        "import os, resource, subprocess\n"
        "def test_a(tmp_path, monkeypatch):\n"
        "    os.mkfifo(tmp_path / 'fifo')\n"
        "    (tmp_path / 'link').symlink_to(tmp_path)\n"
        "    subprocess.run('x | head -1', shell=True)\n"
        "    (tmp_path / 'bad\\nname.csv').write_text('')\n"
        "    python = tmp_path / 'venv' / 'bin' / 'python'\n"
        "    open('/dev/zero')\n"
        "    monkeypatch.setenv('HOME', str(tmp_path))\n",
        encoding="utf-8",
    )
    guarded = tmp_path / "test_guarded.py"
    guarded.write_text(
        "import os, subprocess, sys\nimport pytest\n"
        "try:\n    import resource\nexcept ImportError:\n    resource = None\n"
        "@pytest.mark.skipif(os.name == 'nt', reason='POSIX')\n"
        "def test_a(tmp_path):\n    os.mkfifo(tmp_path / 'fifo')\n"
        "def test_b(tmp_path):\n"
        "    if sys.platform.startswith('linux'):\n        open('/proc/self/fd')\n"
        "    try:\n        (tmp_path / 'link').symlink_to(tmp_path)\n    except OSError:\n        pass\n",
        encoding="utf-8",
    )
    global TESTS
    real, TESTS = TESTS, tmp_path.parent
    try:
        found = problems_in(bare)
        assert problems_in(guarded) == []
    finally:
        TESTS = real
    kinds = ["import resource", "os.mkfifo", ".symlink_to()", "shell=True", "file name", "bin/", "/dev/zero", "HOME"]
    for kind in kinds:
        assert any(kind in line for line in found), (kind, found)
