"""The way in by place: 省 → 市 → 区县 → 部门, with counts, from the documents' places
(`documents.province`, `prefecture`, `county`: metadata/places.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..metadata.places import CENTRAL
from .context import PLACES_INDEX, Site, place_breadcrumb, place_page
from .corpus import Dataset
from .markup import esc, heading_text, link, para, table
from .overview import department_row

UNPLACED = "未能定位的辖区"


@dataclass
class Place:
    """A province or a prefecture, and the departments under it by the level they belong to."""

    name: str
    code: str
    own: dict[str, list[Dataset]] = field(default_factory=dict)  # its own departments
    # the places beneath it: a province's prefectures (or counties, where none is between)
    parts: dict[str, Place] = field(default_factory=dict)

    def beneath(self) -> list[Place]:
        """The places beneath it, by their division code."""
        return sorted(self.parts.values(), key=lambda p: (p.code, p.name))

    def departments(self) -> int:
        return len(self.own) + sum(p.departments() for p in self.parts.values())

    def documents(self) -> int:
        return sum(map(len, self.own.values())) + sum(p.documents() for p in self.parts.values())


def place_tree(departments: dict[str, list[Dataset]]) -> dict[str, Place]:
    """Provinces → prefectures → counties, each holding its departments (placed by the latest
    document's place); a jurisdiction that could not be placed goes under 未能定位的辖区."""
    provinces: dict[str, Place] = {}
    for department_id, datasets in departments.items():
        m = datasets[-1].meta
        code = m.get("division_code", "")
        province = provinces.setdefault(
            m.get("province") or UNPLACED, Place(m.get("province") or UNPLACED, code[:2] + "0000")
        )
        levels = [m.get("prefecture", ""), m.get("county", "")]
        if not m.get("province"):  # only its name as printed is known
            levels = [m["jurisdiction"], ""]
        if levels[0] == province.name:  # a municipality is its own prefecture
            levels[0] = ""
        place = province
        for i, name in enumerate(levels):
            if name:
                place = place.parts.setdefault(name, Place(name, code[: 4 + 2 * i].ljust(6, "0")))
        place.own[department_id] = datasets
    return dict(sorted(provinces.items(), key=lambda p: order(p[1])))


def order(place: Place) -> tuple:
    """中央 first, the provinces by their code, the unplaced last."""
    return (place.name != CENTRAL, place.name == UNPLACED, place.code, place.name)


def province_page(place: Place) -> str:
    return place_page("" if place.name == CENTRAL else place.code)


def prefecture_page(place: Place) -> str:
    return place_page(place.code)


def is_county(place: Place) -> bool:
    return place.code[4:] != "00"


def write_places(site: Site) -> None:
    provinces = place_tree(site.corpus.departments())
    page = PLACES_INDEX
    rows = [
        [
            esc(p.name) if p.name == UNPLACED else link(p.name, province_page(p), page),
            "直辖市" if p.name.endswith("市") else str(sum(not is_county(q) for q in p.beneath())),
            str(counties(p)),
            str(p.departments()),
            str(p.documents()),
        ]
        for p in provinces.values()
    ]
    body = [
        "# 按地区浏览\n",
        para(
            f"本站的 {sum(p.documents() for p in provinces.values())} 份文件来自 "
            f"{sum(p.departments() for p in provinces.values())} 个部门，按所在地区排列："
            "省（自治区、直辖市）→ 市 → 区县 → 部门。点击地区查看其中的部门；也可以用页面顶部的搜索。"
        ),
        table(["地区", "市", "区县", "部门", "文件"], rows, [1, 2, 3, 4]),
    ]
    if unplaced := provinces.get(UNPLACED):
        body += [
            f"## {UNPLACED}\n",
            para(
                "这些文件印刷的辖区名称不在行政区划代码表中，或同名的地区不止一个；"
                "它们按印刷的名称列在这里，读取报告中有提示。"
            ),
            *place_sections(unplaced.own, unplaced.beneath(), page),
        ]
    site.page(page, "按地区浏览", body)
    for province in provinces.values():
        if province.name != UNPLACED:
            write_province(site, province)


def counties(place: Place) -> int:
    """The county-level places with documents beneath `place`."""
    return sum(1 if is_county(p) else counties(p) for p in place.beneath())


def write_province(site: Site, province: Place) -> None:
    """A province: its prefectures with their counts (a page each), then the departments of the
    province itself and of the counties directly beneath it (a municipality's districts)."""
    page = province_page(province)
    prefectures = [p for p in province.beneath() if not is_county(p)]
    body = [f"# {heading_text(province.name)}\n", place_breadcrumb([], page), summary(province)]
    if prefectures:
        rows = [
            [link(p.name, prefecture_page(p), page), str(len(p.parts)), str(p.departments()),
             str(p.documents())]
            for p in prefectures
        ]  # fmt: skip
        body += ["## 市\n", table(["市", "区县", "部门", "文件"], rows, [1, 2, 3])]
    beneath = [p for p in province.beneath() if is_county(p)]
    body += place_sections(province.own, beneath, page, heading=f"{province.name}本级")
    site.page(page, province.name, body)
    for prefecture in prefectures:
        write_prefecture(site, province, prefecture)


def write_prefecture(site: Site, province: Place, prefecture: Place) -> None:
    page = prefecture_page(prefecture)
    body = [
        f"# {heading_text(prefecture.name)}\n",
        place_breadcrumb([(province.name, province_page(province))], page),
        summary(prefecture),
        *place_sections(
            prefecture.own, prefecture.beneath(), page, heading=f"{prefecture.name}本级"
        ),
    ]
    site.page(page, f"{prefecture.name}（{province.name}）", body)


def summary(place: Place) -> str:
    """How many prefectures, counties, departments and documents a place holds."""
    prefectures = sum(not is_county(p) for p in place.beneath())
    counts = [(prefectures, "个市"), (counties(place), "个区县"), (place.departments(), "个部门")]
    parts = [f"{n} {what}" for n, what in counts if n]
    return para("、".join([*parts, f"{place.documents()} 份文件"]) + "。")


def place_sections(
    own: dict[str, list[Dataset]], parts: list[Place], page: str, heading: str = ""
) -> list[str]:
    """A place's own departments, then each place beneath it with its departments."""
    body = []
    if own:
        if heading and parts:
            body.append(f"## {heading_text(heading)}\n")
        body.append(department_table(own, page))
    for part in parts:
        body += [
            f"## {heading_text(part.name)}\n",
            para(f"{part.departments()} 个部门、{part.documents()} 份文件。"),
            department_table(part.own, page),
        ]
    return body


def department_table(departments: dict[str, list[Dataset]], page: str) -> str:
    rows = [department_row(i, datasets, page) for i, datasets in sorted(departments.items())]
    return table(["部门", "部门编码", "年度"], rows)
