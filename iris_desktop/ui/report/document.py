"""The lab report as one HTML document: sections in the order of the lab's pipelines,
numbers from ReportData, pictures given as PNG bytes. Self-contained: images inline
(data: URIs), styles inline, no script, no external reference; it prints well. For PDF
the same document names its images instead (Qt's text engine loads them as resources)."""

from __future__ import annotations

import base64
import html
from collections.abc import Callable, Sequence

from iris_desktop import __version__
from iris_desktop.domain import FEATURES, VARIETIES
from iris_desktop.pipelines.explain import Explanation
from iris_desktop.pipelines.report_data import ReportData

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

    window = f"{data.start or 'the first day'} to {data.end}"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>Iris lab report, {data.made:%Y-%m-%d}</title>",
        f"<style>{STYLE}</style></head><body>",
        "<h1>Iris lab report</h1>",
        f'<p class="note">Made by Iris Desktop {__version__} on {data.made:%Y-%m-%d %H:%M}; '
        f"days from {_e(window)}.</p>",
        _data_section(data, image),
        _model_section(data, image),
        _daily_section(data, image),
        _monitor_section(data, image),
        _worst_section(data, image),
        "</body></html>",
    ]
    return "\n".join(p for p in parts if p)


def _e(value: object) -> str:
    return html.escape(str(value))


def _table(head: list[str], rows: Sequence[Sequence[object]], numeric_from: int = 1) -> str:
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
        rows.append([source, *numbers])
    return "".join(
        [
            "<section><h2>1. The data (feature pipeline)</h2>",
            f"<p>{len(data.flowers):,} flowers are stored: the bundled data set (backfill), imported files and "
            "one synthetic flower per day.</p>",
            _table(["Source", *(v.label for v in VARIETIES), "All"], [*rows, ["all", *total]]),
            image("scatter_matrix", "Scatter-plot matrix of every stored flower, coloured by variety"),
            "</section>",
        ]
    )


def _model_section(data: ReportData, image: Callable[..., str]) -> str:
    parts = ["<section><h2>2. The model (training pipeline)</h2>"]
    if data.model is None:
        parts.append(f"<p>No usable active model{': ' + _e(data.model_problem) if data.model_problem else ''}.</p>")
    else:
        r = data.model.record
        m = r.metrics
        parts.append(
            f"<p>Active: <b>{_e(r.describe())}</b>, trained on {m.get('n_train', '?')} flowers and tested on "
            f"{m.get('n_test', '?')}: test accuracy {r.accuracy:.1%}, cross-validated "
            f"{m.get('cv_mean', float('nan')):.1%} ± {m.get('cv_std', float('nan')):.1%}.</p>"
        )
        parts.append(image("test_confusion", "Confusion matrix of the active model on its test flowers", 340))
        if data.curve is not None:
            parts.append(
                f"<h3>Validation curve</h3><p>Cross-validated accuracy by k; best k = {data.curve.best_k}.</p>"
            )
            parts.append(image("validation_curve", "KNN validation curve: training and cross-validated accuracy by k"))
    rows = [
        [
            f"v{r.version}{' (active)' if r.active else ''}",
            r.algorithm,
            f"{r.accuracy:.1%}",
            f"{r.metrics.get('cv_mean', float('nan')):.1%}",
            r.created_at[:16].replace("T", " "),
        ]
        for r in data.records
    ]
    if rows:
        parts.append("<h3>The registry</h3>")
        parts.append(_table(["Version", "Algorithm", "Test accuracy", "CV accuracy", "Created (UTC)"], rows, 2))
    parts.append("</section>")
    return "".join(parts)


def _daily_section(data: ReportData, image: Callable[..., str]) -> str:
    parts = ["<section><h2>3. The daily pipeline</h2>"]
    if not data.days:
        parts.append("<p>No days yet: the daily pipeline has not made a flower in this window.</p>")
    else:
        first, last = data.history.day[0].item(), data.history.day[-1].item()
        parts.append(
            f"<p>{data.days:,} days, from {first} to {last}. The days to come are made by {_e(data.generator)}.</p>"
        )
        rows = [[str(day), what] for day, what in data.generator_changes]
        parts.append(_table(["From", "Generator"], rows, 2))
        parts.append(image("daily_flowers", "The daily flowers over the stored ones; wrongly predicted days ringed"))
    parts.append("</section>")
    return "".join(parts)


def _monitor_section(data: ReportData, image: Callable[..., str]) -> str:
    parts = ["<section><h2>4. The monitor (batch inference)</h2>"]
    if not data.days:
        parts.append("<p>No days yet: nothing to monitor.</p></section>")
        return "".join(parts)
    rolling = data.accuracy.rolling[-1]
    parts.append(
        f"<p>{data.correct:,} of {data.days:,} days predicted right ({data.correct / data.days:.1%}); "
        f"the last {data.accuracy.window} days: {rolling:.0%}.</p>"
    )
    if data.model_switches:
        parts.append("<p>Model changes: " + ", ".join(f"v{v} from {d}" for d, v in data.model_switches) + ".</p>")
    parts.append(image("accuracy", "Accuracy over time with its 95% interval; model and generator changes marked"))
    parts.append("<h3>Confusion matrix over the window</h3>")
    parts.append(image("monitor_confusion", "Confusion matrix of the daily predictions in the window", 340))
    if data.drift is not None:
        parts.append("<h3>Drift of the daily flowers</h3><ul>")
        parts += [f"<li>{_e(f.verdict)}</li>" for f in data.drift.features]
        parts.append("</ul>")
        parts.append(image("drift", "Each measurement's distribution: daily flowers against the training flowers"))
    parts.append("</section>")
    return "".join(parts)


def _worst_section(data: ReportData, image: Callable[..., str]) -> str:
    parts = ["<section><h2>5. The worst days, explained</h2>"]
    if not data.worst:
        parts.append("<p>No day was predicted wrong in this window.</p>")
    for i, facts in enumerate(data.worst):
        parts.append(_explained(facts))
        parts.append(image(f"worst_{i}", f"The flower of {facts.day}: as predicted and as it was", 400))
    parts.append("</section>")
    return "".join(parts)


def _explained(facts: Explanation) -> str:
    measured = ", ".join(f"{f.display} {v:.1f} cm" for f, v in zip(FEATURES, facts.measurements))
    chances = ", ".join(f"{v.label} {p:.0%}" for v, p in zip(VARIETIES, facts.probabilities))
    flips = [
        f"{f.feature.replace('_', ' ')} {f.change:+.2f} cm → {f.becomes.label}"
        for f in facts.flips
        if f.change is not None and f.becomes is not None
    ]
    changes = "; ".join(flips) or "nothing within the data range"
    neighbours = _table(
        ["Nearest stored flower (cm)", "Variety", "Distance", "In its training data"],
        [
            [
                " ".join(f"{v:.1f}" for v in n.measurements),
                n.variety.label,
                f"{n.distance:.2f}",
                "yes" if n.in_training else "no",
            ]
            for n in facts.neighbours
        ],
        2,
    )
    return (
        f"<h3>{_e(facts.headline())}</h3><p>{_e(measured)}. Probabilities: {_e(chances)}. "
        f"What would have changed it, one measurement at a time: {_e(changes)}."
        f"</p>{neighbours}"
    )
