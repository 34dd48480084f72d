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

from .markup import rel
from .output import Output

FONT = (
    '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", '
    '"WenQuanYi Micro Hei", sans-serif'
)
WIDTH = 560
AMOUNT = "金额（万元）"
BUNDLE = "assets/javascripts/vega-bundle.js"


@dataclass
class Chart:
    path: str  # under charts/, without extension, e.g. "handanshi-316-2023/functional-class"
    title: str
    summary: str  # one sentence saying what the chart shows
    data: pd.DataFrame  # exactly the rows and columns plotted
    chart: alt.TopLevelMixin

    def spec(self) -> str:
        configured = self.chart.properties(title=self.title).configure(
            font=FONT, background="white"
        )
        configured = configured.configure_axis(labelLimit=260, titleFontWeight="normal")
        # Built from typed encodings: schema validation (most of Altair's time) adds nothing.
        return json.dumps(
            configured.to_dict(validate=False), ensure_ascii=False, sort_keys=True, indent=1
        )


def long_form(rows: pd.DataFrame, name: str, part: str, parts: dict[str, str]) -> pd.DataFrame:
    """Amount columns (`parts`: column → Chinese label) as one row per name and part."""
    data = rows.melt(id_vars="name", value_vars=list(parts), var_name=part, value_name=AMOUNT)
    data[part] = data[part].map(parts)
    return data.rename(columns={"name": name}).fillna({AMOUNT: 0})


def bars(
    data: pd.DataFrame, category: str, value: str = AMOUNT, color: str | None = None, **kw
) -> alt.Chart:
    """Horizontal bars, largest first; `color` stacks bars by that column."""
    encoding = {
        "y": alt.Y(f"{category}:N", sort=kw.get("sort", "-x"), title=None),
        "x": alt.X(f"{value}:Q", title=kw.get("x_title", value), stack=kw.get("stack", True)),
        "tooltip": [alt.Tooltip(c, format=",.2f") if c == value else c for c in data.columns],
    }
    if kw.get("stack") == "normalize":
        encoding["x"] = alt.X(
            f"{value}:Q",
            stack="normalize",
            title=kw.get("x_title", "占比"),
            axis=alt.Axis(format="%"),
        )
    if color:
        encoding["color"] = alt.Color(
            f"{color}:N", title=None, legend=alt.Legend(orient="bottom", columns=2)
        )
    rows = max(data[category].nunique(), 1)
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(**encoding)
        .properties(width=WIDTH - 260, height=22 * rows)
    )


def lines(data: pd.DataFrame, x: str, value: str, color: str) -> alt.Chart:
    """Values over the years, one line per `color`."""
    return (
        alt.Chart(data)
        .mark_line(point=True)
        .encode(
            x=alt.X(f"{x}:O", title=None, axis=alt.Axis(labelAngle=0)),
            y=alt.Y(f"{value}:Q", title=value),
            color=alt.Color(f"{color}:N", title=None, legend=alt.Legend(orient="bottom")),
            tooltip=[x, color, alt.Tooltip(value, format=",.2f")],
        )
        .properties(width=WIDTH - 120, height=260)
    )


class Renderer:
    """Writes each chart's CSV, spec and SVG into the site, reusing cached SVGs."""

    def __init__(self, output: Output, cache: Path | None):
        self.output = output
        self.cache = cache / "svg" if cache else None
        self.rendered = 0

    def svg(self, spec: str) -> str:
        key = hashlib.sha256(f"{vl_convert.__version__}\n{spec}".encode()).hexdigest()
        cached = self.cache / f"{key}.svg" if self.cache else None
        if cached and cached.exists():
            return cached.read_text(encoding="utf-8")
        svg = vl_convert.vegalite_to_svg(json.loads(spec))
        self.rendered += 1
        if cached:
            cached.parent.mkdir(parents=True, exist_ok=True)
            cached.write_text(svg, encoding="utf-8")
        return svg

    def figure(self, chart: Chart, page: str) -> str:
        """Write the chart's files and return the HTML block for the page."""
        base = f"charts/{chart.path}"
        spec = chart.spec()
        svg = self.svg(spec)
        self.output.text(f"{base}.csv", chart.data.to_csv(index=False, lineterminator="\n"))
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


def _size(svg: str) -> tuple[str, str]:
    match = re.search(r'width="([\d.]+)" height="([\d.]+)"', svg)
    return match.groups() if match else ("600", "400")


def write_bundle(output: Output, cache: Path | None) -> None:
    """The interactive runtime (Vega, Vega-Lite, vega-embed) served by the site itself."""
    cached = cache / f"vega-bundle-{vl_convert.__version__}.js" if cache else None
    if cached and cached.exists():
        output.add(BUNDLE, cached.read_bytes())
        return
    bundle = vl_convert.javascript_bundle().encode("utf-8")
    if cached:
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_bytes(bundle)
    output.add(BUNDLE, bundle)
