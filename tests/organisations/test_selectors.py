import pytest

from loa.organisations import selectors


def _names(query):
    return [(h.kind, h.name) for h in selectors.search_names(query)]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["bac kan", "Bắc Kạn", "BẮC KẠN", "Bắc Kạn"])
def test_search_old_province_names_the_successor(province, query):
    hits = selectors.search_names(query)
    old = next(h for h in hits if h.kind == "historical" and h.name == "Tỉnh Bắc Kạn")
    assert old.successors == ["Tỉnh Thái Nguyên"]
    assert "nay thuộc Tỉnh Thái Nguyên" in old.detail
    assert ("commune", "Phường Bắc Kạn") in _names(query)


@pytest.mark.django_db
def test_search_without_diacritics_and_with_either_tone_placement(province):
    assert ("province", "Thành phố Đà Nẵng") in _names("da nang")
    assert _names("hoà") == _names("hòa")
    assert any("Hòa" in name for _, name in _names("hoà"))


@pytest.mark.django_db
def test_search_matches_word_starts_not_substrings(province):
    assert ("historical", "Huyện Tuyên Hóa") not in _names("tuy hoa")
    hits = selectors.search_names("TP Tuy Hòa")
    assert hits[0].name == "Thành phố Tuy Hòa" and hits[0].successors == ["Tỉnh Đắk Lắk"]


@pytest.mark.django_db
def test_search_empty_query(province):
    assert selectors.search_names("  ,, ") == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("written", "via", "expected"),
    [
        ("Sở Thông tin và Truyền thông", "former_name", ["Sở Văn hóa, Thể thao và Du lịch tỉnh Thái Nguyên"]),
        (
            "Sở Thông tin và Truyền thông tỉnh Bắc Kạn",
            "former_name",
            ["Sở Văn hóa, Thể thao và Du lịch tỉnh Thái Nguyên"],
        ),
        ("Sở Tư pháp", "exact", ["Sở Tư pháp tỉnh Thái Nguyên"]),
        ("Ban Tuyên giáo Tỉnh uỷ", "former_name", ["Ban Tuyên giáo và Dân vận Tỉnh ủy Thái Nguyên"]),
        ("Báo Bắc Kạn", "former_name", ["Báo và Phát thanh, Truyền hình Thái Nguyên"]),
        ("Công an tỉnh", "exact", ["Công an tỉnh Thái Nguyên"]),
    ],
)
def test_resolve_agency_names(province, written, via, expected):
    match = selectors.resolve_agency_name(province, written)
    assert match.via == via
    assert [a.name for a in match.agencies] == expected


@pytest.mark.django_db
def test_collective_phrases_and_former_districts(province):
    communes = selectors.resolve_agency_name(province, "UBND các huyện, thành phố")
    assert communes.via == "collective" and len(communes.agencies) == 92
    departments = selectors.resolve_agency_name(province, "các sở, ban, ngành tỉnh")
    assert departments.via == "collective"
    assert any(a.name == "Sở Tư pháp tỉnh Thái Nguyên" for a in departments.agencies)
    assert all(a.role != "commune_committee" for a in departments.agencies)
    district = selectors.resolve_agency_name(province, "UBND huyện Bạch Thông")
    assert district.via == "district" and len(district.agencies) >= 2


@pytest.mark.django_db
def test_unmatched_names_are_flagged_not_dropped(province):
    match = selectors.resolve_agency_name(province, "Tạp chí Văn nghệ Ba Bể")
    assert match.via == "unmatched" and not match.matched and match.written == "Tạp chí Văn nghệ Ba Bể"


@pytest.mark.django_db
def test_bare_trailing_province_word_means_this_province(province):
    office = selectors.resolve_agency_name(province, "Văn phòng UBND tỉnh")
    assert office.via == "exact" and [a.slug for a in office.agencies] == ["van-phong-ubnd"]
    portal = selectors.resolve_agency_name(province, "Cổng Thông tin điện tử tỉnh")
    assert portal.via in ("exact", "former_name") and [a.slug for a in portal.agencies] == ["cong-ttdt"]


@pytest.mark.django_db
def test_a_former_city_committee_is_not_the_provincial_committee(province):
    match = selectors.resolve_agency_name(province, "UBND thành phố Bắc Kạn")
    assert all(a.slug != "ubnd-tinh" for a in match.agencies)


@pytest.mark.django_db
def test_index_resolves_many_names_with_one_load(province, django_assert_max_num_queries):
    index = selectors.AgencyNameIndex(province)
    with django_assert_max_num_queries(0):
        for _ in range(3):
            assert index.resolve("Sở Tư pháp").agencies[0].slug == "so-tu-phap"
            assert index.resolve("Sở Thông tin và Truyền thông").via == "former_name"
