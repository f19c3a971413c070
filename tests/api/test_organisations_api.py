import pytest

from loa.organisations import services


@pytest.fixture
def token(users):
    return services.api_token_create(actor=None, user=users["viewer"], name="test")


@pytest.mark.django_db
def test_api_requires_a_token(client, province):
    assert client.get("/api/organisations/provinces").status_code == 401


@pytest.mark.django_db
def test_api_lists_provinces_communes_agencies_and_searches(client, token):
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    provinces = client.get("/api/organisations/provinces", **auth).json()
    assert len(provinces) == 34
    communes = client.get("/api/organisations/provinces/19/communes", **auth).json()
    assert len(communes) == 92
    agencies = client.get("/api/organisations/agencies?include_communes=false", **auth).json()
    assert any(a["role"] == "press_management" for a in agencies)
    hits = client.get("/api/organisations/search", {"q": "bac kan"}, **auth).json()
    assert hits[0]["name"] == "Tỉnh Bắc Kạn" and hits[0]["successors"] == ["Tỉnh Thái Nguyên"]
    resolved = client.get(
        "/api/organisations/resolve-agency", {"name": "Sở Thông tin và Truyền thông"}, **auth
    )
    assert resolved.json()["agencies"][0]["role"] == "press_management"


@pytest.mark.django_db
def test_revoked_or_wrong_token_is_refused(client, token, users):
    assert (
        client.get("/api/organisations/provinces", HTTP_AUTHORIZATION="Bearer loa_wrong").status_code == 401
    )
    users["viewer"].api_tokens.update(revoked=True)
    assert client.get("/api/organisations/provinces", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 401


@pytest.mark.django_db
def test_openapi_schema_is_served(client):
    schema = client.get("/api/openapi.json").json()
    assert "/api/organisations/provinces" in schema["paths"]
