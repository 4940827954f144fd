"""The model file format: skops (a zip of JSON and .npy arrays), read so that a file can
never run code, exhaust memory or crash the process.

A pickle runs whatever it names when it is loaded, and the SHA-256 stored beside a file
proves nothing when both come from the same backup archive. A skops file names types
instead, and this module builds only the types in TRUSTED_TYPES. Loading goes:

1. the zip, from its headers: a small end record, few members with plain names, stored
   or deflated, each one's size and the total under a cap; then each member is read in
   bounded pieces (a header may lie), every .npy header is checked against the bytes
   that follow it (numpy allocates what a header says before it reads), and the JSON
   schema is walked: every node must be of a kind and type listed here;
2. skops builds the objects from exactly the members checked (re-packed uncompressed,
   so skops reads no more than was checked), with `trusted=TRUSTED_TYPES`;
3. model_checks.py and tree_checks.py check what C code will index with (trees'
   children, libsvm's arrays ...) or rebuild it from checked data (KNN's index, a
   forest's trees), then one prediction must give finite probabilities summing to 1.

skops costs ~0.5 s to import: it is imported inside the functions that use it.
"""

from __future__ import annotations

import io
import json
import re
import struct
import sys
import zipfile
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import numpy as np

from iris_desktop.errors import UserError
from iris_desktop.pipelines.algorithms import Estimator
from iris_desktop.pipelines.model_caps import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_MEMBER_BYTES,
    MAX_MEMBERS,
    MAX_NODES,
    MAX_SCHEMA_BYTES,
    MAX_TOTAL_BYTES,
    check_fits,
)
from iris_desktop.pipelines.model_checks import checked_payload, with_final
from iris_desktop.pipelines.model_values import Damaged
from iris_desktop.pipelines.tree_checks import compact_forest

SUFFIX = ".skops"
FORMAT = "skops"

# Every type a model file may name, and why building it from a file is safe. Exactly
# what the app's own files need (tests/pipelines/test_model_format.py dumps every
# algorithm with every choice and asserts it), so a scikit-learn that stores another
# type fails a test, not a user. Anything else (a FunctionTransformer, a function such
# as os.system or builtins.eval) is refused before anything is built.
TRUSTED_TYPES: tuple[str, ...] = (
    "builtins.dict",  # the payload and every object's attributes: JSON keys and values
    "builtins.list",  # Pipeline.steps, calibrators, a forest's (empty) list of trees
    "builtins.str",  # JSON values (numbers, strings, true/false, null) and dict key types
    "builtins.tuple",  # Pipeline steps (name, estimator), SVC.shape_fit_, estimator_params
    "numpy.ndarray",  # read by numpy.load(allow_pickle=False); headers checked, no object dtype
    "numpy.float64",  # numpy scalars (n_samples_seen_, SVC._gamma, sigmoid a_ and b_): .npy too
    "numpy.int64",  # a tree's n_classes_ (numpy.intp: 64 bits on every 64-bit platform)
    "sklearn.pipeline.Pipeline",  # plain Python; its two steps are checked to be scaler + model
    "sklearn.preprocessing._data.StandardScaler",  # numpy only; mean_, scale_ (4,) finite, scale > 0
    "sklearn.linear_model._logistic.LogisticRegression",  # numpy only; coef_/intercept_ shapes, finite
    "sklearn.neighbors._classification.KNeighborsClassifier",  # re-fitted on its checked _fit_X and _y
    "sklearn.neighbors._kd_tree.KDTree",  # built (setstate only assigns arrays) but never queried: replaced
    "sklearn.metrics._dist_metrics.EuclideanDistance64",  # the KD-tree's metric: no arrays, never used
    "sklearn.metrics._dist_metrics.ManhattanDistance64",  # idem (metric manhattan, or minkowski p=1)
    "sklearn.metrics._dist_metrics.ChebyshevDistance64",  # idem (metric chebyshev)
    "sklearn.metrics._dist_metrics.MinkowskiDistance64",  # idem (minkowski, p other than 1 and 2)
    "sklearn.tree._classes.DecisionTreeClassifier",  # plain Python around its tree_
    "sklearn.tree._tree.Tree",  # setstate checks dtype and shape; children, features, values checked
    "sklearn.ensemble._forest.RandomForestClassifier",  # stored without trees: rebuilt from checked arrays
    "sklearn.calibration.CalibratedClassifierCV",  # the SVM's Platt scaling: plain Python
    "sklearn.calibration._CalibratedClassifier",  # plain Python: the fitted SVC and its calibrators
    "sklearn.calibration._SigmoidCalibration",  # two floats, checked finite
    "sklearn.svm._classes.SVC",  # libsvm's arrays (support vectors, n_support, dual coefs) checked
)
# The kinds of skops node a model file is made of (all build data only; the others,
# such as FunctionNode, MethodNode, PartialNode or ReduceNode, build callables).
NODE_KINDS = frozenset(
    {"DictNode", "ListNode", "TupleNode", "JsonNode", "TypeNode", "NdArrayNode", "ObjectNode", "TreeNode"}
)

