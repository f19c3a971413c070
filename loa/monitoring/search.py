"""Full-text search of articles, with or without diacritics and with either tone-mark placement.

SQLite: two FTS5 indexes over the article table (external content, kept in sync by triggers):
`exact` (unicode61, diacritics kept) and `folded` (unicode61 remove_diacritics 2). FTS5 does not fold
đ, so each query word containing "d" is expanded to its đ spellings. PostgreSQL: GIN expression
indexes on `to_tsvector('simple', lower(…))` and on an IMMUTABLE unaccent wrapper (which folds đ).
Article text is normalised (NFC, one tone-mark placement) at ingest and queries the same way, so
"hoà" and "hòa" are one word in both indexes.

Results: exact-accent matches first, then the others; newest first within each group. Snippets are
cut and highlighted in Python around the first match, on a length-preserving fold of the text.
"""

from __future__ import annotations

import html
import itertools
import re
import time
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import connection

from loa.monitoring.models import Article
from loa.text import normalize

MAX_COUNT = 1000
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class SearchFilters:
    date_from: datetime | None = None
    date_to: datetime | None = None
    source_ids: list[int] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    sentiments: list[str] = field(default_factory=list)
    sector_ids: list[int] = field(default_factory=list)
    commune_ids: list[int] = field(default_factory=list)
    province_ids: list[int] = field(default_factory=list)
    agency_ids: list[int] = field(default_factory=list)
    story_id: int | None = None
    id_above: int | None = None  # only articles saved after this one (saved-search notifications)


@dataclass
class ParsedQuery:
    """Words that must appear (each a phrase of one or more words) and words that must not."""

    required: list[list[str]]
    excluded: list[list[str]]

    @property
    def empty(self) -> bool:
        return not self.required


@dataclass
class SearchHit:
    article: Article
    exact: bool
    snippet: str


@dataclass
class SearchPage:
    hits: list[SearchHit]
    total: int
    capped: bool
    took_ms: float


def _fold_table() -> dict[int, str]:
    table = {ord("đ"): "d", ord("Đ"): "d"}
    for code in [*range(0x41, 0x5B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        char = chr(code)
        base = unicodedata.normalize("NFD", char)[0].lower()
        if base != char and len(base) == 1:
            table[code] = base
    return table


_FOLD = _fold_table()


def fold_aligned(text: str) -> str:
    """Fold keeping one output character per input character, so positions map back to the text."""
    return text.translate(_FOLD)


def parse_query(query: str) -> ParsedQuery:
    text = normalize(query).lower()
    required: list[list[str]] = []
    excluded: list[list[str]] = []
    for match in re.finditer(r'(-?)"([^"]*)"|(-?)(\S+)', text):
        negative = bool(match.group(1) or match.group(3))
        words = _WORD.findall(match.group(2) if match.group(2) is not None else match.group(4))
        if not words:
            continue
        (excluded if negative else required).append(words)
    return ParsedQuery(required, excluded)


# --- SQLite FTS5 -----------------------------------------------------------------------------------


def _spellings(folded_text: str) -> list[str]:
    """FTS5 keeps đ apart from d: every spelling of the folded text with d or đ (at most 8)."""
    positions = [i for i, c in enumerate(folded_text) if c == "d"][:3]
    variants = []
    for combo in itertools.product("dđ", repeat=len(positions)):
        chars = list(folded_text)
        for pos, letter in zip(positions, combo, strict=True):
            chars[pos] = letter
        variants.append("".join(chars))
    return variants


def _fts_phrase(words: list[str], folded: bool) -> str:
    if not folded:
        return '"' + " ".join(words) + '"'
    variants = _spellings(fold_aligned(" ".join(words)))
    quoted = [f'"{v}"' for v in variants]
    return quoted[0] if len(quoted) == 1 else "(" + " OR ".join(quoted) + ")"


def fts5_expression(parsed: ParsedQuery, folded: bool) -> str:
    expression = " AND ".join(_fts_phrase(p, folded) for p in parsed.required)
    for phrase in parsed.excluded:
        expression += " NOT " + _fts_phrase(phrase, folded)
    return expression


# --- filters ---------------------------------------------------------------------------------------


def _filter_sql(filters: SearchFilters) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []

    def in_list(column: str, values: list[Any]) -> None:
        where.append(f"{column} IN ({', '.join(['%s'] * len(values))})")
        params.extend(values)

    if filters.date_from:
        where.append("a.published_at >= %s")
        params.append(filters.date_from)
    if filters.date_to:
        where.append("a.published_at < %s")
        params.append(filters.date_to)
    if filters.source_ids:
        in_list("a.source_id", filters.source_ids)
    if filters.topics:
        in_list("a.topic", filters.topics)
    if filters.sentiments:
        in_list("a.sentiment", filters.sentiments)
    if filters.story_id:
        where.append("a.story_id = %s")
        params.append(filters.story_id)
    if filters.id_above is not None:
        where.append("a.id > %s")
        params.append(filters.id_above)
    if filters.sector_ids:
        marks = ", ".join(["%s"] * len(filters.sector_ids))
        where.append(
            f"EXISTS (SELECT 1 FROM monitoring_article_sectors s WHERE s.article_id = a.id AND s.sector_id IN ({marks}))"
        )
        params.extend(filters.sector_ids)
    if filters.agency_ids:
        marks = ", ".join(["%s"] * len(filters.agency_ids))
        where.append(
            "EXISTS (SELECT 1 FROM monitoring_article_sectors s JOIN monitoring_sector sc ON sc.id = s.sector_id "
            f"WHERE s.article_id = a.id AND sc.agency_id IN ({marks}))"
        )
        params.extend(filters.agency_ids)
    if filters.commune_ids:
        marks = ", ".join(["%s"] * len(filters.commune_ids))
        where.append(
            f"EXISTS (SELECT 1 FROM monitoring_articleplace p WHERE p.article_id = a.id AND p.commune_id IN ({marks}))"
        )
        params.extend(filters.commune_ids)
    if filters.province_ids:
        marks = ", ".join(["%s"] * len(filters.province_ids))
        where.append(
            f"EXISTS (SELECT 1 FROM monitoring_articleplace p WHERE p.article_id = a.id AND p.province_id IN ({marks}))"
        )
        params.extend(filters.province_ids)
    return where, params


def _match_sql(parsed: ParsedQuery, folded: bool) -> tuple[str, str, list[Any]]:
    """(FROM clause, WHERE clause, params) matching the query in one of the two indexes."""
    if connection.vendor == "sqlite":
        table = "monitoring_article_fts_folded" if folded else "monitoring_article_fts_exact"
        return (
            f"{table} f JOIN monitoring_article a ON a.id = f.rowid",
            f"{table} MATCH %s",
            [fts5_expression(parsed, folded)],
        )
    document = "lower(a.title || ' ' || a.text)"
    if folded:
        document = f"loa_unaccent({document})"
    clauses = []
    params: list[Any] = []
    for phrase in parsed.required:
        clauses.append(f"to_tsvector('simple', {document}) @@ phraseto_tsquery('simple', %s)")
        params.append(" ".join(fold_aligned(w) if folded else w for w in phrase))
    for phrase in parsed.excluded:
        clauses.append(f"NOT to_tsvector('simple', {document}) @@ phraseto_tsquery('simple', %s)")
        params.append(" ".join(fold_aligned(w) if folded else w for w in phrase))
    return "monitoring_article a", " AND ".join(clauses), params


def _ids(
    parsed: ParsedQuery, filters: SearchFilters, folded: bool, limit: int, exclude: list[int]
) -> list[int]:
    source, match, params = _match_sql(parsed, folded)
    where, filter_params = _filter_sql(filters)
    if exclude:
        where.append(f"a.id NOT IN ({', '.join(['%s'] * len(exclude))})")
        filter_params = [*filter_params, *exclude]
    order = "f.rowid DESC" if connection.vendor == "sqlite" else "a.id DESC"
    sql = f"SELECT a.id FROM {source} WHERE {' AND '.join([match, *where])} ORDER BY {order} LIMIT %s"
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *filter_params, limit])
        return [row[0] for row in cursor.fetchall()]


