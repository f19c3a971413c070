"""Article text, title, date and language from a news page. Pure: the clock and the feed data come in.

Chain (after Media Cloud's ``mcmetadata``): trafilatura first; if it returns less than
``min_text_chars``, a simple lxml heuristic (the block with the most paragraph text, after the usual
clutter is removed) and the longer text wins. Vietnamese pages add two habits that trafilatura does
not know: the lead ("sapo") sits outside the body container, so it is recovered from its own element;
and labels such as "Xem thêm:", "Tin liên quan" or "Ngày đăng: 19/11/2025" are left behind when the
boxes they introduce are removed, so such lines are dropped.

Tables are left out (``include_tables=False``): old government portals lay whole pages out in tables,
and trafilatura then returns the menus and footer as one table. The cost is that data tables inside
an article are lost (benchmark on the sample newsroom: 176 of 201 pages clean with tables, 201 without).

Dates: the page date (from markup only: meta tags, ``<time>``, JSON-LD, the URL; years in the prose
are not dates) is kept only between 1 January 1990 and ``now`` + 1 day; when the page has no usable
date, or only a day without a time, the feed's date and time are used. Pages without a timezone are
read as Vietnam time (UTC+7, no daylight saving).

Authors: Loa keeps no profiles of the people who write. The byline is used only to strip it from the
text and is then discarded; :class:`Extracted` has no author field on purpose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta, timezone
from typing import Literal

import lxml.html
import trafilatura
from htmldate import find_date
from lxml import etree

from loa.text import normalize, normalize_line
from loa.text.letters import SPECIAL_LETTERS

VIETNAM = timezone(timedelta(hours=7), "ICT")
Failure = Literal["no_text"]
DateSource = Literal["page", "feed", "none"]
Method = Literal["trafilatura", "fallback", "none"]


@dataclass(frozen=True)
class ExtractOptions:
    """Settings; the defaults are what the benchmark measured as fast and clean on Vietnamese pages."""

    min_text_chars: int = 200  # below this, try the fallback and keep the longer text
    min_article_chars: int = 80  # below this, the page has no article text
    fast: bool = True  # trafilatura without its own fallback extractors (ours runs instead)
    favor_precision: bool = True
    include_tables: bool = False  # old portals lay out whole pages in tables; see module docstring
    extensive_date_search: bool = False  # True reads years out of the prose ("từ năm 2009") as dates
    max_future: timedelta = timedelta(days=1)
    earliest: datetime = datetime(1990, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Extracted:
    url: str
    title: str | None
    text: str  # normalized (loa.text.normalize); one paragraph per line
    published: datetime | None  # aware, UTC
    published_source: DateSource
    language: str | None
    method: Method
    failure: Failure | None = None
    notes: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return self.failure is None


# Class/id fragments of page furniture, for the fallback and for lead recovery.
_CLUTTER = re.compile(
    r"comment|binh-luan|related|lien-quan|xem-them|cung-chuyen-muc|tin-khac|news-other|share|social|"
    r"footer|menu|nav|sidebar|side-col|widget|banner|breadcrumb|tags|most-read|doc-nhieu|notice|"
    r"(?:^|[\s_-])(?:ads?|quang-cao|advert)(?:[\s_-]|$)",
    re.IGNORECASE,
)
_LEAD_CLASS = re.compile(
    r"sapo|(?:^|[\s_-])lead(?:[\s_-]|$)|summary|chapeau|tom-tat|(?<!site-)description", re.IGNORECASE
)
_HEADLINE_CLASS = re.compile(
    r"(?:^|\s)(?:title[_-]news|news[_-]title|detail[_-]?title|article[_-]title|post[_-]title|entry[_-]title|"
    r"tieu[_-]?de)(?:\s|$)",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"author|byline|tac-gia|nguoi-viet", re.IGNORECASE)
_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "iframe",
    "button",
    "select",
)
# Lines that are furniture left behind: labels of removed boxes, tool links, bare date lines.
_FURNITURE_LINE = re.compile(
    r"^(?:xem thêm|đọc thêm|tin liên quan|bài liên quan|tin cùng chuyên mục|các tin khác|tin khác|"
    r"chia sẻ|in trang|in bài|gửi email|về đầu trang|tệp đính kèm|từ khóa|thẻ|bình luận)\b.{0,60}$"
    r"|^(?:ngày đăng|cập nhật|đăng lúc|thời gian)?\s*:?\s*(?:(?:thứ \w+|chủ nhật),?\s*)?"
    r"\d{1,2}/\d{1,2}/\d{4}(?:\s*[-,]?\s*\d{1,2}[:h]\d{2}(?::\d{2})?)?\s*(?:\(?gmt\s*\+\s*7\)?)?$",
    re.IGNORECASE,
)
_DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
_LETTER = re.compile(r"[^\W\d_]")
_SPECIAL_LETTER = re.compile("[" + "".join(sorted(SPECIAL_LETTERS)) + "]")


def _to_utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=VIETNAM)
    return moment.astimezone(UTC)


def _parse_page_date(value: str | None) -> tuple[datetime | None, bool]:
    """(moment, has_time). htmldate gives "%Y-%m-%dT%H:%M:%S%z", without offset when the page had none."""
    if not value:
        return None, False
    for fmt in (_DATE_FORMAT, "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d"):
        try:
            parsed = datetime.strptime(value, fmt)
        except ValueError:
            continue
        has_time = parsed.tzinfo is not None or parsed.time() != time(0, 0)
        return _to_utc(parsed), has_time
    return None, False


def choose_date(
    page: datetime | None,
    page_has_time: bool,
    feed: datetime | None,
    now: datetime,
    options: ExtractOptions = ExtractOptions(),
) -> tuple[datetime | None, DateSource, tuple[str, ...]]:
    """Pick the publication date: a sane page date, else the feed date; notes say what was rejected."""
    notes: list[str] = []
    latest = now + options.max_future

    def sane(moment: datetime | None, label: str) -> datetime | None:
        if moment is None:
            return None
        if moment > latest:
            notes.append(f"{label}_date_in_future")
            return None
        if moment < options.earliest:
            notes.append(f"{label}_date_too_old")
            return None
        return moment

    page_ok = sane(page, "page")
    feed_ok = sane(_to_utc(feed) if feed else None, "feed")
    if page_ok is not None:
        if not page_has_time and feed_ok is not None:
            # Only a calendar day (or month, from the URL) on the page: the feed has the time of day
            # and, for the rare disagreement, is the more precise of the two.
            notes.append("page_date_without_time")
            return feed_ok, "feed", tuple(notes)
        return page_ok, "page", tuple(notes)
    if feed_ok is not None:
        return feed_ok, "feed", tuple(notes)
    return None, "none", tuple(notes)


def _classes(element: etree._Element) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}"


def _text_of(element: etree._Element) -> str:
    return normalize_line(element.text_content())


def _strip_clutter(tree: lxml.html.HtmlElement) -> None:
    for bad in tree.xpath("//" + " | //".join(_DROP_TAGS)):
        bad.drop_tree()
    for element in tree.xpath("//*[@class or @id]"):
        if (
            element.getparent() is not None
            and element.tag not in ("html", "body")
            and _CLUTTER.search(_classes(element))
        ):
            element.drop_tree()


def fallback_text(tree: lxml.html.HtmlElement) -> str:
    """The element whose paragraphs hold the most text, paragraphs joined by newlines (mutates ``tree``)."""
    _strip_clutter(tree)
    scores: dict[etree._Element, list[str]] = {}
    for paragraph in tree.iter("p"):
        text = _text_of(paragraph)
        parent = paragraph.getparent()
        if len(text) >= 30 and parent is not None:
            scores.setdefault(parent, []).append(text)
    if scores:
        best = max(scores.values(), key=lambda texts: sum(len(t) for t in texts))
        return "\n".join(best)
    # No <p> at all: the largest text block that is not mostly links, its <br> kept as line breaks.
    for br in tree.iter("br"):
        br.tail = "\n" + (br.tail or "")
    blocks = []
    for element in tree.iter("div", "td", "section", "article"):
        text = normalize(element.text_content())
        links = sum(len(_text_of(a)) for a in element.iter("a"))
        if text and links < 0.3 * len(text):
            blocks.append(text)
    return max(blocks, key=len, default="")


@dataclass(frozen=True)
class _Marks:
    """What the page's class names reveal: the lead, a headline, bylines (only to strip them)."""

    lead: str | None
    headline: str | None
    bylines: frozenset[str]


