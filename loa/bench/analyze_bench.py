"""`loa monitor analyze` throughput against underthesea.word_tokenize, plus dedup and sentiment quality.

Side by side over the same N articles (VNTC texts read in place from ../shared/data when present,
otherwise the generated dedup benchmark): the whole analyze command in-process on one core (JSON lines in,
JSON lines out, every stage) versus word segmentation alone with underthesea, the usual first step of
Vietnamese NLP pipelines. Times are CPU seconds of the measuring process (the machine is shared), median
of 3. underthesea is not part of Loa's environment: `make bench` installs requirements/bench.txt into a
baseline environment of its own (.venv-baseline), where that side runs; without it that side is skipped.
Also reported: the cost of each stage, pairwise F1 of story dedup on republished variants with hard
negatives, and sentiment accuracy / macro-F1 on the hand-written evaluation and development sets.
"""

from __future__ import annotations

import gzip
import io
import json
import random
import resource
import statistics
import subprocess
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from loa.pipeline.analyze import Analyzer, Article, Normalised, classify, dedup, locate, normalise
from loa.pipeline.dedup import StoryIndex, assign_stories
from loa.pipeline.dedup_eval import evaluate, generate, vntc_bases
from loa.pipeline.sentiment import analyse, sentiment_of_tokens

ROOT = Path(__file__).resolve().parent.parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"
FIXTURES = ROOT / "tests" / "pipeline" / "fixtures"
BASELINE_PYTHON = ROOT / ".venv-baseline" / "bin" / "python"
ARTICLES = 1500
REPEATS = 3
LABELS = ("negative", "neutral", "positive")


def _cpu(function: Callable[[], object], repeats: int = REPEATS) -> float:
    """Median CPU seconds of ``function()``."""
    times = []
    for _ in range(repeats):
        started = time.process_time()
        function()
        times.append(time.process_time() - started)
    return statistics.median(times)


def _articles(count: int) -> tuple[list[Article], str]:
    corpus = SHARED_DATA / "vntc" / "train.jsonl.gz"
    if corpus.is_file():
        with gzip.open(corpus, "rt", encoding="utf-8") as handle:
            rows = [json.loads(line) for line in handle]
        rows = random.Random(11).sample(rows, count)
        return [Article(row["id"], None, row["text"]) for row in rows], f"VNTC sample ({count})"
    items = generate(seed=11)
    rounds = count // len(items) + 1
    articles = [Article(f"{item.id}-{k}", item.title, item.text) for k in range(rounds) for item in items]
    return articles[:count], f"generated dedup benchmark ({count}, no ../shared/data)"


def _jsonl(articles: list[Article]) -> str:
    return "".join(
        json.dumps(
            {"id": a.id, "title": a.title, "text": a.text, "url": a.url, "published": None},
            ensure_ascii=False,
        )
        + "\n"
        for a in articles
    )


def _command_seconds(analyzer: Analyzer, payload: str) -> float:
    from loa.monitoring.commands import analyze_stream

    def once() -> None:
        fresh = Analyzer(analyzer.topics, analyzer.places, StoryIndex(max_articles=100_000))
        analyze_stream(fresh, io.StringIO(payload), io.StringIO(), report=lambda number, message: None)

    return _cpu(once)


def _stages(analyzer: Analyzer, articles: list[Article]) -> dict[str, float]:
    """Microseconds of CPU per article for each stage."""
    items: list[Normalised] = []

    def run_normalise() -> None:
        items[:] = [normalise(article) for article in articles]

    per_article = 1e6 / len(articles)
    timings = {"normalise": _cpu(run_normalise, 1)}
    index = StoryIndex()
    timings["dedup"] = _cpu(lambda: [dedup(item, index) for item in items], 1)
    timings["places"] = _cpu(lambda: [locate(item, analyzer.places) for item in items], 1)
    timings["topic"] = _cpu(lambda: classify(items, analyzer.topics), 1)
    timings["sentiment"] = _cpu(
        lambda: [sentiment_of_tokens(i.title_tokens, i.body_tokens) for i in items], 1
    )
    return {stage: round(seconds * per_article, 1) for stage, seconds in timings.items()}


# Runs in the interpreter that has underthesea: the same median-of-REPEATS CPU timing as _cpu.
_BASELINE_SCRIPT = """
import json, statistics, sys, time
from underthesea import word_tokenize
texts = json.load(open(sys.argv[1], encoding="utf-8"))
word_tokenize(texts[0])  # loads the CRF model outside the timing
times = []
for _ in range(int(sys.argv[2])):
    started = time.process_time()
    for text in texts:
        word_tokenize(text)
    times.append(time.process_time() - started)
print(statistics.median(times))
"""


