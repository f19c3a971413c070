"""/api/monitoring/: sources and health, search, article, story, saved searches; token and session auth."""

from __future__ import annotations

import pytest

from loa.monitoring.models import Article, ArticlePlace, SavedSearch, Story
from loa.organisations.services import api_token_create

pytestmark = pytest.mark.django_db
BASE = "/api/monitoring"


@pytest.fixture
def api(client, users):
    token = api_token_create(actor=users["viewer"], user=users["viewer"], name="thử")
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    return client


def test_anonymous_is_refused(client, ingested):
    assert client.get(f"{BASE}/articles").status_code == 401


def test_sources_and_health(api, ingested):
    sources = api.get(f"{BASE}/sources").json()
    assert {s["name"] for s in sources} == {s.name for s in ingested.sources}
    first = sources[0]
    assert first["health"] == "ok" and first["articles"] > 0 and first["feeds"][0]["health"] == "ok"
    assert first["items"] == {"done": first["articles"]}
    health = api.get(f"{BASE}/health").json()
    assert health["items"]["done"] == ingested.articles and health["flagged_sources"] == []


def test_search_paginates_with_filters(api, ingested):
    page = api.get(f"{BASE}/articles", {"q": "bac kan", "limit": 3}).json()
    assert page["total"] > 3 and len(page["results"]) == 3 and page["took_ms"] >= 0
    second = api.get(f"{BASE}/articles", {"q": "bac kan", "limit": 3, "offset": 3}).json()
    assert not {r["id"] for r in page["results"]} & {r["id"] for r in second["results"]}
    hit = page["results"][0]
    assert "<mark>" in hit["snippet"] and hit["topic_label"]
    negative = api.get(f"{BASE}/articles", {"sentiment": "negative", "limit": 100}).json()
    assert negative["results"] and {r["sentiment"] for r in negative["results"]} == {"negative"}
    assert api.get(f"{BASE}/articles", {"limit": 1000}).json()["limit"] == 100


def test_article_and_story(api, ingested):
    place = ArticlePlace.objects.filter(legacy=True).first()
    assert place is not None
    detail = api.get(f"{BASE}/articles/{place.article_id}").json()
    assert any(p["legacy"] and p["today"] for p in detail["places"])
    assert (
        detail["text"]
        and detail["topic_label"]
        and detail["sentiment"] in ("negative", "neutral", "positive")
    )
    assert api.get(f"{BASE}/articles/999999").status_code == 404
    story = Story.objects.filter(article_count__gt=1).first()
    assert story is not None
    body = api.get(f"{BASE}/stories/{story.pk}").json()
    assert len(body["copies"]) == story.article_count and body["copies"][0]["after"] == ""
    assert {c["article_id"] for c in body["copies"]} == set(
        Article.objects.filter(story=story).values_list("pk", flat=True)
    )


def test_saved_searches_belong_to_their_owner(api, client, users, ingested):
    created = api.post(
        f"{BASE}/saved-searches",
        {"name": "Sạt lở", "query": "sat lo", "filters": {"sentiment": ["negative"], "bogus": ["x"]}},
        content_type="application/json",
    )
    assert created.status_code == 201
    saved = created.json()
    assert saved["filters"] == {"sentiment": ["negative"]}
    assert [s["id"] for s in api.get(f"{BASE}/saved-searches").json()] == [saved["id"]]
    other = client.__class__()
    other.force_login(users["finance"])
    assert other.get(f"{BASE}/saved-searches").json() == []
    assert other.delete(f"{BASE}/saved-searches/{saved['id']}").status_code == 404
    assert api.delete(f"{BASE}/saved-searches/{saved['id']}").status_code == 204
    assert not SavedSearch.objects.exists()


def test_reprocess_is_started_by_coordinators_and_its_status_read_by_members(api, client, users):
    assert api.get(f"{BASE}/reprocess").status_code == 404  # no run yet
    assert api.post(f"{BASE}/reprocess", {}, content_type="application/json").status_code == 403
    coordinator = {
        "HTTP_AUTHORIZATION": "Bearer "
        + api_token_create(actor=users["coordinator"], user=users["coordinator"], name="thử")
    }
    unknown = client.post(
        f"{BASE}/reprocess", {"source_id": 987654}, content_type="application/json", **coordinator
    )
    assert unknown.status_code == 400 and "nguồn tin số 987654" in unknown.json()["detail"]
    started = client.post(
        f"{BASE}/reprocess",
        {"since": "2026-07-01", "re_extract": True},
        content_type="application/json",
        **coordinator,
    )
    assert started.status_code == 202
    run = started.json()
    assert (run["state"], run["since"], run["re_extract"], run["source_id"]) == (
        "running",
        "2026-07-01",
        True,
        None,
    )
    assert api.get(f"{BASE}/reprocess").json()["id"] == run["id"]  # members read the progress
    again = client.post(f"{BASE}/reprocess", {}, content_type="application/json", **coordinator)
    assert again.status_code == 400 and "chưa xong" in again.json()["detail"]
    assert client.get(f"{BASE}/reprocess", HTTP_AUTHORIZATION="").status_code == 401
