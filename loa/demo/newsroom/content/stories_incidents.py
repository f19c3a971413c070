"""Sample stories: floods and landslides, crime, corruption cases, pollution.

ĐÂY LÀ DỮ LIỆU MẪU: invented stories, invented people and invented figures, written for tests and demos.
People in crime and corruption stories are named by initials, as Vietnamese papers do.
"""

from __future__ import annotations

from loa.demo.newsroom.content.model import BaseStory as S

STORIES: tuple[S, ...] = (
    S(
        key="tt-sat-lo-cho-don",
        theme="thien_tai",
        tone="negative",
        communes=("xã Chợ Đồn", "xã Nam Cường"),
        age_hours=6,
        outlets=("bao-thai-nguyen", "tin-mien-nui", "doi-song-phap-luat", "trang-cong-dong", "kinh-te-vung"),
        category="Thời sự",
        title="Mưa lớn gây sạt lở nghiêm trọng ở xã Chợ Đồn, nhiều thôn bị chia cắt",
        alt_titles=(
            "Sạt lở đất vùi lấp đường, ba thôn ở Chợ Đồn bị cô lập",
            "Chợ Đồn: Khẩn cấp di dời 27 hộ dân khỏi vùng sạt lở",
            "Mưa lũ gây thiệt hại nặng ở vùng Bắc Kạn cũ",
            "Sạt lở ở xã Chợ Đồn và xã Nam Cường, giao thông tê liệt",
        ),
        lead=(
            "Mưa lớn kéo dài từ đêm qua đã gây sạt lở hàng chục điểm trên các tuyến đường ở xã Chợ Đồn và xã Nam "
            "Cường (trước thuộc huyện Chợ Đồn, tỉnh Bắc Kạn), khiến ba thôn bị chia cắt hoàn toàn."
        ),
        body=(
            "Tại thôn Khuổi Bốc, khối đất đá hàng nghìn mét khối từ taluy dương đổ xuống vùi lấp đoạn đường dài "
            "gần 100 m. Hai ngôi nhà bị đất đá tràn vào, rất may người dân đã kịp sơ tán.",
            "UBND xã Chợ Đồn đã di dời khẩn cấp 27 hộ dân với hơn 100 nhân khẩu đến nhà văn hóa và nhà người thân. "
            "Lực lượng quân sự, công an xã được huy động hỗ trợ người dân di chuyển tài sản.",
            "Theo Đài Khí tượng thủy văn tỉnh, lượng mưa tại khu vực phổ biến 150–200 mm trong 24 giờ, nguy cơ lũ "
            "quét và sạt lở đất ở các xã vùng núi phía bắc tỉnh còn rất cao trong hai ngày tới.",
            "Sở Xây dựng đang huy động máy xúc để thông tuyến tạm, dự kiến hoàn thành trong ngày mai nếu trời ngớt mưa.",
        ),
    ),
    S(
        key="tt-ngap-song-cau",
        theme="thien_tai",
        tone="negative",
        communes=("phường Quan Triều", "phường Gia Sàng"),
        age_hours=170,
        outlets=("bao-thai-nguyen", "cong-ttdt", "trang-cong-dong", "tin-mien-nui"),
        category="Thời sự",
        title="Nước sông Cầu dâng cao, nhiều khu dân cư ven sông bị ngập",
        alt_titles=(
            "Sông Cầu vượt báo động 2, phường Quan Triều sơ tán người dân",
            "Ngập lụt ven sông Cầu: Hàng trăm hộ phải kê cao đồ đạc",
            "Lũ sông Cầu lên nhanh, người dân ven sông thức trắng",
        ),
        lead=(
            "Mực nước sông Cầu tại trạm Gia Bẩy vượt báo động 2, nhiều tổ dân phố ở phường Quan Triều và phường "
            "Gia Sàng bị ngập sâu 0,5–1 m."
        ),
        body=(
            "Chính quyền các phường đã sơ tán 186 hộ đến nơi an toàn, bố trí xuồng máy và lực lượng trực 24/24 giờ "
            "tại các điểm ngập sâu.",
            "Nhiều hộ kinh doanh ven sông không kịp di chuyển hàng hóa, thiệt hại ước tính hàng tỷ đồng.",
            "Ban Chỉ huy phòng thủ dân sự tỉnh yêu cầu các đơn vị vận hành hồ chứa thủy lợi xả lũ theo đúng quy "
            "trình, thông báo sớm cho người dân vùng hạ du.",
        ),
    ),
    S(
        key="tt-tai-dinh-cu-ba-be",
        theme="thien_tai",
        tone="positive",
        communes=("xã Ba Bể",),
        age_hours=420,
        outlets=("cong-ttdt", "bao-thai-nguyen", "tin-mien-nui"),
        category="Xã hội",
        title="Khu tái định cư mới giúp 60 hộ vùng sạt lở ở xã Ba Bể an cư",
        alt_titles=(
            "Ba Bể: Người dân vùng sạt lở chuyển về khu tái định cư an toàn",
            "Di dời dân khỏi vùng nguy cơ sạt lở quanh hồ Ba Bể",
        ),
        lead=(
            "60 hộ dân ở các thôn có nguy cơ sạt lở cao thuộc xã Ba Bể (trước thuộc huyện Ba Bể) đã chuyển về khu "
            "tái định cư mới với đầy đủ điện, nước sạch và đường bê tông."
        ),
        body=(
            "Khu tái định cư được xây dựng trên khu đất bằng phẳng gần trung tâm xã, mỗi hộ được giao 200 m² đất "
            "ở và hỗ trợ 80 triệu đồng làm nhà.",
            "Ông Lường Văn Thái chia sẻ nhiều năm nay, mỗi mùa mưa cả nhà phải đi ngủ nhờ vì sợ đồi sau nhà sạt "
            "xuống. “Giờ thì yên tâm rồi”, ông nói.",
            "Tỉnh tiếp tục rà soát hơn 1.000 hộ sống ở vùng có nguy cơ sạt lở, lũ quét để có phương án di dời.",
        ),
    ),
    S(
        key="tt-canh-bao-lu-quet",
        theme="thien_tai",
        tone="neutral",
        communes=(),
        age_hours=8,
        outlets=("cong-ttdt", "tin-mien-nui", "trang-cong-dong", "kinh-te-vung", "bao-thai-nguyen"),
        category="Chỉ đạo điều hành",
        title="Cảnh báo lũ quét, sạt lở đất tại các xã vùng núi phía bắc tỉnh",
        alt_titles=(
            "Nguy cơ lũ quét, sạt lở đất rất cao trong 24 giờ tới",
            "Chủ động ứng phó mưa lớn, lũ quét ở vùng núi",
            "Cảnh báo khẩn: Mưa lớn diện rộng, đề phòng sạt lở",
        ),
        lead=(
            "Đài Khí tượng thủy văn tỉnh cảnh báo mưa lớn diện rộng, nguy cơ lũ quét và sạt lở đất rất cao tại các "
            "xã Ba Bể, Chợ Đồn, Na Rì, Ngân Sơn, Bằng Thành và các xã miền núi khác."
        ),
        body=(
            "Lượng mưa dự báo từ 100 đến 250 mm, có nơi trên 300 mm. Các sông suối nhỏ có khả năng xuất hiện lũ với "
            "biên độ lên từ 2 đến 4 m.",
            "UBND tỉnh yêu cầu các xã kiểm tra khu dân cư ven sông suối, chân đồi; không để người dân đi qua ngầm "
            "tràn, khu vực nước chảy xiết; chuẩn bị lương thực, thuốc men tại các khu vực dễ bị chia cắt.",
            "Người dân theo dõi thông tin cảnh báo trên sóng phát thanh, truyền hình và tin nhắn của cơ quan chức năng.",
        ),
    ),
    S(
        key="tp-triet-pha-ma-tuy-vo-nhai",
        theme="toi_pham",
        tone="positive",
        communes=("xã Võ Nhai",),
        age_hours=110,
        outlets=("doi-song-phap-luat", "bao-thai-nguyen", "tin-mien-nui"),
        category="Pháp luật",
        title="Triệt phá đường dây mua bán ma túy, thu giữ 2 kg heroin ở xã Võ Nhai",
        alt_titles=(
            "Công an triệt xóa đường dây ma túy liên tỉnh",
            "Bắt nhóm đối tượng vận chuyển heroin qua địa bàn Võ Nhai",
        ),
        lead=(
            "Công an tỉnh vừa triệt phá đường dây mua bán trái phép chất ma túy hoạt động tại xã Võ Nhai (trước "
            "thuộc huyện Võ Nhai), bắt giữ bốn đối tượng, thu giữ 2 kg heroin."
        ),
        body=(
            "Qua công tác nắm tình hình, lực lượng chức năng phát hiện nhóm đối tượng do L.V.H. (42 tuổi) cầm đầu "
            "thường xuyên vận chuyển ma túy từ các tỉnh biên giới về tiêu thụ.",
            "Khi bị bắt quả tang, các đối tượng chống trả quyết liệt. Cơ quan công an đã thu giữ thêm hai xe ô tô, "
            "năm điện thoại và hơn 300 triệu đồng tiền mặt.",
            "Vụ án đang được mở rộng điều tra. Công an đề nghị người dân tiếp tục cung cấp thông tin về tội phạm ma "
            "túy qua đường dây nóng.",
        ),
    ),
    S(
        key="tp-lua-dao-gia-danh-cong-an",
        theme="toi_pham",
        tone="negative",
        communes=("phường Sông Công",),
        age_hours=40,
        outlets=("doi-song-phap-luat", "bao-thai-nguyen", "trang-cong-dong"),
        category="Pháp luật",
        title="Người phụ nữ ở phường Sông Công bị lừa 800 triệu đồng qua điện thoại",
        alt_titles=(
            "Giả danh công an gọi điện, chiếm đoạt 800 triệu đồng",
            "Cảnh giác thủ đoạn lừa đảo “cập nhật định danh điện tử”",
        ),
        lead=(
            "Một phụ nữ ở phường Sông Công bị kẻ gian giả danh cán bộ công an gọi điện yêu cầu “cập nhật định danh "
            "điện tử”, sau đó chiếm đoạt 800 triệu đồng trong tài khoản."
        ),
        body=(
            "Theo trình bày của bà N.T.L. (56 tuổi), đối tượng gửi đường link yêu cầu cài ứng dụng giống ứng dụng "
            "của Bộ Công an. Sau khi cài đặt, tài khoản ngân hàng của bà liên tục bị chuyển tiền đi.",
            "Công an tỉnh cho biết từ đầu năm đã tiếp nhận hơn 150 vụ lừa đảo qua mạng, thiệt hại trên 40 tỷ đồng.",
            "Cơ quan công an khuyến cáo không có việc cán bộ gọi điện yêu cầu cài ứng dụng hay cung cấp mã OTP; "
            "người dân cần đến trực tiếp cơ quan công an khi có nghi ngờ.",
        ),
    ),
    S(
        key="tp-khai-thac-cat-trai-phep",
        theme="toi_pham",
        tone="negative",
        communes=("xã Phú Bình",),
        age_hours=210,
        outlets=("doi-song-phap-luat", "tin-mien-nui", "trang-cong-dong"),
        category="Pháp luật",
        title="“Cát tặc” ngang nhiên hút cát trên sông Cầu đoạn qua xã Phú Bình",
        alt_titles=(
            "Khai thác cát trái phép trên sông Cầu, bờ ruộng sạt lở",
            "Người dân Phú Bình mất ngủ vì tàu hút cát hoạt động ban đêm",
        ),
        lead=(
            "Nhiều đêm nay, các tàu hút cát không rõ nguồn gốc hoạt động rầm rộ trên sông Cầu đoạn qua xã Phú "
            "Bình (trước thuộc huyện Phú Bình), khiến bờ sông sạt lở, ăn sâu vào ruộng lúa."
        ),
        body=(
            "Người dân cho biết tàu thường xuất hiện từ 22 giờ đến 4 giờ sáng, khi có lực lượng chức năng thì nhanh "
            "chóng di chuyển sang địa phận tỉnh bên.",
            "Ông Dương Văn Cường, thôn Hà Châu, có gần 500 m² ruộng bị sạt xuống sông. “Chúng tôi báo xã nhiều lần "
            "nhưng tàu vẫn hoạt động”, ông nói.",
            "UBND xã Phú Bình cho biết đã phối hợp với công an tỉnh lập chốt kiểm tra, đề nghị liên ngành hai tỉnh "
            "cùng xử lý dứt điểm.",
        ),
    ),
    S(
        key="tp-trom-xe-may-quyet-thang",
        theme="toi_pham",
        tone="neutral",
        communes=("phường Quyết Thắng",),
        age_hours=350,
        outlets=("doi-song-phap-luat", "bao-thai-nguyen", "trang-cong-dong"),
        category="Pháp luật",
        title="Bắt nhóm đối tượng chuyên trộm xe máy ở khu nhà trọ sinh viên",
        alt_titles=("Phường Quyết Thắng: Triệt phá nhóm trộm cắp xe máy",),
        lead=(
            "Công an phường Quyết Thắng vừa bắt giữ ba đối tượng chuyên trộm cắp xe máy tại các khu nhà trọ sinh "
            "viên, thu hồi 11 xe trả lại cho người bị hại."
        ),
        body=(
            "Các đối tượng dùng vam phá khóa, lợi dụng lúc sinh viên đi học để lấy trộm xe dựng trong sân nhà trọ, "
            "sau đó mang sang tỉnh khác tiêu thụ.",
            "Công an phường khuyến cáo chủ nhà trọ lắp camera, bố trí khóa cổng và nhắc sinh viên dùng thêm khóa "
            "phụ cho xe.",
        ),
    ),
    S(
        key="tn-khoi-to-can-bo-dia-chinh",
        theme="tham_nhung",
        tone="negative",
        communes=("xã Phủ Thông",),
        age_hours=22,
        outlets=("doi-song-phap-luat", "bao-thai-nguyen", "tin-mien-nui", "trang-cong-dong"),
        category="Pháp luật",
        title="Khởi tố nguyên cán bộ địa chính xã nhận tiền “làm nhanh” sổ đỏ",
        alt_titles=(
            "Nhận hơn 600 triệu đồng của dân để làm sổ đỏ, cán bộ địa chính bị khởi tố",
            "Bắt tạm giam nguyên công chức địa chính ở huyện Bạch Thông cũ",
            "Nhũng nhiễu người dân khi làm sổ đỏ, cán bộ xã bị bắt",
        ),
        lead=(
            "Cơ quan Cảnh sát điều tra Công an tỉnh đã khởi tố bị can, bắt tạm giam H.V.T., nguyên công chức địa "
            "chính xã Phủ Thông (huyện Bạch Thông cũ) về tội lợi dụng chức vụ, quyền hạn trong khi thi hành công vụ."
        ),
        body=(
            "Theo kết quả điều tra ban đầu, từ năm 2021 đến 2024, T. đã nhận tiền của 43 hộ dân với lời hứa làm "
            "nhanh thủ tục cấp giấy chứng nhận quyền sử dụng đất, tổng số tiền hơn 600 triệu đồng.",
            "Nhiều hộ nộp tiền nhưng nhiều năm không nhận được sổ, đã làm đơn tố cáo gửi các cơ quan chức năng.",
            "Cơ quan điều tra đề nghị ai là bị hại trong vụ án liên hệ để được giải quyết theo quy định.",
        ),
    ),
    S(
        key="tn-sai-pham-nuoc-sach-na-phac",
        theme="tham_nhung",
        tone="negative",
        communes=("xã Nà Phặc",),
        age_hours=250,
        outlets=("doi-song-phap-luat", "kinh-te-vung", "tin-mien-nui"),
        category="Pháp luật",
        title="Công trình nước sạch tiền tỷ ở xã Nà Phặc bỏ hoang, thanh tra chỉ ra sai phạm",
        alt_titles=(
            "Thanh tra phát hiện sai phạm tại dự án cấp nước sinh hoạt",
            "Công trình nước sạch hoạt động vài tháng rồi “đắp chiếu”",
        ),
        lead=(
            "Kết luận thanh tra cho thấy công trình cấp nước sinh hoạt tập trung ở xã Nà Phặc (trước thuộc huyện "
            "Ngân Sơn) có nhiều sai phạm trong thiết kế, nghiệm thu, gây thất thoát hơn 2 tỷ đồng."
        ),
        body=(
            "Công trình tổng vốn 7,5 tỷ đồng, hoàn thành năm 2020 nhưng chỉ hoạt động được vài tháng. Đường ống bị vỡ "
            "nhiều đoạn, bể lọc không đạt công suất thiết kế.",
            "Thanh tra tỉnh kiến nghị thu hồi số tiền nghiệm thu khống, chuyển hồ sơ sang cơ quan công an xem xét "
            "trách nhiệm của chủ đầu tư và đơn vị tư vấn giám sát.",
            "Hơn 400 hộ dân trong vùng dự án vẫn phải dùng nước suối, nước giếng khơi không bảo đảm vệ sinh.",
        ),
    ),
    S(
        key="tn-thu-hoi-12-ty",
        theme="tham_nhung",
        tone="positive",
        communes=(),
        age_hours=470,
        outlets=("cong-ttdt", "bao-thai-nguyen", "kinh-te-vung"),
        category="Chỉ đạo điều hành",
        title="Thanh tra kiến nghị thu hồi hơn 12 tỷ đồng sai phạm",
        alt_titles=("Qua thanh tra, thu hồi hơn 12 tỷ đồng về ngân sách",),
        lead=(
            "Trong chín tháng, ngành thanh tra tỉnh đã tiến hành 86 cuộc thanh tra hành chính, phát hiện sai phạm về "
            "kinh tế hơn 12 tỷ đồng và kiến nghị thu hồi về ngân sách nhà nước."
        ),
        body=(
            "Các sai phạm chủ yếu trong quản lý đầu tư xây dựng, đất đai và sử dụng ngân sách ở cấp xã. Thanh tra "
            "đã chuyển bốn vụ việc có dấu hiệu tội phạm sang cơ quan điều tra.",
            "Chánh Thanh tra tỉnh cho biết sẽ tập trung thanh tra các lĩnh vực nhạy cảm, dễ phát sinh tiêu cực và "
            "theo dõi chặt việc thực hiện kết luận thanh tra.",
        ),
    ),
    S(
        key="tn-xet-xu-dat-dai-pho-yen",
        theme="tham_nhung",
        tone="negative",
        communes=("phường Phổ Yên",),
        age_hours=680,
        outlets=("doi-song-phap-luat", "bao-thai-nguyen", "kinh-te-vung"),
        category="Pháp luật",
        title="Xét xử vụ án sai phạm giao đất tại thị xã Phổ Yên cũ",
        alt_titles=(
            "Sáu cựu cán bộ hầu tòa vì sai phạm giao đất ở Phổ Yên",
            "Vụ án đất đai ở Phổ Yên: Thiệt hại hơn 30 tỷ đồng",
        ),
        lead=(
            "Tòa án nhân dân tỉnh mở phiên sơ thẩm xét xử sáu bị cáo nguyên là cán bộ thị xã Phổ Yên và xã cũ về tội "
            "vi phạm quy định về quản lý đất đai, gây thiệt hại hơn 30 tỷ đồng."
        ),
        body=(
            "Theo cáo trạng, các bị cáo đã giao đất không qua đấu giá cho một số cá nhân, lập hồ sơ hợp thức hóa diện "
            "tích đất công thành đất ở.",
            "Tại tòa, các bị cáo thừa nhận hành vi sai phạm, đã tự nguyện khắc phục một phần thiệt hại.",
            "Phiên tòa dự kiến kéo dài ba ngày với sự tham gia của hơn 20 người có quyền lợi, nghĩa vụ liên quan.",
        ),
    ),
    S(
        key="on-bai-rac-tan-cuong",
        theme="o_nhiem",
        tone="negative",
        communes=("xã Tân Cương",),
        age_hours=4,
        outlets=("trang-cong-dong", "doi-song-phap-luat", "tin-mien-nui", "bao-thai-nguyen"),
        category="Môi trường",
        title="Người dân xã Tân Cương chặn xe rác vì mùi hôi từ khu xử lý rác thải",
        alt_titles=(
            "Bức xúc vì ô nhiễm, dân chặn đường vào bãi rác",
            "Khu xử lý rác quá tải, mùi hôi bao trùm vùng chè Tân Cương",
            "Tân Cương: Dân chặn xe chở rác, rác ùn ứ ở các phường trung tâm",
        ),
        lead=(
            "Từ sáng sớm nay, hàng chục người dân xã Tân Cương tập trung tại cổng khu xử lý chất thải rắn, không "
            "cho xe chở rác vào vì mùi hôi và nước rỉ rác gây ô nhiễm."
        ),
        body=(
            "Người dân cho biết khu xử lý đã quá tải, rác chôn lấp lộ thiên, mùi hôi lan rộng nhiều cây số, nhất là "
            "những ngày nồm ẩm. Nước rỉ rác chảy ra khe suối, ảnh hưởng đến các nương chè.",
            "Do xe không vào được, rác thải ở một số phường trung tâm bắt đầu ùn ứ trên các tuyến phố.",
            "Lãnh đạo xã Tân Cương và đơn vị vận hành đã đối thoại với người dân, cam kết phun chế phẩm khử mùi, "
            "xử lý nước rỉ rác và báo cáo tỉnh đẩy nhanh dự án nhà máy đốt rác phát điện.",
        ),
    ),
    S(
        key="on-ca-chet-trung-thanh",
        theme="o_nhiem",
        tone="negative",
        communes=("phường Trung Thành",),
        age_hours=130,
        outlets=("doi-song-phap-luat", "kinh-te-vung", "trang-cong-dong"),
        category="Môi trường",
        title="Cá chết hàng loạt trên kênh gần khu công nghiệp, nghi do nước thải",
        alt_titles=(
            "Phường Trung Thành: Kênh mương đen kịt, cá chết trắng",
            "Lấy mẫu nước kiểm tra vụ cá chết gần khu công nghiệp",
        ),
        lead=(
            "Người dân phường Trung Thành phát hiện cá chết trắng trên đoạn kênh dài khoảng 1 km chảy qua khu "
            "dân cư, nước kênh đổi màu đen và bốc mùi."
        ),
        body=(
            "Theo người dân, hiện tượng xảy ra sau một đêm mưa lớn. Nhiều người nghi ngờ một số doanh nghiệp lợi "
            "dụng trời mưa để xả nước thải chưa qua xử lý.",
            "Sở Nông nghiệp và Môi trường đã lấy mẫu nước để phân tích, đồng thời kiểm tra hệ thống xử lý nước thải "
            "của các doanh nghiệp trong khu vực.",
            "Kết quả phân tích sẽ được công bố trong tuần tới; nếu phát hiện vi phạm, cơ quan chức năng sẽ xử lý "
            "nghiêm theo quy định.",
        ),
    ),
    S(
        key="on-bui-mo-da-la-hien",
        theme="o_nhiem",
        tone="negative",
        communes=("xã La Hiên",),
        age_hours=320,
        outlets=("tin-mien-nui", "doi-song-phap-luat", "trang-cong-dong"),
        category="Môi trường",
        title="Sống khổ cạnh mỏ đá ở xã La Hiên: bụi phủ trắng nhà cửa",
        alt_titles=(
            "Bụi mỏ đá bủa vây khu dân cư xã La Hiên",
            "Nổ mìn khai thác đá làm nứt nhà dân",
        ),
        lead=(
            "Hàng trăm hộ dân ở xã La Hiên (huyện Võ Nhai cũ) sống trong cảnh bụi mù mịt do hoạt động khai thác, "
            "chế biến đá và xe tải chở vật liệu chạy suốt ngày đêm."
        ),
        body=(
            "Nhiều gia đình phải đóng kín cửa cả ngày, đồ đạc trong nhà lúc nào cũng phủ một lớp bụi trắng. Trẻ em "
            "trong khu vực thường xuyên bị ho, viêm họng.",
            "Người dân còn phản ánh việc nổ mìn khiến tường nhà nứt, đá văng vào vườn.",
            "Cơ quan chức năng cho biết đã yêu cầu doanh nghiệp phun nước giảm bụi, che chắn xe chở vật liệu và "
            "kiểm tra lại phương án nổ mìn.",
        ),
    ),
    S(
        key="on-quan-trac-khong-khi",
        theme="o_nhiem",
        tone="positive",
        communes=("phường Phan Đình Phùng",),
        age_hours=540,
        outlets=("cong-ttdt", "bao-thai-nguyen", "kinh-te-vung"),
        category="Môi trường",
        title="Lắp đặt trạm quan trắc không khí tự động ở trung tâm tỉnh",
        alt_titles=("Người dân tra cứu chất lượng không khí trực tuyến",),
        lead=(
            "Trạm quan trắc chất lượng không khí tự động đầu tiên của tỉnh được đưa vào vận hành tại phường Phan "
            "Đình Phùng, số liệu được công bố trực tuyến mỗi giờ."
        ),
        body=(
            "Trạm đo các chỉ số bụi mịn PM2.5, PM10, khí SO2, NO2, CO và ozone. Người dân có thể tra cứu trên Cổng "
            "thông tin điện tử tỉnh và ứng dụng di động.",
            "Trong năm tới, tỉnh sẽ lắp thêm bốn trạm ở phường Sông Công, phường Phổ Yên, phường Bắc Kạn và xã Đại Từ.",
        ),
    ),
)
