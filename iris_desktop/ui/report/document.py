"""The lab report as one HTML document: sections in the order of the lab's pipelines,
numbers from ReportData, pictures given as PNG bytes. Self-contained: images inline
(data: URIs), styles inline, no script, no external reference; it prints well. For PDF
the same document names its images instead (Qt's text engine loads them as resources).

Its words are the user's language (the `lang` attribute says which) and its numbers the
locale's; the core's sentences that the History tab translates (a generator, a drift
verdict) are translated the same way, and the rest of the core's words (why a model
cannot be used) stay as the core wrote them. Variety names are not translated."""

from __future__ import annotations

import base64
import html
from collections.abc import Callable, Sequence

from PySide6.QtCore import QLocale

from iris_desktop import __version__
from iris_desktop.domain import FEATURES, VARIETIES
from iris_desktop.pipelines.explain import Explanation
from iris_desktop.pipelines.report_data import ReportData
from iris_desktop.ui.runtime.i18n import number, percent, tr
from iris_desktop.ui.tabs.history import drift_text
from iris_desktop.ui.tabs.history.words import generator_text
from iris_desktop.ui.tabs.pipelines.run_text import source_text
from iris_desktop.ui.widgets import strings

STYLE = """
body { font-family: sans-serif; font-size: 10.5pt; color: #1a1a1a; max-width: 60em; margin: 1.5em auto; }
h1 { font-size: 18pt; margin-bottom: 0.2em; } h2 { font-size: 14pt; border-bottom: 1px solid #999;
margin-top: 1.6em; page-break-after: avoid; } h3 { font-size: 11.5pt; margin-bottom: 0.3em; }
table { border-collapse: collapse; margin: 0.5em 0; } th, td { border: 1px solid #bbb; padding: 2px 6px; }
td.n { text-align: right; } img { max-width: 100%; } .note { color: #555; }
section { page-break-inside: avoid; } @media print { body { margin: 0; } }
"""

PDF_IMAGE_WIDTH = 620  # px at 96 dpi: A4 less its margins

# name -> (PNG bytes or None); the document refers to each by name
Pictures = dict[str, bytes | None]


def build(data: ReportData, pictures: Pictures, inline: bool = True) -> str:
    """The report as HTML. `inline`: images as data: URIs (a file to share); else as
    their names (for QTextDocument resources, when printing to PDF)."""

    def image(name: str, alt: str, width: int = PDF_IMAGE_WIDTH) -> str:
        png = pictures.get(name)
        if png is None:
            return ""
        if inline:
            src = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
            return f'<p><img src="{src}" alt="{_e(alt)}" width="{width}"></p>'
        # Qt's text engine knows no max-width: the page's width, at most
        return f'<p><img src="{name}" alt="{_e(alt)}" width="{width}"></p>'

    window = tr("{start} to {end}").format(start=data.start or tr("the first day"), end=data.end)
    made = tr("Made by Iris Desktop {version} on {when}; days from {window}.").format(
        version=__version__, when=f"{data.made:%Y-%m-%d %H:%M}", window=window
    )
    heading = tr("Iris lab report, {day}").format(day=f"{data.made:%Y-%m-%d}")
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{_e(language())}"><head><meta charset="utf-8">',
        f"<title>{_e(heading)}</title>",
        f"<style>{STYLE}</style></head><body>",
        f"<h1>{_e(title())}</h1>",
        f'<p class="note">{_e(made)}</p>',
        _data_section(data, image),
        _model_section(data, image),
        _daily_section(data, image),
        _monitor_section(data, image),
        _worst_section(data, image),
        "</body></html>",
    ]
    return "\n".join(p for p in parts if p)


def title() -> str:
    """The report's title (the PDF's too)."""
    return tr("Iris lab report")


def language() -> str:
    """The language the report is written in, as HTML names it ("en", "sv"): the
    locale's, which the app sets with its language (ui/runtime/i18n.py)."""
    return QLocale().bcp47Name() or "en"


def _e(value: object) -> str:
    return html.escape(str(value))


def _p(text: str) -> str:
    """A paragraph of plain text."""
    return f"<p>{_e(text)}</p>"


def _h(level: int, text: str) -> str:
    return f"<h{level}>{_e(text)}</h{level}>"


