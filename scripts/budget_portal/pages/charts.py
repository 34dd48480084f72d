"""Charts: Altair specs, their data as CSV, and a static SVG rendered at build time.

A chart on a page is an `<img>` of its SVG (visible with no JavaScript) inside a figure whose
`data-spec` points at the Vega-Lite spec; `docs/assets/javascripts/charts.js` swaps in the
interactive chart when the reader scrolls to it.  SVGs are cached by the hash of their spec.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

import altair as alt
import pandas as pd
import vl_convert

from ..cache import used
from .markup import rel
from .output import Output

FONT = (
    '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", '
    '"WenQuanYi Micro Hei", sans-serif'
)
WIDTH = 340  # a chart's whole width: it fits a 360 px phone at full size, text and all
LABEL = 150  # room for a bar's name; longer names are shortened in the middle
TEXT = 12  # px, every label, title and legend entry at full size (a phone shows 11 at least)
SHORTENED = (
    "length(datum.label) > 12 ? "
    "slice(datum.label, 0, 6) + '…' + slice(datum.label, -5) : datum.label"
)
AMOUNT = "金额（万元）"
BUNDLE = "assets/javascripts/vega-bundle.js"


@dataclass(frozen=True)
class Recipe:
    """How a chart is drawn from its data (`bars` or `lines` and their options): the Altair
    chart is built from it only when its spec is not in the cache (building one costs more
    than the rest of a page)."""

    kind: str
    options: tuple[tuple[str, object], ...]

    def build(self, data: pd.DataFrame) -> alt.Chart:
        return {"bars": _bars, "lines": _lines}[self.kind](data, **dict(self.options))


EXACT_PLACES = 6  # decimals of an amount in 万元 converted from 元 printed to 2 decimals


@dataclass
class Chart:
    path: str  # under charts/, without extension, e.g. "handanshi-316-2023/functional-class"
    title: str
    summary: str  # one sentence saying what the chart shows
    data: pd.DataFrame  # exactly the rows and columns plotted
    chart: Recipe

    def __post_init__(self):
        # Sums of amounts made floats for plotting carry binary noise (293.27000000000004); an
        # amount in 万元 has at most 6 decimals (元 to 2 decimals): rounded there, it is exact.
        floats = self.data.select_dtypes("float").columns
        if len(floats):
            self.data = self.data.assign(**{c: self.data[c].round(EXACT_PLACES) for c in floats})

    def csv(self) -> str:
        return self.data.to_csv(index=False, lineterminator="\n")

    def key(self, csv: str) -> str:
        """What the spec depends on: the recipe, the title, the data and this module."""
        digest = hashlib.sha256(_VERSION.encode())
        digest.update(repr((self.chart, self.title)).encode() + b"\0" + csv.encode())
        return digest.hexdigest()

    def spec(self) -> str:
        configured = self.chart.build(self.data).properties(title=self.title)
        configured = configured.configure(font=FONT, background="white")
        configured = configured.configure_axis(
            labelLimit=LABEL, labelFontSize=TEXT, titleFontSize=TEXT, titleFontWeight="normal"
        )
        configured = configured.configure_axisX(labelFlush=True)  # the last label inside
        configured = configured.configure_legend(
            labelFontSize=TEXT, titleFontSize=TEXT, labelLimit=LABEL
        )
        configured = configured.configure_title(fontSize=TEXT + 2, limit=WIDTH - 20, anchor="start")
        # Built from typed encodings: schema validation (most of Altair's time) adds nothing.
        return json.dumps(
            configured.to_dict(validate=False),
            ensure_ascii=False,
            sort_keys=True,
            separators=(",", ":"),
        )


_VERSION = f"altair=={alt.__version__}\n{Path(__file__).read_text(encoding='utf-8')}"


MOST = 30  # documents drawn in a chart with one bar per document


def most(
    data: pd.DataFrame, value: str = AMOUNT, category: str = "文件"
) -> tuple[pd.DataFrame, str]:
    """The rows of the `MOST` documents with the largest values (a chart of a thousand bars is
    neither readable nor small), and a sentence saying so when some were left out."""
    totals = data.groupby(category, sort=False)[value].sum()
    if len(totals) <= MOST:
        return data, ""
    keep = set(totals.abs().sort_values(ascending=False, kind="stable").index[:MOST])
    return (
        data[data[category].isin(keep)],
        f"图中画出数值最大的 {MOST} 份（共 {len(totals)} 份；全部数字见表格和下载的数据）。",
    )


def long_form(rows: pd.DataFrame, name: str, part: str, parts: dict[str, str]) -> pd.DataFrame:
    """Amount columns (`parts`: column → Chinese label) as one row per name and part."""
    data = rows.melt(id_vars="name", value_vars=list(parts), var_name=part, value_name=AMOUNT)
    data[part] = data[part].map(parts)
    return data.rename(columns={"name": name}).fillna({AMOUNT: 0})


def bars(data: pd.DataFrame, category: str, **options) -> Recipe:
    """Horizontal bars of `category` (see `_bars`)."""
    return Recipe("bars", tuple(sorted({"category": category, **options}.items())))


def lines(data: pd.DataFrame, x: str, value: str, color: str) -> Recipe:
    """Values over the years, one line per `color`."""
    return Recipe("lines", (("color", color), ("value", value), ("x", x)))


def _bars(
    data: pd.DataFrame, category: str, value: str = AMOUNT, color: str | None = None, **kw
) -> alt.Chart:
    """Horizontal bars, largest first; `color` stacks bars by that column; `percent` shows
    the values (shares) as percentages."""
    encoding = {
        # A long name keeps its beginning and its end (`…单位预算`); the tooltip has it whole.
        "y": alt.Y(
            f"{category}:N",
            sort=kw.get("sort", "-x"),
            title=None,
            axis=alt.Axis(labelExpr=SHORTENED),
        ),
        "x": alt.X(f"{value}:Q", title=kw.get("x_title", value), stack=kw.get("stack", True)),
        "tooltip": [alt.Tooltip(c, format=",.2f") if c == value else c for c in data.columns],
    }
    if kw.get("percent"):
        encoding["x"] = alt.X(f"{value}:Q", axis=alt.Axis(format="%"), title=kw.get("x_title"))
    if kw.get("stack") == "normalize":
        encoding["x"] = alt.X(
            f"{value}:Q",
            stack="normalize",
            title=kw.get("x_title", "占比"),
            axis=alt.Axis(format="%"),
        )
    if color:
        encoding["color"] = alt.Color(
            f"{color}:N", title=None, legend=alt.Legend(orient="bottom", columns=1)
        )
    rows = max(data[category].nunique(), 1)
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(**encoding)
        .properties(width=WIDTH - LABEL - 20, height=22 * rows)
    )


def _lines(data: pd.DataFrame, x: str, value: str, color: str) -> alt.Chart:
    return (
        alt.Chart(data)
        .mark_line(point=True, invalid="break-paths-show-domains")  # a year not held: a gap
        .encode(
            x=alt.X(f"{x}:O", title=None, axis=alt.Axis(labelAngle=0)),
            y=alt.Y(f"{value}:Q", title=value),
            color=alt.Color(
                f"{color}:N", title=None, legend=alt.Legend(orient="bottom", columns=1)
            ),
            tooltip=[x, color, alt.Tooltip(value, format=",.2f")],
        )
        .properties(width=WIDTH - 80, height=220)
    )


class Renderer:
    """Writes each chart's CSV, spec and SVG into the site, reusing cached SVGs."""

    def __init__(self, output: Output, cache: Path | None):
        self.output = output
        self.cache = cache / "svg" if cache else None
        self.specs = cache / "specs" if cache else None
        self.rendered = 0

    def spec(self, chart: Chart, csv: str) -> str:
        cached = self.specs / f"{chart.key(csv)}.json" if self.specs else None
        if cached and cached.exists():
            return used(cached).read_text(encoding="utf-8")
        spec = chart.spec()
        if cached:
            cached.parent.mkdir(parents=True, exist_ok=True)
            cached.write_text(spec, encoding="utf-8")
        return spec

    def svg(self, spec: str) -> str:
        key = f"{vl_convert.__version__}\nmeasured in {MEASURED}\n{spec}"
        digest = hashlib.sha256(key.encode()).hexdigest()
        cached = self.cache / f"{digest}.svg" if self.cache else None
        if cached and cached.exists():
            return used(cached).read_text(encoding="utf-8")
        require_worker()
        svg = lean(vl_convert.vegalite_to_svg(measured(json.loads(spec))))
        self.rendered += 1
        if cached:
            cached.parent.mkdir(parents=True, exist_ok=True)
            cached.write_text(svg, encoding="utf-8")
        return svg

    def figure(self, chart: Chart, page: str) -> str:
        """Write the chart's files and return the HTML block for the page."""
        base = f"charts/{chart.path}"
        csv = chart.csv()
        spec = self.spec(chart, csv)
        svg = self.svg(spec)
        self.output.text(f"{base}.csv", csv)
        self.output.text(f"{base}.vl.json", spec + "\n")
        self.output.text(f"{base}.svg", svg)
        width, height = _size(svg)
        title, summary = html.escape(chart.title), html.escape(chart.summary)
        return (
            f'<figure class="chart" data-spec="{rel(base + ".vl.json", page)}">\n'
            f'<img src="{rel(base + ".svg", page)}" width="{width}" height="{height}" '
            f'alt="{title}：{summary}" loading="lazy">\n'
            f"<figcaption><strong>{title}</strong>　{summary} "
            f'<a href="{rel(base + ".csv", page)}">图表数据（CSV）</a></figcaption>\n'
            "</figure>\n"
        )


