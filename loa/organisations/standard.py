"""The standard agencies of a province under today's names (after the 2025 reform), and the former
names that documents from before 1/7/2025 still use. Editable after `loa init`.

Sources: ../shared/reference/legal-requirements.md §4 (TBC items are marked in `legal_basis`).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class FormerName:
    name: str  # may contain "{province}" for the former provinces merged into this one
    function: str = "all"  # "all" | "press" | "digital"
    is_primary: bool = True
    legal_basis: str = ""


@dataclass(frozen=True)
class StandardAgency:
    slug: str
    name: str  # "{province}" is replaced by the province's short name
    short_name: str
    role: str
    former: tuple[FormerName, ...] = field(default_factory=tuple)


REFORM_2025 = "Nghị quyết 202/2025/QH15; sắp xếp bộ máy 2025 (cần xác nhận)"
TTTT_MERGE = "Sở TT&TT hợp nhất vào Sở KH&CN từ 1/3/2025; báo chí, phát ngôn chuyển Sở VHTTDL"

PROVINCIAL_AGENCIES: tuple[StandardAgency, ...] = (
    StandardAgency(
        "ubnd-tinh",
        "Ủy ban nhân dân tỉnh {province}",
        "UBND tỉnh",
        "provincial_committee",
        (FormerName("Ủy ban nhân dân tỉnh {former}", legal_basis=REFORM_2025),),
    ),
    StandardAgency(
        "van-phong-ubnd",
        "Văn phòng Ủy ban nhân dân tỉnh {province}",
        "VP UBND tỉnh",
        "provincial_office",
        (
            FormerName("Văn phòng Ủy ban nhân dân tỉnh {former}", legal_basis=REFORM_2025),
            FormerName("Sở Ngoại vụ", legal_basis=REFORM_2025 + "; chức năng đối ngoại (cần xác nhận)"),
        ),
    ),
    StandardAgency(
        "so-vhttdl",
        "Sở Văn hóa, Thể thao và Du lịch tỉnh {province}",
        "Sở VHTTDL",
        "press_management",
        (
            FormerName("Sở Thông tin và Truyền thông", "press", True, TTTT_MERGE),
            FormerName("Sở Thông tin và Truyền thông tỉnh {former}", "press", True, TTTT_MERGE),
            FormerName("Sở Văn hóa, Thể thao và Du lịch tỉnh {former}", legal_basis=REFORM_2025),
            FormerName("Sở Văn hóa và Thể thao", legal_basis=REFORM_2025),
        ),
    ),
    StandardAgency(
        "so-khcn",
        "Sở Khoa học và Công nghệ tỉnh {province}",
        "Sở KH&CN",
        "department",
        (
            FormerName("Sở Thông tin và Truyền thông", "digital", False, TTTT_MERGE),
            FormerName("Sở Khoa học và Công nghệ tỉnh {former}", legal_basis=REFORM_2025),
        ),
    ),
    StandardAgency(
        "so-tu-phap",
        "Sở Tư pháp tỉnh {province}",
        "Sở Tư pháp",
        "justice",
        (FormerName("Sở Tư pháp tỉnh {former}", legal_basis=REFORM_2025),),
    ),
    StandardAgency(
        "so-tai-chinh",
        "Sở Tài chính tỉnh {province}",
        "Sở Tài chính",
        "finance",
        (
            FormerName("Sở Kế hoạch và Đầu tư", legal_basis=REFORM_2025),
            FormerName("Sở Tài chính tỉnh {former}", legal_basis=REFORM_2025),
        ),
    ),
    StandardAgency(
        "so-noi-vu",
        "Sở Nội vụ tỉnh {province}",
        "Sở Nội vụ",
        "home_affairs",
        (
            FormerName("Sở Lao động - Thương binh và Xã hội", legal_basis=REFORM_2025),
            FormerName("Sở Nội vụ tỉnh {former}", legal_basis=REFORM_2025),
        ),
    ),
    StandardAgency(
        "cong-an-tinh",
        "Công an tỉnh {province}",
        "Công an tỉnh",
        "police",
        (FormerName("Công an tỉnh {former}", legal_basis=REFORM_2025),),
    ),
    StandardAgency(
        "cong-ttdt",
        "Cổng Thông tin điện tử tỉnh {province}",
        "Cổng TTĐT tỉnh",
        "portal",
        (
            FormerName("Cổng Thông tin điện tử tỉnh {former}", legal_basis=REFORM_2025),
            FormerName("Trung tâm Công nghệ và Cổng Thông tin điện tử tỉnh", legal_basis=REFORM_2025),
        ),
    ),
    StandardAgency(
        "bao-ptth",
        "Báo và Phát thanh, Truyền hình {province}",
        "Báo và PT-TH",
        "press",
        (
            FormerName("Báo {former}", legal_basis=REFORM_2025),
            FormerName("Đài Phát thanh và Truyền hình {former}", legal_basis=REFORM_2025),
            FormerName("Đài Phát thanh - Truyền hình {former}", legal_basis=REFORM_2025),
            FormerName("Đài Phát thanh và Truyền hình tỉnh", legal_basis=REFORM_2025),
        ),
    ),
    StandardAgency("so-gddt", "Sở Giáo dục và Đào tạo tỉnh {province}", "Sở GD&ĐT", "department"),
    StandardAgency("so-y-te", "Sở Y tế tỉnh {province}", "Sở Y tế", "department"),
    StandardAgency(
        "so-nnmt",
        "Sở Nông nghiệp và Môi trường tỉnh {province}",
        "Sở NN&MT",
        "department",
        (
            FormerName("Sở Nông nghiệp và Phát triển nông thôn", legal_basis=REFORM_2025),
            FormerName("Sở Tài nguyên và Môi trường", legal_basis=REFORM_2025),
        ),
    ),
    StandardAgency(
        "so-xay-dung",
        "Sở Xây dựng tỉnh {province}",
        "Sở Xây dựng",
        "department",
        (FormerName("Sở Giao thông vận tải", legal_basis=REFORM_2025),),
    ),
    StandardAgency("so-cong-thuong", "Sở Công Thương tỉnh {province}", "Sở Công Thương", "department"),
    StandardAgency(
        "so-dan-toc-ton-giao",
        "Sở Dân tộc và Tôn giáo tỉnh {province}",
        "Sở DT&TG",
        "department",
        (FormerName("Ban Dân tộc tỉnh", legal_basis=REFORM_2025),),
    ),
    StandardAgency("thanh-tra-tinh", "Thanh tra tỉnh {province}", "Thanh tra tỉnh", "department"),
    StandardAgency(
        "ban-tgdv",
        "Ban Tuyên giáo và Dân vận Tỉnh ủy {province}",
        "Ban TG&DV Tỉnh ủy",
        "party",
        (
            FormerName("Ban Tuyên giáo Tỉnh ủy", legal_basis=REFORM_2025),
            FormerName("Ban Dân vận Tỉnh ủy", legal_basis=REFORM_2025),
        ),
    ),
    StandardAgency("hoi-nha-bao", "Hội Nhà báo tỉnh {province}", "Hội Nhà báo tỉnh", "association"),
)

# Collective phrases used in plans and letters, resolved to groups of today's agencies.
# "huyện" level no longer exists: its duties go to the commune People's Committees.
COLLECTIVE_PHRASES: tuple[tuple[str, str], ...] = (
    ("các sở, ban, ngành tỉnh", "provincial"),
    ("các sở, ban, ngành của tỉnh", "provincial"),
    ("các sở, ban, ngành", "provincial"),
    ("các sở, ngành", "provincial"),
    ("các sở ban ngành", "provincial"),
    ("ubnd các huyện, thị xã, thành phố", "communes"),
    ("ubnd các huyện, thành phố", "communes"),
    ("ủy ban nhân dân các huyện, thị xã, thành phố", "communes"),
    ("ủy ban nhân dân các huyện, thành phố", "communes"),
    ("ubnd cấp huyện", "communes"),
    ("ubnd cấp xã", "communes"),
    ("ubnd các xã, phường", "communes"),
    ("ubnd các xã, phường, đặc khu", "communes"),
    ("ủy ban nhân dân các xã, phường", "communes"),
    ("các địa phương", "communes"),
    ("các cơ quan báo chí", "press"),
    ("các cơ quan báo chí của tỉnh", "press"),
    ("các cơ quan báo chí trung ương và của tỉnh", "press"),
    ("các cơ quan báo chí trung ương và địa phương", "press"),
)
