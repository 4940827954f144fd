"""The model file format (pipelines/model_format.py): the trusted types are exactly what
the app's models need, anything else is refused by name, and a file made to exhaust
memory is refused from its headers before anything is unpacked."""

from __future__ import annotations

import io
import itertools
import struct
import time
import tokenize
import tracemalloc
import zipfile
import zlib
from pathlib import Path

import numpy as np
import pytest
import skops.io as sio
from sklearn.datasets import load_iris

from iris_desktop.pipelines import model_format
from iris_desktop.pipelines.algorithms import ALGORITHMS, build_estimator
from iris_desktop.pipelines.model_format import (
    NODE_KINDS,
    TRUSTED_TYPES,
    ModelLoadError,
    dump_model,
    load_contents,
    training_payload,
    types_in,
)

PACKAGE = Path(model_format.__file__).parents[1]
X, Y = load_iris(return_X_y=True)
# What skops itself does not trust (the rest of TRUSTED_TYPES it trusts by default, and
# this app still refuses anything outside TRUSTED_TYPES).
SKOPS_UNTRUSTED = {
    "sklearn.calibration._CalibratedClassifier",
    "sklearn.calibration._SigmoidCalibration",
    "sklearn.metrics._dist_metrics.ChebyshevDistance64",
    "sklearn.metrics._dist_metrics.EuclideanDistance64",
    "sklearn.metrics._dist_metrics.ManhattanDistance64",
    "sklearn.metrics._dist_metrics.MinkowskiDistance64",
    "sklearn.neighbors._kd_tree.KDTree",
    "sklearn.tree._tree.Tree",
}


def variants():
    """Every algorithm with every value of every choice parameter (and KNN's p, which
    picks its distance class, and a k large enough for a brute-force search), scaled or
    not: (algorithm, params, standardize)."""
    for key, spec in ALGORITHMS.items():
        choices = [p for p in spec.params if p.kind == "choice"]
        for combo in itertools.product(*(p.choices for p in choices)):
            chosen = dict(zip((p.name for p in choices), combo))
            extras = [{}]
            if key == "knn":
                extras = [{"n_neighbors": 60}] + (
                    [{"p": p} for p in (1, 2, 3)] if chosen["metric"] == "minkowski" else []
                )
            if key == "forest":
                extras = [{"n_estimators": 10}]
            for extra, standardize in itertools.product(extras, (False, True)):
                yield key, spec.resolve({**chosen, **extra}), standardize


def _data(varieties):
    keep = np.isin(Y, varieties)
    return X[keep], Y[keep]


def _model_file(key, params, standardize, varieties=(0, 1, 2)):
    X_, y_ = _data(varieties)
    estimator = build_estimator(key, params, standardize, 42).fit(X_, y_)
    payload = training_payload(key, estimator, X_, y_, X_[:10], y_[:10])
    return estimator, dump_model(payload)


def _types_and_kinds(data: bytes) -> tuple[set[str], set[str]]:
    import json

    schema = json.loads(zipfile.ZipFile(io.BytesIO(data)).read("schema.json"))
    kinds = set()
    todo = [schema]
    while todo:
        value = todo.pop()
        if isinstance(value, dict):
            if "__loader__" in value:
                kinds.add(value["__loader__"])
            todo.extend(value.values())
        elif isinstance(value, list):
            todo.extend(value)
    return types_in(data), kinds


def test_the_trusted_types_are_exactly_what_every_model_needs():
    """If a new scikit-learn stores another type, this fails (not a user's load)."""
    found, kinds, untrusted = set(), set(), set()
    for varieties in ((0, 1, 2), (1, 2)):
        X_, _ = _data(varieties)
        for key, params, standardize in variants():
            estimator, data = _model_file(key, params, standardize, varieties)
            types, used = _types_and_kinds(data)
            found |= types
            kinds |= used
            untrusted |= set(sio.get_untrusted_types(data=data))
            contents = load_contents(data, key, standardize, 1)
            diff = np.abs(contents.estimator.predict_proba(X_) - estimator.predict_proba(X_)).max()
            assert diff <= 1e-12, (key, params, standardize, varieties)
    assert found == set(TRUSTED_TYPES)
    assert len(TRUSTED_TYPES) == len(set(TRUSTED_TYPES))
    assert untrusted == SKOPS_UNTRUSTED
    assert kinds == NODE_KINDS


