"""Vietnamese cue phrases for news sentiment, as seen by a provincial communication office.

Entries are written with their diacritics for readability and are folded (no diacritics, lowercase) when
the matcher is built, so "hoà"/"hòa" and unaccented text match alike. Folding merges some syllables
(cháy/chạy, sập/sắp, tặng/tăng/tầng, công nhân/công nhận, giảm/giám), so a syllable that is ambiguous
once folded only appears inside a longer phrase that is not.

Weights are on one scale: 1 is a mild cue, 2 a clear one, 3 an unmistakable one. They were set from
domain knowledge and tuned against tests/pipeline/fixtures/sentiment_dev.jsonl only.
"""

from __future__ import annotations

# ------------------------------------------------------------------------------------------ negative

NEGATIVE: dict[str, dict[str, float]] = {
    "accident": {
        "tai nạn": 2, "tai nạn giao thông": 2.5, "tai nạn lao động": 2.5, "va chạm": 1.5, "đâm trực diện": 2,
        "mất lái": 1.5, "lật xe": 2, "lao xuống vực": 2, "bị tông": 1.5, "tông tử vong": 2, "tử vong": 2.5, "thiệt mạng": 2.5,
        "chết": 1.5, "bị thương": 2, "thương vong": 2, "nguy kịch": 2, "mất tích": 2, "đuối nước": 2.5,
        "nạn nhân": 1.5, "thi thể": 2, "cấp cứu": 1, "đổ sập": 2, "bị sập": 2, "sập đổ": 2,
        "thương tâm": 2,
    },
    "fire": {
        "vụ cháy": 2, "đám cháy": 2, "hỏa hoạn": 2, "cháy rừng": 2, "bốc cháy": 2, "cháy nhà": 2,
        "cháy chợ": 2, "thiêu rụi": 2.5, "ngọn lửa": 1.5, "vụ nổ": 2, "phát nổ": 2,
        "cháy nổ": 1.5,
    },
    "crime": {
        "tội phạm": 1.5, "trộm cắp": 2, "lấy trộm": 2, "đột nhập": 1.5, "cướp": 2, "giết người": 3,
        "sát hại": 3, "cố ý gây thương tích": 2.5, "ma túy": 2, "heroin": 2, "đánh bạc": 2, "cá độ": 2,
        "lừa đảo": 2.5, "chiếm đoạt": 2.5, "giả danh": 1.5, "tín dụng đen": 2, "cho vay nặng lãi": 2,
        "buôn lậu": 1.5, "hàng giả": 2, "hàng nhái": 1.5, "bắt giữ": 1.5, "bắt quả tang": 1.5,
        "bắt tạm giam": 1.5, "tạm giam": 1, "khởi tố": 1.5, "bị can": 1.5, "bị cáo": 1.5, "truy tìm": 1,
        "xâm hại": 2.5, "hiếp dâm": 3, "bạo hành": 2.5, "bạo lực": 2, "đánh hội đồng": 2.5,
        "buôn bán người": 3, "lừa bán": 3, "trái phép": 2, "đe dọa": 1.5,
        "mại dâm": 2, "tệ nạn": 2, "trình báo": 1,
    },
    "corruption": {
        "tham nhũng": 2.5, "tham ô": 2.5, "hối lộ": 2.5, "sai phạm": 2, "tiêu cực": 1.5, "thất thoát": 2,
        "lãng phí": 2, "nâng giá": 1.5, "nghiệm thu khống": 2, "chứng từ khống": 2, "lập khống": 2, "sai quy định": 1.5,
        "trái quy định": 1.5, "trái thẩm quyền": 2, "lạm dụng": 1.5, "lợi dụng": 1.5, "cách chức": 2,
        "kỷ luật": 1, "vi phạm": 0.7, "gian lận": 2,
    },
    "disaster": {
        "lũ quét": 2.5, "lũ lụt": 2, "mưa lũ": 1, "nước lũ": 1.5, "lũ cuốn": 2.5, "lũ lớn": 2,
        "bị lũ": 2, "ngập úng": 2, "ngập sâu": 2, "ngập lụt": 2, "bị ngập": 1.5, "sạt lở": 2, "lở đất": 2,
        "vùi lấp": 2, "cuốn trôi": 2.5, "bị cô lập": 1.5, "cô lập": 1, "chia cắt": 1.5, "cơn bão": 1.5,
        "bão lũ": 1.5, "lốc xoáy": 2, "mưa đá": 2, "tốc mái": 2, "hạn hán": 2, "nắng hạn": 2,
        "xâm nhập mặn": 2, "chết rét": 2, "động đất": 2, "thiên tai": 1, "thiệt hại": 2, "hư hỏng": 1.5,
        "vết nứt": 1.5, "nứt toác": 2, "nứt vỡ": 2, "sơ tán": 1, "mất trắng": 2,         "dông lốc": 1.5,     },
    "service": {
        "thiếu nước": 2, "thiếu giáo viên": 2, "thiếu bác sĩ": 2, "thiếu thuốc": 2, "khan hiếm": 2,
        "mất điện": 2, "mất nước": 2, "ngừng cấp": 1.5, "quá tải": 2, "nằm ghép": 2, "xuống cấp": 2,
        "dột nát": 2, "dang dở": 1.5, "chậm tiến độ": 2, "bỏ hoang": 2, "ùn tắc": 2, "kẹt xe": 2,
        "sự cố": 1.5, "bị hỏng": 1.5, "hỏng hóc": 1.5, "tê liệt": 2, "gián đoạn": 1.5, "chậm trễ": 1.5,
        "phiền hà": 2, "rườm rà": 2, "nhũng nhiễu": 2, "chờ đợi": 1, "ngừng hoạt động": 2,         "đình trệ": 2, "mòn mỏi": 1.5, "học nhờ": 1.5, "tạm bợ": 1.5, "mất an toàn": 1.5, "hư hại": 1.5,
        "chết máy": 1.5, "tay không": 1, "lỗi": 0.5,         "kém chất lượng": 2,             },
    "pollution": {
        "ô nhiễm": 2.5, "bốc mùi": 2, "hôi thối": 2, "mùi hôi": 2, "xả thải": 1.5, "cá chết": 2.5,
        "chết hàng loạt": 2.5, "khói bụi": 1.5, "nhiễm bẩn": 2, "độc hại": 1.5, "tiếng ồn": 1.5,
        "chặt phá": 2, "chặt trắng": 2,     },
    "complaint": {
        "khiếu nại": 1.5, "khiếu kiện": 2, "tố cáo": 1.5, "bức xúc": 2, "phản ánh": 0.7, "phản đối": 2,
        "kêu cứu": 2.5, "than phiền": 2, "gửi đơn": 1, "làm đơn": 1, "tụ tập": 1.5,
        "biểu tình": 2, "chặn đường": 1.5, "chặn xe": 1.5, "đình công": 2, "ngừng việc": 2, "lấn chiếm": 1.5,
        "tranh chấp": 1.5, "chặt chém": 2, "dựng lều": 1,
    },
    "economy": {
        "tăng giá": 1.5, "leo thang": 1.5, "đắt đỏ": 1.5, "lao đao": 2, "thua lỗ": 2, "lỗ nặng": 2,
        "chịu lỗ": 1.5, "ế ẩm": 2, "rớt giá": 2, "mất giá": 2, "thê thảm": 2, "treo chuồng": 2,
        "phá sản": 2, "giải thể": 1, "đóng cửa": 1, "mất việc": 2, "thất nghiệp": 2, "gánh nặng": 1.5,
        "khó khăn": 1, "trang trải": 1, "nợ xấu": 1.5, "bỏ hoang hóa": 2,
    },
    "disease": {
        "dịch bệnh": 1.5, "ổ dịch": 2, "bùng phát": 2, "lây lan": 2, "ca mắc": 1.5, "mắc bệnh": 1.5,
        "ngộ độc": 2.5, "sốt xuất huyết": 1.5, "tay chân miệng": 1.5, "bệnh sởi": 1.5,         "cúm gia cầm": 1.5, "dịch tả": 2, "tả lợn châu phi": 2, "lở mồm long móng": 1.5, "tiêu hủy": 1.5,
        "nhập viện": 1.5, "đau bụng": 1.5, "nôn mửa": 1.5, "suy gan": 1.5, "viêm đường hô hấp": 1.5,
    },
    "labour": {
        "nợ lương": 2.5, "chậm trả lương": 2.5, "chậm trả": 1.5, "trốn đóng": 2, "chậm đóng": 1.5,
        "nợ bảo hiểm": 2, "nợ đọng": 1.5, "nợ thuế": 1.5, "bị nợ": 2,
    },
    "institution": {
        "bạo lực học đường": 2.5, "bỏ học": 1.5, "tử vong bất thường": 2.5, "sai sót": 2, "tắc trách": 1.5,
        "thiếu trách nhiệm": 2, "yếu kém": 1.5, "bất cập": 1.5, "thiếu sót": 1.5, "làm rõ trách nhiệm": 1,
    },
    "general": {
        "nghiêm trọng": 1.5, "đáng báo động": 2, "nguy hiểm": 1.5, "lo sợ": 1.5, "lo ngại": 1,
        "hoang mang": 1.5, "khó đời": 1.5, "khốn đốn": 2, "tràn lan": 1.5, "hoành hành": 2, "tái diễn": 1.5,
        "thất bại": 2, "sụt giảm": 1.5, "giảm sút": 1.5, "bế tắc": 2, "liều mình": 1.5, "mục nát": 2,
        "loang lổ": 1, "ảnh hưởng": 0.5, "bị ảnh hưởng": 1, "mắc bẫy": 2, "nhức nhối": 2, "mắc kẹt": 1.5,
        "đau lòng": 2, "xót xa": 1.5, "vất vả": 1,
    },
}  # fmt: skip