def _table(head: Sequence[str], rows: Sequence[Sequence[object]], numeric_from: int = 1) -> str:
    out = ["<table><tr>", *(f"<th>{_e(h)}</th>" for h in head), "</tr>"]
    for row in rows:
        cells = (f'<td class="n">{_e(v)}</td>' if i >= numeric_from else f"<td>{_e(v)}</td>" for i, v in enumerate(row))
        out += ["<tr>", *cells, "</tr>"]
    out.append("</table>")
    return "".join(out)


def _data_section(data: ReportData, image: Callable[..., str]) -> str:
    rows: list[list[object]] = []
    total = [0] * (len(VARIETIES) + 1)
    for source, counts in data.counts.items():
        numbers = [*(counts[v.value] for v in VARIETIES), sum(counts.values())]
        total = [a + b for a, b in zip(total, numbers)]
        rows.append([source_text(source), *numbers])
    stored = tr(
        "{count:,} flowers are stored: the bundled data set (backfill), imported files and "
        "one synthetic flower per day."
    ).format(count=len(data.flowers))
    return "".join(
        [
            "<section>",
            _h(2, tr("1. The data (feature pipeline)")),
            _p(stored),
            _table([tr("Source"), *(v.label for v in VARIETIES), tr("All")], [*rows, [tr("all"), *total]]),
            image("scatter_matrix", tr("Scatter-plot matrix of every stored flower, coloured by variety")),
            "</section>",
        ]
    )


def _model_section(data: ReportData, image: Callable[..., str]) -> str:
    parts = ["<section>", _h(2, tr("2. The model (training pipeline)"))]
    if data.model is None:
        if data.model_problem:  # the core's words
            parts.append(_p(tr("No usable active model: {problem}.").format(problem=data.model_problem)))
        else:
            parts.append(_p(tr("No usable active model.")))
    else:
        r = data.model.record
        m = r.metrics
        parts.append(
            "<p>"
            + tr(
                "Active: <b>{model}</b>, trained on {train} flowers and tested on {test}: test accuracy "
                "{accuracy:.1%}, cross-validated {cv:.1%} ± {cv_sd:.1%}."
            ).format(
                model=_e(r.describe()),
                train=_e(m.get("n_train", "?")),
                test=_e(m.get("n_test", "?")),
                accuracy=r.accuracy,
                cv=m.get("cv_mean", float("nan")),
                cv_sd=m.get("cv_std", float("nan")),
            )
            + "</p>"
        )
        parts.append(image("test_confusion", tr("Confusion matrix of the active model on its test flowers"), 340))
        if data.curve is not None:
            parts.append(_h(3, tr("Validation curve")))
            parts.append(_p(tr("Cross-validated accuracy by k; best k = {k}.").format(k=data.curve.best_k)))
            parts.append(
                image("validation_curve", tr("KNN validation curve: training and cross-validated accuracy by k"))
            )
    rows = [
        [
            tr("v{version} (active)").format(version=r.version) if r.active else f"v{r.version}",
            r.algorithm,
            percent(r.accuracy, 1),
            percent(r.metrics.get("cv_mean", float("nan")), 1),
            r.created_at[:16].replace("T", " "),
        ]
        for r in data.records
    ]
    if rows:
        parts.append(_h(3, tr("The registry")))
        head = [tr("Version"), tr("Algorithm"), tr("Test accuracy"), tr("CV accuracy"), tr("Created (UTC)")]
        parts.append(_table(head, rows, 2))
    parts.append("</section>")
    return "".join(parts)


def _daily_section(data: ReportData, image: Callable[..., str]) -> str:
    parts = ["<section>", _h(2, tr("3. The daily pipeline"))]
    if not data.days:
        parts.append(_p(tr("No days yet: the daily pipeline has not made a flower in this window.")))
    else:
        first, last = data.history.day[0].item(), data.history.day[-1].item()
        parts.append(
            _p(
                tr("{days:,} days, from {first} to {last}. The days to come are made by {generator}.").format(
                    days=data.days, first=first, last=last, generator=generator_text(data.generator)
                )
            )
        )
        rows = [[str(day), generator_text(what)] for day, what in data.generator_changes]
        parts.append(_table([tr("From"), tr("Generator")], rows, 2))
        parts.append(
            image("daily_flowers", tr("The daily flowers over the stored ones; wrongly predicted days ringed"))
        )
    parts.append("</section>")
    return "".join(parts)