def test_the_contents_come_back_checked():
    estimator, data = _model_file("knn", ALGORITHMS["knn"].defaults(), True)
    contents = load_contents(data, "knn", True, 3)
    assert np.allclose(contents.X_train, X)  # KNN's own rows, back in cm
    assert contents.y_train.tolist() == Y.tolist() and contents.X_test.shape == (10, 4)
    final = contents.estimator.steps[-1][1]
    assert final is not estimator.steps[-1][1] and final._tree is not None  # its index was rebuilt
    with pytest.raises(ModelLoadError, match=r"v3: its file is damaged or was altered: .*unscaled"):
        load_contents(data, "knn", False, 3)
    with pytest.raises(ModelLoadError, match="not a logreg model"):
        load_contents(data, "logreg", True, 3)


def test_a_forest_is_stored_as_arrays_and_loads_quickly():
    estimator, data = _model_file("forest", {"n_estimators": 100}, False)
    assert len(data) < 60_000  # 180 kB as a hundred tree objects
    load_contents(data, "forest", False, 1)
    started = time.perf_counter()
    contents = load_contents(data, "forest", False, 1)
    assert time.perf_counter() - started < 0.5  # ~12 ms here; generous for a shared machine
    assert len(contents.estimator.estimators_) == 100
    assert np.array_equal(contents.estimator.predict_proba(X), estimator.predict_proba(X))


def _forest_arrays(data: bytes) -> dict:
    return model_format._build(model_format.checked_members(data))["forest"]


def test_a_forest_is_stored_in_arrays_of_whole_trees(monkeypatch):
    """Each array a few MB at most (each is copied on its way to and from the file, and a
    copy holds the GIL: the window waits); here a hundred nodes, so several."""
    from iris_desktop.pipelines import tree_checks

    monkeypatch.setattr(tree_checks, "CHUNK_NODES", 100)
    estimator, data = _model_file("forest", {"n_estimators": 30}, False)
    stored = _forest_arrays(data)
    sizes = [len(chunk) for chunk in stored["nodes"]]
    assert len(sizes) > 3 and [len(v) for v in stored["values"]] == sizes
    ends = set(np.cumsum(stored["node_counts"]).tolist())
    assert set(np.cumsum(sizes).tolist()) <= ends  # no tree is split between two arrays
    contents = load_contents(data, "forest", False, 1)
    assert np.array_equal(contents.estimator.predict_proba(X), estimator.predict_proba(X))


def test_a_forest_of_an_older_file_in_one_array_still_loads(monkeypatch):
    from sklearn.tree._tree import NODE_DTYPE

    real = model_format.compact_forest

    def as_before(forest):  # one array each, as files written before the split hold them
        without, stored = real(forest)
        packed = np.concatenate(stored["nodes"])
        nodes = np.zeros(len(packed), dtype=NODE_DTYPE)
        for name in NODE_DTYPE.names:
            nodes[name] = packed[name]
        return without, dict(stored, nodes=nodes, values=np.concatenate(stored["values"]))

    monkeypatch.setattr(model_format, "compact_forest", as_before)
    estimator, data = _model_file("forest", {"n_estimators": 20}, False)
    assert type(_forest_arrays(data)["nodes"]) is np.ndarray
    contents = load_contents(data, "forest", False, 1)
    assert np.array_equal(contents.estimator.predict_proba(X), estimator.predict_proba(X))


def test_arrays_that_split_a_tree_are_refused(monkeypatch):
    from iris_desktop.pipelines import tree_checks

    real = model_format.compact_forest

    def split(forest):
        without, stored = real(forest)
        (nodes,), (values,) = stored["nodes"], stored["values"]
        cut = int(stored["node_counts"][0]) // 2  # inside the first tree
        return without, dict(stored, nodes=[nodes[:cut], nodes[cut:]], values=[values[:cut], values[cut:]])

    monkeypatch.setattr(tree_checks, "CHUNK_NODES", 10**6)
    monkeypatch.setattr(model_format, "compact_forest", split)
    _, data = _model_file("forest", {"n_estimators": 5}, False)
    with pytest.raises(ModelLoadError, match="split across arrays"):
        load_contents(data, "forest", False, 1)


