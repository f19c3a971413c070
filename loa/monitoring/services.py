"""Writes of the monitoring capability: sources and feeds, sector rules, saved searches, retention, and
turning an article into a press request. Each records an audit event in its transaction.

The ingest pipeline itself (polling, processing) is in :mod:`loa.monitoring.ingest`.
"""

from __future__ import annotations

import hashlib
import ipaddress
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from loa.core import audit
from loa.core.notifications import notify
from loa.monitoring import conf, hooks, reprocess, retag
from loa.monitoring.models import (
    Article,
    Feed,
    IngestItem,
    ReprocessRun,
    SavedSearch,
    Sector,
    SectorRetag,
    Source,
    Story,
)
from loa.monitoring.polling import enqueue_processing, refresh_source_health
from loa.monitoring.runtime import raw_archive, runtime
from loa.organisations.access import require_coordinator
from loa.organisations.models import Agency
from loa.pipeline.dedup import url_hash
from loa.pipeline.feeds import FeedError, feed_links, parse_feed
from loa.pipeline.fetch import FetchError
from loa.pipeline.sectors import Document, SectorRule, SectorRuleError
from loa.text import normalize_line

PREVIEW_ARTICLES = 500
# A rule matching (nearly) every recent article is no sector: refused, like a rule without a keyword.
MATCH_ALL_SHARE = 0.9
MATCH_ALL_MIN_ARTICLES = 20

_validate_url = URLValidator(schemes=["http", "https"])


# -------------------------------------------------------------------------------------------- sources


def validate_url(url: str, *, field: str = "url", allow_private: bool | None = None) -> str:
    """A monitored address: http(s), with a host; loopback and private addresses only when allowed
    (the server fetches what is registered here, so it must not be pointed at the local network)."""
    url = (url or "").strip()
    try:
        _validate_url(url)
    except ValidationError:
        raise ValidationError(
            {field: "Địa chỉ không hợp lệ (cần bắt đầu bằng http:// hoặc https://)."}
        ) from None
    if len(url) > 800:
        raise ValidationError({field: "Địa chỉ quá dài (tối đa 800 ký tự)."})
    allowed = conf.allow_private_hosts() if allow_private is None else allow_private
    host = (urlsplit(url).hostname or "").lower()
    private = host == "localhost" or host.endswith(".localhost")
    try:
        address = ipaddress.ip_address(host)
        private = private or address.is_loopback or address.is_private or address.is_link_local
    except ValueError:
        pass
    if private and not allowed:
        raise ValidationError({field: "Không theo dõi địa chỉ nội bộ (localhost, mạng riêng)."})
    return url


@dataclass(frozen=True)
class Discovery:
    feeds: tuple[str, ...]
    message: str


def discover_feeds(homepage: str, source: Source | None = None) -> Discovery:
    """RSS/Atom links announced by a homepage; the address itself when it already is a feed."""
    probe = source or Source(name="", homepage=homepage)
    outcome = runtime().fetcher_for(probe, homepage).fetch(homepage)
    if isinstance(outcome, FetchError):
        return Discovery((), f"Không tải được trang chủ: {outcome.message_vi}")
    try:
        parse_feed(outcome.body, outcome.final_url)
    except FeedError as exc:
        links = exc.alternates or feed_links(outcome.body, outcome.final_url)
        if links:
            return Discovery(tuple(links), f"Tìm thấy {len(links)} luồng tin trên trang chủ.")
        return Discovery((), "Trang chủ không khai báo RSS/Atom; hãy nhập địa chỉ luồng tin hoặc sitemap.")
    return Discovery((outcome.final_url,), "Địa chỉ đã là một luồng tin.")


def _feed_kind(url: str) -> str:
    return Feed.Kind.SITEMAP if "sitemap" in urlsplit(url).path.lower() else Feed.Kind.RSS


def _check_feed_urls(
    urls: Sequence[str], allow_private: bool | None, exclude_source: int | None
) -> list[str]:
    cleaned = []
    for url in urls:
        url = validate_url(url, field="feeds", allow_private=allow_private)
        if url not in cleaned:
            cleaned.append(url)
    taken = Feed.objects.filter(url__in=cleaned)
    if exclude_source is not None:
        taken = taken.exclude(source_id=exclude_source)
    clash = taken.select_related("source").first()
    if clash is not None:
        raise ValidationError({"feeds": f"Luồng tin {clash.url} đã thuộc nguồn “{clash.source.name}”."})
    return cleaned


