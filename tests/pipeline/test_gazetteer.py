"""Gazetteer: current units after 1/7/2025 and links from the pre-2025 units."""

from __future__ import annotations

import pytest

from loa.pipeline.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def test_counts(gazetteer: Gazetteer) -> None:
    assert len(gazetteer.provinces) == 34
    assert len(gazetteer.communes) == 3321
    assert len(gazetteer.legacy_provinces) == 63
    assert len(gazetteer.communes_of("19")) == 92
    kinds = {c.kind for c in gazetteer.communes.values()}
    assert kinds == {"xã", "phường", "đặc khu"}


def test_load_is_cached_for_default_path(gazetteer: Gazetteer) -> None:
    assert Gazetteer.load() is gazetteer


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Thái Nguyên", "Tỉnh Thái Nguyên"),
        ("thai nguyen", "Tỉnh Thái Nguyên"),
        ("Tỉnh Thái Nguyên", "Tỉnh Thái Nguyên"),
        ("TP Hà Nội", "Thành phố Hà Nội"),
        ("HCM", "Thành phố Hồ Chí Minh"),
        ("TP.HCM", "Thành phố Hồ Chí Minh"),
        ("Bắc Kạn", "Tỉnh Thái Nguyên"),
        ("tỉnh Bắc Kạn", "Tỉnh Thái Nguyên"),
        ("Phu Yen", "Tỉnh Đắk Lắk"),
        ("Hoà Bình", "Tỉnh Phú Thọ"),
        ("Bình Dương", "Thành phố Hồ Chí Minh"),
        ("Bà Rịa - Vũng Tàu", "Thành phố Hồ Chí Minh"),
        ("Thừa Thiên Huế", "Thành phố Huế"),
        ("Quảng Trị", "Tỉnh Quảng Trị"),
        ("Quảng Bình", "Tỉnh Quảng Trị"),
        ("Thanh Hoá", "Tỉnh Thanh Hóa"),
    ],
)
def test_find_province(gazetteer: Gazetteer, query: str, expected: str) -> None:
    province = gazetteer.find_province(query)
    assert province is not None
    assert province.name == expected


@pytest.mark.parametrize("query", ["", "   ", "Atlantis", "tỉnh", "Thái Bình Dương"])
def test_find_province_unknown(gazetteer: Gazetteer, query: str) -> None:
    assert gazetteer.find_province(query) is None


@pytest.mark.parametrize(
    ("typo", "expected"),
    [("Thai Nguyn", "Thái Nguyên"), ("Ha Noi", "Hà Nội"), ("Dak Lac", "Đắk Lắk"), ("Lam Dong", "Lâm Đồng")],
)
def test_closest_provinces(gazetteer: Gazetteer, typo: str, expected: str) -> None:
    shorts = [p.short for p in gazetteer.closest_provinces(typo)]
    assert expected in shorts
    assert len(shorts) <= 3


def test_province_fields(gazetteer: Gazetteer) -> None:
    hanoi = gazetteer.provinces["01"]
    assert (hanoi.short, hanoi.kind) == ("Hà Nội", "thành phố")
    thai_nguyen = gazetteer.provinces["19"]
    assert (thai_nguyen.kind, thai_nguyen.short) == ("tỉnh", "Thái Nguyên")
    assert thai_nguyen.lat is not None


def test_phuong_bac_kan_is_a_current_ward_of_thai_nguyen(gazetteer: Gazetteer) -> None:
    names = {c.name for c in gazetteer.communes_of("19")}
    assert "Phường Bắc Kạn" in names
    assert "Xã Nà Phặc" in names


def test_legacy_links(gazetteer: Gazetteer) -> None:
    legacy = {p.short for p in gazetteer.legacy_provinces_of("19")}
    assert legacy == {"Bắc Kạn", "Thái Nguyên"}
    assert {p.short for p in gazetteer.legacy_provinces_of("66")} == {"Đắk Lắk", "Phú Yên"}
    districts = {d.name: d for d in gazetteer.legacy_districts_of("19")}
    bach_thong = districts["Huyện Bạch Thông"]
    assert bach_thong.kind == "huyện"
    assert gazetteer.legacy_provinces[bach_thong.legacy_province_code].short == "Bắc Kạn"
    assert len(bach_thong.successor_commune_codes) > 1
    assert all(gazetteer.communes[c].province_code == "19" for c in bach_thong.successor_commune_codes)
    # Dataset capitalises some kinds ("Thành Phố Bắc Kạn"); names are normalised.
    assert "Thành phố Bắc Kạn" in districts


def test_island_district_maps_to_special_zone(gazetteer: Gazetteer) -> None:
    con_dao = next(d for d in gazetteer.legacy_districts.values() if d.short == "Côn Đảo")
    assert [gazetteer.communes[c].name for c in con_dao.successor_commune_codes] == ["Đặc khu Côn Đảo"]
    assert con_dao.successor_province_code == "79"


def test_split_commune_lists_default_successor_first(gazetteer: Gazetteer) -> None:
    split = [c for c in gazetteer.legacy_communes.values() if len(c.successor_commune_codes) > 1]
    assert split
    for commune in split:
        for code in commune.successor_commune_codes:
            assert gazetteer.communes[code].province_code == commune.successor_province_code


def test_legacy_communes_of(gazetteer: Gazetteer) -> None:
    communes = gazetteer.legacy_communes_of("19")
    assert {c.legacy_province_code for c in communes} == {"06", "19"}
    na_phac = [c for c in communes if c.short == "Nà Phặc"]
    assert [c.kind for c in na_phac] == ["thị trấn"]
    assert gazetteer.communes[na_phac[0].successor_commune_codes[0]].name == "Xã Nà Phặc"
