"""Daily flowers: a pure function of (installation seed, date, generator settings)."""
from __future__ import annotations

import datetime as dt
import random
from collections import Counter

import numpy as np
import pytest

from tests.conftest import stored_flowers
from iris_desktop.domain import FEATURE_NAMES, VARIETIES, Flower, Variety
from iris_desktop.pipelines import daily
from iris_desktop.pipelines.backfill import backfill
from iris_desktop.pipelines.inference import catch_up
from iris_desktop.store import Store
from iris_desktop.store import flowers as flower_table

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
    assert daily.flower_of(store, day[0]) == daily.generate(store.installation_seed(), daily.original_settings(), day)[0]
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
    """Settings are pinned at the first catch-up, so widening the measured bounds by an
    import later changes no day: a late catch-up still equals daily runs."""
    from iris_desktop.pipelines.backfill import import_csv
    from iris_desktop.store import Store

    stores = []
    for name in ("daily", "late"):
        s = Store.open(tmp_path / name / "iris.sqlite3")
        s.set_meta("installation_seed", str(SEED))
        backfill(s)
        catch_up(s, TODAY)
        stores.append(s)
    wide = tmp_path / "wide.csv"
    wide.write_text("sepal_length,sepal_width,petal_length,petal_width,variety\n9.9,9.9,9.9,9.9,setosa\n")
    daily_store, late_store = stores
    for offset in range(1, 11):  # one store runs every day, importing on day 3 ...
        if offset == 3:
            import_csv(daily_store, wide)
        catch_up(daily_store, TODAY + dt.timedelta(days=offset))
    import_csv(late_store, wide)  # ... the other imports first and catches up once
    catch_up(late_store, TODAY + dt.timedelta(days=10))
    assert _stored(daily_store) == _stored(late_store)
    for s in stores:
        s.close()


def test_fresh_store_starts_30_days_back(store):
    days = daily.missing_days(store, TODAY)
    assert len(days) == daily.DEFAULT_HISTORY_DAYS + 1 == 31
    assert days[0] == TODAY - dt.timedelta(days=30) and days[-1] == TODAY
    assert days == _days(days[0], 31)
    # the start is fixed the first time: a later launch does not move it
    assert daily.history_start(store, TODAY + dt.timedelta(days=5)) == days[0]
    assert daily.missing_days(store, TODAY + dt.timedelta(days=5))[0] == days[0]


def test_history_days_is_configurable(store):
    store.set_meta("history_days", "0")
    assert daily.missing_days(store, TODAY) == [TODAY]


def test_missing_days_continue_after_the_last_day(store):
    backfill(store)
    last = dt.date(2026, 2, 27)
    flower_table.add_daily_flowers(store, [last], daily.generate(SEED, daily.settings_for(store), [last]))
    assert daily.missing_days(store, dt.date(2026, 3, 2)) == [dt.date(2026, 2, 28), dt.date(2026, 3, 1), dt.date(2026, 3, 2)]
    assert daily.missing_days(store, last) == []


def test_clock_going_backwards_adds_nothing(store):
    catch_up(store, TODAY)
    before = _stored(store)
    assert daily.missing_days(store, TODAY - dt.timedelta(days=3)) == []
    summary = catch_up(store, TODAY - dt.timedelta(days=400))
    assert summary.days_added == 0 and summary.message().startswith("Up to date")
    assert _stored(store) == before
    # a clock set before the history start on a fresh store is no error either
    other = Store.open(store.path.parent / "other.sqlite3")
    other.set_meta("history_start", TODAY.isoformat())
    assert daily.missing_days(other, TODAY - dt.timedelta(days=1)) == []
    other.close()