# ------------------------------------------------------------------------------------------ positive

POSITIVE: dict[str, dict[str, float]] = {
    "opening": {
        "khánh thành": 2.5, "khai trương": 2, "đưa vào sử dụng": 2, "đưa vào hoạt động": 1.5,
        "đưa vào vận hành": 2, "chính thức vận hành": 2, "thông xe": 2.5, "bàn giao": 1.5, "khởi công": 1.5,
        "hoàn thành": 1.5, "về đích": 2, "đạt chuẩn": 2, "được công nhận": 1.5, "công nhận đạt": 2,
        "ra mắt": 1, "đón nhận": 1.5, "lần đầu tiên": 1, "lần đầu có": 1.5, "có điện lưới": 2,
        "nâng cấp": 0.7, "mở rộng": 0.7, "phổ cập": 1.5, "khang trang": 1.5, "hiện đại": 0.7, "kiên cố": 1,
    },
    "support": {
        "hỗ trợ": 1, "trao tặng": 1.5, "tặng quà": 1.5, "trao quà": 1.5, "suất quà": 1.5, "phần quà": 1.5,
        "học bổng": 1.5, "nhà đại đoàn kết": 2, "nhà tình nghĩa": 2, "ủng hộ": 1.5, "quyên góp": 1.5,
        "tiếp sức": 1.5, "cứu trợ": 1.5, "giúp đỡ": 1, "chung tay": 1.5, "hiến đất": 2, "tự nguyện": 1,
        "miễn phí": 0.7, "nhà hảo tâm": 1.5, "tài trợ": 1, "trao": 0.5, "tặng xe đạp": 1.5, "tặng bằng khen": 1.5,
        "đóng góp": 1, "góp tiền": 1.5, "góp công": 1.5,
        "chăm lo": 1.5, "thăm hỏi": 0.5, "trả lại": 1, "giúp bà con": 1.5,
    },
    "growth": {
        "tăng trưởng": 1.5, "vượt kế hoạch": 2, "vượt chỉ tiêu": 2, "vượt dự toán": 2, "vượt": 0.7,
        "dẫn đầu": 2, "đứng đầu": 2, "đứng thứ nhất": 2, "kỷ lục": 1.5, "thu hút": 1.5, "tạo việc làm": 2,
        "việc làm": 0.5, "tăng thu nhập": 2, "trúng mùa": 2, "được mùa": 2, "được giá": 2, "thu lãi": 2,
        "có lãi": 1.5, "lãi khá": 2, "thoát nghèo": 2.5, "giảm nghèo": 1.5, "xóa nhà tạm": 2,
        "cao nhất từ trước đến nay": 2, "tăng bậc": 1.5, "nhà mới": 1, "tăng lương": 2,
        "đời sống": 0.5, "được cải thiện": 1.5, "cải thiện": 1, "đổi thay": 1.5, "đổi đời": 2,
        "đầu tư": 0.5, "vốn đầu tư": 0.5, "chứng nhận đầu tư": 1.5, "đăng ký đầu tư": 1, "ký kết": 1,
        "hợp tác": 0.5, "xuất khẩu": 0.5, "giá cao": 1, "thăng hạng": 2, "lên hạng": 2,
    },
    "award": {
        "huân chương": 2, "bằng khen": 1.5, "khen thưởng": 1.5, "vinh danh": 2, "giải nhất": 2,
        "giải thưởng": 1.5, "huy chương vàng": 2, "huy chương": 1.5, "danh hiệu": 1.5, "thành tích": 1.5,
        "xuất sắc": 1.5, "tiêu biểu": 1, "thủ khoa": 1.5, "nghệ nhân": 0.5,
        "chiến thắng": 1.5, "giành": 1,
    },
    "achievement": {
        "thành công": 2, "hiệu quả": 1, "tích cực": 0.7, "đột phá": 1.5, "ấn tượng": 1, "phấn khởi": 2,
        "hài lòng": 1.5, "đánh giá cao": 1.5, "thuận lợi": 1, "thuận tiện": 1, "an toàn": 0.7,
        "ổn định": 0.7, "nâng cao": 0.5, "kịp thời": 1.5, "cứu sống": 2.5,         "hồi phục tốt": 2, "yên tâm": 1.5, "vui tươi": 1, "đầm ấm": 1, "xúc động": 1,
        "tiết kiệm": 1, "trước hạn": 1.5, "đúng hạn": 1, "trước thời hạn": 1.5, "đúng tiến độ": 1.5,
        "nhanh chóng": 1, "chất lượng cao": 1, "bảo đảm": 0.5, "đảm bảo": 0.5,
        "đồng thuận": 1.5, "vững chắc": 1, "bền vững": 1, "tiến bộ": 1, "động lực": 1, "lan tỏa": 1,
        "tìm thấy": 1, "an toàn tuyệt đối": 2, "bình thường": 0.5, "thuận tiện hơn": 1.5, "niềm vui": 1.5,
        "bớt lo": 1.5, "giảm chi phí": 1.5, "giảm thời gian": 1.5, "rút ngắn": 1.5, "nước sạch": 1,
    },
    "recovery": {
        "khắc phục xong": 2.5, "đã khắc phục": 2, "khắc phục hoàn toàn": 2.5, "khắc phục hậu quả": 1,
        "khắc phục": 0.7, "giải quyết dứt điểm": 2.5, "giải quyết xong": 2, "ngăn chặn thành công": 2.5,
        "ngăn chặn kịp thời": 2.5, "khống chế thành công": 2.5, "hết dịch": 2.5, "kiểm soát tốt": 2,
        "được kiểm soát": 1.5, "ổn định cuộc sống": 2, "khôi phục": 1.5, "phục hồi": 1.5, "trở lại": 0.7,
        "có điện trở lại": 2, "sửa chữa xong": 2,
        "cứu hộ": 1, "cứu hộ thành công": 2.5,
        "thông tuyến": 1.5, "dập tắt": 1, "không đáng kể": 1.5, "rút đơn": 2,
    },
}  # fmt: skip

