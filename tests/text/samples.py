"""Real Vietnamese, English and French text used by the loa.text tests (written for Loa)."""

from __future__ import annotations

VIETNAMESE_SENTENCES: tuple[str, ...] = (
    "Cộng hòa xã hội chủ nghĩa Việt Nam",
    "Độc lập - Tự do - Hạnh phúc",
    "Ủy ban nhân dân tỉnh Khánh Hòa thông báo về việc tiếp nhận ý kiến của người dân",
    "Quyết định về việc phê duyệt kế hoạch phòng, chống thiên tai năm nay",
    "Sở Giáo dục và Đào tạo hướng dẫn tuyển sinh vào lớp mười trung học phổ thông",
    "Người dân cần khai báo y tế khi có triệu chứng sốt, ho, khó thở",
    "Đường giao thông nông thôn được nâng cấp nhờ nguồn vốn ngân sách",
    "Chủ tịch Ủy ban đã ký văn bản chỉ đạo các sở, ban, ngành thực hiện nghiêm",
    "Thủy điện xả lũ, nước sông dâng cao, yêu cầu di dời khẩn cấp",
    "Giữa tháng này, giá điện sinh hoạt sẽ được điều chỉnh theo quy định mới",
    "Trường học ở huyện miền núi thiếu giáo viên tiếng Anh và tin học",
    "Bệnh viện đa khoa tỉnh tiếp nhận hồ sơ đăng ký khám chữa bệnh trực tuyến",
    "Quỹ hỗ trợ nông dân giải ngân khoản vay ưu đãi cho hộ nghèo",
    "Chính quyền xã lắng nghe phản ánh của cử tri về ô nhiễm môi trường",
    "Khuyến khích doanh nghiệp đầu tư vào khu công nghiệp, bảo đảm quyền lợi người lao động",
    "Thanh niên tình nguyện giúp đỡ bà con khắc phục hậu quả bão lụt",
)

# Syllables that exercise every tone placement rule (open/closed, qu/gi, shaped vowels).
TRICKY_WORDS: tuple[str, ...] = (
    "hòa", "thủy", "khỏe", "ủy", "Hóa", "quả", "quý", "Quỳnh", "quyết", "quốc", "giữa", "gì",
    "gìn", "giỏi", "giàu", "giường", "hoàng", "toán", "khoái", "khuỷu", "người", "thuở", "thuế",
    "khuyến", "cứu", "mùa", "mía", "tài", "xoáy", "yêu", "chuyện", "khoắng", "oái", "ngoéo",
)  # fmt: skip

ENGLISH_TEXT = (
    "The provincial People's Committee publishes its decisions online. Citizens may comment "
    "before the deadline; late submissions are not considered."
)

OTHER_LATIN_TEXT = (
    "El señor Müller dijo que sí, qué día más largo; él está aquí también. "
    "Die Bäume in Österreich sind schön, für alle Bürger; Straße, Grüße."
)

FRENCH_TEXT = (
    "Le comité populaire de la province a publié où et quand les réunions auront lieu. "
    "À Noël, les élèves naïfs fêtent l'été à Hà Nội; ça coûte très cher, dit-on, même au café."
)


def tcvn3_expected(text: str) -> str:
    """What survives a TCVN3 round trip of sentence-case text: toned capitals come back lowercase."""
    return "".join(
        ch.lower() if ch.isupper() and not ch.isascii() and ch not in "ĂÂÊÔƠƯĐ" else ch for ch in text
    )