_READ_CHUNK = 1 << 20
_SCHEMA = "schema.json"
_MEMBER_NAME = re.compile(r"schema\.json|[0-9]{1,40}\.npy")  # as skops names them: no folder, no ".."
_END_RECORD = struct.Struct("<4s4H2LH")  # zip "end of central directory", without a comment
_END_SIGNATURE = b"PK\x05\x06"


class ModelLoadError(UserError):
    """An artifact that is missing, altered or unreadable; the message says which."""


@dataclass(frozen=True)
class ModelContents:
    """What a model file holds, checked: the estimator (with its index structures rebuilt)
    and the rows the app shows with it."""

    estimator: Estimator
    X_train: np.ndarray  # measurements in cm
    y_train: np.ndarray  # variety indices
    X_test: np.ndarray | None = None
    y_test: np.ndarray | None = None


def training_payload(
    algorithm_key: str,
    estimator: Estimator,
    X_train: np.ndarray,
    y_train: np.ndarray,
    X_test: np.ndarray | None = None,
    y_test: np.ndarray | None = None,
) -> dict[str, Any]:
    """What a model file holds: the estimator, the training rows unless it keeps them
    itself (KNN does), so that no file holds them twice, and the test rows (to draw
    them over the model's decision regions later)."""
    payload: dict[str, Any] = {"estimator": estimator, "y_train": np.asarray(y_train, dtype=np.int8)}
    if algorithm_key != "knn":
        payload["X_train"] = np.asarray(X_train, dtype=float)
    if X_test is not None and y_test is not None:
        payload["X_test"] = np.asarray(X_test, dtype=float)
        payload["y_test"] = np.asarray(y_test, dtype=np.int8)
    return payload


def skops_io() -> ModuleType:
    """skops.io, imported once. At import skops lists every scikit-learn estimator to make
    its default trusted list (sklearn.utils.all_estimators imports all their modules:
    half a second, and impossible in the trimmed bundle, which leaves most of them out).
    That default is never used here, since TRUSTED_TYPES is passed on every load, so the
    listing is narrowed to the estimators the app uses while skops is imported."""
    if "skops.io" not in sys.modules:
        import sklearn.utils

        everything = sklearn.utils.all_estimators
        sklearn.utils.all_estimators = _estimators_we_use
        try:
            import skops.io  # noqa: F401
        finally:
            sklearn.utils.all_estimators = everything
    return sys.modules["skops.io"]


def _estimators_we_use(type_filter: object = None) -> list[tuple[str, type]]:
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.neighbors import KNeighborsClassifier
    from sklearn.preprocessing import StandardScaler
    from sklearn.svm import SVC
    from sklearn.tree import DecisionTreeClassifier

    used = (
        CalibratedClassifierCV,
        RandomForestClassifier,
        LogisticRegression,
        KNeighborsClassifier,
        StandardScaler,
        SVC,
        DecisionTreeClassifier,
    )
    return [(cls.__name__, cls) for cls in used]


def dump_model(payload: dict[str, Any]) -> bytes:
    """The bytes of a model file for `payload` (training_payload's dict). A forest's
    trees are stored as arrays (tree_checks.compact_forest): smaller, and quicker to
    load than a hundred objects. The same model always gives the same bytes."""
    sio = skops_io()

    stored = dict(payload)
    estimator = payload["estimator"]
    final = estimator.steps[-1][1] if hasattr(estimator, "steps") else estimator
    if type(final).__name__ == "RandomForestClassifier":
        without_trees, stored["forest"] = compact_forest(final)
        stored["estimator"] = with_final(estimator, without_trees)
    data = _canonical(sio.dumps(stored))
    check_fits(data, type(final).__name__)
    return data