# --------------------------------------------------------------------------- changes of quantities

# A quantity followed (within a few words, same sentence) by a rise or a fall. Rising good quantities and
# falling bad ones are positive; the reverse negative. Consumer prices are bad quantities; farm-gate
# prices, which the farmers of the province live on, are good ones.
GOOD_QUANTITIES: tuple[str, ...] = (
    "thu nhập", "doanh thu", "kim ngạch", "xuất khẩu", "năng suất", "sản lượng", "lượng khách",
    "lượt khách", "du khách", "thu ngân sách", "giá lúa", "giá chè", "giá vải", "giá lợn hơi", "giá cà phê",
    "giá nông sản", "giá bán tại vườn", "tăng trưởng", "tiền lương", "mức lương", "tỷ lệ hài lòng", "số doanh nghiệp",
)  # fmt: skip
BAD_QUANTITIES: tuple[str, ...] = (
    "giá", "số ca", "ca mắc", "số vụ", "tai nạn", "tỷ lệ hộ nghèo", "hộ nghèo", "nợ xấu", "chi phí",
    "học phí", "viện phí", "tiền điện", "tiền nước", "thất nghiệp", "ô nhiễm", "số lần mất điện",
    "thời gian chờ", "thời gian di chuyển", "thời gian giải quyết", "phí", "số người chết",
)  # fmt: skip
RISES: tuple[str, ...] = (
    "tăng", "tăng mạnh", "tăng cao", "tăng vọt", "leo thang", "tăng gấp đôi", "tăng gấp ba", "gấp đôi",
    "tăng lên",
)  # fmt: skip
FALLS: tuple[str, ...] = (
    "giảm", "giảm mạnh", "giảm sâu", "hạ nhiệt", "hạ xuống", "giảm còn", "giảm xuống", "xuống dưới", "rớt",
)  # fmt: skip
# Words after a rise/fall word that make it something else: tăng cường (strengthen), giám đốc, giám sát.
NOT_A_CHANGE: tuple[str, ...] = ("cường", "đốc", "sát", "định", "thưởng", "quà", "giá")
QUANTITY_WINDOW = 5
CHANGE_WEIGHT = 1.5