def source_create(
    actor: Any,
    *,
    name: str,
    kind: str = Source.Kind.PRESS,
    homepage: str = "",
    feeds: Sequence[str] = (),
    discover: bool = False,
    is_sample: bool = False,
    fetch_concurrency: int | None = None,
    fetch_min_delay: float | None = None,
    min_interval_seconds: int | None = None,
    max_interval_seconds: int | None = None,
    allow_private: bool | None = None,
) -> Source:
    """Register a source with its feeds (coordinators). With ``discover`` and no feed given, the feeds
    announced by the homepage are used."""
    if actor is not None:
        require_coordinator(actor)
    name = normalize_line(name or "")
    if not name:
        raise ValidationError({"name": "Nhập tên nguồn tin."})
    if kind not in Source.Kind.values:
        raise ValidationError({"kind": "Loại nguồn không hợp lệ."})
    if homepage:
        homepage = validate_url(homepage, field="homepage", allow_private=allow_private)
    urls = list(feeds)
    if not urls and discover and homepage:
        found = discover_feeds(homepage)
        if not found.feeds:
            raise ValidationError({"feeds": found.message})
        urls = list(found.feeds)
    if not urls:
        raise ValidationError({"feeds": "Cần ít nhất một luồng tin (RSS/Atom hoặc sitemap)."})
    urls = _check_feed_urls(urls, allow_private, None)
    _check_intervals(min_interval_seconds, max_interval_seconds)
    with transaction.atomic():
        source = Source.objects.create(
            name=name[:200],
            kind=kind,
            homepage=homepage,
            is_sample=is_sample,
            fetch_concurrency=fetch_concurrency,
            fetch_min_delay=fetch_min_delay,
            min_interval_seconds=min_interval_seconds,
            max_interval_seconds=max_interval_seconds,
        )
        for url in urls:
            Feed.objects.create(source=source, url=url, kind=_feed_kind(url), next_poll_at=timezone.now())
        audit.record(actor, "monitoring.source_create", source, changes={"name": source.name, "feeds": urls})
    return source


def _check_intervals(minimum: int | None, maximum: int | None) -> None:
    if minimum is not None and minimum < 60:
        raise ValidationError({"min_interval_seconds": "Chu kỳ ngắn nhất là 60 giây."})
    if minimum and maximum and maximum < minimum:
        raise ValidationError({"max_interval_seconds": "Chu kỳ dài nhất phải lớn hơn chu kỳ ngắn nhất."})


SOURCE_FIELDS = (
    "name",
    "kind",
    "homepage",
    "is_active",
    "fetch_concurrency",
    "fetch_min_delay",
    "min_interval_seconds",
    "max_interval_seconds",
)


def source_update(
    actor: Any,
    source: Source,
    *,
    feeds: Sequence[str] | None = None,
    allow_private: bool | None = None,
    **fields: Any,
) -> Source:
    """Change a source's settings and, when ``feeds`` is given, its list of feeds (coordinators).

    Feeds no longer listed are switched off (their items and history stay); new ones are polled at once.
    """
    require_coordinator(actor)
    unknown = set(fields) - set(SOURCE_FIELDS)
    if unknown:
        raise ValueError(f"unknown source fields: {sorted(unknown)}")
    if "name" in fields:
        fields["name"] = normalize_line(fields["name"] or "")[:200]
        if not fields["name"]:
            raise ValidationError({"name": "Nhập tên nguồn tin."})
    if fields.get("homepage"):
        fields["homepage"] = validate_url(fields["homepage"], field="homepage", allow_private=allow_private)
    _check_intervals(
        fields.get("min_interval_seconds", source.min_interval_seconds),
        fields.get("max_interval_seconds", source.max_interval_seconds),
    )
    with transaction.atomic():
        changes: dict[str, Any] = audit.diff(source, fields)
        for name, value in fields.items():
            setattr(source, name, value)
        source.save()
        if feeds is not None:
            urls = _check_feed_urls(feeds, allow_private, source.pk)
            current = {f.url: f for f in source.feeds.all()}
            for url in urls:
                feed = current.get(url)
                if feed is None:
                    Feed.objects.create(
                        source=source, url=url, kind=_feed_kind(url), next_poll_at=timezone.now()
                    )
                elif not feed.is_active:
                    Feed.objects.filter(pk=feed.pk).update(is_active=True, next_poll_at=timezone.now())
            Feed.objects.filter(source=source).exclude(url__in=urls).update(is_active=False)
            if set(urls) != {u for u, f in current.items() if f.is_active}:
                changes["feeds"] = urls
            refresh_source_health(source)
        audit.record(actor, "monitoring.source_update", source, changes=changes)
    return source