@pytest.mark.parametrize(
    "payload, refused",
    [
        ({"estimator": eval, "y_train": np.zeros(3, dtype=np.int8)}, "builtins.eval"),
        ({"estimator": np.ones, "y_train": np.zeros(3, dtype=np.int8)}, "numpy"),
    ],
)
def test_a_file_naming_another_type_is_refused_by_name(payload, refused):
    data = sio.dumps(payload)
    with pytest.raises(ModelLoadError, match=f"types this app never loads: .*{refused}"):
        load_contents(data, "knn", False, 1)


# ---- files made to exhaust memory ------------------------------------------------------


def _zip(members: list[tuple[str, bytes, int, int, int]]) -> bytes:
    """A zip written by hand, headers and all: (name, stored bytes, declared size, CRC,
    method 0 stored / 8 deflated) for each member."""
    body, directory = b"", b""
    for name, payload, size, crc, method in members:
        encoded, offset = name.encode(), len(body)
        fields = (20, 0, method, 0, 0, crc, len(payload), size, len(encoded), 0)
        body += struct.pack("<4s5H3L2H", b"PK\x03\x04", *fields) + encoded + payload
        central = (20, 20, 0, method, 0, 0, crc, len(payload), size, len(encoded), 0, 0, 0, 0, 0, offset)
        directory += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", *central) + encoded
    count = len(members)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(directory), len(body), 0)
    return body + directory + end