def _count(parsed: ParsedQuery, filters: SearchFilters) -> int:
    source, match, params = _match_sql(parsed, True)
    where, filter_params = _filter_sql(filters)
    sql = f"SELECT count(*) FROM (SELECT a.id FROM {source} WHERE {' AND '.join([match, *where])} LIMIT %s) t"
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *filter_params, MAX_COUNT + 1])
        return int(cursor.fetchone()[0])


def snippet(text: str, parsed: ParsedQuery, width: int = 220) -> str:
    """An HTML-safe excerpt around the first match, every matched word wrapped in <mark>."""
    folded = fold_aligned(text)
    words = sorted({fold_aligned(w) for phrase in parsed.required for w in phrase}, key=len, reverse=True)
    if not words:
        return html.escape(text[:width])
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in words) + r")(?!\w)")
    first = pattern.search(folded)
    start = max(0, (first.start() if first else 0) - width // 3)
    end = min(len(text), start + width)
    while (
        start > 0 and not text[start - 1].isspace() and start > (first.start() if first else 0) - width // 2
    ):
        start -= 1
    pieces = []
    cursor = start
    for m in pattern.finditer(folded, start, end):
        pieces.append(html.escape(text[cursor : m.start()]))
        pieces.append(f"<mark>{html.escape(text[m.start() : m.end()])}</mark>")
        cursor = m.end()
    pieces.append(html.escape(text[cursor:end]))
    return ("…" if start > 0 else "") + "".join(pieces) + ("…" if end < len(text) else "")


def search_articles(
    query: str, filters: SearchFilters | None = None, *, limit: int = 20, offset: int = 0
) -> SearchPage:
    started = time.perf_counter()
    filters = filters or SearchFilters()
    parsed = parse_query(query)
    if parsed.empty:
        where, params = _filter_sql(filters)
        sql = "SELECT a.id FROM monitoring_article a"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY a.published_at DESC, a.id DESC LIMIT %s OFFSET %s"
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, limit, offset])
            ids = [row[0] for row in cursor.fetchall()]
        exact_ids: set[int] = set()
        total = offset + len(ids)
    else:
        window = offset + limit
        exact = _ids(parsed, filters, folded=False, limit=window, exclude=[])
        rest = (
            _ids(parsed, filters, folded=True, limit=window - len(exact), exclude=exact)
            if len(exact) < window
            else []
        )
        ids = (exact + rest)[offset:window]
        exact_ids = set(exact)
        total = _count(parsed, filters)
    articles = Article.objects.select_related("source").defer("minhash", "sentiment_cues").in_bulk(ids)
    hits = [
        SearchHit(articles[i], i in exact_ids, snippet(f"{articles[i].title}. {articles[i].text}", parsed))
        for i in ids
        if i in articles
    ]
    return SearchPage(
        hits=hits,
        total=min(total, MAX_COUNT),
        capped=total > MAX_COUNT,
        took_ms=round((time.perf_counter() - started) * 1000, 2),
    )
