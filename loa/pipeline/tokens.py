"""Word tokens of normalised Vietnamese text, folded one distinct token at a time.

Folding a whole article with :func:`loa.text.fold` normalises it again, which costs more than every
analysis stage together. The stages share one normalised text, so they tokenise it once and fold each
distinct token once: the vocabulary of news text is small (tens of thousands of syllables and numbers).
"""

from __future__ import annotations

import re

from loa.text import fold

# Sentence breaks are kept as tokens so that cues and phrases never join across sentences; commas too,
# for the stages that scope something to a clause.
BREAK = "."
COMMA = ","
_TOKEN = re.compile(r"[^\W_]+|[.!?;:\n]+|,")
_CACHE_LIMIT = 200_000
_folded: dict[str, str] = {}


def tokenize(text: str) -> list[str]:
    """Words (letters and digits, as written), ``BREAK`` and ``COMMA`` markers of normalised text."""
    return [token if token[0].isalnum() or token == COMMA else BREAK for token in _TOKEN.findall(text)]


def fold_token(token: str) -> str:
    folded = _folded.get(token)
    if folded is None:
        if len(_folded) >= _CACHE_LIMIT:
            _folded.clear()
        folded = _folded[token] = fold(token)
    return folded


def fold_tokens(tokens: list[str]) -> list[str]:
    """:func:`loa.text.fold` of each token (lowercase, no diacritics, đ -> d)."""
    cache = _folded
    return [cache.get(token) or fold_token(token) for token in tokens]
