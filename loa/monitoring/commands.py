"""`loa monitor ...` commands.

Nothing here imports Django at import time: `loa --help` stays fast and the contract command
`loa monitor analyze` runs without a database. A subcommand that needs Django calls
`loa.cli.setup_django()` in its handler. To add a subcommand, write `register_<name>(monitor_subparsers)`
and append it to SUBCOMMANDS.

loa monitor analyze --input IN.jsonl --output OUT.jsonl
    Each input line: {"id": str, "title": str|null, "text": str, "url": str|null, "published": ISO-8601|null}
    Each output line: {"id", "topic", "sentiment", "places": [{"province", "commune", "mention"}], "story"}
    Lines that are not valid JSON objects with an "id" and a "text" are reported on stderr (with their
    line number) and skipped; the rest are processed one batch at a time, so memory does not grow with
    the input (except the story index, bounded by --story-window). Stories merge when a later article
    bridges them, so story ids are settled in a final pass over the output. Exit status: 0 when at least
    one line was processed (or the input is empty), 1 when every line was invalid, 2 when the input
    cannot be read or the output cannot be written.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from loa.pipeline.analyze import Analysis, Analyzer, Article

BATCH_SIZE = 256
DEFAULT_STORY_WINDOW = 100_000  # articles kept for dedup: about 0.7 GB at most


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    monitor = subparsers.add_parser("monitor", help="Theo dõi báo chí (media monitoring)")
    monitor_subparsers = monitor.add_subparsers(dest="monitor_command", metavar="SUBCOMMAND")

    def show_help(args: argparse.Namespace) -> int:
        monitor.print_help()
        return 0

    monitor.set_defaults(handler=show_help)
    for register_subcommand in SUBCOMMANDS:
        register_subcommand(monitor_subparsers)


def register_analyze(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "analyze",
        help="Phân tích bài báo: chủ đề, sắc thái, địa danh, nhóm tin trùng (JSONL vào, JSONL ra)",
        description="Analyse articles (JSON lines): topic, sentiment, places and story. No database needed.",
    )
    parser.add_argument("--input", required=True, help="JSON lines file, or - for standard input")
    parser.add_argument("--output", required=True, help="JSON lines file, or - for standard output")
    parser.add_argument("--home-province", default=None, help="province code that breaks ties between places")
    parser.add_argument(
        "--story-window",
        type=int,
        default=DEFAULT_STORY_WINDOW,
        help=f"articles kept in the story index (default {DEFAULT_STORY_WINDOW}); older ones are forgotten",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")
    parser.set_defaults(handler=handle_analyze)


def register_poll(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "poll",
        help="Lấy tin ngay trong tiến trình này: các luồng đến hạn, rồi tải và phân tích bài mới",
        description="Poll due feeds and process the new items in this process (no worker needed).",
    )
    parser.add_argument(
        "--once", action="store_true", help="một vòng rồi dừng (mặc định: lặp đến khi Ctrl-C)"
    )
    parser.add_argument("--all", action="store_true", help="lấy mọi luồng đang theo dõi, kể cả chưa đến hạn")
    parser.add_argument("--every", type=float, default=60.0, help="giây giữa hai vòng khi lặp (mặc định 60)")
    parser.set_defaults(handler=handle_poll)


def register_sources(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("sources", help="Danh sách nguồn tin và tình trạng lấy tin")
    parser.set_defaults(handler=handle_sources)


def register_reprocess(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "reprocess",
        help="Phân tích lại bài đã lưu (chủ đề, sắc thái, địa danh, lĩnh vực) mà không tải lại trang",
        description="Re-run understanding over stored articles, without refetching (stories are kept).",
    )
    parser.add_argument(
        "--since", type=date.fromisoformat, default=None, help="bài đăng từ ngày này (YYYY-MM-DD)"
    )
    parser.add_argument("--source", type=int, default=None, help="chỉ bài của nguồn tin số ID")
    parser.add_argument(
        "--re-extract",
        action="store_true",
        help="trích xuất lại tiêu đề, nội dung, ngày từ bản lưu trang gốc",
    )
    parser.add_argument(
        "--wait", action="store_true", help="xử lý ngay trong tiến trình này đến khi xong (không cần worker)"
    )
    parser.set_defaults(handler=handle_reprocess)


SUBCOMMANDS: list[Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None]] = [
    register_analyze,
    register_poll,
    register_sources,
    register_reprocess,
]


def poll_cycle(*, poll_all: bool = False, report: Callable[[str], None] = print) -> dict[str, int]:
    """Poll feeds (due ones, or all) and process every pending item, in this process."""
    from collections import Counter

    from loa.monitoring import conf, ingest, polling
    from loa.monitoring.models import Feed

    if poll_all:
        ids = list(Feed.objects.filter(is_active=True, source__is_active=True).values_list("pk", flat=True))
    else:
        ids = polling.claim_due_feeds()
    totals: Counter[str] = Counter()
    for feed in Feed.objects.select_related("source").filter(pk__in=ids).order_by("source__name", "url"):
        result = polling.poll_feed(feed, enqueue=False)
        totals["feeds"] += 1
        totals["feeds_failed"] += not result.ok
        totals["new_items"] += len(result.new_item_ids)
        report(f"{feed.source.name}: {feed.url} — {result.message}")
    pending = list(ingest.pending_item_ids())
    size = conf.batch_size()
    for start in range(0, len(pending), size):
        totals.update(ingest.process_items(pending[start : start + size]))
    report(
        f"{totals['feeds']} luồng ({totals['feeds_failed']} lỗi), {totals['new_items']} mục mới; "
        f"{totals['done']} bài đã lưu, {totals['duplicate']} trùng, {totals['failed']} lỗi, "
        f"{totals['retry']} chờ thử lại"
    )
    return dict(totals)


def handle_poll(args: argparse.Namespace) -> int:
    from loa.cli import setup_django

    setup_django()
    while True:
        poll_cycle(poll_all=args.all)
        if args.once:
            return 0
        time.sleep(max(1.0, args.every))


def handle_sources(args: argparse.Namespace) -> int:
    from loa.cli import setup_django

    setup_django()
    from django.utils import timezone

    from loa.monitoring.models import Source

    sources = Source.objects.prefetch_related("feeds").order_by("name")
    if not sources:
        print("Chưa có nguồn tin nào.")
        return 0
    for source in sources:
        flag = " [CẢNH BÁO]" if source.flagged_at else ""
        active = "" if source.is_active else " (tạm dừng)"
        print(f"{source.name}{active}: {source.get_health_display()}{flag} — {source.health_reason or '-'}")
        for feed in source.feeds.all():
            last = (
                timezone.localtime(feed.last_success_at).strftime("%H:%M %d/%m")
                if feed.last_success_at
                else "-"
            )
            print(
                f"    {feed.url}  {feed.get_health_display()}  lần tốt cuối {last}, "
                f"chu kỳ {feed.interval_seconds} giây, lỗi liên tiếp {feed.consecutive_failures}"
            )
    return 0


def handle_reprocess(args: argparse.Namespace) -> int:
    from loa.cli import setup_django

    setup_django()
    from django.core.exceptions import ValidationError

    from loa.monitoring import reprocess, services

    try:
        run = services.reprocess_start(
            None, since=args.since, source_id=args.source, re_extract=args.re_extract, enqueue=not args.wait
        )
    except ValidationError as exc:
        print(f"loa monitor reprocess: {' '.join(exc.messages)}", file=sys.stderr)
        return 1
    if not args.wait:
        print(f"Lượt xử lý lại #{run.pk}: {run.total} bài, đã chuyển cho worker.")
        return 0
    started = time.monotonic()
    while run.state == run.State.RUNNING:
        outcome = reprocess.reprocess_batch(run.pk, run.cursor, enqueue=False)
        if outcome is None:  # a worker took the batch (a resumed run): follow it
            time.sleep(1.0)
        run.refresh_from_db()
        rate = run.processed / max(time.monotonic() - started, 1e-9)
        print(
            f"{run.processed}/{run.total} bài, {run.changed} thay đổi, {run.failed} lỗi, {rate:,.0f} bài/s",
            file=sys.stderr,
        )
    print(f"Lượt xử lý lại #{run.pk}: {run.processed} bài, {run.changed} thay đổi, {run.failed} lỗi.")
    for failure in run.failures:
        print(f"    bài #{failure['article']}: {failure['reason']}")
    return 0


class InvalidLine(ValueError):
    pass


def parse_line(line: str) -> Article:
    """An input line as an Article; :class:`InvalidLine` says what is wrong with it."""
    from loa.pipeline.analyze import Article

    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InvalidLine(f"invalid JSON ({exc.msg}, column {exc.colno})") from None
    if not isinstance(data, dict):
        raise InvalidLine("not a JSON object")
    article_id = data.get("id")
    if isinstance(article_id, int) and not isinstance(article_id, bool):
        article_id = str(article_id)
    if not isinstance(article_id, str) or not article_id:
        raise InvalidLine('missing or empty "id"')
    text = data.get("text")
    if not isinstance(text, str):
        raise InvalidLine(f'article {article_id}: missing "text"')
    title = data.get("title")
    url = data.get("url")
    published = data.get("published")
    when = None
    if isinstance(published, str) and published:
        try:
            when = datetime.fromisoformat(published)
        except ValueError:
            raise InvalidLine(f'article {article_id}: "published" is not ISO-8601: {published!r}') from None
    return Article(
        id=article_id,
        title=title if isinstance(title, str) else None,
        text=text,
        url=url if isinstance(url, str) else None,
        published=when,
    )


def output_record(analysis: Analysis) -> dict[str, Any]:
    return {
        "id": analysis.id,
        "topic": analysis.topic,
        "sentiment": analysis.sentiment,
        "places": [
            {"province": place.province, "commune": place.commune, "mention": place.mention}
            for place in analysis.places
        ],
        "story": analysis.story,
    }


@dataclass
class Progress:
    """A progress line on stderr: redrawn in place on a terminal, a line per 10% otherwise."""

    total_bytes: int | None
    stream: IO[str] = field(default_factory=lambda: sys.stderr)
    enabled: bool = True
    _last_draw: float = 0.0
    _last_tenth: int = -1
    _started: float = field(default_factory=time.monotonic)

    def update(self, done_bytes: int, articles: int, invalid: int, *, final: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        rate = articles / max(now - self._started, 1e-9)
        if self.total_bytes:
            fraction = min(1.0, done_bytes / self.total_bytes)
            bar = "#" * int(fraction * 30)
            text = f"[{bar:<30}] {fraction:6.1%} {articles} bài, {invalid} lỗi, {rate:,.0f} bài/s"
            tenth = int(fraction * 10)
        else:
            text = f"{articles} bài, {invalid} lỗi, {rate:,.0f} bài/s"
            tenth = articles // 10_000
        if self.stream.isatty():
            if final or now - self._last_draw >= 0.2:
                self.stream.write("\r" + text + ("\n" if final else ""))
                self.stream.flush()
                self._last_draw = now
        elif tenth > self._last_tenth or (final and self._last_tenth < 10):
            self.stream.write(text + "\n")
            self._last_tenth = 10 if final else tenth


class _NumberedLines:
    """Lines of a text stream with their numbers, counting the bytes read so far (for progress)."""

    def __init__(self, source: IO[str]) -> None:
        self.source = source
        self.bytes = 0

    def __iter__(self) -> Iterator[tuple[int, str]]:
        for number, line in enumerate(self.source, start=1):
            self.bytes += len(line.encode("utf-8"))
            yield number, line


def _batches(lines: Iterable[tuple[int, str]], report: Callable[[int, str], None]) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for number, line in lines:
        if not line.strip():
            continue
        try:
            batch.append(parse_line(line))
        except InvalidLine as exc:
            report(number, str(exc))
            continue
        if len(batch) >= BATCH_SIZE:
            yield batch
            batch = []
    if batch:
        yield batch


def analyze_stream(
    analyzer: Analyzer,
    source: IO[str],
    sink: IO[str],
    *,
    report: Callable[[int, str], None],
    progress: Progress | None = None,
) -> tuple[int, int]:
    """Analyse JSON lines from ``source`` into ``sink``; returns (processed, invalid) line counts.

    Results go to a temporary file first: a later article can merge two stories whose articles were
    already written, so the final pass rewrites their story ids.
    """
    processed = invalid = 0

    def counting_report(number: int, message: str) -> None:
        nonlocal invalid
        invalid += 1
        report(number, message)

    lines = _NumberedLines(source)
    with tempfile.TemporaryFile("w+", encoding="utf-8") as staging:
        for batch in _batches(lines, counting_report):
            for analysis in analyzer.analyze_batch(batch):
                staging.write(json.dumps(output_record(analysis), ensure_ascii=False) + "\n")
            processed += len(batch)
            if progress:
                progress.update(lines.bytes, processed, invalid)
        if progress:
            progress.update(lines.bytes, processed, invalid, final=True)
        staging.seek(0)
        if not analyzer.counts["merged_stories"]:
            shutil.copyfileobj(staging, sink)
        else:
            for line in staging:
                record = json.loads(line)
                record["story"] = analyzer.story_of(record["story"])
                sink.write(json.dumps(record, ensure_ascii=False) + "\n")
    return processed, invalid


def handle_analyze(args: argparse.Namespace) -> int:
    def report(number: int, message: str) -> None:
        print(f"loa monitor analyze: line {number}: {message}", file=sys.stderr)

    try:
        source = sys.stdin if args.input == "-" else open(args.input, encoding="utf-8")  # noqa: SIM115
    except OSError as exc:
        print(f"loa monitor analyze: cannot read {args.input}: {exc.strerror}", file=sys.stderr)
        return 2
    try:
        sink = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")  # noqa: SIM115
    except OSError as exc:
        if source is not sys.stdin:
            source.close()
        print(f"loa monitor analyze: cannot write {args.output}: {exc.strerror}", file=sys.stderr)
        return 2
    from loa.pipeline.analyze import Analyzer

    try:
        analyzer = Analyzer.load(
            home_province_code=args.home_province, max_stories_articles=args.story_window
        )
        total = None if source is sys.stdin else os.fstat(source.fileno()).st_size
        processed, invalid = analyze_stream(
            analyzer, source, sink, report=report, progress=Progress(total, enabled=not args.quiet)
        )
    except UnicodeDecodeError as exc:
        print(f"loa monitor analyze: {args.input} is not UTF-8 text ({exc.reason})", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"loa monitor analyze: cannot read {args.input}: {exc.strerror}", file=sys.stderr)
        return 2
    finally:
        if source is not sys.stdin:
            source.close()
        if sink is not sys.stdout:
            sink.close()
    if processed == 0 and invalid:
        print(f"loa monitor analyze: no valid line in {args.input} ({invalid} invalid)", file=sys.stderr)
        return 1
    return 0
