"""Names of agencies in plan wording: lists of lead or coordinating units, agency headings and
"phối hợp với …" clauses.

Vietnamese unit lists are separated by ";", "," and "và", but the same characters also occur inside
names ("Sở Văn hóa, Thể thao và Du lịch", "Sở Thông tin và Truyền thông") and inside collective names
("các sở, ban, ngành tỉnh", "UBND các huyện, thành phố"). A piece after a separator starts a new unit
when it begins with a unit head word ("Sở", "Ban", "UBND", "các cơ quan" …); otherwise it continues
the previous name. Names end where a predicate starts ("chủ trì", "thực hiện", "để" …).

Words are compared lowercase *with* diacritics (the text is normalised first): folded forms collide
too often here ("giáo"/"giao", "Số"/"Sở").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


def _phrases(*items: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(item.split()) for item in items)


# Heads that are a unit whatever follows ("Công an tỉnh", "UBND các huyện").
_FIXED_HEADS = _phrases(
    "ubnd",
    "hđnd",
    "ubmttq",
    "mttq",
    "bhxh",
    "vnpt",
    "viettel",
    "ủy ban nhân dân",
    "hội đồng nhân dân",
    "công an",
    "bộ chỉ huy",
    "bộ đội biên phòng",
    "kho bạc",
    "bảo hiểm xã hội",
    "viện kiểm sát",
    "tòa án",
    "tỉnh đoàn",
    "tỉnh ủy",
    "thành ủy",
    "huyện ủy",
    "đảng ủy",
    "mặt trận",
    "liên đoàn",
    "liên minh",
    "thanh tra",
    "cục thuế",
    "bưu điện",
    "điện lực",
    "ngân hàng",
    "chi nhánh",
    "công ty",
    "tập đoàn",
    "bệnh viện",
    "đại học",
    "chánh văn phòng",
    "giám đốc",
    "thủ trưởng",
    "chủ tịch",
    "phó chủ tịch",
    "người đứng đầu",
    "lãnh đạo",
)
# Heads that are also ordinary words ("Báo cáo", "Ban hành", "Hội nghị"): a unit only when the next
# word is capitalised or a place word ("Thanh tra tỉnh").
_NAMED_HEADS = sorted(
    _phrases(
        "sở",
        "ban",
        "bộ",
        "cục",
        "chi cục",
        "tổng cục",
        "vụ",
        "văn phòng",
        "trung tâm",
        "báo",
        "đài",
        "tạp chí",
        "cổng",
        "hội",
        "hội đồng",
        "ủy ban",
        "đoàn",
        "viện",
        "trường",
        "phòng",
        "tổ",
        "trạm",
        "nhà xuất bản",
        "học viện",
    ),
    key=len,
    reverse=True,
)


def _by_first_word(
    heads: tuple[tuple[str, ...], ...] | list[tuple[str, ...]],
) -> dict[str, list[tuple[str, ...]]]:
    table: dict[str, list[tuple[str, ...]]] = {}
    for head in sorted(heads, key=len, reverse=True):
        table.setdefault(head[0], []).append(head)
    return table


_FIXED_BY_FIRST = _by_first_word(_FIXED_HEADS)
_NAMED_BY_FIRST = _by_first_word(_NAMED_HEADS)
_PLACE_WORDS = frozenset({"tỉnh", "huyện", "xã", "phường", "quận", "thành", "thị", "trung", "nhân"})
# Collective nouns: "các sở", "các huyện, thành phố", "cơ quan báo chí", "đơn vị liên quan".
_AGENCY_NOUNS = frozenset(
    {
        "sở",
        "ban",
        "ngành",
        "cơ quan",
        "đơn vị",
        "địa phương",
        "tổ chức",
        "hội",
        "đoàn thể",
        "doanh nghiệp",
        "phòng",
        "tạp chí",
        "báo",
        "đài",
        "trạm",
        "trung tâm",
        "cấp",
        "thành viên",
        "cấp ủy",
        "chính quyền",
    }
)
_AREA_NOUNS = frozenset({"huyện", "quận", "thị xã", "thành phố", "xã", "phường", "thị trấn"})
_COLLECTIVE_NOUNS = _AGENCY_NOUNS | _AREA_NOUNS
# Collective nouns that are a unit even without "các" in front ("cơ quan báo chí Trung ương").
# ("Tổ chức …" opens a sentence as the verb far more often than it names an organisation.)
_BARE_COLLECTIVES = frozenset({"cơ quan", "đơn vị", "chính quyền", "cấp ủy", "địa phương"})
_PLURALS = frozenset({"các", "những"})
# Words after which a collective noun names a group: "các huyện", "UBND huyện, thành phố", "cấp xã".
_COLLECTIVE_MARKERS = _PLURALS | {"ubnd", "hđnd", "dân", "cấp"}
# Words that continue a name after a comma or "và" ("cơ quan báo chí Trung ương và của tỉnh").
_CONTINUATION_STARTS = frozenset({"của", "thuộc", "trực thuộc", "liên quan", "có liên quan"})

# Start of a predicate: the unit name stops before it. Lowercase words only, so "Ban Quản lý" stays.
_PREDICATES: frozenset[tuple[str, ...]] = frozenset(
    _phrases(
        "chủ trì",
        "phối hợp",
        "thực hiện",
        "triển khai",
        "tham mưu",
        "xây dựng",
        "hướng dẫn",
        "quản lý",
        "rà soát",
        "tổ chức",
        "theo dõi",
        "đôn đốc",
        "kiểm tra",
        "tuyên truyền",
        "phổ biến",
        "chỉ đạo",
        "định hướng",
        "bố trí",
        "nghiên cứu",
        "đề xuất",
        "tổng hợp",
        "báo cáo",
        "chủ động",
        "kịp thời",
        "tăng cường",
        "đẩy mạnh",
        "ban hành",
        "xử lý",
        "đấu tranh",
        "cung cấp",
        "hoàn thiện",
        "đánh giá",
        "cập nhật",
        "đăng tải",
        "hỗ trợ",
        "duy trì",
        "tiếp tục",
        "khẩn trương",
        "căn cứ",
        "có trách nhiệm",
        "chịu trách nhiệm",
        "là cơ quan",
        "là đơn vị",
        "được giao",
        "nắm bắt",
        "thẩm định",
        "giám sát",
        "thường xuyên",
        "định kỳ",
        "hằng năm",
        "hàng năm",
        "hằng quý",
        "hàng quý",
        "hằng tháng",
        "hàng tháng",
        "mỗi năm",
        "nghiêm túc",
        "tích cực",
        "phát hiện",
        "ngăn chặn",
        "đảm bảo",
        "bảo đảm",
        "quan tâm",
        "huy động",
        "phân công",
        "sử dụng",
        "ứng dụng",
        "khai thác",
        "vận hành",
        "đăng ký",
        "giải đáp",
        "giải quyết",
        "trả lời",
        "tiếp nhận",
        "phản hồi",
        "xác minh",
        "biên tập",
        "đưa tin",
        "phát hành",
        "kiểm soát",
        "tháo gỡ",
        "hoàn thành",
        "tập huấn",
        "bồi dưỡng",
        "vận động",
        "khuyến khích",
        "thúc đẩy",
        "nâng cao",
        "đổi mới",
        "kiện toàn",
        "sắp xếp",
        "củng cố",
        "chấn chỉnh",
        "phát động",
        "khen thưởng",
        "xử phạt",
        "thanh tra",
        "thống kê",
        "điều tra",
        "khảo sát",
        "lấy ý kiến",
        "góp ý",
        "phản biện",
        "thẩm tra",
        "công bố",
        "công khai",
        "cấp phép",
        "chuẩn bị",
        "sản xuất",
        "phát sóng",
        "chia sẻ",
        "lan tỏa",
        "quảng bá",
        "giới thiệu",
        "triệu tập",
        "tham gia",
        "tham dự",
        "lồng ghép",
        "kết hợp",
        "phân tích",
        "dự báo",
        "cảnh báo",
        "ứng phó",
        "phòng ngừa",
        "ngăn ngừa",
        "bảo vệ",
        "yêu cầu",
        "đề nghị",
        "kiến nghị",
        "xem xét",
        "quyết định",
        "phê duyệt",
        "điều hành",
        "nghiệm thu",
        "kết nối",
        "tích hợp",
        "số hóa",
        "chuyển đổi",
        "thu thập",
        "lưu trữ",
        "xác định",
        "tiếp thu",
        "mở",
        "đăng",
        "viết",
        "làm",
        "nộp",
        "đưa",
        "lập",
        "trình",
        "giao",
        "gửi",
        "cử",
        "để",
        "nhằm",
        "trong",
        "về",
        "theo",
        "tại",
        "cho",
        "khi",
        "trên",
        "đối với",
        "cần",
        "phải",
        "sẽ",
        "đã",
        "đang",
        "được",
        "có",
        "là",
        "với",
        "từ",
    )
)
_MAX_PREDICATE = max(len(p) for p in _PREDICATES)
# A "Chủ trì:" field holds names only; just the words that start an added clause end a name there.
_FIELD_PREDICATES: frozenset[tuple[str, ...]] = frozenset(
    _phrases(
        "chủ trì", "phối hợp", "thực hiện", "có trách nhiệm", "chịu trách nhiệm", "tham mưu", "để", "nhằm"
    )
)
_PREFIXES = _phrases("đề nghị", "giao cho", "giao", "yêu cầu", "đối với", "trách nhiệm của", "nhiệm vụ của")

_PARENTHESES = re.compile(r"\s*\([^()]*\)")
_SEPARATOR = re.compile(r"\s*;\s*|\s*,\s*|\s+và\s+|\s+cùng\s+", re.IGNORECASE)
_COORDINATION = re.compile(
    r"\bphối hợp(?:[\s,]+(?:thường xuyên|chặt chẽ|tốt|kịp thời|đồng bộ|hiệu quả))*(?:[\s,]+(?:với|cùng))?\s+",
    re.IGNORECASE,
)


@dataclass(slots=True)
class _Piece:
    separator: str
    text: str
    start: int


def _words(text: str) -> tuple[list[str], list[str]]:
    words = text.split()
    return words, [word.strip("\"“”'().,;:").lower() for word in words]


def _capitalised(word: str) -> bool:
    first = word.lstrip("\"“'(")[:1]
    return first.isupper() or first.isdigit()


def _at(lower: list[str], phrase: tuple[str, ...], index: int = 0) -> bool:
    return tuple(lower[index : index + len(phrase)]) == phrase


def _collective_at(lower: list[str], index: int) -> str | None:
    for size in (2, 1):
        noun = " ".join(lower[index : index + size])
        if noun in _COLLECTIVE_NOUNS:
            return noun
    return None


def _head_length(words: list[str], lower: list[str]) -> int:
    """Number of words of the unit head at the start, 0 when the text does not start with a unit."""
    if not words:
        return 0
    if lower[0] in _PLURALS:
        noun = _collective_at(lower, 1)
        return 1 + len(noun.split()) if noun else 0
    noun = _collective_at(lower, 0)
    if (
        noun in _BARE_COLLECTIVES
        and len(lower) > len(noun.split())
        and not _capitalised(words[len(noun.split())])
    ):
        return len(noun.split())
    for head in _FIXED_BY_FIRST.get(lower[0], ()):
        if _at(lower, head) and (len(head) > 1 or words[0][:1].isupper()):
            return len(head)
    capital = _capitalised(words[0])
    if tuple(lower[:2]) in _PREDICATES:
        return 0  # "Tổ chức", "Ban hành", "Báo cáo" (in capitals too: "TỔ CHỨC THỰC HIỆN")
    for head in _NAMED_BY_FIRST.get(lower[0], ()):
        if _at(lower, head) and len(words) > len(head):
            following = words[len(head)]
            # Lowercase heads too ("ủy ban Mặt trận"): legacy TCVN3 text loses capitals with a tone.
            if _capitalised(following) or (capital and lower[len(head)] in _PLACE_WORDS):
                return len(head)
    return 0


def starts_with_unit(text: str) -> bool:
    words, lower = _words(text)
    return _head_length(words, lower) > 0


def _predicate_at(
    words: list[str], lower: list[str], index: int, predicates: frozenset[tuple[str, ...]] = _PREDICATES
) -> bool:
    if _capitalised(words[index]):
        return False
    for size in range(_MAX_PREDICATE, 0, -1):
        if tuple(lower[index : index + size]) in predicates:
            # "các tổ chức", "những đơn vị": a noun, not the verb "tổ chức".
            return not (index > 0 and lower[index - 1] in ("các", "những", "một"))
    return False


def _cut(text: str, first: int, predicates: frozenset[tuple[str, ...]] = _PREDICATES) -> tuple[str, bool]:
    """Text of the name up to the first predicate at word index >= first, and whether one was found."""
    words, lower = _words(text)
    for index in range(first, len(words)):
        if _predicate_at(words, lower, index, predicates):
            return " ".join(words[:index]), True
    return text, False


def _collective_class(name: str) -> str | None:
    """'area' for "các huyện, thành phố", 'agency' for "các sở, ban", None for a named unit."""
    _, lower = _words(name)
    found: str | None = None
    for index in range(len(lower)):
        noun = _collective_at(lower, index)
        if noun is None:
            continue
        if (
            (index > 0 and lower[index - 1] in _COLLECTIVE_MARKERS)
            or found
            or (index == 0 and noun in _BARE_COLLECTIVES)
        ):
            found = "area" if noun in _AREA_NOUNS else "agency"
    return found


def _extends_collective(separator: str, words: list[str], lower: list[str], previous: str) -> bool:
    """ "các cơ quan" + ", đơn vị liên quan", "các huyện" + ", thành phố": one collective name."""
    kind = _collective_class(previous)
    if kind is None or separator.strip() == ";" or _capitalised(words[0]):
        return False
    noun = _collective_at(lower, 0)
    return noun is not None and ("area" if noun in _AREA_NOUNS else "agency") == kind


def _continues(separator: str, body: str, previous: str) -> bool:
    words, lower = _words(body)
    if not words:
        return False
    if lower[0] in _CONTINUATION_STARTS or " ".join(lower[:2]) in _CONTINUATION_STARTS:
        return True
    kind = _collective_class(previous)
    if kind is not None:
        if _extends_collective(separator, words, lower, previous):
            return True
        # "các cơ quan báo chí, truyền thông": a short lowercase tail that is not a clause.
        return (
            kind == "agency"
            and separator.strip() == ","
            and len(words) <= 2
            and not _capitalised(words[0])
            and not any(_predicate_at(words, lower, i) for i in range(len(words)))
        )
    # Inside a proper name: "Sở Văn hóa, Thể thao và Du lịch", "Sở Thông tin và Truyền thông".
    if _capitalised(words[0]):
        return True
    return separator.strip().lower() == "và" and lower[0] not in _PLURALS


def _pieces(text: str) -> list[_Piece]:
    pieces: list[_Piece] = []
    position = 0
    separator = ""
    for match in _SEPARATOR.finditer(text):
        pieces.append(_Piece(separator, text[position : match.start()], position))
        separator = match.group()
        position = match.end()
    pieces.append(_Piece(separator, text[position:], position))
    return pieces


def _clean(text: str) -> str:
    return _PARENTHESES.sub("", text).strip(" .;:,-–\n\t")


def _joins_previous(previous: str, lower: list[str]) -> bool:
    """ "Trung tâm Công nghệ và Cổng Thông tin điện tử tỉnh" is one centre, not two units."""
    return previous.lower().startswith("trung tâm") and lower[:1] == ["cổng"]


def parse_unit_list(text: str, *, require_head: bool = True) -> tuple[list[str], int]:
    """Units at the start of ``text`` and the offset where the list ends (len(text) if it never ends).

    With ``require_head=False`` (the value of a "Chủ trì:" field) a first piece without a known head is
    still taken as a unit name.
    """
    units, end = _parse_unit_list(text, require_head)
    return list(units), end


@lru_cache(maxsize=4096)
def _parse_unit_list(text: str, require_head: bool) -> tuple[tuple[str, ...], int]:
    # Plans repeat the same unit lists dozens of times ("các sở, ban, ngành tỉnh; UBND các huyện").
    units: list[str] = []
    end = len(text)
    predicates = _PREDICATES if require_head else _FIELD_PREDICATES
    for piece in _pieces(text):
        body = piece.text.strip()
        if not body:
            continue
        words, lower = _words(body)
        head = _head_length(words, lower)
        is_and = piece.separator.strip().lower() == "và"
        if (
            head
            and not (units and is_and and _joins_previous(units[-1], lower))
            and not (units and _extends_collective(piece.separator, words, lower, units[-1]))
        ):
            name, stopped = _cut(body, head, predicates)
            if lower[0] not in _PLURALS and _collective_at(lower, 0) not in _BARE_COLLECTIVES:
                name = name[:1].upper() + name[1:]  # a proper name ("ủy ban Mặt trận" from TCVN3 text)
            units.append(name)
        elif units and (head or _continues(piece.separator, body, units[-1])):
            name, stopped = _cut(body, 1 if head else 0, predicates)
            if name:
                units[-1] = f"{units[-1]}{piece.separator}{name}"
        elif not units and not require_head:
            name, stopped = _cut(body, 1, predicates)
            units.append(name)
        else:
            end = piece.start
            break
        if stopped:
            end = piece.start + piece.text.find(body) + len(name)
            break
    cleaned = (_clean(unit) for unit in units)
    return tuple(unit for unit in cleaned if unit), end


def clear_cache() -> None:
    """Forget cached unit lists (benchmarks measure cold parses)."""
    _parse_unit_list.cache_clear()


def split_units(text: str) -> list[str]:
    """All unit names of a field value: "Sở Tư pháp và các đơn vị liên quan" -> two names."""
    units, _ = parse_unit_list(_clean(text), require_head=False)
    return units


@dataclass(slots=True)
class AgencyHeading:
    units: list[str]
    remainder: str  # text after the names: a duty written on the heading line, or ""


def agency_heading(text: str) -> AgencyHeading | None:
    """Units a heading assigns duties to: "2. Sở Thông tin và Truyền thông", "1. Đề nghị Ban Tuyên giáo
    Tỉnh ủy", "4. Văn phòng UBND tỉnh chủ động cung cấp …" (heading and duty on one line)."""
    words, lower = _words(text.strip())
    skip = 0
    for prefix in _PREFIXES:
        if _at(lower, prefix):
            skip = len(prefix)
            break
    body = " ".join(words[skip:])
    if not body or not starts_with_unit(body):
        return None
    units, end = parse_unit_list(body)
    if not units:
        return None
    rest = body[end:]
    remainder = rest.strip(" ,:;-–.")
    if remainder and not (rest.lstrip().startswith(":") or _starts_with_predicate(remainder)):
        return None
    return AgencyHeading(units, remainder)


def _starts_with_predicate(text: str) -> bool:
    words, lower = _words(text)
    return bool(words) and _predicate_at(words, lower, 0)


def coordinating_units(text: str) -> list[str]:
    """Units named after "phối hợp với" / "phối hợp chặt chẽ với" anywhere in a duty."""
    found: list[str] = []
    seen: set[str] = set()
    for match in _COORDINATION.finditer(text):
        units, _ = parse_unit_list(text[match.end() :])
        for unit in units:
            if unit.lower() not in seen:
                seen.add(unit.lower())
                found.append(unit)
    return found