def _monitor_section(data: ReportData, image: Callable[..., str]) -> str:
    parts = ["<section>", _h(2, tr("4. The monitor (batch inference)"))]
    if not data.days:
        parts.append(_p(tr("No days yet: nothing to monitor.")) + "</section>")
        return "".join(parts)
    rolling = data.accuracy.rolling[-1]
    parts.append(
        _p(
            tr(
                "{right:,} of {days:,} days predicted right ({share:.1%}); the last {window} days: {rolling:.0%}."
            ).format(
                right=data.correct,
                days=data.days,
                share=data.correct / data.days,
                window=data.accuracy.window,
                rolling=rolling,
            )
        )
    )
    if data.model_switches:
        switches = strings.LIST_SEPARATOR.join(
            tr("v{version} from {day}").format(version=v, day=d) for d, v in data.model_switches
        )
        parts.append(_p(tr("Model changes: {changes}.").format(changes=switches)))
    parts.append(image("accuracy", tr("Accuracy over time with its 95% interval; model and generator changes marked")))
    parts.append(_h(3, tr("Confusion matrix over the window")))
    parts.append(image("monitor_confusion", tr("Confusion matrix of the daily predictions in the window"), 340))
    if data.drift is not None:
        parts.append(_h(3, tr("Drift of the daily flowers")) + "<ul>")
        parts += [f"<li>{_e(drift_text.verdict(f))}</li>" for f in data.drift.features]
        parts.append("</ul>")
        parts.append(image("drift", tr("Each measurement's distribution: daily flowers against the training flowers")))
    parts.append("</section>")
    return "".join(parts)


def _worst_section(data: ReportData, image: Callable[..., str]) -> str:
    parts = ["<section>", _h(2, tr("5. The worst days, explained"))]
    if not data.worst:
        parts.append(_p(tr("No day was predicted wrong in this window.")))
    for i, facts in enumerate(data.worst):
        parts.append(_explained(facts))
        alt = tr("The flower of {day}: as predicted and as it was").format(day=facts.day)
        parts.append(image(f"worst_{i}", alt, 400))
    parts.append("</section>")
    return "".join(parts)


def headline(facts: Explanation) -> str:
    """Explanation.headline(), in the user's language."""
    return tr("Day {day}: predicted {predicted}, actually {actual} ({verdict}), model v{version} ({when})").format(
        day=facts.day,
        predicted=facts.predicted.value,
        actual=facts.actual.value,
        verdict=tr("right") if facts.correct else tr("wrong"),
        version=facts.model_version,
        when=tr("at the time") if facts.at_the_time else tr("asked for"),
    )


def _explained(facts: Explanation) -> str:
    names = {f.name: strings.feature_display(f) for f in FEATURES}
    measured = strings.LIST_SEPARATOR.join(
        tr("{feature} {value:.1f} cm").format(feature=names[f.name], value=v)
        for f, v in zip(FEATURES, facts.measurements)
    )
    chances = strings.LIST_SEPARATOR.join(
        tr("{name} {probability:.0%}").format(name=v.label, probability=p)
        for v, p in zip(VARIETIES, facts.probabilities)
    )
    flips = [
        tr("{feature} {change:+.2f} cm → {variety}").format(
            feature=names.get(f.feature, f.feature.replace("_", " ")).lower(), change=f.change, variety=f.becomes.label
        )
        for f in facts.flips
        if f.change is not None and f.becomes is not None
    ]
    changes = tr("; ").join(flips) or tr("nothing within the data range")
    neighbours = _table(
        [tr("Nearest stored flower (cm)"), tr("Variety"), tr("Distance"), tr("In its training data")],
        [
            [
                " ".join(number(v, 1) for v in n.measurements),
                n.variety.label,
                number(n.distance, 2),
                strings.COLUMN_YES if n.in_training else strings.COLUMN_NO,
            ]
            for n in facts.neighbours
        ],
        2,
    )
    said = tr(
        "{measurements}. Probabilities: {probabilities}. "
        "What would have changed it, one measurement at a time: {changes}."
    ).format(measurements=measured, probabilities=chances, changes=changes)
    return f"{_h(3, headline(facts))}{_p(said)}{neighbours}"