def _underthesea_seconds(articles: list[Article]) -> float | str:
    """CPU seconds of underthesea.word_tokenize over the articles, in the baseline environment that
    `make bench` prepares (underthesea stays out of Loa's own)."""
    if not BASELINE_PYTHON.exists():
        return f"skipped: {BASELINE_PYTHON.relative_to(ROOT)} is absent (make bench prepares it)"
    texts = [f"{a.title}\n{a.text}" if a.title else a.text for a in articles]
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as handle:
        json.dump(texts, handle, ensure_ascii=False)
        handle.flush()
        done = subprocess.run(
            [str(BASELINE_PYTHON), "-c", _BASELINE_SCRIPT, handle.name, str(REPEATS)],
            capture_output=True,
            text=True,
            check=False,
        )
    if done.returncode != 0:
        return "skipped: the baseline failed: " + " | ".join(done.stderr.strip().splitlines()[-3:])
    return float(done.stdout.strip().splitlines()[-1])


def _sentiment_scores(path: Path) -> dict[str, float]:
    with open(path, encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    confusion: Counter[tuple[str, str]] = Counter()
    for row in rows:
        confusion[row["label"], analyse(row["text"], row["title"]).label] += 1
    f1s = []
    for label in LABELS:
        tp = confusion[label, label]
        predicted = sum(confusion[gold, label] for gold in LABELS)
        actual = sum(confusion[label, pred] for pred in LABELS)
        precision, recall = tp / predicted if predicted else 0.0, tp / actual if actual else 0.0
        f1s.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return {
        "items": len(rows),
        "accuracy": round(sum(confusion[label, label] for label in LABELS) / len(rows), 4),
        "macro_f1": round(sum(f1s) / len(f1s), 4),
    }


def _dedup_scores() -> dict[str, Any]:
    scores: dict[str, Any] = {}
    hand = evaluate(generate(seed=1), assign_stories)
    scores["hand_written"] = {k: round(v, 4) for k, v in hand.items()}
    if (SHARED_DATA / "vntc" / "train.jsonl.gz").is_file():
        items = generate(vntc_bases(SHARED_DATA, 800, seed=21), seed=21)
        started = time.process_time()
        vntc = evaluate(items, assign_stories)
        vntc["cpu_ms_per_item"] = 1000 * (time.process_time() - started) / len(items)
        scores["vntc_bases"] = {k: round(v, 4) for k, v in vntc.items()}
    else:
        scores["vntc_bases"] = "skipped: ../shared/data is absent"
    return scores


def run() -> dict[str, Any]:
    articles, corpus = _articles(ARTICLES)
    started = time.process_time()
    try:
        analyzer = Analyzer.load()
    except ModuleNotFoundError as exc:
        return {"error": f"cannot load the analysis models: {exc}"}
    load_seconds = time.process_time() - started
    payload = _jsonl(articles)
    command = _command_seconds(analyzer, payload)
    tokenizer = _underthesea_seconds(articles)
    items = [normalise(article) for article in articles]
    sentiment_only = _cpu(lambda: [sentiment_of_tokens(i.title_tokens, i.body_tokens) for i in items])
    result: dict[str, Any] = {
        "corpus": corpus,
        "articles": len(articles),
        "mean_characters": round(sum(len(a.text) for a in articles) / len(articles)),
        "model_load_cpu_s": round(load_seconds, 2),
        "analyze_cpu_s": round(command, 3),
        "analyze_articles_per_s": round(len(articles) / command, 1),
        "stage_cpu_us_per_article": _stages(analyzer, articles),
        "sentiment_articles_per_s": round(len(articles) / sentiment_only, 1),
    }
    if isinstance(tokenizer, float):
        result["underthesea_word_tokenize_cpu_s"] = round(tokenizer, 3)
        result["underthesea_articles_per_s"] = round(len(articles) / tokenizer, 1)
        result["speedup_vs_word_tokenize"] = round(tokenizer / command, 2)
        result["target_speedup_met"] = tokenizer / command >= 3.0
    else:
        result["underthesea"] = tokenizer
    result["dedup_pairwise"] = _dedup_scores()
    result["sentiment_eval"] = _sentiment_scores(FIXTURES / "sentiment_eval.jsonl")
    result["sentiment_dev"] = _sentiment_scores(FIXTURES / "sentiment_dev.jsonl")
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    result["target_memory_met"] = result["peak_rss_mb"] <= 1536
    return result
