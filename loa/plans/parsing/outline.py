"""Numbering markers ("II.", "3.1.", "a)", "- ") and the outline tree they define."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

MarkerKind = Literal["article", "roman", "upper", "arabic", "lower", "bullet"]

_ARTICLE = re.compile(r"^Điều\s+(\d+)\s*[.:]\s*")
_ROMAN = re.compile(r"^([IVXL]{1,6})\s*[.)]\s+(?=\S)")
_VALID_ROMAN = re.compile(r"^L?X{0,3}(?:IX|IV|V?I{0,3})$")
_UPPER = re.compile(r"^([A-HJKM-UWYZĐ])\s*[.)]\s+(?=\S)")
_ARABIC = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,4})(?:([.)])\s*|\s+)(?=[^\s\d/.,:-])")
_LOWER = re.compile(r"^([a-zđ])\s*[).]\s+(?=\S)")
_BULLET = re.compile(r"^([-–—−•·●○◦▪■□♦◆➢➤►✓❖*+])(?:\s+(?=\S)|(?=[^\s\d%*+=–—−-]))")
_BULLET_STYLE = {
    **dict.fromkeys("-–—−", "-"),
    **dict.fromkeys("•·●", "•"),
    **dict.fromkeys("○◦", "o"),
    **dict.fromkeys("▪■□♦◆", "▪"),
    **dict.fromkeys("➢➤►✓❖", "➢"),
    "*": "*",
    "+": "+",
}
_FIXED_RANKS = {"article": 0, "roman": 1, "upper": 2, "lower": 9}
_BULLET_RANK = 10


@dataclass(frozen=True, slots=True)
class Marker:
    kind: MarkerKind
    label: str  # "II", "3.1", "a", or the bullet style ("-", "+", "•")

    @property
    def depth(self) -> int:
        return self.label.count(".") + 1 if self.kind == "arabic" else 1


def split_marker(text: str) -> tuple[Marker | None, str]:
    """The numbering marker at the start of a paragraph and the text after it."""
    for kind, pattern in (("article", _ARTICLE), ("roman", _ROMAN), ("upper", _UPPER)):
        match = pattern.match(text)
        if match and (kind != "roman" or _VALID_ROMAN.match(match.group(1))):
            return Marker(kind, match.group(1)), text[match.end() :]  # type: ignore[arg-type]
    match = _ARABIC.match(text)
    if match and (match.group(2) or "." in match.group(1)):
        return Marker("arabic", match.group(1)), text[match.end() :]
    match = _LOWER.match(text)
    if match:
        return Marker("lower", match.group(1)), text[match.end() :]
    match = _BULLET.match(text)
    if match:
        return Marker("bullet", _BULLET_STYLE[match.group(1)]), text[match.end() :]
    return None, text


@dataclass(slots=True)
class Node:
    marker: Marker | None  # None for a plain paragraph and for the root
    text: str
    first_line: int
    last_line: int
    rank: int = -1
    children: list[Node] = field(default_factory=list)

    @property
    def structural_children(self) -> list[Node]:
        return [child for child in self.children if child.marker is not None]

    @property
    def plain_children(self) -> list[Node]:
        return [child for child in self.children if child.marker is None]

    def span_end(self) -> int:
        return max([self.last_line, *(child.span_end() for child in self.children)])


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    first_line: int
    last_line: int


def build_tree(paragraphs: list[Paragraph]) -> Node:
    """Nest paragraphs by their markers: roman > A. > 1. > 1.1. > a) > bullets. Bullet styles nest in the
    order they first appear under a parent ("-" then "+", or "+" then "-"); plain paragraphs belong to
    the nearest open item."""
    root = Node(None, "", 0, 0)
    stack: list[Node] = [root]
    for paragraph in paragraphs:
        marker, text = split_marker(paragraph.text)
        node = Node(marker, text.strip(), paragraph.first_line, paragraph.last_line)
        if marker is None:
            stack[-1].children.append(node)
            continue
        if marker.kind == "bullet":
            open_same = [i for i, open_node in enumerate(stack) if open_node.marker == marker]
            if open_same:
                del stack[open_same[-1] :]
            top = stack[-1]
            node.rank = top.rank + 1 if top.marker and top.marker.kind == "bullet" else _BULLET_RANK
        else:
            node.rank = 2 + marker.depth if marker.kind == "arabic" else _FIXED_RANKS[marker.kind]
            while stack[-1].rank >= node.rank:
                stack.pop()
        stack[-1].children.append(node)
        stack.append(node)
    return root
