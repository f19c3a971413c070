"""HTML pages, RSS/Atom feeds, sitemaps and robots.txt of the sample newsroom. Pure: text in, bytes out.

Each outlet has its own page layout (a daily paper, an old government portal, a WordPress-style blog,
a tabloid with inline "xem thêm" boxes, a community page) with the clutter real pages carry: menus,
breadcrumbs, related stories, share buttons, comment forms, footers. Every page says it is sample data,
both for machines (``<meta name="loa:sample" content="true">``) and for people ("Dữ liệu mẫu").
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from html import escape
from xml.sax.saxutils import escape as xml_escape

from loa.demo.newsroom.catalog import SampleArticle
from loa.demo.newsroom.content import OUTLETS, OUTLETS_BY_SLUG, Outlet

VIETNAM = timezone(timedelta(hours=7), "ICT")
SAMPLE_NOTICE = "Dữ liệu mẫu: trang tin giả lập phục vụ thử nghiệm Loa. Mọi bài viết đều là nội dung hư cấu."
_WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")
_MENU = ("Thời sự", "Chính trị", "Kinh tế", "Xã hội", "Pháp luật", "Văn hóa", "Du lịch", "Bạn đọc")
# Outlets that publish a Google News sitemap besides the plain one.
NEWS_SITEMAP_LAYOUTS = frozenset({"daily", "tabloid"})
_BOGUS = {
    "bogus_past": datetime(1970, 1, 1, tzinfo=VIETNAM),
    "bogus_future": datetime(2099, 12, 31, 8, 0, tzinfo=VIETNAM),
}


def _e(text: str) -> str:
    return escape(text, quote=True)


def _local(moment: datetime) -> datetime:
    return moment.astimezone(VIETNAM)


def _vn_datetime(moment: datetime) -> str:
    local = _local(moment)
    return f"{_WEEKDAYS[local.weekday()]}, {local:%d/%m/%Y - %H:%M}"


def _relative(moment: datetime, now: datetime) -> str:
    minutes = max(1, int((now - moment).total_seconds() // 60))
    if minutes < 60:
        return f"{minutes} phút trước"
    if minutes < 48 * 60:
        return f"{minutes // 60} giờ trước"
    return f"{minutes // (24 * 60)} ngày trước"


def _shown_date(article: SampleArticle) -> datetime:
    return _BOGUS.get(article.page_date, article.published)


def _head(article: SampleArticle, outlet: Outlet, base_url: str, extra: str = "") -> str:
    url = base_url + article.path
    date_meta = ""
    if outlet.date_style == "meta" and article.page_date != "missing":
        date_meta = (
            f'<meta property="article:published_time" content="{_local(_shown_date(article)).isoformat()}">\n'
        )
    return f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(article.title)} - {_e(outlet.name)}</title>
<meta name="description" content="{_e(article.lead[:200])}">
<meta name="loa:sample" content="true">
<meta name="robots" content="index, follow">
<meta property="og:type" content="article">
<meta property="og:title" content="{_e(article.title)}">
<meta property="og:site_name" content="{_e(outlet.name)}">
<meta property="og:url" content="{_e(url)}">
{date_meta}<link rel="canonical" href="{_e(url)}">
<link rel="alternate" type="application/{"atom" if outlet.feed_kind == "atom" else "rss"}+xml" \
href="{_e(base_url)}/{outlet.slug}/{outlet.feed_path}" title="{_e(outlet.name)}">
<link rel="stylesheet" href="/static/{outlet.layout}.css">
{extra}<script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}}</script>
</head>"""


def _notice() -> str:
    return f'<div class="sample-notice" role="note"><strong>Dữ liệu mẫu</strong> — {_e(SAMPLE_NOTICE)}</div>'


def _menu(outlet: Outlet) -> str:
    items = "".join(
        f'<li><a href="/{outlet.slug}/chuyen-muc/{i}">{_e(label)}</a></li>' for i, label in enumerate(_MENU)
    )
    return f'<nav class="main-menu"><ul><li><a href="/{outlet.slug}/">Trang chủ</a></li>{items}</ul></nav>'


def _related_items(related: Sequence[SampleArticle]) -> str:
    return "".join(f'<li><a href="{_e(r.path)}">{_e(r.title)}</a></li>' for r in related)


def _paragraphs(article: SampleArticle) -> str:
    return "\n".join(f"<p>{_e(p)}</p>" for p in article.body)