def _canonical(raw: bytes) -> bytes:
    """skops's file `raw` (stored) as the same model always gives it, deflated: skops
    names objects and arrays by their id() and dates its members; here they are numbered
    in the order the schema meets them, and dated 1980-01-01."""
    numbers: dict[int, int] = {}

    def renumber(value: Any) -> None:
        if isinstance(value, dict):
            if "__id__" in value:
                value["__id__"] = numbers.setdefault(value["__id__"], len(numbers) + 1)
            if value.get("__loader__") == "NdArrayNode" and "file" in value:
                value["file"] = f"{numbers.setdefault(int(value['file'][:-4]), len(numbers) + 1)}.npy"
            for v in value.values():
                renumber(v)
        elif isinstance(value, list):
            for v in value:
                renumber(v)

    with zipfile.ZipFile(io.BytesIO(raw)) as source:
        schema = json.loads(source.read(_SCHEMA))
        renumber(schema)
        arrays = {f"{numbers[int(name[:-4])]}.npy": source.read(name) for name in source.namelist() if name != _SCHEMA}
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        for name, content in [(_SCHEMA, json.dumps(schema, indent=2).encode()), *sorted(arrays.items())]:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content)
    return packed.getvalue()


def load_contents(data: bytes, algorithm: str, standardize: bool, version: int) -> ModelContents:
    """The checked contents of a model file of version `version`, trained as `algorithm`
    (in a scaling Pipeline if `standardize`). Raises ModelLoadError saying what is wrong."""
    try:
        members = checked_members(data)
        payload = _build(members)
        checked = checked_payload(payload, algorithm, standardize)
    except (Damaged, ModelLoadError) as exc:
        raise ModelLoadError(f"model v{version}: its file is damaged or was altered: {exc}") from None
    except Exception as exc:  # whatever a hostile file makes a library raise
        what = f"{type(exc).__name__}: {exc}"
        raise ModelLoadError(f"model v{version}: its file is damaged or was altered: {what[:300]}") from None
    return ModelContents(*checked)


def checked_members(data: bytes) -> dict[str, bytes]:
    """Every member of the zip `data`, checked (see the module's docstring, step 1)."""
    if len(data) > MAX_FILE_BYTES:
        raise ModelLoadError(f"it is {len(data)} bytes, more than any model ({MAX_FILE_BYTES})")
    _check_end_record(data)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise ModelLoadError(f"it is not a skops model file ({exc})") from None
    infos = archive.infolist()
    names = [info.filename for info in infos]
    if len(set(names)) != len(names):
        raise ModelLoadError("it holds two members with the same name")
    if _SCHEMA not in names:
        raise ModelLoadError(f"it has no {_SCHEMA}: not a skops model file")
    total = 0
    for info in infos:
        if not _MEMBER_NAME.fullmatch(info.filename):
            raise ModelLoadError(f"it holds a member named {info.filename[:80]!r}")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) or info.flag_bits & 0x1:
            raise ModelLoadError(f"its member {info.filename} is encrypted or compressed in an unknown way")
        cap = MAX_SCHEMA_BYTES if info.filename == _SCHEMA else MAX_MEMBER_BYTES
        if info.file_size > cap:
            raise ModelLoadError(f"its member {info.filename} unpacks to {info.file_size} bytes (at most {cap})")
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise ModelLoadError(f"its members unpack to {total} bytes (at most {MAX_TOTAL_BYTES})")
    members = {info.filename: _read_member(archive, info) for info in infos}
    for name, content in members.items():
        if name != _SCHEMA:
            _check_npy(name, content)
    _check_schema(members)
    return members


def types_in(data: bytes) -> set[str]:
    """Every type named in the skops file `data` (checked first)."""
    schema = json.loads(checked_members(data)[_SCHEMA])
    found: set[str] = set()
    for node in _nodes(schema):
        found.add(f"{node['__module__']}.{node['__class__']}")
    return found