MEASURED = "sans-serif"


def measured(spec: dict) -> dict:
    """The spec with its text measured in the generic family: the CJK fonts it names are not
    on a build machine, and looking each one up for every label doubles the rendering time
    (the fallback font is the same); `lean` names them again on the SVG."""
    return {**spec, "config": {**spec.get("config", {}), "font": MEASURED}}


_UNSEEN = re.compile(r' (?:aria-[a-z]+|role|class|pointer-events)="[^"]*"| opacity="1"')
_EMPTY = re.compile(r'<path d="(?:|M0,0h0v0h0Z)"[^>]*/>')
_FONT = re.compile(r' font-family="[^"]*"')


def lean(svg: str) -> str:
    """The SVG without what an `<img>` never uses: ARIA roles and labels (the image's `alt`
    says what it shows), classes, pointer events, empty paths, default opacities, and one
    font family (the chart's CJK list) on the root instead of one on every text (two thirds
    of its bytes)."""
    svg = _EMPTY.sub("", _UNSEEN.sub("", _FONT.sub("", svg)))
    return svg.replace("<svg ", f'<svg font-family="{html.escape(FONT)}" ', 1)


def _size(svg: str) -> tuple[str, str]:
    match = re.search(r'width="([\d.]+)" height="([\d.]+)"', svg)
    return match.groups() if match else ("600", "400")


def write_bundle(site) -> None:
    """The interactive runtime (Vega, Vega-Lite, vega-embed) served by the site itself (a job:
    made once per vl-convert version)."""
    require_worker()
    site.output.add(BUNDLE, vl_convert.javascript_bundle().encode("utf-8"))


IN_JOB = False  # set in a job's worker process (pages.jobs)


def require_worker() -> None:
    """vl-convert runs only in the worker processes of jobs: once it has run in the main
    process, workers forked from it hang."""
    if not IN_JOB:
        raise RuntimeError(
            "charts are rendered only in jobs (pages/jobs.py), not in the main process"
        )