def _scan(tree: lxml.html.HtmlElement) -> _Marks:
    lead = headline = None
    bylines = set()
    for element in tree.xpath("//body//*[@class or @id or @rel]"):
        names = _classes(element)
        if lead is None and _LEAD_CLASS.search(names) and not _CLUTTER.search(names):
            text = _text_of(element)
            if len(text) >= 40:
                lead = text
        if headline is None and _HEADLINE_CLASS.search(element.get("class") or ""):
            headline = _text_of(element) or None
        if _BYLINE.search(f"{names} {element.get('rel') or ''}"):
            text = _text_of(element)
            if 0 < len(text) <= 60:
                bylines.add(text.casefold())
    return _Marks(lead, headline, frozenset(bylines))


def _key(text: str) -> str:
    # Both sides are normalized page text, so casefolding is enough to compare them.
    return normalize_line(text).casefold()


def _lead_first(text: str, lead: str | None) -> tuple[str, bool]:
    """Put the page's lead first: added when the extractor dropped it, moved when it put it last."""
    if not lead:
        return text, False
    lead_key = _key(lead)[:60]
    lines = text.split("\n") if text else []
    rest = [line for line in lines if not line.casefold().startswith(lead_key)]
    if lines and lines[0].casefold().startswith(lead_key) and len(rest) == len(lines) - 1:
        return text, False
    return "\n".join([normalize_line(lead), *rest]), len(rest) == len(lines)


