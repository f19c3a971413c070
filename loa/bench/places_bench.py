"""Place resolution (loa.pipeline.places): precision and recall on the hand-written evaluation set
(tests/pipeline/fixtures/places_eval.jsonl) and throughput in articles per second.

Scoring: each sentence yields a set of (province name, commune name or None) pairs; a predicted pair is
right only if it is in the expected set (so a right province with a wrong commune counts as one false
positive and one miss). Throughput runs on VNTC news articles from ../shared/data when present (read
in place, never copied), and always on synthetic articles stitched from the evaluation sentences.
"""

from __future__ import annotations

import gzip
import json
import random
import statistics
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from loa.pipeline.gazetteer import Gazetteer
from loa.pipeline.places import PlaceResolver

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "pipeline" / "fixtures" / "places_eval.jsonl"
VNTC = ROOT.parent / "shared" / "data" / "vntc" / "train.jsonl.gz"
ARTICLE_CHARS = 2_100  # mean length of a VNTC article


@dataclass(frozen=True, slots=True)
class EvalRow:
    text: str
    expected: frozenset[tuple[str, str | None]]
    home: str | None
    note: str


def load_eval(path: Path = FIXTURE) -> list[EvalRow]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            data = json.loads(line)
            expected = frozenset((province, commune) for province, commune in data["expected"])
            rows.append(EvalRow(data["text"], expected, data.get("home"), data.get("note", "")))
    return rows


def score(resolver: PlaceResolver, rows: list[EvalRow]) -> dict[str, Any]:
    """Micro-averaged precision and recall over (province, commune) pairs, and over provinces alone."""
    tp = fp = fn = 0
    province_tp = province_fp = province_fn = 0
    errors = []
    for row in rows:
        found = {(m.province_name, m.commune_name) for m in resolver.find(row.text, row.home)}
        tp += len(found & row.expected)
        fp += len(found - row.expected)
        fn += len(row.expected - found)
        found_provinces = {p for p, _ in found}
        expected_provinces = {p for p, _ in row.expected}
        province_tp += len(found_provinces & expected_provinces)
        province_fp += len(found_provinces - expected_provinces)
        province_fn += len(expected_provinces - found_provinces)
        if found != row.expected:
            errors.append(
                {
                    "text": row.text,
                    "extra": sorted(map(str, found - row.expected)),
                    "missing": sorted(map(str, row.expected - found)),
                }
            )
    return {
        "sentences": len(rows),
        "pairs_expected": tp + fn,
        "precision": round(tp / (tp + fp), 4) if tp + fp else 1.0,
        "recall": round(tp / (tp + fn), 4) if tp + fn else 1.0,
        "province_precision": round(province_tp / (province_tp + province_fp), 4),
        "province_recall": round(province_tp / (province_tp + province_fn), 4),
        "errors": errors,
    }


def _synthetic_articles(rows: list[EvalRow], count: int) -> list[str]:
    rng = random.Random(7)
    sentences = [row.text for row in rows]
    articles = []
    for _ in range(count):
        parts: list[str] = []
        while sum(map(len, parts)) < ARTICLE_CHARS:
            parts.append(rng.choice(sentences))
        articles.append(" ".join(parts))
    return articles


def _vntc_articles(count: int) -> list[str]:
    articles = []
    with gzip.open(VNTC, "rt", encoding="utf-8") as lines:
        for line in lines:
            articles.append(json.loads(line)["text"])
            if len(articles) == count:
                break
    return articles


def _articles_per_second(resolver: PlaceResolver, articles: list[str], repeats: int = 3) -> dict[str, Any]:
    """Median over `repeats` runs, in wall-clock time and in CPU time of this process: on the shared
    2-core machine the first depends on the neighbours' load, the second is what one core delivers."""
    wall = []
    cpu = []
    mentions = 0
    for _ in range(repeats):
        started, started_cpu = time.perf_counter(), time.process_time()
        mentions = sum(len(resolver.find(article)) for article in articles)
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return {
        "articles": len(articles),
        "mean_chars": round(sum(map(len, articles)) / len(articles)),
        "articles_per_s": round(len(articles) / statistics.median(wall)),
        "articles_per_cpu_s": round(len(articles) / statistics.median(cpu)),
        "mentions_per_article": round(mentions / len(articles), 2),
    }


def run() -> dict[str, Any]:
    started = time.perf_counter()
    gazetteer = Gazetteer.load()
    load_seconds = time.perf_counter() - started
    started = time.perf_counter()
    resolver = PlaceResolver.build(gazetteer)
    build_seconds = time.perf_counter() - started
    rows = load_eval()
    quality = score(resolver, rows)
    result: dict[str, Any] = {
        "gazetteer_load_s": round(load_seconds, 3),
        "resolver_build_s": round(build_seconds, 3),
        **{k: v for k, v in quality.items() if k != "errors"},
        "errors": [e["text"][:60] for e in quality["errors"]],
        "synthetic": _articles_per_second(resolver, _synthetic_articles(rows, 1_000)),
    }
    if VNTC.is_file():
        result["vntc"] = _articles_per_second(resolver, _vntc_articles(2_000))
    else:
        result["vntc"] = f"skipped: {VNTC} is absent"
    return result