# ---------------------------------------------------------------------------------------- modifiers

# Negators: a cue starting within NEGATION_WINDOW words after one of these is negated.
NEGATORS: tuple[str, ...] = (
    "không", "chưa", "chẳng", "không hề", "chưa hề", "không còn", "không để", "không để xảy ra",
    "không xảy ra", "không ghi nhận", "không có", "không được", "chưa được", "chưa có", "không phát sinh",
)  # fmt: skip
# After these words "không"/"chưa" is not a negation: không gian, không khí, không chỉ, chữa cháy (folds to chua).
NOT_NEGATION_AFTER: tuple[str, ...] = (
    "gian", "khí", "quân", "chỉ", "những", "ngừng", "lâu", "chữa", "cháy", "bệnh", "trị", "nhiều",
)  # fmt: skip
# Words before "không" that make it a noun: hàng không (aviation), số không.
NOT_NEGATION_BEFORE: tuple[str, ...] = ("hàng", "số", "phòng")
NEGATION_WINDOW = 4
NEGATED_NEGATIVE = -0.6  # "không xảy ra tai nạn": a negated harm is mildly good news
NEGATED_POSITIVE = -0.8  # "chưa nhận được hỗ trợ": a missing good is bad news

# Prevention, preparation and official-procedure context: harm words here describe a topic, not an event.
PREVENTION: tuple[str, ...] = (
    "phòng chống", "phòng ngừa", "phòng tránh", "chống", "cảnh báo", "nguy cơ", "diễn tập", "tập huấn",
    "tuyên truyền", "phổ biến", "hướng dẫn", "kế hoạch", "chỉ thị", "ứng phó", "dự báo", "rà soát",
    "khuyến cáo", "đường dây nóng", "đấu tranh", "giả định", "phòng cháy", "kiểm tra",
    "quy định", "nghị định", "xử phạt", "hội nghị", "hội thảo", "giải pháp", "tiếp nhận", "báo tin",
    "có thể gây", "có thể", "đề phòng", "kiến thức", "kỹ năng", "sơ kết", "tổng kết", "lớp", "tránh",
    "chủ động", "giải quyết khiếu nại", "tiếp công dân", "bảo dưỡng", "tạm ngừng", "tác hại",
    "thông báo", "lịch",
)  # fmt: skip
PREVENTION_WINDOW = 8
PREVENTION_FACTOR = 0.1

