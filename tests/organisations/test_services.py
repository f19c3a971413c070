import pytest

from loa.core.models import AuditEvent
from loa.organisations import services
from loa.organisations.models import Agency, AgencyFormerName, Commune, HistoricalUnit, Province


@pytest.mark.django_db
def test_init_loads_province_communes_former_units_and_agencies(province):
    assert province.name == "Tỉnh Thái Nguyên" and province.is_home
    assert Province.objects.count() == 34
    assert Commune.objects.filter(province=province).count() == 92
    bac_kan = HistoricalUnit.objects.get(level="province", name="Tỉnh Bắc Kạn")
    assert bac_kan.successor_province == province
    bach_thong = HistoricalUnit.objects.get(level="district", name="Huyện Bạch Thông")
    assert bach_thong.successor_communes.count() >= 2
    # A former province name that is now a ward name: Phường Bắc Kạn lies in Thái Nguyên.
    assert Commune.objects.filter(name="Phường Bắc Kạn", province=province).exists()
    press = Agency.objects.get(province=province, role=Agency.Role.PRESS_MANAGEMENT)
    assert press.name == "Sở Văn hóa, Thể thao và Du lịch tỉnh Thái Nguyên"
    assert AgencyFormerName.objects.filter(successor=press, name="Sở Thông tin và Truyền thông").exists()
    assert Agency.objects.filter(province=province, role=Agency.Role.COMMUNE_COMMITTEE).count() == 92


@pytest.mark.django_db
def test_init_is_idempotent_and_keeps_edits(province):
    counts = (Commune.objects.count(), HistoricalUnit.objects.count(), Agency.objects.count())
    agency = Agency.objects.get(province=province, slug="so-tu-phap")
    services.agency_update(actor=None, agency=agency, name="Sở Tư pháp (đã sửa)")
    report = services.init_province("thai nguyen")
    assert report.agencies_created == 0
    assert (Commune.objects.count(), HistoricalUnit.objects.count(), Agency.objects.count()) == counts
    assert Agency.objects.get(pk=agency.pk).name == "Sở Tư pháp (đã sửa)"
    assert AuditEvent.objects.filter(action="agency.update", object_id=str(agency.pk)).exists()


@pytest.mark.django_db
def test_unknown_province_gives_closest_matches():
    with pytest.raises(services.UnknownProvince) as err:
        services.init_province("Thai Nguyn")
    assert "Tỉnh Thái Nguyên" in err.value.suggestions
    assert "Thai Nguyn" in str(err.value)


@pytest.mark.django_db
def test_old_province_name_initialises_its_successor():
    report = services.init_province("Phú Yên")
    assert report.province.name == "Tỉnh Đắk Lắk"


@pytest.mark.django_db
def test_demo_accounts_created_once_with_random_passwords(province):
    first = services.create_demo_accounts(province)
    assert set(first) == {"quantri", "dieuphoi", "tuphap", "phatngon", "xem"}
    assert len(set(first.values())) == 5
    assert services.create_demo_accounts(province) == {}


@pytest.mark.django_db
def test_agency_update_rejects_unknown_fields(agencies):
    with pytest.raises(ValueError):
        services.agency_update(actor=None, agency=agencies["so-tu-phap"], province=None)