def _declared_language(tree: lxml.html.HtmlElement) -> str | None:
    lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    return lang.split("-")[0].lower() if lang else None


def guess_language(text: str, declared: str | None = None) -> str | None:
    """ "vi" when Vietnamese letters are frequent enough, else the page's declared language."""
    sample = text[:5000]
    letters = len(_LETTER.findall(sample))
    if letters and len(_SPECIAL_LETTER.findall(sample)) / letters >= 0.08:
        return "vi"
    return declared


def _clean_lines(text: str, title: str | None, bylines: frozenset[str]) -> str:
    title_key = _key(title) if title else None
    kept = []
    for line in normalize(text).split("\n"):
        line = line.strip()
        if not line:
            continue
        key = line.casefold()
        if key == title_key or key in bylines or _FURNITURE_LINE.match(line):
            continue
        kept.append(line)
    return "\n".join(kept)


def _title(tree: lxml.html.HtmlElement, feed_title: str | None, headline: str | None) -> str | None:
    """og:title, the first h1, the feed's title, a headline by class, and last <title> (it has the site name)."""
    for found in tree.xpath("//meta[@property='og:title']/@content"):
        if str(found).strip():
            return normalize_line(str(found))
    for h1 in tree.iter("h1"):
        text = _text_of(h1)
        if text:
            return text
    for candidate in (feed_title, headline, *(_text_of(t) for t in tree.iter("title"))):
        if candidate and candidate.strip():
            return normalize_line(candidate)
    return None


def _page_date(tree: lxml.html.HtmlElement, url: str, now: datetime, options: ExtractOptions) -> str | None:
    latest = (now + options.max_future).astimezone(VIETNAM)
    try:
        return find_date(
            tree,
            url=url,
            extensive_search=options.extensive_date_search,
            original_date=True,
            outputformat=_DATE_FORMAT,
            min_date=options.earliest.strftime("%Y-%m-%d"),
            max_date=latest.strftime("%Y-%m-%d"),
        )
    except (ValueError, TypeError):
        return None


def _parse(html: str) -> lxml.html.HtmlElement | None:
    if not html.strip():
        return None
    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None


def extract_article(
    html: str,
    url: str,
    *,
    now: datetime,
    feed_published: datetime | None = None,
    feed_title: str | None = None,
    options: ExtractOptions = ExtractOptions(),
) -> Extracted:
    """Extract one article page. Never raises on bad HTML: an unusable page gives failure="no_text"."""
    tree = _parse(html)
    if tree is None:
        published, source, date_notes = choose_date(None, False, feed_published, now, options)
        return Extracted(url, feed_title, "", published, source, None, "none", "no_text", date_notes)
    marks = _scan(tree)
    title = _title(tree, feed_title, marks.headline)
    declared = _declared_language(tree)
    page_date, has_time = _parse_page_date(_page_date(tree, url, now, options))
    # Last use of the tree: trafilatura may prune it in place, and it spares a second parse.
    document = trafilatura.bare_extraction(
        tree,
        url=url,
        fast=options.fast,
        favor_precision=options.favor_precision,
        include_comments=False,
        include_tables=options.include_tables,
        include_images=False,
        include_links=False,
        deduplicate=False,
        with_metadata=False,
    )
    raw_text = ""
    if document is not None and not isinstance(document, dict):
        raw_text = document.text or ""
    text = _clean_lines(raw_text, title, marks.bylines)
    method: Method = "trafilatura" if text else "none"
    if len(text) < options.min_text_chars:
        fresh = _parse(html)
        alternative = _clean_lines(fallback_text(fresh) if fresh is not None else "", title, marks.bylines)
        if len(alternative) > len(text):
            text, method = alternative, "fallback"
    notes: list[str] = []
    text, recovered = _lead_first(text, marks.lead)
    if recovered:
        notes.append("lead_recovered")
    published, source, date_notes = choose_date(page_date, has_time, feed_published, now, options)
    notes.extend(date_notes)
    language = guess_language(text or title or "", declared)
    if len(text) < options.min_article_chars:
        return Extracted(url, title, "", published, source, language, "none", "no_text", tuple(notes))
    return Extracted(url, title, text, published, source, language, method, None, tuple(notes))