# Help and resolution in the same sentence: harm words describe what is being dealt with
# ("hỗ trợ các hộ bị thiệt hại", "ngăn chặn kịp thời vụ cháy"), so they count less.
RELIEF: tuple[str, ...] = (
    "hỗ trợ", "ủng hộ", "cứu trợ", "giúp", "trao", "kịp thời", "ngăn chặn", "khống chế", "dập tắt",
    "khắc phục", "sửa chữa", "phục hồi", "khôi phục", "cứu sống", "cứu hộ", "đưa đến nơi an toàn",
    "quyên góp", "khen thưởng", "bằng khen", "thăm hỏi", "động viên",
)  # fmt: skip
RELIEF_FACTOR = 0.3

# Plans and announcements: good news that has not happened yet.
FUTURE: tuple[str, ...] = (
    "kế hoạch", "dự kiến", "phấn đấu", "mục tiêu", "sẽ", "đề xuất", "chuẩn bị", "kêu gọi", "triển khai",
    "thông báo", "tuyển sinh", "tiếp nhận hồ sơ", "đề nghị", "kiến nghị",
)  # fmt: skip
FUTURE_WINDOW = 8
FUTURE_FACTOR = 0.5

# ------------------------------------------------------------------------------------------- scoring

TITLE_WEIGHT = 2.0
LEAD_WEIGHT = 1.3  # the first two sentences of the body
REPEAT_LIMIT = 2  # a cue phrase counts at most this many times in one article
POSITIVE_THRESHOLD = 1.5
NEGATIVE_THRESHOLD = 1.5
DOMINANCE = 1.3  # the winning side must outweigh the other by this factor
