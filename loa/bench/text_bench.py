"""Throughput of loa.text on generated Vietnamese news-like text (MB/s of UTF-8 input, median of 5).

Times are CPU time of this (single-threaded) process, so that other work on the shared machine does
not distort them.
"""

from __future__ import annotations

import random
import statistics
import time
import unicodedata
from collections.abc import Callable
from typing import Any

from loa.text import fold, normalize, normalize_line, repair_encoding, search_key, syllables
from loa.text.legacy import encode_legacy

# Common words of administrative news, some written with the other tone convention (hoà, thuỷ, uỷ)
# so that the tone-placement path is exercised as in scraped text.
_VOCABULARY = (
    "ủy ban nhân dân tỉnh thành phố huyện xã phường thị trấn người dân được của và các những một có "
    "không trong cho với về này đã sẽ đang theo việc năm tháng ngày hội đồng chủ tịch phó quyết định "
    "kế hoạch triển khai thực hiện chính sách pháp luật giáo dục y tế giao thông nông nghiệp môi trường "
    "hòa bình khánh hoà thanh hoá thuỷ lợi uỷ quyền khoẻ mạnh quý giữa quả hoàng toán người lao động "
    "doanh nghiệp đầu tư xây dựng công trình dự án ngân sách thuế phí lệ phí hồ sơ thủ tục hành chính "
    "trực tuyến cổng dịch vụ công phản ánh kiến nghị cử tri đại biểu quốc hội Việt Nam Hà Nội Đà Nẵng"
)
_WORDS = _VOCABULARY.split()
_PUNCTUATION = (" ", " ", " ", " ", " ", ", ", ". ", "; ", ": ", " - ", " (2024) ", "\n\n")


def generate(size: int, seed: int = 7) -> str:
    """About ``size`` characters of Vietnamese text with paragraphs and the usual punctuation."""
    rng = random.Random(seed)
    pieces: list[str] = []
    length = 0
    capitalise = True
    while length < size:
        word = rng.choice(_WORDS)
        if capitalise:
            word = word[0].upper() + word[1:]
        separator = rng.choice(_PUNCTUATION)
        capitalise = separator in (". ", "\n\n")
        pieces.append(word)
        pieces.append(separator)
        length += len(word) + len(separator)
    return "".join(pieces)


def _throughput(function: Callable[[str], Any], text: str, repeats: int = 5) -> float:
    megabytes = len(text.encode("utf-8")) / 1_000_000
    timings = []
    for _ in range(repeats):
        started = time.process_time()
        function(text)
        timings.append(time.process_time() - started)
    return round(megabytes / statistics.median(timings), 2)


def run() -> dict[str, Any]:
    text = generate(1_000_000)
    normalized = normalize(text)
    nfd = unicodedata.normalize("NFD", text)
    article = text[:5_000]
    legacy = encode_legacy(text[:200_000], "vni")
    started = time.process_time()
    for offset in range(0, 200_000, 5_000):
        normalize(text[offset : offset + 5_000])
    per_article_ms = (time.process_time() - started) / 40 * 1000
    return {
        "input_mb": round(len(text.encode("utf-8")) / 1_000_000, 2),
        "normalize_mb_s": _throughput(normalize, text),
        "normalize_already_normalized_mb_s": _throughput(normalize, normalized),
        "normalize_nfd_input_mb_s": _throughput(normalize, nfd),
        "normalize_line_mb_s": _throughput(normalize_line, text),
        "fold_mb_s": _throughput(fold, text),
        "search_key_mb_s": _throughput(search_key, text),
        "syllables_mb_s": _throughput(syllables, text),
        "repair_encoding_unicode_mb_s": _throughput(repair_encoding, text),
        "repair_encoding_vni_mb_s": _throughput(repair_encoding, legacy),
        "normalize_5kb_article_ms": round(per_article_ms, 3),
        "search_key_short_name_us": round(_throughput_short(search_key, article[:40]), 2),
    }


def _throughput_short(function: Callable[[str], Any], text: str, calls: int = 20_000) -> float:
    """Microseconds per call on a short string (names, titles): per-call overhead dominates."""
    started = time.process_time()
    for _ in range(calls):
        function(text)
    return (time.process_time() - started) / calls * 1_000_000
