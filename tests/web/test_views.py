import pytest
from django.urls import reverse

from loa.core import audit


@pytest.mark.django_db
def test_pages_require_login(client, province):
    response = client.get(reverse("home"))
    assert response.status_code == 302 and reverse("login") in response["Location"]


@pytest.mark.django_db
def test_login_with_wrong_password_explains_in_vietnamese(client, users):
    response = client.post(reverse("login"), {"username": "t_viewer", "password": "sai"})
    assert "không đúng" in response.content.decode()


@pytest.mark.django_db
def test_dashboard_shows_province_agencies_and_communes(client, users):
    client.force_login(users["viewer"])
    html = client.get(reverse("home")).content.decode()
    assert "Tỉnh Thái Nguyên" in html
    assert "Sở Tư pháp tỉnh Thái Nguyên" in html
    assert "Phường Bắc Kạn" in html
    assert "Tỉnh Bắc Kạn" in html  # former province now part of this one


@pytest.mark.django_db
def test_search_page_names_the_successor(client, users):
    client.force_login(users["viewer"])
    html = client.get(reverse("web:search"), {"q": "bac kan"}).content.decode()
    assert "Tỉnh Bắc Kạn" in html and "Tỉnh Thái Nguyên" in html and "Phường Bắc Kạn" in html


@pytest.mark.django_db
def test_audit_log_is_for_administrators_only(client, users, province):
    audit.record(users["admin"], "test.visible", province)
    client.force_login(users["coordinator"])
    assert client.get(reverse("web:audit")).status_code == 403
    client.force_login(users["admin"])
    html = client.get(reverse("web:audit")).content.decode()
    assert "test.visible" in html


@pytest.mark.django_db
def test_interface_switches_to_english(client, users):
    client.force_login(users["viewer"])
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Provincial agencies" in html


def test_static_files_are_local(client):
    html_css = "loa/loa.css"
    from django.contrib.staticfiles import finders

    assert finders.find(html_css)
