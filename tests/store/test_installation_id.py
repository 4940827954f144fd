"""Each installation has a random id (meta `installation_id`), written into its archives,
so that restoring one written elsewhere can be asked about first."""

from __future__ import annotations

import json
import re
import sqlite3

from iris_desktop.store import Store, backups, database, recovery
from tests.store.zips import members, rebuilt


def ident(store: Store) -> str | None:
    return store.meta("installation_id")


def test_a_new_store_gets_an_id_that_stays(store):
    first = ident(store)
    assert first is not None and re.fullmatch(r"[0-9a-f]{32}", first)
    store.close()
    with Store.open(store.path, store.models_dir) as again:
        assert ident(again) == first


def test_a_store_of_the_previous_version_gets_one_on_open(store):
    store.execute("DELETE FROM meta WHERE key = 'installation_id'")
    store.close()
    database._checked.clear()
    with Store.open(store.path, store.models_dir) as again:
        assert re.fullmatch(r"[0-9a-f]{32}", ident(again))


def test_two_installations_have_different_ids(tmp_path):
    with Store.open(tmp_path / "a" / "iris.sqlite3") as a, Store.open(tmp_path / "b" / "iris.sqlite3") as b:
        assert ident(a) != ident(b)


def test_an_archive_carries_the_id_and_says_whether_it_is_foreign(trained_store, tmp_path):
    ours = backups.write_archive(trained_store, tmp_path / "ours.zip")
    assert backups.read_manifest(ours).installation_id == ident(trained_store)
    assert backups.foreign(backups.read_manifest(ours), trained_store.path) is False
    assert backups.inspect_backup(ours) == backups.read_manifest(ours)

    with Store.open(tmp_path / "elsewhere" / "iris.sqlite3") as other:
        theirs = backups.write_archive(other, tmp_path / "theirs.zip")
    assert backups.foreign(backups.read_manifest(theirs), trained_store.path) is True


def test_an_archive_of_an_older_version_has_no_id_and_counts_as_foreign(trained_store, tmp_path):
    good = backups.write_archive(trained_store, tmp_path / "good.zip")
    info = json.loads(members(good)["manifest.json"])
    del info["installation_id"]
    old = rebuilt(good, tmp_path / "old.zip", replace={"manifest.json": json.dumps(info).encode()})
    assert backups.read_manifest(old).installation_id is None
    assert backups.foreign(backups.read_manifest(old), trained_store.path) is True


def test_a_bare_database_file_counts_as_foreign(trained_store, tmp_path):
    bare = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(bare)
    trained_store.conn.backup(conn)
    conn.close()
    assert backups.inspect_backup(bare) is None and backups.foreign(None, trained_store.path) is True


def test_restoring_another_installation_s_archive_keeps_our_id(trained_store, tmp_path):
    mine = ident(trained_store)
    with Store.open(tmp_path / "elsewhere" / "iris.sqlite3") as other:
        theirs = backups.write_archive(other, tmp_path / "theirs.zip")
    backups.restore(theirs, trained_store.path, trained_store.models_dir)
    assert ident(trained_store) == mine == recovery.installation_id_of(trained_store.path)
    assert trained_store.execute("SELECT COUNT(*) FROM flowers").fetchone()[0] == 0  # their (empty) data


def test_restoring_into_an_empty_folder_keeps_the_archive_s_id(trained_store, tmp_path):
    archive = backups.write_archive(trained_store, tmp_path / "b.zip")
    target = tmp_path / "new" / "iris.sqlite3"
    backups.restore(archive, target, target.parent / "models")
    assert recovery.installation_id_of(target) == ident(trained_store)
