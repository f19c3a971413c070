"""The morning digest (bản tin điểm báo), for the province and for each agency.

Contents for a period of local days: top stories (by copies, then by the latest copy), negative stories
needing attention (no case opened yet first), rising topics, communes and sectors with a 14-day
sparkline, and the alerts of the period. An agency's digest keeps what is routed to it (its sectors,
its commune). Delivered every morning (06:30) by e-mail (HTML with inline SVG, plain-text alternative)
and in-app; on demand for any range as a page and as a .docx laid out per Decree 30/2020/NĐ-CP.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from io import BytesIO
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.safestring import SafeString

from loa.core import audit, documents
from loa.core.models import AuditEvent
from loa.core.notifications import notify
from loa.monitoring.models import Article, Sentiment
from loa.organisations.models import Agency, Role
from loa.organisations.selectors import home_province
from loa.text import strip_diacritics
from loa.trends import keys as K
from loa.trends.aggregate import article_time, day_start, local_zone
from loa.trends.models import Alert, Case, SeriesMember
from loa.trends.selectors import daily
from loa.web.charts import sparkline

TOP = 10
RISING = 6
SPARK_DAYS = 14
BASELINE_DAYS = 28


@dataclass
class StoryItem:
    title: str
    url: str
    copies: int
    sources: list[str]
    first_at: datetime
    last_at: datetime
    negative: bool
    story_id: int | None
    article_id: int
    case_id: int | None = None


@dataclass
class Rising:
    key: str
    label: str
    count: int
    usual: float
    values: list[int]

    @property
    def ratio(self) -> float:
        return (self.count + 1) / (self.usual + 1)

    @property
    def chart(self) -> SafeString:
        return sparkline(self.values, title=f"{self.label}: {SPARK_DAYS} ngày")


@dataclass
class Digest:
    agency: Agency | None
    first: date
    last: date
    generated_at: datetime
    stories: int = 0
    articles: int = 0
    negative: int = 0
    top: list[StoryItem] = field(default_factory=list)
    attention: list[StoryItem] = field(default_factory=list)
    rising: list[Rising] = field(default_factory=list)
    alerts: list[Alert] = field(default_factory=list)

    @property
    def scope_label(self) -> str:
        return self.agency.name if self.agency else "Toàn tỉnh"

    @property
    def period(self) -> str:
        if self.first == self.last:
            return f"ngày {self.first:%d/%m/%Y}"
        return f"từ ngày {self.first:%d/%m/%Y} đến ngày {self.last:%d/%m/%Y}"

    @property
    def empty(self) -> bool:
        return not (self.top or self.alerts)


def _stories(first: date, last: date, agency: Agency | None) -> list[StoryItem]:
    """Stories with a copy in the period (within the scope), each with all its copies counted."""
    start, end = day_start(first), day_start(last + timedelta(days=1))
    window = Article.objects.filter(
        Q(published_at__gte=start, published_at__lt=end)
        | Q(published_at__isnull=True, ingested_at__gte=start, ingested_at__lt=end)
    )
    story_ids = set(window.filter(story__isnull=False).values_list("story_id", flat=True))
    lone_ids = set(window.filter(story__isnull=True).values_list("pk", flat=True))
    if agency is not None:
        members = SeriesMember.objects.filter(key__in=K.agency_keys(agency))
        story_ids &= set(members.filter(story_ref__in=story_ids).values_list("story_ref", flat=True))
        lone_ids &= set(members.filter(article_ref__in=lone_ids).values_list("article_ref", flat=True))
    copies: dict[tuple[str, int], list[Article]] = defaultdict(list)
    for article in (
        Article.objects.filter(Q(story_id__in=story_ids) | Q(pk__in=lone_ids))
        .select_related("source", "story")
        .defer("text", "minhash", "sentiment_cues")
    ):
        unit = ("s", article.story_id) if article.story_id else ("a", article.pk)
        copies[unit].append(article)
    cases_by_story = dict(Case.objects.filter(story_id__in=story_ids).values_list("story_id", "pk"))
    cases_by_article = dict(Case.objects.filter(article_id__in=lone_ids).values_list("article_id", "pk"))
    items = []
    for (kind, pk), group in copies.items():
        group.sort(key=lambda a: (article_time(a.published_at, a.ingested_at), a.pk))
        first_copy = group[0]
        story = first_copy.story
        sentiment = (story.sentiment if story is not None and story.sentiment else "") or first_copy.sentiment
        items.append(
            StoryItem(
                title=story.title if story is not None and story.title else first_copy.title,
                url=first_copy.url,
                copies=len(group),
                sources=sorted({a.source.name for a in group}),
                first_at=article_time(first_copy.published_at, first_copy.ingested_at),
                last_at=max(article_time(a.published_at, a.ingested_at) for a in group),
                negative=sentiment == Sentiment.NEGATIVE,
                story_id=pk if kind == "s" else None,
                article_id=first_copy.pk,
                case_id=cases_by_story.get(pk) if kind == "s" else cases_by_article.get(pk),
            )
        )
    return items


def _rising(first: date, last: date, agency: Agency | None) -> list[Rising]:
    keys = (
        K.agency_keys(agency)
        if agency is not None
        else sorted(
            set(
                SeriesMember.objects.filter(day__range=(first, last))
                .filter(
                    Q(key__startswith="topic:") | Q(key__startswith="commune:") | Q(key__startswith="sector:")
                )
                .values_list("key", flat=True)
                .distinct()
            )
        )
    )
    span = (last - first).days + 1
    labels = K.labels(keys)
    found = []
    for key in keys:
        points = daily(key, first - timedelta(days=BASELINE_DAYS), last)
        base, current = points[:BASELINE_DAYS], points[BASELINE_DAYS:]
        count = sum(p.count for p in current)
        usual = sum(p.count for p in base) / BASELINE_DAYS * span
        if count >= 3 and count >= 1.5 * usual + 1:
            spark = [p.count for p in points[-SPARK_DAYS:]]
            found.append(Rising(key, labels[key], count, usual, spark))
    found.sort(key=lambda r: (-r.ratio, -r.count, r.label))
    return found[:RISING]


def build(first: date, last: date, agency: Agency | None = None, *, now: datetime | None = None) -> Digest:
    if last < first:
        first, last = last, first
    digest = Digest(agency, first, last, now or timezone.now())
    items = _stories(first, last, agency)
    digest.stories = len(items)
    digest.articles = sum(i.copies for i in items)
    digest.negative = sum(i.negative for i in items)
    digest.top = sorted(items, key=lambda i: (-i.copies, -i.last_at.timestamp()))[:TOP]
    negatives = [i for i in items if i.negative]
    digest.attention = sorted(
        negatives, key=lambda i: (i.case_id is not None, -i.copies, -i.last_at.timestamp())
    )[:TOP]
    digest.rising = _rising(first, last, agency)
    alerts = Alert.objects.filter(date__range=(first, last)).exclude(kind=Alert.Kind.FORECAST)
    alerts = alerts | Alert.objects.filter(
        kind=Alert.Kind.FORECAST, date__gt=last, created_at__gte=day_start(first)
    )
    if agency is not None:
        alerts = alerts.filter(agencies=agency)
    digest.alerts = list(alerts.distinct().order_by("-date", "-score")[:20])
    return digest


# --- rendering -------------------------------------------------------------------------------------


def title(digest: Digest) -> str:
    return f"Bản tin điểm báo {digest.period} — {digest.scope_label}"


def context(digest: Digest, *, absolute: bool = True) -> dict[str, Any]:
    """Template context; `absolute` links carry the site address (for e-mail), others are relative."""
    labels = K.labels(a.key for a in digest.alerts)
    return {
        "digest": digest,
        "title": title(digest),
        "alerts": [(a, labels[a.key]) for a in digest.alerts],
        "site": settings.LOA_SITE_URL.rstrip("/") if absolute else "",
        "page_url": page_url(digest),
    }


def page_url(digest: Digest) -> str:
    query = f"?first={digest.first.isoformat()}&last={digest.last.isoformat()}"
    if digest.agency is not None:
        query += f"&agency={digest.agency.pk}"
    return reverse("trends:digest") + query


def html(digest: Digest) -> str:
    return render_to_string("trends/digest_email.html", context(digest))


def text(digest: Digest) -> str:
    return render_to_string("trends/digest_email.txt", context(digest))


def _spark_png(values: Sequence[int]) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(1.6, 0.4), dpi=150)
    FigureCanvasAgg(figure)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.plot(range(len(values)), values, color="#0b5cad", linewidth=1.2)
    axes.plot([len(values) - 1], [values[-1]], "o", color="#b3261e", markersize=2.5)
    axes.set_ylim(bottom=0, top=max(max(values), 1) * 1.15)
    axes.axis("off")
    buffer = BytesIO()
    figure.savefig(buffer, format="png", transparent=True)
    return buffer.getvalue()


def _issuer() -> tuple[str, str, str]:
    """(governing body, issuing agency, number) for the heading: the press-management department."""
    province = home_province()
    parent = f"UBND {province.kind.upper()} {province.short_name.upper()}" if province else ""
    agency = (
        Agency.objects.filter(role=Agency.Role.PRESS_MANAGEMENT, province=province).first()
        if province
        else None
    )
    issuer = agency.name if agency else "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"
    return parent, issuer, f"/BT-{symbol(agency.short_name)}" if agency and agency.short_name else "/BT"


def symbol(short_name: str) -> str:
    """The issuer part of a document symbol: "Sở VHTTDL" → "SVHTTDL" (capitals kept, other words
    by their initial, without diacritics)."""
    letters = [w if w.isupper() and len(w) > 1 else w[:1].upper() for w in short_name.split()]
    return strip_diacritics("".join(letters))


def docx(digest: Digest) -> bytes:
    """The digest as an administrative document (Decree 30/2020 layout, `loa.core.documents`)."""
    from docx.shared import Cm

    province = home_province()
    place = province.short_name if province else "Thái Nguyên"
    parent, issuer, number = _issuer()
    summary = f"Thông tin báo chí {digest.period}"
    if digest.agency is not None:
        summary += f" liên quan đến {digest.agency.name}"
    doc = documents.new_administrative_document(
        issuer,
        number,
        place,
        digest.generated_at.astimezone(local_zone()).date(),
        "BẢN TIN ĐIỂM BÁO",
        parent=parent,
        summary=summary,
    )
    documents.add_heading(doc, "I. TỔNG QUAN")
    documents.add_paragraph(
        doc,
        f"Trong kỳ có {digest.stories} tin ({digest.articles} bài đăng, mỗi tin đăng lại ở nhiều nơi chỉ tính "
        f"một lần), trong đó {digest.negative} tin có sắc thái tiêu cực; {len(digest.alerts)} cảnh báo.",
    )
    documents.add_heading(doc, "II. TIN NỔI BẬT")
    if digest.top:
        documents.add_table(
            doc,
            ["TT", "Tin", "Số bài", "Nguồn", "Đăng lúc"],
            [
                (
                    i,
                    item.title,
                    item.copies,
                    ", ".join(item.sources[:3]),
                    f"{item.last_at.astimezone(local_zone()):%H:%M %d/%m}",
                )
                for i, item in enumerate(digest.top, start=1)
            ],
            widths_cm=(1.0, 8.0, 1.6, 3.7, 2.2),
        )
    else:
        documents.add_paragraph(doc, "Không có tin trong kỳ.")
    documents.add_heading(doc, "III. TIN TIÊU CỰC CẦN QUAN TÂM")
    if digest.attention:
        documents.add_table(
            doc,
            ["TT", "Tin", "Số bài", "Xử lý"],
            [
                (
                    i,
                    f"{item.title} ({item.url})",
                    item.copies,
                    "Đã mở vụ việc" if item.case_id else "Chưa xử lý",
                )
                for i, item in enumerate(digest.attention, start=1)
            ],
            widths_cm=(1.0, 10.5, 1.6, 3.4),
        )
    else:
        documents.add_paragraph(doc, "Không có tin tiêu cực trong kỳ.")
    documents.add_heading(doc, "IV. CHỦ ĐỀ, ĐỊA BÀN ĐANG TĂNG")
    if digest.rising:
        table = documents.add_table(
            doc,
            ["TT", "Chủ đề, địa bàn", "Số tin", "Mức thường", f"{SPARK_DAYS} ngày"],
            [
                (i, r.label, r.count, f"{r.usual:.1f}".replace(".", ","), "")
                for i, r in enumerate(digest.rising, start=1)
            ],
            widths_cm=(1.0, 7.0, 1.8, 2.2, 4.5),
        )
        for row, rising in zip(table.rows[1:], digest.rising, strict=True):
            row.cells[4].paragraphs[0].add_run().add_picture(BytesIO(_spark_png(rising.values)), width=Cm(4))
    else:
        documents.add_paragraph(doc, "Không có chủ đề, địa bàn tăng bất thường.")
    documents.add_heading(doc, "V. CẢNH BÁO")
    if digest.alerts:
        labels = K.labels(a.key for a in digest.alerts)
        documents.add_table(
            doc,
            ["TT", "Ngày", "Chuỗi", "Giải thích"],
            [(i, f"{a.date:%d/%m}", labels[a.key], a.reason) for i, a in enumerate(digest.alerts, start=1)],
            widths_cm=(1.0, 1.6, 4.0, 9.9),
        )
    else:
        documents.add_paragraph(doc, "Không có cảnh báo trong kỳ.")
    recipients = (
        [digest.agency.name]
        if digest.agency
        else ["Chủ tịch, các Phó Chủ tịch UBND tỉnh", "Các sở, ban, ngành tỉnh"]
    )
    documents.add_closing(
        doc,
        recipients=recipients,
        signature=documents.Signature(authority="", capacity="KT. GIÁM ĐỐC", position="PHÓ GIÁM ĐỐC"),
    )
    return documents.to_bytes(doc)


# --- sending ---------------------------------------------------------------------------------------

PROVINCE_ROLES = (Role.ADMIN, Role.COORDINATOR)


def _province_readers() -> list[Any]:
    users = get_user_model().objects.filter(is_active=True)
    return list(
        users.filter(
            Q(membership__role__in=PROVINCE_ROLES)
            | Q(
                membership__role=Role.SPOKESPERSON,
                membership__agency__role__in=[
                    Agency.Role.PROVINCIAL_COMMITTEE,
                    Agency.Role.PROVINCIAL_OFFICE,
                ],
            )
        ).distinct()
    )


def send(digest: Digest, users: Sequence[Any], *, extra_emails: Sequence[str] = ()) -> int:
    """E-mail the digest to these users (and addresses) and tell them in-app; returns e-mails sent."""
    emails = sorted({u.email for u in users if u.email} | set(extra_emails))
    subject = title(digest)
    if emails:
        message = EmailMultiAlternatives(subject, text(digest), settings.DEFAULT_FROM_EMAIL, bcc=emails)
        message.attach_alternative(html(digest), "text/html")
        message.send()
    notify(
        users,
        subject,
        body=strip_tags(f"{digest.stories} tin, {len(digest.alerts)} cảnh báo."),
        url=page_url(digest),
    )
    return len(emails)


def send_morning_digests(*, now: datetime | None = None) -> int:
    """The province's digest and each agency's (when it has something), yesterday and this morning;
    once per scope and day (a re-run sends nothing new)."""
    now = now or timezone.now()
    today = now.astimezone(local_zone()).date()
    first = today - timedelta(days=1)
    sent = 0
    scopes: list[tuple[Agency | None, list[Any], list[str]]] = [(None, _province_readers(), [])]
    for unit in Agency.objects.filter(is_active=True, members__isnull=False).distinct():
        members = list(get_user_model().objects.filter(membership__agency=unit, is_active=True))
        scopes.append((unit, members, [unit.email] if unit.email else []))
    for agency, users, extra in scopes:
        token = f"{today.isoformat()}:{agency.pk if agency else 'province'}"
        if AuditEvent.objects.filter(action="digest.send", object_id=token).exists():
            continue
        digest = build(first, today, agency, now=now)
        if agency is not None and digest.empty:
            continue
        if not users and not extra:
            continue
        sent += send(digest, users, extra_emails=extra)
        audit.record(
            None,
            "digest.send",
            None,
            object_type="trends.digest",
            object_id=token,
            object_repr=title(digest),
            agency_id=agency.pk if agency else None,
            changes={
                "stories": digest.stories,
                "alerts": len(digest.alerts),
                "recipients": len(users) + len(extra),
            },
        )
    return sent