def enqueue_urls(actor: Any, source: Source, urls: Sequence[str], *, enqueue: bool = True) -> list[int]:
    """Queue article addresses by hand (an article a feed missed). Returns the new items' ids."""
    if actor is not None:
        require_coordinator(actor)
    fresh = []
    for url in urls:
        url = validate_url(url, allow_private=source.is_sample or None)
        digest = url_hash(url)
        if not IngestItem.objects.filter(url_hash=digest).exists():
            fresh.append(IngestItem(url=url, url_hash=digest, source=source))
    with transaction.atomic():
        IngestItem.objects.bulk_create(fresh, ignore_conflicts=True)
        ids = list(
            IngestItem.objects.filter(url_hash__in=[i.url_hash for i in fresh], state=IngestItem.State.QUEUED)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        if ids:
            audit.record(actor, "monitoring.urls_queued", source, changes={"urls": [i.url for i in fresh]})
        if enqueue and ids:
            enqueue_processing(ids)
    return ids


def item_retry(actor: Any, item: IngestItem) -> IngestItem:
    """Put a failed item back in the queue (after the source was fixed)."""
    require_coordinator(actor)
    if item.state != IngestItem.State.FAILED:
        raise ValidationError("Chỉ thử lại được mục bị lỗi.")
    with transaction.atomic():
        IngestItem.objects.filter(pk=item.pk).update(
            state=IngestItem.State.QUEUED, next_attempt_at=None, attempts=0, updated_at=timezone.now()
        )
        audit.record(actor, "monitoring.item_retry", item, changes={"reason": item.reason})
        enqueue_processing([item.pk])
    item.refresh_from_db()
    return item


# -------------------------------------------------------------------------------------------- sectors


@dataclass(frozen=True)
class RulePreview:
    matched: int
    total: int
    examples: tuple[Article, ...]


def recent_articles(limit: int = PREVIEW_ARTICLES) -> list[Article]:
    return list(Article.objects.order_by("-pk").only("pk", "title", "text", "url", "published_at")[:limit])


# The preview runs on every pause in typing: each article is tokenised once, as the ingest does it.
_preview_documents: dict[bytes, Document] = {}


def _preview_document(article: Article) -> Document:
    key = hashlib.blake2b(f"{article.url}\n{article.title}\n{article.text}".encode(), digest_size=16).digest()
    document = _preview_documents.get(key)
    if document is None:
        if len(_preview_documents) >= 4 * PREVIEW_ARTICLES:
            _preview_documents.clear()
        document = _preview_documents[key] = retag.stored_document(article.title, article.url, article.text)
    return document


def sector_preview(query: str, articles: Sequence[Article] | None = None) -> RulePreview:
    """How many of the last articles a rule would match, exactly as the ingest would label them
    (raises SectorRuleError for a bad rule)."""
    rule = SectorRule("preview", query)
    pool = recent_articles() if articles is None else list(articles)
    matched = [a for a in pool if rule.matches_document(_preview_document(a))]
    return RulePreview(len(matched), len(pool), tuple(matched[:5]))


def _check_rule(query: str) -> RulePreview:
    query = (query or "").strip()
    if not query:
        raise ValidationError({"query": "Nhập biểu thức từ khóa."})
    try:
        preview = sector_preview(query)
    except SectorRuleError as exc:
        raise ValidationError({"query": str(exc)}) from None
    if preview.total >= MATCH_ALL_MIN_ARTICLES and preview.matched >= MATCH_ALL_SHARE * preview.total:
        raise ValidationError(
            {
                "query": f"Quy tắc khớp {preview.matched}/{preview.total} bài gần nhất, tức gần như mọi bài: "
                "hãy dùng từ khóa cụ thể hơn."
            }
        )
    return preview


def sector_save(
    actor: Any,
    *,
    name: str,
    query: str,
    agency: Agency | None,
    is_active: bool = True,
    sector: Sector | None = None,
) -> Sector:
    """Create or change a sector rule (coordinators). Rules that match nothing specific are refused.

    New articles get it at once; the stored ones are re-tagged in the background (see
    :mod:`loa.monitoring.retag`), whose progress the sector's page shows.
    """
    if actor is not None:
        require_coordinator(actor)
    name = normalize_line(name or "")[:120]
    if not name:
        raise ValidationError({"name": "Nhập tên lĩnh vực."})
    clash = Sector.objects.filter(name__iexact=name)
    if sector is not None:
        clash = clash.exclude(pk=sector.pk)
    if clash.exists():
        raise ValidationError({"name": "Đã có lĩnh vực cùng tên."})
    query = query.strip()
    _check_rule(query)
    fields = {"name": name, "query": query, "agency": agency, "is_active": is_active}
    with transaction.atomic():
        if sector is None:
            sector = Sector.objects.create(**fields)
            audit.record(actor, "monitoring.sector_create", sector, changes={"name": name, "query": query})
            retag.start(sector)
        else:
            if SectorRetag.objects.filter(sector=sector, delete_sector=True).exists():
                raise ValidationError("Lĩnh vực này đang được xóa.")
            changes = audit.diff(sector, fields)
            for key, value in fields.items():
                setattr(sector, key, value)
            sector.save()
            audit.record(actor, "monitoring.sector_update", sector, changes=changes)
            # A new name changes no label: only the rule, its state or its agency send a run over the articles.
            if changes.keys() & {"query", "is_active", "agency"}:
                retag.start(sector, refresh_labelled="agency" in changes)
    return sector


def sector_delete(actor: Any, sector: Sector) -> SectorRetag | None:
    """Delete a sector rule (coordinators): it stops labelling new articles at once, its labels are
    removed from the stored ones in the background (the series follow), then the sector itself goes
    (at once when no article carries it: then there is no run to return)."""
    require_coordinator(actor)
    with transaction.atomic():
        sector = Sector.objects.select_for_update().get(pk=sector.pk)
        sector.is_active = False
        sector.save(update_fields=["is_active"])
        audit.record(actor, "monitoring.sector_delete", sector, changes={"name": sector.name})
        hooks.on_sector_deleted(sector.pk)
        return retag.start(sector, delete=True)


# ------------------------------------------------------------------------------------- saved searches


def saved_search_create(
    actor: Any, *, name: str, query: str, filters: dict[str, Any], notify: bool = False
) -> SavedSearch:
    if actor is None or not actor.is_authenticated:
        raise PermissionDenied("Cần đăng nhập.")
    name = normalize_line(name or "")[:120] or normalize_line(query or "")[:120] or "Tìm kiếm"
    latest = Article.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    with transaction.atomic():
        saved = SavedSearch.objects.create(
            owner=actor,
            name=name,
            query=(query or "").strip()[:300],
            filters=filters,
            notify=notify,
            last_article_id=latest,
        )
        audit.record(actor, "monitoring.saved_search_create", saved, changes={"query": saved.query})
    return saved


def saved_search_delete(actor: Any, saved: SavedSearch) -> None:
    if saved.owner_id != getattr(actor, "pk", None):
        raise PermissionDenied("Đây không phải tìm kiếm của bạn.")
    with transaction.atomic():
        audit.record(actor, "monitoring.saved_search_delete", saved, changes={"query": saved.query})
        saved.delete()


def saved_search_set_notify(actor: Any, saved: SavedSearch, notify: bool) -> SavedSearch:
    if saved.owner_id != getattr(actor, "pk", None):
        raise PermissionDenied("Đây không phải tìm kiếm của bạn.")
    with transaction.atomic():
        if notify and not saved.notify:
            saved.last_article_id = Article.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        saved.notify = notify
        saved.save(update_fields=["notify", "last_article_id"])
        audit.record(actor, "monitoring.saved_search_notify", saved, changes={"notify": notify})
    return saved


def notify_saved_searches(limit: int = 20) -> int:
    """Tell each owner of a saved search with notifications on about the articles that newly match it:
    an in-app notice, and an e-mail when the owner has an address. Each article is reported once per
    saved search. Returns how many saved searches had news."""
    from loa.monitoring.search import search_articles
    from loa.monitoring.selectors import filters_from_params

    latest = Article.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    sent = 0
    for saved in SavedSearch.objects.filter(notify=True, last_article_id__lt=latest).select_related("owner"):
        filters = filters_from_params(saved.filters)
        filters.id_above = saved.last_article_id
        page = search_articles(saved.query, filters, limit=limit)
        link = f"{reverse('monitoring:articles')}?{saved_search_querystring(saved)}"
        if page.hits:
            notify(
                [saved.owner],
                f"{page.total} bài mới khớp “{saved.name}”",
                body="; ".join(hit.article.title for hit in page.hits[:3]),
                url=link,
            )
        if page.hits and saved.owner.email:
            lines = [
                f"- {hit.article.title} ({hit.article.source.name}): {hit.article.url}" for hit in page.hits
            ]
            more = f"\n… và {page.total - len(page.hits)} bài khác." if page.total > len(page.hits) else ""
            body = (
                f"Có {page.total} bài mới khớp với tìm kiếm “{saved.name}”:\n\n"
                + "\n".join(lines)
                + more
                + f"\n\nXem tất cả: {settings.LOA_SITE_URL}{link}"
            )
            send_mail(
                f"[Loa] {page.total} bài mới: {saved.name}",
                body,
                settings.DEFAULT_FROM_EMAIL,
                [saved.owner.email],
                fail_silently=True,
            )
        sent += bool(page.hits)
        SavedSearch.objects.filter(pk=saved.pk).update(
            last_article_id=latest, last_notified_at=timezone.now() if page.hits else saved.last_notified_at
        )
    return sent


def saved_search_querystring(saved: SavedSearch) -> str:
    params = {"q": saved.query, **saved.filters}
    return urlencode({k: v for k, v in params.items() if v}, doseq=True)


# ------------------------------------------------------------------------------------------ reprocessing


def reprocess_start(
    actor: Any,
    *,
    since: date | None = None,
    source_id: int | None = None,
    re_extract: bool = False,
    enqueue: bool = True,
) -> ReprocessRun:
    """Re-run understanding (and with ``re_extract`` extraction, from the archived pages) over the stored
    articles published since ``since``, of one source or all (coordinators; ``None`` is the system: the
    command line). One run at a time; its batches are queued after commit (see
    :mod:`loa.monitoring.reprocess`), or, with ``enqueue=False``, left to the caller."""
    if actor is not None:
        require_coordinator(actor)
    if source_id is not None and not Source.objects.filter(pk=source_id).exists():
        raise ValidationError({"source": f"Không có nguồn tin số {source_id}."})
    with transaction.atomic():
        if ReprocessRun.objects.select_for_update().filter(state=ReprocessRun.State.RUNNING).exists():
            raise ValidationError("Đang có một lượt xử lý lại chưa xong; hãy chờ lượt đó kết thúc.")
        run = ReprocessRun(
            since=since,
            source_id=source_id,
            re_extract=re_extract,
            started_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        reprocess.start(run, enqueue=enqueue)
        audit.record(
            actor,
            "monitoring.reprocess_start",
            run,
            changes={
                "since": since.isoformat() if since else None,
                "source": source_id,
                "re_extract": re_extract,
                "articles": run.total,
            },
        )
    return run


# ------------------------------------------------------------------------------------------ retention


@dataclass(frozen=True)
class PurgeReport:
    articles: int
    items: int
    stories: int
    raw_files: int


def purge_expired(now: datetime | None = None) -> PurgeReport:
    """Delete articles (and their places, sectors), pipeline items and archived pages older than the
    retention period; stories left without articles go too."""
    now = now or timezone.now()
    cutoff = now - conf.retention()
    expired = Article.objects.filter(
        Q(published_at__lt=cutoff) | Q(published_at__isnull=True, ingested_at__lt=cutoff)
    )
    articles = items = raw_files = 0
    digests: set[str] = set()
    while True:
        chunk = list(expired.values_list("pk", "raw_sha256")[:1000])
        if not chunk:
            break
        with transaction.atomic():
            digests.update(d for _, d in chunk if d)
            Article.objects.filter(pk__in=[pk for pk, _ in chunk]).delete()
        articles += len(chunk)
    old_items = IngestItem.objects.filter(created_at__lt=cutoff)
    while True:
        chunk = list(old_items.values_list("pk", "raw_sha256")[:1000])
        if not chunk:
            break
        digests.update(d for _, d in chunk if d)
        IngestItem.objects.filter(pk__in=[pk for pk, _ in chunk]).delete()
        items += len(chunk)
    _, deleted = Story.objects.filter(articles__isnull=True).delete()
    stories = deleted.get("monitoring.Story", 0)
    archive = raw_archive()
    still_used = set(Article.objects.filter(raw_sha256__in=digests).values_list("raw_sha256", flat=True))
    still_used |= set(IngestItem.objects.filter(raw_sha256__in=digests).values_list("raw_sha256", flat=True))
    for digest in digests - still_used:
        path = archive.path_for(digest)
        if path.is_file():
            path.unlink()
            raw_files += 1
    if articles or items:
        audit.record(
            None,
            "monitoring.purge",
            None,
            object_type="monitoring.retention",
            changes={
                "cutoff": cutoff.isoformat(),
                "articles": articles,
                "items": items,
                "raw_files": raw_files,
            },
        )
    return PurgeReport(articles, items, stories, raw_files)


# --------------------------------------------------------------------------------------------- press


def press_request_for_article(actor: Any, article: Article) -> Any:
    """Open a press request from an article (idempotent per article; the press rules decide who may)."""
    from loa.press.services import press_request_from_article

    excerpt = article.text[:1500]
    return press_request_from_article(
        article.pk,
        actor,
        outlet=article.source.name,
        title=article.title,
        url=article.url,
        published=article.published_at,
        excerpt=excerpt,
    )