def _check_end_record(data: bytes) -> None:
    """Model files are zips without a comment: the end record is their last 22 bytes.
    Read it first, so that zipfile never parses a directory of millions of entries."""
    if len(data) < _END_RECORD.size:
        raise ModelLoadError("it is too short to be a model file")
    signature, disk, start_disk, here, entries, size, _offset, comment = _END_RECORD.unpack(data[-_END_RECORD.size :])
    if signature != _END_SIGNATURE or comment or disk or start_disk or here != entries:
        raise ModelLoadError("it is not a skops model file (no zip end record where skops writes it)")
    if entries > MAX_MEMBERS or size > MAX_MEMBERS * 200:
        raise ModelLoadError(f"it holds {entries} members (at most {MAX_MEMBERS})")


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """A member's bytes, read a piece at a time: zipfile stops at the size its header
    gives (checked above), so a header that lies cannot make this allocate more."""
    pieces = []
    with archive.open(info) as f:
        while piece := f.read(_READ_CHUNK):
            pieces.append(piece)
    content = b"".join(pieces)
    if len(content) != info.file_size:
        raise ModelLoadError(f"its member {info.filename} is truncated")
    return content


def _check_npy(name: str, content: bytes) -> None:
    """An .npy member whose header promises exactly the bytes that follow, with no
    object dtype (numpy.load would allocate what the header says before reading)."""
    fp = io.BytesIO(content)
    try:
        major, _ = np.lib.format.read_magic(fp)
        read_header = np.lib.format.read_array_header_1_0 if major == 1 else np.lib.format.read_array_header_2_0
        shape, _fortran, dtype = read_header(fp)
    except (ValueError, TypeError, SyntaxError, OverflowError) as exc:
        raise ModelLoadError(f"its array {name} has a bad header ({exc})") from None
    if dtype.hasobject or len(shape) > 3:
        raise ModelLoadError(f"its array {name} holds {dtype} objects or has {len(shape)} dimensions")
    count = 1
    for n in shape:
        count *= n
    if count * dtype.itemsize != len(content) - fp.tell():
        raise ModelLoadError(f"its array {name} says {shape} {dtype} but holds {len(content) - fp.tell()} bytes")


def _check_schema(members: dict[str, bytes]) -> None:
    """Every node of the schema is of a known kind and names a trusted type, and every
    array it names is a checked member."""
    try:
        schema = json.loads(members[_SCHEMA])
    except (ValueError, RecursionError) as exc:
        raise ModelLoadError(f"its {_SCHEMA} is not JSON ({exc})") from None
    refused: set[str] = set()
    files: set[str] = set()
    for node in _nodes(schema):
        kind, name = node["__loader__"], f"{node['__module__']}.{node['__class__']}"
        if name not in TRUSTED_TYPES:
            refused.add(name)
        elif kind not in NODE_KINDS:
            refused.add(f"{name} (as {kind})")
        elif kind == "NdArrayNode":
            if node.get("type") != "numpy" or node.get("file") not in set(members) - {_SCHEMA}:
                raise ModelLoadError(f"an array of {name} is not one of its .npy members")
            files.add(node["file"])
    if refused:
        raise ModelLoadError("it holds types this app never loads: " + ", ".join(sorted(refused)))
    unused = set(members) - files - {_SCHEMA}
    if unused:
        raise ModelLoadError(f"it holds {len(unused)} members that nothing refers to")


def _nodes(schema: object) -> list[dict[str, Any]]:
    """Every skops node (a dict with a "__loader__") of the JSON schema, walked without
    recursion; a node must name its type as strings."""
    found: list[dict[str, Any]] = []
    todo: list[tuple[object, int]] = [(schema, 0)]
    seen = 0
    while todo:
        value, depth = todo.pop()
        seen += 1
        if seen > MAX_NODES or depth > MAX_DEPTH:
            raise ModelLoadError(f"its schema is larger than any model's ({MAX_NODES} values, {MAX_DEPTH} deep)")
        if isinstance(value, dict):
            if "__loader__" in value:
                if not all(isinstance(value.get(k), str) for k in ("__loader__", "__module__", "__class__")):
                    raise ModelLoadError("its schema has a node without a type")
                found.append(value)
            todo.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            todo.extend((v, depth + 1) for v in value)
    return found


def _build(members: dict[str, bytes]) -> Any:
    """skops builds the objects from the checked members only, re-packed without
    compression: what it reads is exactly what was checked, and no more."""
    sio = skops_io()

    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_STORED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return sio.loads(packed.getvalue(), trusted=list(TRUSTED_TYPES))