def _comments(count: int) -> str:
    return f"""<section id="comments" class="comments">
<h3>Ý kiến bạn đọc ({count})</h3>
<p class="comment-rules">Bình luận của bạn sẽ được biên tập trước khi đăng. Vui lòng gõ tiếng Việt có dấu.</p>
<form class="comment-form" action="#" method="post"><textarea name="noi_dung" placeholder="Ý kiến của bạn..."></textarea>
<input name="ho_ten" placeholder="Họ tên"><input name="email" placeholder="Email"><button type="button">Gửi bình luận</button></form>
</section>"""


def _footer(outlet: Outlet) -> str:
    return f"""<footer class="site-footer">
<div class="footer-info"><p><strong>{_e(outlet.name)}</strong> — {_e(outlet.description)}</p>
<p>Địa chỉ: Số 1 đường Mẫu, phường Phan Đình Phùng, tỉnh Thái Nguyên. Điện thoại: 0208.000.0000.</p>
<p>Giấy phép hoạt động: số 00/GP-MAU (giả lập). Ghi rõ nguồn khi phát hành lại thông tin từ website này.</p></div>
<ul class="footer-links"><li><a href="/{outlet.slug}/gioi-thieu">Giới thiệu</a></li>
<li><a href="/{outlet.slug}/lien-he">Liên hệ</a></li><li><a href="/{outlet.slug}/quang-cao">Quảng cáo</a></li></ul>
<p class="copyright">© Bản quyền thuộc về {_e(outlet.name)}. {_e(SAMPLE_NOTICE)}</p>
</footer>"""


def _share() -> str:
    return (
        '<div class="share-tools"><span>Chia sẻ:</span> <a href="#" class="fb">Facebook</a> '
        '<a href="#" class="zalo">Zalo</a> <a href="#" class="copy-link">Sao chép liên kết</a> '
        '<a href="#" class="print">In bài</a></div>'
    )


def _daily(article: SampleArticle, outlet: Outlet, related: Sequence[SampleArticle], base_url: str) -> str:
    shown = _shown_date(article)
    return f"""{_head(article, outlet, base_url)}
<body class="article-page">
{_notice()}
<header class="site-header"><div class="logo"><a href="/{outlet.slug}/">{_e(outlet.name)}</a></div>
<div class="header-tools"><form action="/{outlet.slug}/tim-kiem"><input name="q" placeholder="Tìm kiếm"></form>
<span class="hotline">Đường dây nóng: 0912.000.000</span></div>{_menu(outlet)}</header>
<div class="breadcrumb"><a href="/{outlet.slug}/">Trang chủ</a> › <a href="#">{_e(article.category)}</a></div>
<main class="container"><div class="col-main">
<article class="article-detail">
<h1 class="article-title">{_e(article.title)}</h1>
<div class="article-meta"><time datetime="{_local(shown).isoformat()}">{_vn_datetime(shown)}</time>
<span class="views">Lượt xem: 1.2{article.id % 10}0</span></div>
{_share()}
<p class="article-sapo"><strong>{_e(article.lead)}</strong></p>
<div class="article-content" id="content">
{_paragraphs(article)}
<p class="author-name"><strong>{_e(article.byline)}</strong></p>
</div>
<div class="article-tags">Từ khóa: <a href="#">{_e(article.category)}</a> <a href="#">Thái Nguyên</a></div>
</article>
<section class="related-news"><h2>Tin liên quan</h2><ul>{_related_items(related[:4])}</ul></section>
{_comments(article.id % 7)}
</div>
<aside class="col-side"><div class="box-most-read"><h3>Đọc nhiều</h3><ol>{_related_items(related[4:])}</ol></div>
<div class="ad-banner">Quảng cáo</div></aside></main>
{_footer(outlet)}
</body></html>"""


