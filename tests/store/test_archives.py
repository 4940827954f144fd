"""A backup archive is hostile input: every refusal is one line naming the archive and the
member, ending "nothing was changed", and nothing was: the data folder's files and the
database's rows are compared before and after."""

from __future__ import annotations

import os
import re
import zipfile

import pytest

from iris_desktop.store import archives, backups, restoring
from iris_desktop.store import registry as model_rows
from tests.store.zips import (
    manifest,
    members,
    patch_central,
    rebuilt,
    sha256,
    skops_like,
    state,
    with_database,
    write_zip,
)


@pytest.fixture
def good(trained_store, tmp_path):
    return backups.write_archive(trained_store, tmp_path / "good.zip")


@pytest.fixture
def art(trained_store):
    return model_rows.active_model(trained_store).artifact


def refuse(store, path, match: str) -> str:
    """Restore `path`, which must be refused with one line matching `match`, changing nothing."""
    before = state(store)
    with pytest.raises(backups.BackupError) as caught:
        backups.restore(path, store.path, store.models_dir)
    text = str(caught.value)
    assert "\n" not in text and text.endswith("; nothing was changed"), text
    assert str(path) in text and re.search(match, text), text
    assert state(store) == before
    assert not [p for p in store.path.parent.rglob("*") if p.name.startswith((".restore-", ".tmp-"))]
    return text


