"""The fictional outlets of the sample newsroom. ĐÂY LÀ DỮ LIỆU MẪU: no outlet here is a real publication."""

from __future__ import annotations

from loa.demo.newsroom.content.model import Outlet

OUTLETS: tuple[Outlet, ...] = (
    Outlet(
        slug="bao-thai-nguyen",
        name="Báo Thái Nguyên Mẫu",
        short="TN",
        feed_kind="rss",
        feed_path="rss/tin-moi.rss",
        date_style="meta",
        old_tone_marks=False,
        layout="daily",
        description="Tin tức, chính trị, kinh tế, xã hội tỉnh Thái Nguyên (báo mẫu).",
    ),
    Outlet(
        slug="cong-ttdt",
        name="Cổng TTĐT tỉnh Thái Nguyên (mẫu)",
        short="CTTĐT",
        feed_kind="atom",
        feed_path="atom.xml",
        date_style="text",
        old_tone_marks=True,
        layout="portal",
        description="Cổng thông tin điện tử tỉnh (bản mẫu): chỉ đạo điều hành, thông cáo báo chí.",
    ),
    Outlet(
        slug="tin-mien-nui",
        name="Tin Miền Núi (mẫu)",
        short="TMN",
        feed_kind="rss",
        feed_path="feed/",
        date_style="meta",
        old_tone_marks=True,
        layout="blog",
        description="Trang tin vùng cao phía Bắc (mẫu).",
    ),
    Outlet(
        slug="doi-song-phap-luat",
        name="Đời sống Pháp luật (mẫu)",
        short="ĐSPL",
        feed_kind="rss",
        feed_path="rss.xml",
        date_style="jsonld",
        old_tone_marks=False,
        layout="tabloid",
        description="Pháp luật, bạn đọc, điều tra (báo mẫu).",
    ),
    Outlet(
        slug="kinh-te-vung",
        name="Kinh tế Vùng Bắc Bộ (mẫu)",
        short="KTV",
        feed_kind="atom",
        feed_path="feeds/all.atom",
        date_style="meta",
        old_tone_marks=False,
        layout="daily",
        description="Kinh tế, đầu tư, thị trường các tỉnh miền Bắc (báo mẫu).",
    ),
    Outlet(
        slug="trang-cong-dong",
        name="Trang cộng đồng Người Thái Nguyên (mẫu)",
        short="Cộng đồng",
        feed_kind="rss",
        feed_path="bai-dang.rss",
        date_style="relative",
        old_tone_marks=True,
        layout="community",
        description="Trang công khai của một nhóm cư dân (mẫu): phản ánh, hỏi đáp, chia sẻ.",
    ),
)

OUTLETS_BY_SLUG: dict[str, Outlet] = {outlet.slug: outlet for outlet in OUTLETS}
