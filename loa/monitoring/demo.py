"""Sample monitoring content at start: the sample newsroom's outlets as sources (marked sample data),
a few sector rules routed to agencies, and a first poll a few seconds after the worker starts."""

from __future__ import annotations

from django.db import transaction

from loa.monitoring import services
from loa.monitoring.models import Feed, Sector, Source
from loa.organisations.models import Agency

KINDS = {"cong-ttdt": Source.Kind.PORTAL, "trang-cong-dong": Source.Kind.PAGE}
# name, rule, agency slug
SECTORS: tuple[tuple[str, str, str], ...] = (
    (
        "Giao thông",
        '"giao thông" OR "quốc lộ" OR "tỉnh lộ" OR "cầu treo" OR "đường tỉnh"',
        "so-xay-dung",
    ),
    ("Y tế", '"y tế" OR "bệnh viện" OR "dịch bệnh" OR "sốt xuất huyết"', "so-y-te"),
    ("Thiên tai", '"sạt lở" OR "lũ quét" OR ngập OR "lũ lụt" OR "mưa lớn"', "so-nnmt"),
    ("Giáo dục", '"học sinh" OR "giáo viên" OR "trường học" OR "giáo dục"', "so-gddt"),
    ("Đất đai, môi trường", '"đất đai" OR "mặt bằng" OR "ô nhiễm" OR "rác thải"', "so-nnmt"),
    ("An ninh, trật tự", '"công an" OR "lừa đảo" OR "ma túy" OR "khởi tố"', "cong-an-tinh"),
    ("Dịch vụ công", '"dịch vụ công" OR "một cửa" OR "thủ tục hành chính"', "van-phong-ubnd"),
)
FIRST_POLL_DELAY = 5  # seconds: the worker and the newsroom start at the same moment


def demo_setup(newsroom_url: str) -> str | None:
    from loa.demo.newsroom import sources

    created = 0
    with transaction.atomic():
        for row in sources(newsroom_url):
            existing = Source.objects.filter(name=row["name"], is_sample=True).first()
            if existing is not None:
                # The newsroom may run on another port than last time.
                Feed.objects.filter(source=existing).exclude(url=row["feed_url"]).update(url=row["feed_url"])
                Source.objects.filter(pk=existing.pk).update(homepage=row["homepage"])
                continue
            services.source_create(
                None,
                name=row["name"],
                kind=KINDS.get(row["slug"], Source.Kind.PRESS),
                homepage=row["homepage"],
                feeds=[row["feed_url"]],
                is_sample=True,
                # Our own loopback server: no politeness delay, several connections, frequent polls.
                fetch_concurrency=8,
                fetch_min_delay=0.0,
                min_interval_seconds=60,
                max_interval_seconds=180,
                allow_private=True,
            )
            created += 1
        agencies = {a.slug: a for a in Agency.objects.filter(province__is_home=True)}
        for name, query, slug in SECTORS:
            if not Sector.objects.filter(name=name).exists():
                services.sector_save(None, name=name, query=query, agency=agencies.get(slug))
        Feed.objects.filter(source__is_sample=True, is_active=True).update(next_poll_at=None)
        from loa.monitoring import tasks

        transaction.on_commit(lambda: tasks.poll_due.apply_async(countdown=FIRST_POLL_DELAY))
    if created:
        return f"theo dõi báo chí: {created} nguồn mẫu từ tòa soạn mẫu {newsroom_url}"
    return None