def _portal(article: SampleArticle, outlet: Outlet, related: Sequence[SampleArticle], base_url: str) -> str:
    # Old government portals: table layout, date only as visible text, attachments block.
    date_line = (
        f"Ngày đăng: {_local(_shown_date(article)):%d/%m/%Y %H:%M}" if article.page_date != "missing" else ""
    )
    others = "".join(
        f'<tr><td>•</td><td><a href="{_e(r.path)}">{_e(r.title)}</a></td></tr>' for r in related[:5]
    )
    return f"""{_head(article, outlet, base_url)}
<body>
{_notice()}
<table class="layout" width="100%"><tr><td colspan="2" class="banner">
<div class="portal-title">CỔNG THÔNG TIN ĐIỆN TỬ TỈNH THÁI NGUYÊN (MẪU)</div>
<div class="portal-sub">ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN</div>{_menu(outlet)}</td></tr>
<tr><td class="left-col" width="22%"><div class="module">Liên kết: <a href="#">Dịch vụ công</a><br>
<a href="#">Văn bản chỉ đạo điều hành</a><br><a href="#">Lịch công tác</a><br><a href="#">Hỏi đáp</a></div></td>
<td class="content-col"><div id="ctl00_ContentPlaceHolder1_NewsDetail">
<div class="news-title"><h2>{_e(article.title)}</h2></div>
<div class="news-date">{date_line}</div>
<div class="news-sapo"><b>{_e(article.lead)}</b></div>
<div class="news-content">{_paragraphs(article)}</div>
<div class="news-attach">Tệp đính kèm: (không có)</div>
<div class="news-tools"><a href="#">In trang</a> | <a href="#">Gửi email</a> | <a href="#">Về đầu trang</a></div>
</div>
<div class="news-other"><h3>Các tin khác</h3><table>{others}</table></div></td></tr>
<tr><td colspan="2">{_footer(outlet)}</td></tr></table>
</body></html>"""


def _blog(article: SampleArticle, outlet: Outlet, related: Sequence[SampleArticle], base_url: str) -> str:
    shown = _shown_date(article)
    return f"""{_head(article, outlet, base_url)}
<body class="single single-post">
{_notice()}
<div id="page" class="site"><header id="masthead" class="site-header">
<p class="site-title"><a href="/{outlet.slug}/" rel="home">{_e(outlet.name)}</a></p>
<p class="site-description">{_e(outlet.description)}</p>{_menu(outlet)}</header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article class="post type-post status-publish hentry">
<header class="entry-header"><h1 class="entry-title">{_e(article.title)}</h1>
<div class="entry-meta"><span class="posted-on">Đăng lúc <time class="entry-date published" \
datetime="{_local(shown).isoformat()}">{_local(shown):%H:%M %d/%m/%Y}</time></span>
<span class="cat-links">Chuyên mục: <a href="#" rel="category tag">{_e(article.category)}</a></span></div></header>
<div class="entry-content"><p><em>{_e(article.lead)}</em></p>
{_paragraphs(article)}
</div>
<footer class="entry-footer">{_share()}<span class="tags-links">Thẻ: <a href="#">miền núi</a></span></footer>
</article>
<nav class="navigation post-navigation"><div class="nav-links">{_related_items(related[:2])}</div></nav>
<div class="jp-relatedposts"><h3 class="jp-relatedposts-headline">Bài viết cùng chủ đề</h3>
<ul>{_related_items(related[2:6])}</ul></div>
<div id="comments" class="comments-area"><h2 class="comments-title">Chưa có bình luận</h2>
<div id="respond" class="comment-respond"><h3 class="comment-reply-title">Để lại bình luận</h3>
<form class="comment-form"><p class="comment-notes">Email của bạn sẽ không được hiển thị công khai.</p>
<textarea name="comment"></textarea><input type="submit" value="Phản hồi"></form></div></div>
</main></div>
<aside id="secondary" class="widget-area"><section class="widget"><h2 class="widget-title">Bài mới</h2>
<ul>{_related_items(related[6:])}</ul></section></aside></div>
{_footer(outlet)}</div>
</body></html>"""


def _tabloid(article: SampleArticle, outlet: Outlet, related: Sequence[SampleArticle], base_url: str) -> str:
    shown = _shown_date(article)
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "datePublished": _local(shown).isoformat(),
        "publisher": {"@type": "Organization", "name": outlet.name},
    }
    ld_script = f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>\n'
    paragraphs = [f"<p>{_e(p)}</p>" for p in article.body]
    if related:
        # The "xem thêm" box inside the body is the case extraction most often gets wrong.
        box = f'<div class="box-xem-them"><strong>Xem thêm:</strong><ul>{_related_items(related[:2])}</ul></div>'
        paragraphs.insert(min(1, len(paragraphs)), box)
    body = "\n".join(paragraphs)
    return f"""{_head(article, outlet, base_url, ld_script)}
<body>
{_notice()}
<div class="top-bar"><a href="/{outlet.slug}/">{_e(outlet.name)}</a> <span class="today">Hôm nay</span></div>
<header class="header">{_menu(outlet)}<div class="ad-top">QUẢNG CÁO</div></header>
<div class="wrapper"><div class="main-column">
<div class="detail-category"><a href="#">{_e(article.category)}</a></div>
<h1 class="detail-title">{_e(article.title)}</h1>
<div class="detail-time">{_local(shown):%d/%m/%Y %H:%M} GMT+7</div>
<h2 class="detail-sapo">{_e(article.lead)}</h2>
<div class="detail-content">
{body}
<p class="detail-author" style="text-align:right"><b>{_e(article.byline)}</b></p>
</div>
{_share()}
<div class="box-tin-cung-chuyen-muc"><h3>Tin cùng chuyên mục</h3><ul>{_related_items(related[2:])}</ul></div>
{_comments(article.id % 5)}
</div><div class="side-column"><div class="ad-side">QUẢNG CÁO</div></div></div>
{_footer(outlet)}
</body></html>"""


