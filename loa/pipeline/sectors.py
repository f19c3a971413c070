"""Boolean keyword rules that assign articles to sectors (giáo dục, y tế, đất đai...).

Query language (compiled once per rule, matched on folded text, so diacritics and case never matter):

    lũ OR lụt OR "sạt lở"             either word or the phrase
    "học sinh" AND (trường OR lớp)    AND binds tighter than OR; adjacent terms mean AND too
    tham nhũng NOT "phòng chống"      NOT excludes (also "AND NOT")
    "Thái Nguyên" NEAR/5 (lũ OR mưa)  within 5 words of each other, either order
    giáo*                             any word that starts with "giao" (giáo, giao, giáo dục's "giao"...)

Operators are written in capitals: AND, OR, NOT, NEAR/n, or in Vietnamese VÀ, HOẶC, KHÔNG, GẦN/n.
A quoted phrase matches consecutive words. NEAR takes words, phrases or OR-groups of them.

A rule must require something to be present: a rule that matches an article without any of its words
(``NOT x``, ``x OR NOT x``) would match nearly everything and is rejected, and so is a rule that can
never match (``x AND NOT x``). Errors carry a Vietnamese message for the rule editor.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import product

from loa.text import fold

_WORD = re.compile(r"[^\W_]+")
_LEXEME = re.compile(
    r"""\s*(?:
        (?P<lparen>\() | (?P<rparen>\)) |
        (?P<phrase>["“”]([^"“”]*)["“”]) |
        (?P<near>(?:NEAR|GẦN)/(?P<distance>\d+)) |
        (?P<bare_near>(?:NEAR|GẦN)(?![^\s()"“”])) |
        (?P<term>[^\s()"“”]+)
    )""",
    re.VERBOSE,
)
_OPERATORS = {"AND": "AND", "VÀ": "AND", "OR": "OR", "HOẶC": "OR", "NOT": "NOT", "KHÔNG": "NOT"}
_MAX_TRUTH_TABLE_ATOMS = 14


class SectorRuleError(ValueError):
    """An invalid rule; ``str(error)`` is a Vietnamese message for the person who wrote it."""


class Document:
    """Folded words of one article and where each occurs; build once, test against every rule."""

    def __init__(self, folded_text: str) -> None:
        self._index(_WORD.findall(folded_text))

    @classmethod
    def from_words(cls, folded_words: list[str]) -> Document:
        """From words that are already folded (the analysis pipeline shares its tokens)."""
        document = cls.__new__(cls)
        document._index(folded_words)
        return document

    def _index(self, words: list[str]) -> None:
        self.words = words
        self.positions: dict[str, list[int]] = {}
        for position, word in enumerate(self.words):
            self.positions.setdefault(word, []).append(position)


# A span is (first word, last word) of an occurrence.
_Span = tuple[int, int]


class _Node:
    positional = False

    def matches(self, doc: Document) -> bool:
        raise NotImplementedError

    def atoms(self) -> list[_Node]:
        raise NotImplementedError

    def value(self, truth: dict[object, bool]) -> bool:
        raise NotImplementedError


class _Positional(_Node):
    """A node that knows where it occurs: a word, a phrase, an OR of those, or a NEAR."""

    positional = True

    def spans(self, doc: Document) -> list[_Span]:
        raise NotImplementedError

    def matches(self, doc: Document) -> bool:
        return bool(self.spans(doc))

    def atoms(self) -> list[_Node]:
        return [self]

    @property
    def key(self) -> object:
        """Structural identity: the same word written twice is one atom of the truth table."""
        raise NotImplementedError

    def value(self, truth: dict[object, bool]) -> bool:
        return truth[self.key]


@dataclass(eq=False)
class _Term(_Positional):
    words: tuple[str, ...]  # folded; more than one is a phrase
    prefix: bool = False  # the last word is a prefix ("giáo*")

    @property
    def key(self) -> object:
        return ("term", self.words, self.prefix)

    def _positions(self, doc: Document, index: int) -> list[int]:
        word = self.words[index]
        if self.prefix and index == len(self.words) - 1:
            return sorted(p for w, ps in doc.positions.items() if w.startswith(word) for p in ps)
        return doc.positions.get(word, [])

    def spans(self, doc: Document) -> list[_Span]:
        found = []
        rest = [set(self._positions(doc, k)) for k in range(1, len(self.words))]
        for start in self._positions(doc, 0):
            if all(start + k + 1 in positions for k, positions in enumerate(rest)):
                found.append((start, start + len(self.words) - 1))
        return found


@dataclass(eq=False)
class _Near(_Positional):
    left: _Positional
    right: _Positional
    distance: int

    @property
    def key(self) -> object:
        return ("near", self.left.key, self.right.key, self.distance)

    def spans(self, doc: Document) -> list[_Span]:
        found = []
        right = self.right.spans(doc)
        for a in self.left.spans(doc):
            for b in right:
                gap = b[0] - a[1] - 1 if b[0] > a[1] else a[0] - b[1] - 1
                if gap <= self.distance:
                    found.append((min(a[0], b[0]), max(a[1], b[1])))
        return found


@dataclass(eq=False)
class _AnyOf(_Positional):
    """OR of positional nodes: still positional, so it can stand on either side of NEAR."""

    children: list[_Positional] = field(default_factory=list)

    @property
    def key(self) -> object:
        return ("any", tuple(child.key for child in self.children))

    def spans(self, doc: Document) -> list[_Span]:
        return [span for child in self.children for span in child.spans(doc)]

    def atoms(self) -> list[_Node]:
        return [atom for child in self.children for atom in child.atoms()]

    def value(self, truth: dict[object, bool]) -> bool:
        return any(child.value(truth) for child in self.children)


@dataclass(eq=False)
class _Or(_Node):
    children: list[_Node]

    def matches(self, doc: Document) -> bool:
        return any(child.matches(doc) for child in self.children)

    def atoms(self) -> list[_Node]:
        return [atom for child in self.children for atom in child.atoms()]

    def value(self, truth: dict[object, bool]) -> bool:
        return any(child.value(truth) for child in self.children)


@dataclass(eq=False)
class _And(_Node):
    children: list[_Node]

    def matches(self, doc: Document) -> bool:
        return all(child.matches(doc) for child in self.children)

    def atoms(self) -> list[_Node]:
        return [atom for child in self.children for atom in child.atoms()]

    def value(self, truth: dict[object, bool]) -> bool:
        return all(child.value(truth) for child in self.children)


@dataclass(eq=False)
class _Not(_Node):
    child: _Node

    def matches(self, doc: Document) -> bool:
        return not self.child.matches(doc)

    def atoms(self) -> list[_Node]:
        return self.child.atoms()

    def value(self, truth: dict[object, bool]) -> bool:
        return not self.child.value(truth)


@dataclass(frozen=True)
class _Lexeme:
    kind: str  # "(", ")", "AND", "OR", "NOT", "NEAR", "TERM"
    text: str
    position: int
    distance: int = 0


def _lex(query: str) -> list[_Lexeme]:
    lexemes = []
    position = 0
    while query[position:].strip():
        match = _LEXEME.match(query, position)
        start = position + len(query[position:]) - len(query[position:].lstrip())
        if match is None:
            raise SectorRuleError(f"Dấu ngoặc kép ở vị trí {start + 1} chưa được đóng.")
        if match.group("lparen"):
            lexemes.append(_Lexeme("(", "(", start))
        elif match.group("rparen"):
            lexemes.append(_Lexeme(")", ")", start))
        elif match.group("phrase") is not None:
            lexemes.append(_Lexeme("PHRASE", match.group("phrase")[1:-1], start))
        elif match.group("near"):
            lexemes.append(_Lexeme("NEAR", match.group("near"), start, int(match.group("distance"))))
        elif match.group("bare_near"):
            raise SectorRuleError(f"Thiếu khoảng cách sau NEAR ở vị trí {start + 1}: viết NEAR/5.")
        else:
            text = match.group("term")
            lexemes.append(_Lexeme(_OPERATORS.get(text, "TERM"), text, start))
        position = match.end()
    return lexemes


class _Parser:
    def __init__(self, query: str) -> None:
        self.lexemes = _lex(query)
        self.index = 0

    def peek(self) -> _Lexeme | None:
        return self.lexemes[self.index] if self.index < len(self.lexemes) else None

    def take(self) -> _Lexeme:
        lexeme = self.lexemes[self.index]
        self.index += 1
        return lexeme

    def parse(self) -> _Node:
        if not self.lexemes:
            raise SectorRuleError("Quy tắc trống: hãy nhập ít nhất một từ khóa.")
        node = self.parse_or()
        extra = self.peek()
        if extra is not None:
            raise SectorRuleError(
                f"Không hiểu '{extra.text}' ở vị trí {extra.position + 1} (thừa dấu ngoặc?)."
            )
        return node

    def parse_or(self) -> _Node:
        children = [self.parse_and()]
        while (lexeme := self.peek()) is not None and lexeme.kind == "OR":
            self.take()
            children.append(self.parse_and())
        if len(children) == 1:
            return children[0]
        if all(isinstance(child, _Positional) for child in children):
            return _AnyOf([child for child in children if isinstance(child, _Positional)])
        return _Or(children)

    def parse_and(self) -> _Node:
        children = [self.parse_not()]
        while (lexeme := self.peek()) is not None and lexeme.kind not in ("OR", ")"):
            if lexeme.kind == "AND":
                self.take()
            children.append(self.parse_not())
        return children[0] if len(children) == 1 else _And(children)

    def parse_not(self) -> _Node:
        lexeme = self.peek()
        if lexeme is not None and lexeme.kind == "NOT":
            self.take()
            return _Not(self.parse_not())
        return self.parse_near()

    def parse_near(self) -> _Node:
        node = self.parse_atom()
        while (lexeme := self.peek()) is not None and lexeme.kind == "NEAR":
            self.take()
            right = self.parse_atom()
            if not isinstance(node, _Positional) or not isinstance(right, _Positional):
                raise SectorRuleError(
                    f"NEAR ở vị trí {lexeme.position + 1} chỉ nối từ, cụm từ hoặc nhóm HOẶC/OR của chúng."
                )
            node = _Near(node, right, lexeme.distance)
        return node

    def parse_atom(self) -> _Node:
        lexeme = self.peek()
        if lexeme is None:
            raise SectorRuleError("Quy tắc kết thúc giữa chừng: thiếu từ khóa sau toán tử.")
        if lexeme.kind == "(":
            self.take()
            node = self.parse_or()
            closing = self.peek()
            if closing is None or closing.kind != ")":
                raise SectorRuleError(f"Thiếu dấu ')' cho dấu '(' ở vị trí {lexeme.position + 1}.")
            self.take()
            return node
        if lexeme.kind in ("TERM", "PHRASE"):
            self.take()
            text = lexeme.text
            prefix = lexeme.kind == "TERM" and text.endswith("*")
            words = tuple(_WORD.findall(fold(text.rstrip("*") if prefix else text)))
            if not words:
                raise SectorRuleError(f"'{text}' ở vị trí {lexeme.position + 1} không chứa chữ hay số nào.")
            return _Term(words, prefix)
        raise SectorRuleError(f"Thiếu từ khóa trước '{lexeme.text}' ở vị trí {lexeme.position + 1}.")


def _truth_tables(keys: Sequence[object]) -> Iterable[dict[object, bool]]:
    for values in product((False, True), repeat=len(keys)):
        yield dict(zip(keys, values, strict=True))


@dataclass(eq=False)
class SectorRule:
    """A compiled sector rule; raises :class:`SectorRuleError` for invalid queries."""

    id: str
    query: str
    _root: _Node = field(init=False, repr=False)

    def __post_init__(self) -> None:
        root = _Parser(self.query).parse()
        keys = list(dict.fromkeys(atom.key for atom in root.atoms() if isinstance(atom, _Positional)))
        if root.value(dict.fromkeys(keys, False)):
            raise SectorRuleError(
                "Quy tắc khớp cả bài không chứa từ khóa nào (chỉ có KHÔNG/NOT?): nó sẽ khớp gần như mọi bài. "
                "Hãy thêm ít nhất một từ khóa bắt buộc."
            )
        if len(keys) <= _MAX_TRUTH_TABLE_ATOMS and not any(root.value(t) for t in _truth_tables(keys)):
            raise SectorRuleError("Quy tắc không bao giờ khớp (ví dụ 'x AND NOT x').")
        self._root = root

    def matches(self, folded_text: str) -> bool:
        """Whether the rule matches an article's folded text (:func:`loa.text.fold` of title and body)."""
        return self._root.matches(Document(folded_text))

    def matches_document(self, document: Document) -> bool:
        return self._root.matches(document)


def matching_rules(rules: Iterable[SectorRule], folded_text: str) -> list[str]:
    """Ids of the rules that match, tokenising the text once for all of them."""
    document = Document(folded_text)
    return [rule.id for rule in rules if rule.matches_document(document)]