def symlink(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = 0o120777 << 16
    return info


def bzip2(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_BZIP2
    return info


# (case, members added, members dropped, what the message says)
MEMBER_CASES = [
    ("a path out of the archive", [("../evil.skops", skops_like())], (), r"'\.\./evil\.skops' points outside"),
    ("a path out of models/", [("models/../../evil.skops", skops_like())], (), "points outside"),
    ("an absolute path", [("/tmp/evil.skops", skops_like())], (), "'/tmp/evil.skops' has an absolute path"),
    ("a drive letter", [("C:/evil.skops", skops_like())], (), "has an absolute path"),
    ("a backslash", [("models\\evil.skops", skops_like())], (), "has a backslash"),
    ("an escape code in a name", [("models/evil\x1b[2J.skops", skops_like())], (), "control characters"),
    ("a folder", [("models/", b"")], (), "'models/' is a folder"),
    ("a name we never write", [("notes.txt", b"hello")], (), "'notes.txt' is not a file Iris Desktop writes"),
    ("a hidden model name", [("models/.tmp-x.skops", skops_like())], (), "is not a file Iris Desktop writes"),
    ("a model file of no version", [("models/zzz.skops", skops_like())], (), "its database does not refer to"),
    ("an old model file of no version", [("models/zzz.joblib", b"pickle")], (), "does not refer to"),
    ("a bzip2 member", [(bzip2("models/zzz.skops"), skops_like())], (), "compressed with method 12"),
    ("a manifest twice", [("manifest.json", manifest())], (), "'manifest.json' is in the archive twice"),
    ("a name twice but for case", [("MANIFEST.json", manifest())], (), "is in the archive twice"),
    ("no manifest", [], ("manifest.json",), r"not an Iris Desktop backup \(no manifest.json\)"),
    ("no database", [], ("iris.sqlite3",), r"not an Iris Desktop backup \(no iris.sqlite3\)"),
]


@pytest.mark.parametrize(("case", "add", "drop", "match"), MEMBER_CASES, ids=[c[0] for c in MEMBER_CASES])
def test_a_member_we_never_write_is_refused(trained_store, good, tmp_path, case, add, drop, match):
    refuse(trained_store, rebuilt(good, tmp_path / "hostile.zip", add=add, drop=drop), match)


def test_a_name_with_a_nul_is_refused(trained_store, good, tmp_path):
    """zipfile cuts a name at its NUL ('models/x.skops\\0.txt' would read as 'models/x.skops')."""
    path = rebuilt(good, tmp_path / "nul.zip", add=[("models/x.skops@.txt", skops_like())])
    path.write_bytes(path.read_bytes().replace(b"models/x.skops@.txt", b"models/x.skops\0.txt"))
    refuse(trained_store, path, r"'models/x.skops\\x00.txt' has a name with control characters")


def test_a_symbolic_link_is_refused_even_under_a_name_of_ours(trained_store, good, art, tmp_path):
    path = rebuilt(good, tmp_path / "link.zip", drop=(f"models/{art}",), add=[(symlink(f"models/{art}"), b"/etc")])
    refuse(trained_store, path, f"'models/{art}' is a symbolic link")


def test_a_model_file_twice_is_refused(trained_store, good, art, tmp_path):
    twice = rebuilt(good, tmp_path / "twice.zip", add=[(f"models/{art}", skops_like())])
    refuse(trained_store, twice, "is in the archive twice")


def test_an_encrypted_member_is_refused(trained_store, good, art, tmp_path):
    path = patch_central(rebuilt(good, tmp_path / "locked.zip"), f"models/{art}", 8, "<H", 0x1)
    refuse(trained_store, path, f"'models/{art}' is encrypted")


@pytest.mark.parametrize("member", ["iris.sqlite3", "models/zzz.skops"])
def test_a_zip_bomb_is_refused_by_its_ratio_before_a_byte_is_unpacked(trained_store, good, tmp_path, member):
    if member not in members(good):
        bomb = rebuilt(good, tmp_path / "bomb.zip", add=[(member, bytes(8 << 20))], level=9)
    else:
        bomb = rebuilt(good, tmp_path / "bomb.zip", replace={member: bytes(8 << 20)}, level=9)
    refuse(trained_store, bomb, rf"'{member}' is compressed 1,0\d\d to 1 \(a zip bomb\?\)")


def test_many_small_bombs_are_refused_by_the_whole_archive_s_ratio(trained_store, tmp_path):
    small = [(f"models/z{i}.skops", bytes(512 << 10)) for i in range(10)]  # each under RATIO_FLOOR
    path = write_zip(tmp_path / "bombs.zip", [("manifest.json", manifest()), ("iris.sqlite3", b"x"), *small], 9)
    refuse(
        trained_store,
        path,
        r"'models/z0.skops' and the other members unpack to [\d,]+ bytes from an archive of [\d,]+ \(a zip bomb\?\)",
    )


def test_a_member_over_its_cap_is_refused_from_its_header(trained_store, good, monkeypatch, tmp_path):
    monkeypatch.setattr(archives, "MAX_MODEL_BYTES", 1 << 20)
    path = rebuilt(good, tmp_path / "big.zip", add=[("models/zzz.skops", os.urandom(2 << 20))])
    refuse(trained_store, path, r"'models/zzz.skops' unpacks to 2,097,152 bytes, over the 1,048,576")


def test_a_database_over_its_cap_is_refused(trained_store, good, monkeypatch, tmp_path):
    monkeypatch.setattr(archives, "MAX_DATABASE_BYTES", 4096)
    refuse(trained_store, good, r"'iris.sqlite3' unpacks to [\d,]+ bytes, over the 4,096")


def test_a_header_that_lies_about_a_size_stops_the_copy_at_the_size_it_said(trained_store, good, tmp_path):
    path = patch_central(rebuilt(good, tmp_path / "liar.zip"), "iris.sqlite3", 24, "<L", 4096)
    refuse(trained_store, path, r"'iris.sqlite3' is damaged \(Bad CRC-32")


def test_the_copy_stops_at_its_cap_whatever_the_reader_gives(tmp_path):
    class Endless:
        def read(self, n):
            return bytes(n)

    with open(os.devnull, "rb") as devnull, open(tmp_path / "out", "wb") as out:
        archive = archives.Archive(tmp_path / "x.zip", devnull, 0, None)
        with pytest.raises(backups.BackupError, match="more than the 3,000,000"):
            archive._copy(Endless(), out, "iris.sqlite3", 3_000_000)
    assert (tmp_path / "out").stat().st_size <= 3_000_000


def test_too_many_members_are_refused_from_the_end_record(trained_store, tmp_path):
    many = [(f"models/m{i}.skops", b"") for i in range(archives.MAX_MEMBERS)]
    path = write_zip(tmp_path / "many.zip", [("manifest.json", manifest()), ("iris.sqlite3", b""), *many])
    refuse(trained_store, path, r"announces 10,004 members, a backup holds at most 10,002")


@pytest.mark.parametrize(
    ("case", "text", "match"),
    [
        ("not JSON", b"{", "its manifest"),
        ("a list", b"[]", "not an object"),
        ("escape codes in the reason", manifest(reason="\x1b[2Jmanual"), "a reason Iris Desktop never writes"),
        ("an installation id of another shape", manifest(installation_id="me"), "an installation id Iris"),
        ("a count as text", manifest(flowers="150"), "a flowers count"),
        ("no creation time", manifest(created=...), "lacks 'created'"),
    ],
)
def test_a_manifest_we_never_write_is_refused(trained_store, good, tmp_path, case, text, match):
    refuse(trained_store, rebuilt(good, tmp_path / "m.zip", replace={"manifest.json": text}), match)


def test_a_truncated_or_foreign_file_is_not_a_backup(trained_store, good, tmp_path):
    cut = tmp_path / "cut.zip"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    refuse(trained_store, cut, r"is not an Iris Desktop backup \(not a zip archive\)")
    noise = tmp_path / "noise.bin"
    noise.write_bytes(os.urandom(100_000))
    refuse(trained_store, noise, "is not an Iris Desktop backup")


@pytest.mark.skipif(os.name != "posix", reason="FIFOs are POSIX")
def test_a_fifo_or_a_folder_is_refused_without_blocking(trained_store, tmp_path):
    os.mkfifo(tmp_path / "fifo.zip")
    refuse(trained_store, tmp_path / "fifo.zip", r"not a regular file")
    (tmp_path / "folder.zip").mkdir()
    refuse(trained_store, tmp_path / "folder.zip", r"not a regular file")


def test_a_database_of_a_newer_schema_is_refused(trained_store, good, tmp_path):
    refuse(trained_store, with_database(good, tmp_path / "new.zip", "PRAGMA user_version = 99"), "schema 99")


def test_a_registry_row_naming_a_path_is_refused(trained_store, good, tmp_path):
    path = with_database(good, tmp_path / "path.zip", "UPDATE models SET artifact = '../../evil.skops'")
    refuse(trained_store, path, r"'iris.sqlite3' names a model file Iris Desktop never writes \(\.\./\.\./evil")


def test_a_skops_member_that_is_no_zip_is_refused(trained_store, good, art, tmp_path):
    pickle = b"\x80\x04\x95evil pickle"
    forged = f"UPDATE models SET artifact = 'evil.skops', sha256 = '{sha256(pickle)}'"
    path = with_database(good, tmp_path / "p.zip", forged, drop=(f"models/{art}",), add=[("models/evil.skops", pickle)])
    refuse(trained_store, path, "'models/evil.skops' is not a skops model file")


def test_too_little_disk_space_is_refused_before_anything_is_written(trained_store, good, monkeypatch):
    monkeypatch.setattr(restoring.shutil, "disk_usage", lambda path: _Usage(1 << 20))
    refuse(trained_store, good, r"needs about [\d,]+ MB free on the disk holding .*, which has 1 MB")


class _Usage:
    def __init__(self, free: int):
        self.total, self.used, self.free = 1 << 40, (1 << 40) - free, free


def test_a_hostile_archive_is_left_out_of_the_list_of_backups(trained_store, good):
    folder = backups.folder_of(trained_store.path)
    folder.mkdir(exist_ok=True)
    rebuilt(good, folder / "iris-20260101-000000-daily.zip", add=[("../evil", b"x")])
    assert backups.list_backups(trained_store.path) == []
    with pytest.raises(backups.BackupError, match="points outside"):
        backups.read_manifest(folder / "iris-20260101-000000-daily.zip")


def test_our_own_archive_of_a_store_full_of_free_pages_passes_the_ratio_check(trained_store, tmp_path):
    """SQLite here zeroes freed pages (secure_delete): a store that held many rows and
    lost them is mostly zeros, which deflate at level 1 packs 229 to 1, under the cap."""
    trained_store.execute("CREATE TABLE scratch (x BLOB)")
    trained_store.execute(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
        "INSERT INTO scratch SELECT randomblob(4000) FROM n"
    )
    trained_store.execute("DROP TABLE scratch")
    archive = backups.write_archive(trained_store, tmp_path / "sparse.zip")
    with zipfile.ZipFile(archive) as z:
        info = z.getinfo("iris.sqlite3")
    assert info.file_size > 10 << 20 and info.file_size / info.compress_size > 50
    assert backups.restore(archive, trained_store.path, trained_store.models_dir).backup is not None


def test_a_refused_archive_leaves_no_data_folder_behind(good, tmp_path):
    hostile = rebuilt(good, tmp_path / "hostile.zip", add=[("models/zzz.skops", skops_like())])
    target = tmp_path / "fresh" / "iris.sqlite3"
    with pytest.raises(backups.BackupError, match="does not refer to"):
        backups.restore(hostile, target, target.parent / "models")
    assert not target.parent.exists()