def _community(
    article: SampleArticle, outlet: Outlet, related: Sequence[SampleArticle], base_url: str, now: datetime
) -> str:
    return f"""{_head(article, outlet, base_url)}
<body class="community">
{_notice()}
<div class="community-header"><a href="/{outlet.slug}/">{_e(outlet.name)}</a> · Trang công khai · 12.400 người theo dõi</div>
<div class="post-card" data-post="{article.id}">
<div class="post-author"><span class="avatar"></span><b>Quản trị viên</b> · <span class="post-time">{_relative(article.published, now)}</span></div>
<h1 class="post-title">{_e(article.title)}</h1>
<div class="post-body"><p>{_e(article.lead)}</p>
{_paragraphs(article)}</div>
<div class="post-actions"><a href="#">Thích</a> · <a href="#">Bình luận</a> · <a href="#">Chia sẻ</a></div>
<div class="post-comments"><p class="muted">Đăng nhập để xem bình luận.</p></div>
</div>
<div class="more-posts"><h3>Bài đăng khác</h3><ul>{_related_items(related[:5])}</ul></div>
<footer class="community-footer">Trang do cư dân tự quản lý (mẫu). {_e(SAMPLE_NOTICE)}</footer>
</body></html>"""


def render_article(
    article: SampleArticle, related: Sequence[SampleArticle], base_url: str, now: datetime
) -> bytes:
    """The article page. ``related`` fills the related-stories boxes."""
    outlet = OUTLETS_BY_SLUG[article.outlet]
    if outlet.layout == "portal":
        page = _portal(article, outlet, related, base_url)
    elif outlet.layout == "blog":
        page = _blog(article, outlet, related, base_url)
    elif outlet.layout == "tabloid":
        page = _tabloid(article, outlet, related, base_url)
    elif outlet.layout == "community":
        page = _community(article, outlet, related, base_url, now)
    else:
        page = _daily(article, outlet, related, base_url)
    return page.encode("utf-8")


def render_outlet_home(outlet: Outlet, articles: Sequence[SampleArticle], base_url: str) -> bytes:
    items = "".join(
        f'<li><a href="{_e(a.path)}">{_e(a.title)}</a> <small>{_vn_datetime(a.published)}</small></li>'
        for a in articles
    )
    page = f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><meta name="loa:sample" content="true">
<title>{_e(outlet.name)}</title>
<link rel="alternate" type="application/{"atom" if outlet.feed_kind == "atom" else "rss"}+xml" \
href="{_e(base_url)}/{outlet.slug}/{outlet.feed_path}"></head>
<body>{_notice()}<h1>{_e(outlet.name)}</h1><p>{_e(outlet.description)}</p>{_menu(outlet)}
<ul class="latest">{items}</ul>{_footer(outlet)}</body></html>"""
    return page.encode("utf-8")


def render_index(base_url: str) -> bytes:
    rows = "".join(
        f'<li><a href="/{o.slug}/">{_e(o.name)}</a> — {_e(o.description)} '
        f'(<a href="/{o.slug}/{o.feed_path}">{o.feed_kind.upper()}</a>, <a href="/{o.slug}/sitemap.xml">sitemap</a>)</li>'
        for o in OUTLETS
    )
    page = f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><meta name="loa:sample" content="true">
<title>Tòa soạn mẫu của Loa</title></head><body>{_notice()}
<h1>Tòa soạn mẫu (Dữ liệu mẫu)</h1><p>Máy chủ cục bộ phục vụ các trang tin giả lập để chạy thử Loa không cần Internet.</p>
<ul>{rows}</ul><p>Gốc: {_e(base_url)}</p></body></html>"""
    return page.encode("utf-8")


