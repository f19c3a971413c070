"""The bell: unread count in the header, the list, opening one marks it read and follows its link."""

from __future__ import annotations

import pytest

from loa.core.notifications import notify, unread_count

pytestmark = pytest.mark.django_db


def test_bell_list_open_and_mark_read(client, users):
    user = users["justice"]
    first, second = (
        notify([user], "Cảnh báo: Xã Ba Bể", url="/trends/")[0],
        notify([user], "Bản tin điểm báo", url="https://example.com/phishing")[0],
    )
    client.force_login(user)
    home = client.get("/").content.decode()
    assert 'id="unread-count">2<' in home
    listing = client.get("/notifications/").content.decode()
    assert "Cảnh báo: Xã Ba Bể" in listing and "Bản tin điểm báo" in listing
    opened = client.get(f"/notifications/{first.pk}/")
    assert opened.status_code == 302 and opened["Location"] == "/trends/" and unread_count(user) == 1
    # A link outside Loa is not followed.
    assert client.get(f"/notifications/{second.pk}/")["Location"] == "/notifications/"
    assert client.get(f"/notifications/{first.pk + 1000}/").status_code == 404
    client.force_login(users["finance"])
    assert client.get(f"/notifications/{first.pk}/").status_code == 404
    client.force_login(user)
    notify([user], "Mới", url="/")
    client.post("/notifications/")
    assert unread_count(user) == 0 and 'id="unread-count"' not in client.get("/").content.decode()