def _deflated(size: int) -> bytes:
    """`size` zero bytes, raw-deflated (what a zip member holds): ~1 kB per MB."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = bytes(1 << 20)
    out = [compressor.compress(chunk) for _ in range(size >> 20)]
    return b"".join(out) + compressor.flush()


SCHEMA = b'{"__class__": "dict", "__module__": "builtins", "__loader__": "DictNode", "content": {}}'


def _refused_quickly(data: bytes, match: str) -> None:
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(ModelLoadError, match=match):
            load_contents(data, "knn", False, 1)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < 2.0
    assert peak < 8 << 20, f"allocated {peak >> 20} MiB"


def test_a_member_that_would_unpack_past_the_cap_is_refused_from_its_header():
    bomb = _deflated(256 << 20)  # 256 MiB of zeros in ~250 kB
    data = _zip(
        [
            ("schema.json", SCHEMA, len(SCHEMA), zlib.crc32(SCHEMA), 0),
            ("1.npy", bomb, 256 << 20, 0, 8),
        ]
    )
    _refused_quickly(data, "unpacks to 268435456 bytes")


def test_a_member_whose_header_lies_about_its_size_is_never_unpacked_whole():
    bomb = _deflated(256 << 20)
    first = bytes(128)
    data = _zip(
        [
            ("schema.json", SCHEMA, len(SCHEMA), zlib.crc32(SCHEMA), 0),
            ("1.npy", bomb, len(first), zlib.crc32(first), 8),  # says 128 bytes: the first 128 it unpacks to
        ]
    )
    _refused_quickly(data, "its array 1.npy")


def test_an_array_header_promising_more_than_its_bytes_is_refused_before_numpy_reads_it():
    buffer = io.BytesIO()
    np.lib.format.write_array_header_1_0(buffer, {"descr": "<f8", "fortran_order": False, "shape": (10**9,)})
    npy = buffer.getvalue() + bytes(80)
    data = _zip(
        [
            ("schema.json", SCHEMA, len(SCHEMA), zlib.crc32(SCHEMA), 0),
            ("1.npy", npy, len(npy), zlib.crc32(npy), 0),
        ]
    )
    _refused_quickly(data, r"says \(1000000000,\) float64 but holds 80 bytes")


@pytest.mark.parametrize(
    "names, match",
    [
        (["schema.json", "../1.npy"], "member named '../1.npy'"),
        (["schema.json", "/tmp/1.npy"], "member named '/tmp/1.npy'"),
        (["schema.json", "1.npy", "1.npy"], "two members with the same name"),
        (["1.npy"], "no schema.json"),
        (["schema.json", "1.pkl"], "member named '1.pkl'"),
    ],
)
def test_members_must_be_plainly_named_unique_and_with_a_schema(names, match):
    members = [(name, SCHEMA, len(SCHEMA), zlib.crc32(SCHEMA), 0) for name in names]
    with pytest.raises(ModelLoadError, match=match):
        load_contents(_zip(members), "knn", False, 1)


@pytest.mark.parametrize("data", [b"", b"not a zip at all", b"PK\x05\x06" + bytes(18) + b"comment"])
def test_what_is_not_a_skops_file_is_refused(data):
    with pytest.raises(ModelLoadError, match="damaged or was altered"):
        load_contents(data, "knn", False, 1)


# ---- nothing but the migration unpickles ------------------------------------------------

UNPICKLING_NAMES = {"pickle", "cPickle", "cloudpickle", "dill", "_pickle"}


def _unpickling_code(path: Path) -> list[str]:
    """Code (not prose: comments and docstrings may say "pickle") that could unpickle:
    the pickle modules named or imported, joblib.load, trusted=True, allow_pickle=True."""
    found = []
    tokens = [t for t in tokenize.tokenize(io.BytesIO(path.read_bytes()).readline) if t.type != tokenize.NL]
    for i, t in enumerate(tokens):
        after = [x.string for x in tokens[i + 1 : i + 3]]
        if (t.type == tokenize.NAME and t.string in UNPICKLING_NAMES) or (
            t.type == tokenize.STRING and t.string.strip("'\"") in UNPICKLING_NAMES
        ):
            found.append(t.string)
        elif t.type == tokenize.NAME and t.string == "joblib" and after[:1] == ["."] and tokens[i + 2].string == "load":
            found.append("joblib.load")
        elif t.type == tokenize.NAME and t.string in ("trusted", "allow_pickle") and after == ["=", "True"]:
            found.append(f"{t.string}=True")
    return found


def test_only_the_migration_of_old_files_unpickles():
    found = {
        str(path.relative_to(PACKAGE)): names
        for path in sorted(PACKAGE.rglob("*.py"))
        if (names := _unpickling_code(path))
    }
    assert found == {"pipelines/legacy_models.py": ["joblib.load"]}


def test_the_check_finds_what_it_looks_for(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        '"""A pickle in prose is fine."""\nimport pickle\nimport dill as d\nimportlib.import_module("cloudpickle")\n'
        "joblib.load(f)\nskops.io.load(f, trusted=True)\nnp.load(f, allow_pickle=True)\n# pickle.loads in a comment\n"
    )
    assert _unpickling_code(sample) == [
        "pickle",
        "dill",
        '"cloudpickle"',
        "joblib.load",
        "trusted=True",
        "allow_pickle=True",
    ]


def test_skops_is_imported_only_when_a_model_is_read():
    import subprocess
    import sys

    code = (
        "import sys\nfrom iris_desktop.pipelines import registry, training, legacy_models, registry_overview\n"
        "print('skops' in sys.modules, 'skops.io' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "False"]


def test_the_same_model_always_gives_the_same_bytes():
    """skops names arrays by id() and dates members: dump_model numbers and dates them,
    so two processes training the same model write the same file (and hash)."""
    import subprocess
    import sys

    code = (
        "import hashlib\nfrom tests.pipelines.test_model_format import ALGORITHMS, _model_file\n"
        "for key, spec in ALGORITHMS.items():\n"
        "    for standardize in (False, True):\n"
        "        print(key, hashlib.sha256(_model_file(key, spec.defaults(), standardize)[1]).hexdigest())"
    )
    runs = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=PACKAGE.parent)
        for _ in range(2)
    ]
    assert all(r.returncode == 0 for r in runs), runs[0].stderr
    assert runs[0].stdout == runs[1].stdout and len(runs[0].stdout.splitlines()) == 2 * len(ALGORITHMS)