def render_rss(outlet: Outlet, articles: Sequence[SampleArticle], base_url: str, now: datetime) -> bytes:
    items = []
    for a in articles:
        link = xml_escape(base_url + a.path)
        items.append(
            f"<item><title>{xml_escape(a.title)}</title><link>{link}</link>"
            f'<guid isPermaLink="true">{link}</guid>'
            f"<pubDate>{format_datetime(_local(a.published))}</pubDate>"
            f"<category>{xml_escape(a.category)}</category>"
            f"<description><![CDATA[{a.lead}]]></description></item>"
        )
    last = max((a.published for a in articles), default=now)
    feed = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel><title>{xml_escape(outlet.name)}</title><link>{xml_escape(base_url)}/{outlet.slug}/</link>
<description>{xml_escape(outlet.description)} Dữ liệu mẫu.</description><language>vi</language>
<atom:link href="{xml_escape(base_url)}/{outlet.slug}/{outlet.feed_path}" rel="self" type="application/rss+xml"/>
<lastBuildDate>{format_datetime(_local(last))}</lastBuildDate><ttl>15</ttl>
{"".join(items)}
</channel></rss>"""
    return feed.encode("utf-8")


def render_atom(outlet: Outlet, articles: Sequence[SampleArticle], base_url: str, now: datetime) -> bytes:
    entries = []
    for a in articles:
        link = xml_escape(base_url + a.path)
        stamp = _local(a.published).isoformat()
        entries.append(
            f'<entry><title>{xml_escape(a.title)}</title><link rel="alternate" href="{link}"/>'
            f"<id>tag:loa-demo,2025:{outlet.slug}:{a.id}</id><published>{stamp}</published>"
            f"<updated>{stamp}</updated><summary>{xml_escape(a.lead)}</summary></entry>"
        )
    last = max((a.published for a in articles), default=now)
    feed = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">
<title>{xml_escape(outlet.name)}</title><subtitle>{xml_escape(outlet.description)} Dữ liệu mẫu.</subtitle>
<link rel="self" href="{xml_escape(base_url)}/{outlet.slug}/{outlet.feed_path}"/>
<link rel="alternate" href="{xml_escape(base_url)}/{outlet.slug}/"/>
<id>tag:loa-demo,2025:{outlet.slug}</id><updated>{_local(last).isoformat()}</updated>
{"".join(entries)}
</feed>"""
    return feed.encode("utf-8")


def render_sitemap(articles: Sequence[SampleArticle], base_url: str) -> bytes:
    urls = "".join(
        f"<url><loc>{xml_escape(base_url + a.path)}</loc><lastmod>{_local(a.published).isoformat()}</lastmod></url>"
        for a in articles
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
    ).encode()


def render_news_sitemap(
    outlet: Outlet, articles: Sequence[SampleArticle], base_url: str, now: datetime
) -> bytes:
    """Google News sitemap: only articles of the last two days, as Google requires."""
    recent = [a for a in articles if now - a.published <= timedelta(days=2)]
    urls = "".join(
        f"<url><loc>{xml_escape(base_url + a.path)}</loc><news:news><news:publication>"
        f"<news:name>{xml_escape(outlet.name)}</news:name><news:language>vi</news:language></news:publication>"
        f"<news:publication_date>{_local(a.published).isoformat()}</news:publication_date>"
        f"<news:title>{xml_escape(a.title)}</news:title></news:news></url>"
        for a in recent
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>'
    ).encode()


def render_sitemap_index(base_url: str) -> bytes:
    entries = []
    for o in OUTLETS:
        entries.append(f"<sitemap><loc>{xml_escape(base_url)}/{o.slug}/sitemap.xml</loc></sitemap>")
        if o.layout in NEWS_SITEMAP_LAYOUTS:
            entries.append(f"<sitemap><loc>{xml_escape(base_url)}/{o.slug}/sitemap-news.xml</loc></sitemap>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{"".join(entries)}</sitemapindex>'
    ).encode()


def render_robots(base_url: str) -> bytes:
    # LoaBot keeps no profiles of people: the community page's member pages are off limits to it.
    return (
        "# Dữ liệu mẫu: robots.txt của tòa soạn mẫu\n"
        "User-agent: *\n"
        "Disallow: /_control/\n"
        "Disallow: /doi-song-phap-luat/tim-kiem\n"
        "\n"
        "User-agent: LoaBot\n"
        "Disallow: /_control/\n"
        "Disallow: /doi-song-phap-luat/tim-kiem\n"
        "Disallow: /trang-cong-dong/thanh-vien/\n"
        "\n"
        f"Sitemap: {base_url}/sitemap.xml\n"
    ).encode()
