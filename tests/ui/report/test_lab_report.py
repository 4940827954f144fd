"""The lab report: valid, self-contained HTML (no external reference, a picture in every
section), the tabs' figures, a PDF, and a store with no days yet; written by `report`."""

from __future__ import annotations

import datetime as dt
import html.parser
import re

import pytest

from iris_desktop.cli import main
from iris_desktop.pipelines import monitoring
from iris_desktop.pipelines.inference import catch_up
from iris_desktop.pipelines.report_data import gather
from iris_desktop.store import flowers as flower_table
from iris_desktop.ui.app import application
from iris_desktop.ui.report.export import write_report
from tests.conftest import TODAY

LATER = TODAY + dt.timedelta(days=200)


class _Parsed(html.parser.HTMLParser):
    """Sections with their images, every src/href, and whether tags balance."""

    VOID = frozenset({"meta", "img", "br", "hr", "link", "input"})

    def __init__(self) -> None:
        super().__init__()
        self.sections: list[list[str]] = []
        self.refs: list[str] = []
        self.open: list[str] = []
        self.text = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag not in self.VOID:
            self.open.append(tag)
        if tag == "section":
            self.sections.append([])
        if tag == "img":
            assert attrs.get("alt"), "every picture has a text alternative"
            self.sections[-1].append(attrs["src"])
        self.refs += [v for k, v in attrs.items() if k in ("src", "href") and v]

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, (tag, self.open[-3:])
        self.open.pop()

    def handle_data(self, data):
        self.text += data


def _parse(path) -> _Parsed:
    parsed = _Parsed()
    parsed.feed(path.read_text(encoding="utf-8"))
    parsed.close()
    assert parsed.open == []
    return parsed


@pytest.fixture
def lab(trained_store):
    catch_up(trained_store, LATER)
    return trained_store


def test_the_report_is_self_contained_html_with_the_tabs_figures(lab, tmp_path, qtbot):
    application()
    data = gather(lab, LATER)
    path = write_report(data, tmp_path / "lab.html")
    parsed = _parse(path)
    assert len(parsed.sections) == 5 and all(parsed.sections), "a picture in every section"
    assert all(ref.startswith("data:image/png;base64,") for ref in parsed.refs)
    assert not re.search(r"https?://|url\(|<script|<link", path.read_text(encoding="utf-8"), re.I)
    history = monitoring.history_columns(lab, end=LATER)
    right, days = int(history.correct.sum()), len(history)
    assert f"{right:,} of {days:,} days predicted right ({right / days:.1%})" in parsed.text
    counts = flower_table.count_by_source(lab)
    assert f"{sum(counts.values()):,} flowers are stored" in parsed.text
    assert data.worst and data.worst[0].headline() in parsed.text


def test_a_pdf_is_written(lab, tmp_path, qtbot):
    application()
    path = write_report(gather(lab, LATER), tmp_path / "lab.pdf")
    assert path.read_bytes()[:5] == b"%PDF-" and path.stat().st_size > 10_000


def test_a_store_with_no_days_still_makes_a_report(store, tmp_path, qtbot):
    application()
    parsed = _parse(write_report(gather(store, TODAY), tmp_path / "empty.html"))
    assert "No days yet" in parsed.text and "No usable active model" in parsed.text


def test_the_command_line_writes_it_and_refuses_an_unknown_format(lab, tmp_path, capsys):
    target = tmp_path / "r.html"
    assert main(["report", "--out", str(target), "--today", LATER.isoformat(), "--from", "2026-07-01"]) == 0
    assert capsys.readouterr().out.startswith("Wrote the lab report")
    assert "days from 2026-07-01" in _parse(target).text
    assert main(["report", "--out", str(tmp_path / "r.docx")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and ".html or .pdf" in err
    assert main(["report", "--out", str(tmp_path / "missing" / "r.html")]) == 2
    assert "does not exist" in capsys.readouterr().err
