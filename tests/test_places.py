"""Where a jurisdiction is (metadata/places.py), and the way in by place on the site."""

from __future__ import annotations

import pandas as pd
import pytest

from budget_portal.metadata.places import Place, place_of

from .conftest import NARRATIVE, PREAMBLE, ROOT


@pytest.mark.parametrize(
    "printed, place",
    [
        # a prefecture, and a county within it: the chain of names as printed
        ("邯郸市", Place("130400", "河北省", "邯郸市", "")),
        ("承德市双桥区", Place("130802", "河北省", "承德市", "双桥区")),
        ("河北省石家庄市赵县", Place("130133", "河北省", "石家庄市", "赵县")),
        # a bare county name that only one division bears
        ("赵县", Place("130133", "河北省", "石家庄市", "赵县")),
        # a municipality is its own prefecture; its districts are counties
        ("北京市", Place("110000", "北京市", "北京市", "")),
        ("上海市普陀区", Place("310107", "上海市", "上海市", "普陀区")),
        ("重庆市城口县", Place("500229", "重庆市", "重庆市", "城口县")),
        # a county-level city the province governs directly has no prefecture
        ("仙桃市", Place("429004", "湖北省", "", "仙桃市")),
        # short names of a province
        ("广西南宁市", Place("450100", "广西壮族自治区", "南宁市", "")),
        ("中央", Place("", "中央", "", "")),
    ],
)
def test_a_jurisdiction_is_placed_by_its_chain_of_division_names(printed, place):
    assert place_of(printed) == (place, "")


def test_a_name_more_than_one_division_bears_is_said_not_guessed():
    place, said = place_of("普陀区")  # 上海市普陀区 and 浙江省舟山市普陀区
    assert place is None
    assert "上海市普陀区" in said and "浙江省舟山市普陀区" in said


def test_a_name_the_list_does_not_hold_is_said():
    assert place_of("火星市") == (
        None,
        "jurisdiction '火星市' names no division of the list (GB/T 2260)",
    )


def test_a_zone_within_a_city_is_placed_at_the_city_and_said():
    place, said = place_of("苏州工业园区")
    assert place == Place("320500", "江苏省", "苏州市", "")
    assert "'工业园区' is not a division within 江苏省苏州市" in said


def test_an_unplaced_jurisdiction_is_a_warning_of_its_document(read):
    parsed = read((PREAMBLE + NARRATIVE).replace("邯郸市", "火星市"))
    warnings = [p.message for p in parsed.doc.problems]
    assert any("火星市" in w and "place pages" in w for w in warnings), warnings


def test_every_document_here_is_placed():
    documents = pd.read_csv(
        ROOT / "datapackages/all/documents.csv", dtype=str, keep_default_na=False
    )
    assert (documents["province"] != "").all()
    codes = documents.loc[documents["province"] != "中央", "division_code"]
    assert codes.str.fullmatch(r"\d{6}").all()  # a code is a string of six digits


def test_places_go_from_province_to_prefecture_to_county_to_department(built_site):
    site = built_site.site
    index = (site / "places/index.html").read_text(encoding="utf-8")
    assert 'href="130000.html">河北省</a>' in index and 'href="zhongyang.html">中央</a>' in index
    hebei = (site / "places/130000.html").read_text(encoding="utf-8")
    assert 'href="130100.html">石家庄市</a>' in hebei  # a prefecture, with its counts
    shijiazhuang = (site / "places/130100.html").read_text(encoding="utf-8")
    assert 'id="赵县"' in shijiazhuang  # a county's section …
    assert "../departments/zhaoxian-323.html" in shijiazhuang  # … lists its departments
    shanghai = (site / "places/310000.html").read_text(encoding="utf-8")
    assert 'id="普陀区"' in shanghai  # a municipality's districts are on its own page
    department = (site / "departments/zhaoxian-323.html").read_text(encoding="utf-8")
    assert "../places/130100.html#赵县" in department  # and the way back up
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "places/index.html" in home
