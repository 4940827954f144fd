"""How large a model file may be: the caps the loader applies to a file before it reads
it (model_format.checked_members), and the same caps applied to a trained model before
it is kept, so that the app never writes a file it would refuse to read back."""

from __future__ import annotations

import io
import zipfile

from iris_desktop.errors import UserError

# Caps, from real files. The largest model the Train tab makes on 10,000 rows (8,000 to
# train on) of overlapping, continuous measurements is a 2,000-tree forest: its nodes are
# stored in arrays of 4 MB at most (tree_checks.CHUNK_NODES), 49 members of 97.2 MB in
# all, the file 14.2 MB. Everything else is under 1 MB at that size; at the bundled
# data's size, tens of kB.
MAX_MEMBER_BYTES = 64 << 20  # one member, unpacked
MAX_TOTAL_BYTES = 128 << 20  # all members, unpacked
MAX_FILE_BYTES = 64 << 20  # the file (that forest: 14 MB); also the cap a backup archive puts on a model
MAX_SCHEMA_BYTES = 4 << 20  # the JSON: 82 kB at most (an SVM on 10,000 rows)
MAX_MEMBERS = 1000  # the files have 5 to 60
MAX_NODES = 100_000  # JSON values; the files have up to ~1,500
MAX_DEPTH = 64  # JSON nesting; the files go up to 24 deep (a scaled SVM)


class ModelTooLarge(UserError):
    """A trained model whose file would be refused by the caps above when loaded: it is
    not kept (many deep trees on a few tens of thousands of overlapping flowers grow past
    MAX_TOTAL_BYTES)."""


def check_fits(data: bytes, final: str) -> None:
    """ModelTooLarge unless `data` is within the caps load_contents applies: a file the
    app writes must be one it can read back."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sizes = [info.file_size for info in archive.infolist()]
    if len(data) > MAX_FILE_BYTES:
        what = f"its file would take {_mb(len(data))} (at most {_mb(MAX_FILE_BYTES)})"
    elif max(sizes) > MAX_MEMBER_BYTES:
        what = f"one of its arrays takes {_mb(max(sizes))} (at most {_mb(MAX_MEMBER_BYTES)})"
    elif sum(sizes) > MAX_TOTAL_BYTES:
        what = f"its arrays take {_mb(sum(sizes))} (at most {_mb(MAX_TOTAL_BYTES)} in all)"
    else:
        return
    smaller = (
        "train fewer trees or limit their depth (Max depth)"
        if final in ("RandomForestClassifier", "DecisionTreeClassifier")
        else "train on fewer flowers"
    )
    raise ModelTooLarge(f"the trained model is too large to keep: {what}; {smaller}. Nothing was registered.")


def _mb(size: int) -> str:
    return f"{size / (1 << 20):.1f} MB"
