"""Daily flowers: a pure function of (installation seed, date, generator settings)."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter

import numpy as np
import pytest

from iris_desktop.domain import FEATURE_NAMES, VARIETIES, Flower, Variety
from iris_desktop.pipelines import daily, daily_calendar
from iris_desktop.pipelines.backfill import backfill
from iris_desktop.pipelines.inference import attribute_unrecorded_days, catch_up
from iris_desktop.store import SCHEMA_VERSION, Store
from iris_desktop.store import flowers as flower_table
from iris_desktop.store import generators as generator_table
from tests.conftest import stored_flowers

SEED = 1234567
TODAY = dt.date(2026, 6, 15)


def _days(start: dt.date, n: int) -> list[dt.date]:
    return [start + dt.timedelta(days=i) for i in range(n)]


def _open(folder, seed: int = SEED) -> Store:
    s = Store.open(folder / "iris.sqlite3")
    s.set_meta("installation_seed", str(seed))
    backfill(s)
    return s


@pytest.fixture
def twin_stores(tmp_path):
    """Two separate installations that share an installation seed."""
    a, b = _open(tmp_path / "a"), _open(tmp_path / "b")
    yield a, b
    a.close()
    b.close()


def _stored(store) -> dict[dt.date, Flower]:
    return {r.day: r.flower for r in flower_table.daily_flowers(store)}


@pytest.mark.parametrize("kind", daily.GENERATORS)
def test_same_seed_same_flowers_in_separate_stores(twin_stores, kind):
    a, b = twin_stores
    days = _days(dt.date(2025, 12, 20), 40)
    sa, sb = daily.settings_for(a, kind), daily.settings_for(b, kind)
    assert sa == sb and sa.key == sb.key
    assert daily.generate(SEED, sa, days) == daily.generate(SEED, sb, days)
    assert [daily.flower_of(a, d, sa) for d in days[:5]] == [daily.flower_of(b, d, sb) for d in days[:5]]


@pytest.mark.parametrize("kind", daily.GENERATORS)
def test_order_does_not_matter(store, kind):
    backfill(store)
    settings = daily.settings_for(store, kind)
    days = _days(dt.date(2024, 2, 20), 60)  # across a leap day
    forward = dict(zip(days, daily.generate(SEED, settings, days)))
    backward = list(reversed(days))
    assert dict(zip(backward, daily.generate(SEED, settings, backward))) == forward
    shuffled = days[:]
    random.Random(7).shuffle(shuffled)
    assert dict(zip(shuffled, daily.generate(SEED, settings, shuffled))) == forward
    one_by_one = {d: daily.generate(SEED, settings, [d])[0] for d in shuffled}
    assert one_by_one == forward


def test_catch_up_at_once_equals_day_by_day(twin_stores):
    a, b = twin_stores
    start = TODAY - dt.timedelta(days=45)
    for s in (a, b):
        s.set_meta("history_start", start.isoformat())
    summary = catch_up(a, TODAY)  # 46 days in one go
    assert summary.days_added == 46
    assert (summary.first_day, summary.last_day) == (start, TODAY)
    for day in _days(start, 46):
        added = catch_up(b, day).days_added
        assert added == 1
    assert catch_up(b, TODAY).days_added == 0
    stored_a, stored_b = _stored(a), _stored(b)
    assert list(stored_a) == _days(start, 46)
    assert stored_a == stored_b
    # and they are what the pure function says
    assert list(stored_a.values()) == daily.generate(SEED, daily.settings_for(a), _days(start, 46))


def test_catch_up_in_uneven_chunks_equals_at_once(twin_stores):
    a, b = twin_stores
    start = TODAY - dt.timedelta(days=30)
    for s in (a, b):
        s.set_meta("history_start", start.isoformat())
    catch_up(a, TODAY)
    for gap in (3, 10, 11, 30):  # the app was closed for a while between runs
        catch_up(b, start + dt.timedelta(days=gap))
    assert _stored(a) == _stored(b)


def test_different_seeds_give_different_flowers(store):
    backfill(store)
    settings = daily.settings_for(store)
    days = _days(dt.date(2026, 1, 1), 50)
    one, other = daily.generate(1, settings, days), daily.generate(2, settings, days)
    same = sum(x == y for x, y in zip(one, other))
    assert same <= 2  # an occasional identical flower is possible, a pattern is not
    assert daily.generate(1, settings, days) == one


def test_generator_settings_are_part_of_the_seed(store):
    backfill(store)
    day = [dt.date(2026, 3, 1)]
    keys = {kind: daily.settings_for(store, kind).key for kind in daily.GENERATORS}
    assert len(set(keys.values())) == 3
    store.set_meta("daily_generator", "original")
    assert daily.settings_for(store) == daily.original_settings()
    assert (
        daily.flower_of(store, day[0]) == daily.generate(store.installation_seed(), daily.original_settings(), day)[0]
    )
    with pytest.raises(ValueError, match="unknown generator"):
        daily.settings_for(store, "lunar")


@pytest.mark.parametrize("kind", daily.GENERATORS)
def test_generators_give_valid_roughly_uniform_flowers(store, kind):
    backfill(store)
    settings = daily.settings_for(store, kind)
    flowers = daily.generate(SEED, settings, _days(dt.date(2020, 1, 1), 3000))
    assert len(flowers) == 3000
    assert all(isinstance(f, Flower) and f.variety in VARIETIES for f in flowers)
    values = np.array([f.measurements for f in flowers])
    assert np.isfinite(values).all() and (values >= daily.MIN_CM).all()
    assert np.array_equal(values, np.round(values, 1))  # one decimal, like the data set
    shares = {v: n / 3000 for v, n in Counter(f.variety for f in flowers).items()}
    assert set(shares) == set(VARIETIES)
    assert all(0.25 <= s <= 0.42 for s in shares.values()), shares
    # the measurements follow the variety: setosa petals are the shortest on average
    petal = {v: values[[f.variety is v for f in flowers], 2].mean() for v in VARIETIES}
    assert petal[Variety.SETOSA] < petal[Variety.VERSICOLOR] < petal[Variety.VIRGINICA]


def test_original_generator_stays_inside_its_bounds():
    settings = daily.original_settings()
    for flower in daily.generate(SEED, settings, _days(dt.date(2021, 1, 1), 2000)):
        bounds = daily.ORIGINAL_BOUNDS[flower.variety]
        for name, value in zip(FEATURE_NAMES, flower.measurements):
            low, high = bounds[name]
            assert low <= value <= high, (flower, name)


def test_original_bounds_are_min_max_pairs():
    for bounds in daily.ORIGINAL_BOUNDS.values():
        assert all(low < high for low, high in bounds.values())  # the lab's swap is fixed
    assert daily.ORIGINAL_BOUNDS[Variety.SETOSA]["sepal_width"] == (2.3, 4.5)


def test_measured_generator_stays_inside_the_data(store):
    backfill(store)
    rows = stored_flowers(store)
    flowers = daily.generate(SEED, daily.settings_for(store, "measured"), _days(dt.date(2021, 1, 1), 1000))
    for v in VARIETIES:
        data = np.array([f.measurements for f in rows if f.variety is v])
        made = np.array([f.measurements for f in flowers if f.variety is v])
        assert (made >= data.min(axis=0) - 1e-9).all() and (made <= data.max(axis=0) + 1e-9).all()


def test_measured_settings_of_an_empty_store_come_from_the_bundled_set_without_storing(store):
    settings = daily.settings_for(store, "measured")
    backfill(store)
    assert settings == daily.settings_for(store, "measured")
    store.execute("DELETE FROM flowers")
    assert daily.settings_for(store, "measured") == settings
    assert flower_table.count_by_source(store)["backfill"] == 0


def test_an_import_between_catch_ups_does_not_change_later_days(tmp_path):
    """Settings are pinned at the first catch-up, so changing the stored data by an
    import later (the fit of every generator moves) changes no day: a late catch-up
    still equals daily runs."""
    from iris_desktop.store import Store

    stores = []
    for name in ("daily", "late"):
        s = Store.open(tmp_path / name / "iris.sqlite3")
        s.set_meta("installation_seed", str(SEED))
        backfill(s)
        catch_up(s, TODAY)
        stores.append(s)
    wide = [Flower(6.5, 4.6, 2.5, 0.8, Variety.SETOSA), Flower(4.0, 1.9, 2.8, 0.7, Variety.VERSICOLOR)]
    daily_store, late_store = stores
    pinned = daily.settings_for(daily_store)
    for offset in range(1, 11):  # one store runs every day, importing on day 3 ...
        if offset == 3:
            flower_table.add_flowers(daily_store, wide, "import")
            assert daily.settings_for(daily_store, pinned.kind).key != pinned.key  # the fit moved
        catch_up(daily_store, TODAY + dt.timedelta(days=offset))
    flower_table.add_flowers(late_store, wide, "import")  # ... the other imports first and catches up once
    catch_up(late_store, TODAY + dt.timedelta(days=10))
    assert _stored(daily_store) == _stored(late_store)
    for s in stores:
        s.close()


def test_fresh_store_holds_31_days_today_the_last(store):
    days = daily_calendar.missing_days(store, TODAY)
    assert len(days) == daily_calendar.DEFAULT_HISTORY_DAYS == 31
    assert days[0] == TODAY - dt.timedelta(days=30) and days[-1] == TODAY
    assert days == _days(days[0], 31)
    # the start is fixed the first time: a later launch does not move it
    assert daily_calendar.history_start(store, TODAY + dt.timedelta(days=5)) == days[0]
    assert daily_calendar.missing_days(store, TODAY + dt.timedelta(days=5))[0] == days[0]


@pytest.mark.parametrize("chosen, days", [("7", 7), ("1", 1), ("0", 1)])  # 0: out of range, brought into it
def test_history_days_is_configurable(store, chosen, days):
    store.set_meta("history_days", chosen)  # N days, today the last
    assert daily_calendar.missing_days(store, TODAY) == _days(TODAY - dt.timedelta(days=days - 1), days)


def test_missing_days_continue_after_the_last_day(store):
    backfill(store)
    last = dt.date(2026, 2, 27)
    flower_table.add_daily_flowers(store, [last], daily.generate(SEED, daily.settings_for(store), [last]))
    assert daily_calendar.missing_days(store, dt.date(2026, 3, 2)) == [
        dt.date(2026, 2, 28),
        dt.date(2026, 3, 1),
        dt.date(2026, 3, 2),
    ]
    assert daily_calendar.missing_days(store, last) == []


def test_clock_going_backwards_adds_nothing(store):
    catch_up(store, TODAY)
    before = _stored(store)
    assert daily_calendar.missing_days(store, TODAY - dt.timedelta(days=3)) == []
    summary = catch_up(store, TODAY - dt.timedelta(days=400))
    assert summary.days_added == 0 and summary.message().startswith("Up to date")
    assert _stored(store) == before
    # a clock set before the history start on a fresh store is no error either
    other = Store.open(store.path.parent / "other.sqlite3")
    other.set_meta("history_start", TODAY.isoformat())
    assert daily_calendar.missing_days(other, TODAY - dt.timedelta(days=1)) == []
    other.close()


# ---- the realistic default, old stores, which generator made each day --------------------


def _cloud_share(X: np.ndarray, y: np.ndarray, data_X: np.ndarray, data_y: np.ndarray) -> float:
    """Share of generated flowers inside their variety's observed cloud: within the
    Mahalanobis distance (by the variety's stored flowers) that holds 95 % of them."""

    def distance(A, mean, inverse):
        d = A - mean
        return np.einsum("ni,ij,nj->n", d, inverse, d)

    inside = []
    for v in range(3):
        real = data_X[data_y == v]
        by = (real.mean(axis=0), np.linalg.inv(np.cov(real, rowvar=False)))
        inside.append(distance(X[y == v], *by) <= np.quantile(distance(real, *by), 0.95))
    return float(np.concatenate(inside).mean())


def test_mvnormal_keeps_each_varietys_covariance_positive_values_and_tenths(store):
    backfill(store)
    settings = daily.settings_for(store, "mvnormal")
    X, y = daily.generate_arrays(SEED, settings, _days(dt.date(2000, 1, 1), 20_000))
    assert (X >= daily.MIN_CM).all() and np.array_equal(X, np.round(X, 1))
    data_X, data_y = flower_table.feature_matrix(store, ("backfill",))
    for v in range(3):  # full covariance: the correlations of the real flowers, not independent draws
        made, real = np.corrcoef(X[y == v], rowvar=False), np.corrcoef(data_X[data_y == v], rowvar=False)
        assert np.abs(made - real).max() < 0.06, (v, made.round(2), real.round(2))
    # positive by drawing again (a truncated normal), not by raising values to 0.1 cm
    # as the first Gaussian did: no pile of the draws below 0 at the limit
    from statistics import NormalDist

    mean, sd = settings.means()[0, 3], np.sqrt(settings.covariances()[0, 3, 3])
    below = NormalDist(mean, sd).cdf(0.05)  # rounds to less than 0.1 cm
    truncated = (NormalDist(mean, sd).cdf(0.15) - below) / (1 - below)
    assert (X[y == 0, 3] == 0.1).mean() == pytest.approx(truncated, abs=0.015)
    old_X, old_y = daily.generate_arrays(
        SEED, daily.settings_for(store, "gaussian"), _days(dt.date(2000, 1, 1), 20_000)
    )
    assert (old_X[old_y == 0, 3] == 0.1).mean() == pytest.approx(NormalDist(mean, sd).cdf(0.15), abs=0.015)


def test_the_default_generators_flowers_fall_inside_each_varietys_observed_cloud(store):
    from sklearn.neighbors import KNeighborsClassifier

    backfill(store)
    data_X, data_y = flower_table.feature_matrix(store, ("backfill",))
    knn = KNeighborsClassifier(n_neighbors=5).fit(data_X, data_y)
    days = _days(dt.date(2030, 1, 1), 1000)
    agreement, cloud = {}, {}
    for kind in daily.GENERATORS:
        X, y = daily.generate_arrays(SEED, daily.settings_for(store, kind), days)
        agreement[kind] = float((knn.predict(X) == y).mean())
        cloud[kind] = _cloud_share(X, y, data_X, data_y)
    print(f"\nKNN (k=5, bundled set) agrees with the generated label on 1,000 days: {agreement}")
    print(f"inside the variety's 95 % cloud of the stored flowers: {cloud}")
    assert agreement["mvnormal"] >= 0.90
    # KNN agreement hardly tells them apart (setosa is easy for any generator); the cloud does:
    assert cloud["mvnormal"] >= 0.85
    assert cloud["measured"] <= 0.5 and cloud["original"] <= 0.5


def test_new_stores_use_the_multivariate_normal_and_pinned_stores_keep_theirs(tmp_path):
    fresh = _open(tmp_path / "fresh")
    catch_up(fresh, TODAY)
    assert daily.settings_for(fresh).kind == "mvnormal"
    # a store that pinned the uniform boxes (every store before this version) keeps them
    old = _open(tmp_path / "old")
    measured = daily.settings_for(old, "measured")
    legacy_json = measured.to_json().replace(', "basis": "the 150 stored flowers"', "")
    assert "basis" not in legacy_json  # as an earlier version wrote it
    old.set_meta("daily_settings", legacy_json)
    catch_up(old, TODAY)
    assert list(_stored(old).values()) == daily.generate(SEED, measured, _days(TODAY - dt.timedelta(days=30), 31))
    assert daily.settings_for(old).key == measured.key
    for s in (fresh, old):
        s.close()


def test_a_store_pinned_to_the_first_gaussian_keeps_making_its_days(tmp_path):
    a = _open(tmp_path / "a")
    gaussian = daily.settings_for(a, "gaussian")  # the legacy kind: values raised to 0.1, not redrawn
    a.set_meta("daily_generator", "gaussian")
    a.set_meta("daily_settings", gaussian.to_json())
    catch_up(a, TODAY)
    assert list(_stored(a).values()) == daily.generate(SEED, gaussian, _days(TODAY - dt.timedelta(days=30), 31))
    assert "earlier version" in daily.settings_for(a).describe()
    # choosing "gaussian" now means the multivariate normal
    assert daily.set_generator(a, "gaussian").kind == "mvnormal"
    with pytest.raises(ValueError, match="unknown generator"):
        daily.set_generator(a, "lunar")
    a.close()


def test_a_generator_change_applies_from_the_next_missing_day(twin_stores):
    a, b = twin_stores
    catch_up(a, TODAY)
    catch_up(b, TODAY)
    before = _stored(a)
    daily.set_generator(a, "original")  # a changes, b does not
    assert _stored(a) == before  # stored days never change
    assert daily_calendar.next_day(a, TODAY) == TODAY + dt.timedelta(days=1)
    later = TODAY + dt.timedelta(days=20)
    catch_up(a, later)
    catch_up(b, later)
    new_days = _days(TODAY + dt.timedelta(days=1), 20)
    stored_a, stored_b = _stored(a), _stored(b)
    assert (
        {d: f for d, f in stored_a.items() if d <= TODAY} == before == {d: f for d, f in stored_b.items() if d <= TODAY}
    )
    assert [stored_a[d] for d in new_days] == daily.generate(SEED, daily.original_settings(), new_days)
    assert sum(stored_a[d] == stored_b[d] for d in new_days) <= 1
    # and each day says which generator made it
    made_by = daily.recorded_generators(a)
    _, generator_ids = generator_table.daily_generator_ids(a)
    kinds = [made_by[g].kind for g in generator_ids.tolist()]
    assert kinds == ["mvnormal"] * 31 + ["original"] * 20


def test_days_stored_before_generators_were_recorded_are_matched_to_theirs(tmp_path):
    """A store from before migration 3: its days get the generator that makes them again."""
    import sqlite3

    from iris_desktop.store.schema import MIGRATIONS

    path = tmp_path / "v2" / "iris.sqlite3"
    path.parent.mkdir()
    raw = sqlite3.connect(path)
    for script in MIGRATIONS[:2]:
        raw.executescript(script)
    raw.execute("PRAGMA user_version = 2")
    measured = daily.original_settings()
    days = _days(TODAY - dt.timedelta(days=9), 10)
    values, variety = daily.generate_arrays(SEED, measured, days)
    raw.execute("INSERT INTO meta VALUES ('installation_seed', ?)", (str(SEED),))
    raw.execute("INSERT INTO meta VALUES ('daily_settings', ?)", (measured.to_json(),))
    raw.executemany(
        "INSERT INTO flowers (sepal_length, sepal_width, petal_length, petal_width, variety, source, day) "
        "VALUES (?, ?, ?, ?, ?, 'daily', ?)",
        [(*v, VARIETIES[k].value, d.isoformat()) for v, k, d in zip(values.tolist(), variety.tolist(), days)],
    )
    raw.execute("UPDATE flowers SET petal_length = 9.9 WHERE day = ?", (days[0].isoformat(),))  # no generator makes it
    raw.commit()
    raw.close()
    with Store.open(path) as s:
        assert s.schema_version() == SCHEMA_VERSION  # migrated to the latest
        assert (generator_table.daily_generator_ids(s)[1] == 0).all()
        catch_up(s, TODAY + dt.timedelta(days=1))
        _, generator_ids = generator_table.daily_generator_ids(s)
        made_by = daily.recorded_generators(s)
        assert generator_ids[0] == 0  # not recorded: stays unknown
        assert {made_by[g].key for g in generator_ids[1:].tolist()} == {measured.key}
        assert attribute_unrecorded_days(s) == 0  # once per store


def test_the_generators_own_view_of_a_flower(store):
    backfill(store)
    boxes = daily.original_settings()
    # petal 5.0 x 1.6 lies in both the versicolor and the virginica box: the generator cannot tell
    p = boxes.posterior([[6.0, 2.8, 5.0, 1.6], [5.0, 3.4, 1.5, 0.4], [9.0, 9.0, 9.0, 9.0]])
    assert p[0, 0] == 0 and 0.2 < p[0, 1] < 0.8 and p[0, 1] + p[0, 2] == pytest.approx(1)
    assert p[1].tolist() == [1.0, 0.0, 0.0]
    assert np.isnan(p[2]).all()
    normal = daily.settings_for(store, "mvnormal").posterior([[5.0, 3.4, 1.5, 0.2], [6.3, 2.8, 4.9, 1.6]])
    assert normal[0, 0] > 0.99 and normal.sum(axis=1) == pytest.approx([1, 1])
    assert normal[1, 1] < 0.9 and normal[1, 2] > 0.1  # where versicolor and virginica overlap
