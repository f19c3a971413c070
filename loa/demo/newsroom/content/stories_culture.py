"""Sample stories: tourism, agriculture, festivals, community posts, and a few other provinces.

ĐÂY LÀ DỮ LIỆU MẪU: invented stories, invented people and invented figures, written for tests and demos.
"""

from __future__ import annotations

from loa.demo.newsroom.content.model import BaseStory as S

STORIES: tuple[S, ...] = (
    S(
        key="dl-ba-be-khach-tang",
        theme="du_lich",
        tone="positive",
        communes=("xã Ba Bể",),
        age_hours=48,
        outlets=("bao-thai-nguyen", "kinh-te-vung", "tin-mien-nui", "cong-ttdt", "trang-cong-dong"),
        category="Du lịch",
        title="Hồ Ba Bể đón lượng khách tăng mạnh, homestay kín phòng dịp cuối tuần",
        alt_titles=(
            "Du lịch Ba Bể khởi sắc, khách tăng 40% so với cùng kỳ",
            "Hồ Ba Bể hút khách, người dân làm du lịch cộng đồng phấn khởi",
            "Cuối tuần, các homestay quanh hồ Ba Bể “cháy phòng”",
            "Ba Bể: Khách du lịch tăng mạnh sau khi thông tuyến cao tốc",
        ),
        lead=(
            "Từ đầu năm, Vườn quốc gia Ba Bể đón hơn 250.000 lượt khách, tăng 40% so với cùng kỳ; nhiều homestay ở "
            "xã Ba Bể kín phòng vào dịp cuối tuần."
        ),
        body=(
            "Khách đến hồ Ba Bể không chỉ đi thuyền ngắm cảnh mà còn trải nghiệm nấu ăn, dệt thổ cẩm, nghe hát then "
            "cùng người Tày ở các bản Pác Ngòi, Bó Lù, Cốc Tộc.",
            "Bà Hoàng Thị Nhàn, chủ một homestay ở bản Pác Ngòi, cho biết mỗi cuối tuần gia đình đón 30–40 khách, "
            "phải thuê thêm bốn lao động trong bản.",
            "Ngành du lịch đang phối hợp với các công ty lữ hành xây dựng tour kết nối hồ Ba Bể với đồi chè Tân "
            "Cương, tạo sản phẩm đặc trưng cho tỉnh Thái Nguyên mới.",
        ),
    ),
    S(
        key="dl-ba-be-chat-chem",
        theme="du_lich",
        tone="negative",
        communes=("xã Ba Bể",),
        age_hours=18,
        outlets=("trang-cong-dong", "doi-song-phap-luat", "tin-mien-nui"),
        category="Bạn đọc",
        title="Du khách phản ánh bị “chặt chém” giá thuyền trên hồ Ba Bể",
        alt_titles=(
            "Giá thuyền tham quan hồ Ba Bể bị đẩy lên gấp đôi",
            "Hồ Ba Bể: Du khách bức xúc vì giá dịch vụ không niêm yết",
        ),
        lead=(
            "Một nhóm du khách từ Hà Nội phản ánh bị thu 1,2 triệu đồng cho chuyến thuyền tham quan hồ Ba Bể, gấp "
            "đôi giá niêm yết tại bến."
        ),
        body=(
            "Theo du khách, người chào mời không đưa bảng giá, chỉ báo giá “trọn gói” rồi thu thêm phí vào động Puông "
            "và thác Đầu Đẳng.",
            "Ban quản lý Vườn quốc gia Ba Bể cho biết đã xác minh, đình chỉ một chủ thuyền không thuộc hợp tác xã "
            "dịch vụ và yêu cầu niêm yết giá công khai tại tất cả các bến.",
            "Nhiều ý kiến cho rằng những vụ việc như vậy làm ảnh hưởng đến hình ảnh du lịch Ba Bể đang trên đà phục "
            "hồi.",
        ),
    ),
    S(
        key="dl-doi-che-tan-cuong",
        theme="du_lich",
        tone="positive",
        communes=("xã Tân Cương",),
        age_hours=360,
        outlets=("kinh-te-vung", "bao-thai-nguyen"),
        category="Du lịch",
        title="Du lịch trải nghiệm đồi chè Tân Cương hút khách trẻ",
        alt_titles=("Hái chè, sao chè: Trải nghiệm mới ở Tân Cương",),
        lead=(
            "Những đồi chè xanh mướt ở xã Tân Cương đang trở thành điểm đến quen thuộc của khách trẻ từ Hà Nội vào "
            "cuối tuần."
        ),
        body=(
            "Du khách được hái chè, tự tay sao chè trên chảo gang và thưởng thức trà cùng nghệ nhân. Nhiều hợp tác "
            "xã đã đầu tư nhà trưng bày, khu check-in giữa đồi chè.",
            "Theo UBND xã, doanh thu từ du lịch đã chiếm khoảng 15% thu nhập của các hộ làm chè, giúp người dân có "
            "thêm nguồn thu ổn định.",
        ),
    ),
    S(
        key="dl-homestay-pac-ngoi-quy-hoach",
        theme="du_lich",
        tone="neutral",
        communes=("xã Ba Bể",),
        age_hours=620,
        outlets=("tin-mien-nui", "bao-thai-nguyen"),
        category="Du lịch",
        title="Homestay mọc lên ồ ạt quanh hồ Ba Bể, cần quy hoạch sớm",
        alt_titles=("Phát triển homestay ở Ba Bể: Đừng để phá vỡ cảnh quan",),
        lead=(
            "Số homestay ở bản Pác Ngòi và các bản ven hồ Ba Bể tăng gấp ba trong năm năm, nhiều công trình bê tông "
            "cao tầng làm thay đổi kiến trúc nhà sàn truyền thống."
        ),
        body=(
            "Các chuyên gia cho rằng cần sớm có quy chế quản lý kiến trúc, quy định chiều cao, vật liệu và khoảng lùi "
            "so với mặt hồ để giữ gìn cảnh quan.",
            "Chính quyền xã Ba Bể cho biết đang phối hợp với Vườn quốc gia rà soát các công trình xây dựng trái phép, "
            "đồng thời hướng dẫn người dân cải tạo nhà sàn làm du lịch.",
        ),
    ),
    S(
        key="nn-che-xuat-khau",
        theme="nong_nghiep",
        tone="positive",
        communes=("xã Tân Cương",),
        age_hours=150,
        outlets=("kinh-te-vung", "bao-thai-nguyen", "cong-ttdt"),
        category="Kinh tế",
        title="Chè Thái Nguyên xuất khẩu lô hàng đầu tiên sang châu Âu",
        alt_titles=(
            "Chè Tân Cương chinh phục thị trường châu Âu",
            "Lô chè hữu cơ đầu tiên của Thái Nguyên sang Đức",
        ),
        lead=(
            "Một hợp tác xã ở xã Tân Cương vừa xuất khẩu 5 tấn chè hữu cơ sang Đức, đánh dấu lần đầu sản phẩm chè "
            "đặc sản của tỉnh vào thị trường châu Âu."
        ),
        body=(
            "Để đạt tiêu chuẩn, hợp tác xã chuyển đổi 30 ha sang sản xuất hữu cơ, không dùng thuốc bảo vệ thực vật "
            "hóa học, ghi chép nhật ký canh tác điện tử.",
            "Giá xuất khẩu cao gấp hai lần bán trong nước. Sở Nông nghiệp và Môi trường cho biết sẽ hỗ trợ thêm các "
            "hợp tác xã cấp mã số vùng trồng, truy xuất nguồn gốc.",
            "Diện tích chè toàn tỉnh hiện hơn 23.000 ha, sản lượng búp tươi trên 270.000 tấn mỗi năm.",
        ),
    ),
    S(
        key="nn-cam-quyt-rot-gia",
        theme="nong_nghiep",
        tone="negative",
        communes=("xã Quảng Bạch", "xã Chợ Đồn"),
        age_hours=55,
        outlets=("tin-mien-nui", "kinh-te-vung", "trang-cong-dong"),
        category="Kinh tế",
        title="Cam, quýt rớt giá thê thảm, nông dân vùng Bắc Kạn cũ lao đao",
        alt_titles=(
            "Quýt Quảng Bạch chín rộ nhưng không có người mua",
            "Giá cam quýt giảm một nửa, nhà vườn thua lỗ",
        ),
        lead=(
            "Giá quýt đặc sản ở xã Quảng Bạch và cam ở xã Chợ Đồn giảm còn 8.000–10.000 đồng/kg, chỉ bằng một nửa "
            "năm ngoái, thương lái ép giá."
        ),
        body=(
            "Nhiều nhà vườn để quả chín rụng đầy gốc vì tiền thuê người hái không đủ bù chi phí. Một số hộ đã tính "
            "chuyển sang trồng cây khác.",
            "Ông Hoàng Văn Nam, có 2 ha quýt, cho biết năm nay lỗ khoảng 50 triệu đồng tiền phân bón, thuốc.",
            "Sở Công Thương đang kết nối các siêu thị, sàn thương mại điện tử để hỗ trợ tiêu thụ, đồng thời tổ chức "
            "tuần lễ quảng bá cam quýt tại Hà Nội.",
        ),
    ),
    S(
        key="nn-dich-ta-lon-phu-luong",
        theme="nong_nghiep",
        tone="negative",
        communes=("xã Phú Lương",),
        age_hours=90,
        outlets=("bao-thai-nguyen", "tin-mien-nui", "cong-ttdt", "kinh-te-vung"),
        category="Kinh tế",
        title="Dịch tả lợn châu Phi tái phát ở xã Phú Lương, tiêu hủy hơn 200 con",
        alt_titles=(
            "Khẩn cấp khoanh vùng ổ dịch tả lợn châu Phi",
            "Phú Lương: Dịch tả lợn châu Phi xuất hiện trở lại",
        ),
        lead=(
            "Dịch tả lợn châu Phi xuất hiện tại ba thôn của xã Phú Lương (huyện Phú Lương cũ), buộc phải tiêu hủy "
            "hơn 200 con lợn của 14 hộ chăn nuôi."
        ),
        body=(
            "Chính quyền xã đã lập chốt kiểm dịch, phun khử trùng toàn bộ khu vực ổ dịch và cấm vận chuyển lợn ra "
            "vào vùng dịch.",
            "Cơ quan thú y khuyến cáo người chăn nuôi không giấu dịch, không bán chạy lợn ốm, không vứt xác lợn chết "
            "ra môi trường.",
            "Các hộ có lợn bị tiêu hủy sẽ được hỗ trợ theo quy định của Nhà nước.",
        ),
    ),
    S(
        key="nn-ocop-mien-dong-con-minh",
        theme="nong_nghiep",
        tone="positive",
        communes=("xã Côn Minh",),
        age_hours=700,
        outlets=("bao-thai-nguyen", "kinh-te-vung"),
        category="Kinh tế",
        title="Miến dong xã Côn Minh đạt chứng nhận OCOP 4 sao",
        alt_titles=("Miến dong Na Rì vươn xa nhờ OCOP",),
        lead=(
            "Sản phẩm miến dong của một hợp tác xã ở xã Côn Minh (huyện Na Rì cũ) vừa được công nhận OCOP 4 sao, "
            "mở ra cơ hội vào hệ thống siêu thị lớn."
        ),
        body=(
            "Miến được làm hoàn toàn từ tinh bột dong riềng, phơi nắng tự nhiên, sợi dai, không dùng chất phụ gia. "
            "Mỗi năm hợp tác xã sản xuất khoảng 120 tấn.",
            "Nghề làm miến giúp hàng trăm hộ trong xã có thu nhập ổn định vào dịp cuối năm.",
        ),
    ),
    S(
        key="lh-long-tong-ba-be",
        theme="le_hoi",
        tone="positive",
        communes=("xã Ba Bể",),
        age_hours=240,
        outlets=("bao-thai-nguyen", "tin-mien-nui", "cong-ttdt", "trang-cong-dong"),
        category="Văn hóa",
        title="Tưng bừng Lễ hội Lồng tồng Ba Bể",
        alt_titles=(
            "Hàng nghìn người dự Lễ hội Lồng tồng bên hồ Ba Bể",
            "Lễ hội xuống đồng của người Tày ở Ba Bể",
            "Lồng tồng Ba Bể: Gìn giữ nét đẹp văn hóa Tày",
        ),
        lead=(
            "Lễ hội Lồng tồng Ba Bể được tổ chức tại xã Ba Bể, thu hút hàng nghìn người dân và du khách tham gia các "
            "trò chơi dân gian, thi đua thuyền độc mộc trên hồ."
        ),
        body=(
            "Phần lễ diễn ra trang nghiêm với nghi thức cầu mùa, cầu cho mưa thuận gió hòa, mùa màng bội thu. Phần "
            "hội có ném còn, kéo co, đẩy gậy, hát then, đàn tính.",
            "Năm nay, lễ hội lần đầu tổ chức sau khi hợp nhất tỉnh, có sự tham gia của các đoàn nghệ nhân từ Định "
            "Hóa, Võ Nhai, Phú Lương.",
            "Ban tổ chức bố trí bãi đỗ xe, đội tình nguyện thu gom rác, bảo đảm an toàn cho du khách.",
        ),
    ),
    S(
        key="lh-festival-tra",
        theme="le_hoi",
        tone="positive",
        communes=("phường Phan Đình Phùng",),
        age_hours=660,
        outlets=("bao-thai-nguyen", "kinh-te-vung", "cong-ttdt"),
        category="Văn hóa",
        title="Khai mạc Festival Trà Thái Nguyên với nhiều hoạt động đặc sắc",
        alt_titles=(
            "Festival Trà: Quảng bá chè Thái Nguyên đến bạn bè quốc tế",
            "Hàng trăm gian hàng chè đặc sản tại Festival Trà",
        ),
        lead=(
            "Festival Trà Thái Nguyên khai mạc tại Quảng trường trung tâm phường Phan Đình Phùng với hơn 300 gian "
            "hàng của các doanh nghiệp, hợp tác xã chè trong và ngoài nước."
        ),
        body=(
            "Chương trình gồm trình diễn nghệ thuật pha trà, thi sao chè thủ công, hội thảo phát triển thương hiệu "
            "và tour tham quan các vùng chè Tân Cương, Trại Cài, La Bằng.",
            "Ban tổ chức kỳ vọng festival giúp tăng giá trị sản phẩm chè, gắn sản xuất với du lịch trải nghiệm.",
        ),
    ),
    S(
        key="lh-un-tac-den-duom",
        theme="le_hoi",
        tone="negative",
        communes=("xã Phú Lương",),
        age_hours=560,
        outlets=("trang-cong-dong", "doi-song-phap-luat"),
        category="Văn hóa",
        title="Ùn tắc, rác thải ngập lối vào lễ hội đền Đuổm",
        alt_titles=("Lễ hội đền Đuổm: Du khách chen chúc, rác vứt bừa bãi",),
        lead=(
            "Ngày chính hội đền Đuổm ở xã Phú Lương, dòng người đổ về đông khiến tuyến đường vào đền ùn tắc nhiều "
            "giờ, rác thải vứt bừa bãi dọc lối đi."
        ),
        body=(
            "Nhiều bãi trông xe tự phát thu phí gấp ba lần quy định. Một số người bán hàng rong chèo kéo, ép du khách "
            "mua lễ vật.",
            "Ban quản lý di tích cho biết đã bố trí thêm lực lượng phân luồng và sẽ rút kinh nghiệm trong công tác tổ "
            "chức các năm sau.",
        ),
    ),
    S(
        key="cd-mat-dien-na-ri",
        theme="gia_ca",
        tone="negative",
        communes=("xã Na Rì",),
        age_hours=3,
        outlets=("trang-cong-dong", "tin-mien-nui"),
        category="Phản ánh",
        title="Mất điện liên tục nhiều ngày, bà con xã Na Rì mong được giải thích",
        alt_titles=("Xã Na Rì mất điện kéo dài, người dân khổ sở",),
        lead=(
            "Mấy hôm nay khu vực chợ xã Na Rì mất điện liên tục, có hôm mất từ sáng đến tối mà không thấy thông báo "
            "lịch cắt điện."
        ),
        body=(
            "Nhiều hộ kinh doanh tủ đông bị hỏng hàng, học sinh không có điện để học bài buổi tối. Bà con gọi tổng đài "
            "thì được trả lời đang khắc phục sự cố đường dây do cây đổ.",
            "Mong điện lực khu vực sớm kiểm tra, phát quang hành lang tuyến và thông báo lịch cắt điện cụ thể để bà "
            "con chủ động.",
        ),
    ),
    S(
        key="cd-cam-on-cong-an-dan-tien",
        theme="toi_pham",
        tone="positive",
        communes=("xã Dân Tiến",),
        age_hours=28,
        outlets=("trang-cong-dong",),
        category="Chia sẻ",
        title="Cảm ơn công an xã Dân Tiến giúp tìm lại cháu bé đi lạc",
        alt_titles=(),
        lead=(
            "Xin gửi lời cảm ơn chân thành tới các anh công an xã Dân Tiến đã giúp gia đình tìm lại cháu bé 5 tuổi "
            "bị đi lạc chiều qua."
        ),
        body=(
            "Cháu đi theo đám trẻ ra suối rồi lạc đường vào rừng keo. Chỉ sau hơn hai giờ, lực lượng công an và dân "
            "quân đã tìm thấy cháu an toàn ở khu đồi cách nhà gần 3 km.",
            "Gia đình xin cảm ơn bà con trong thôn đã cùng đi tìm, và mong các bố mẹ để ý con nhỏ hơn trong những "
            "ngày nghỉ.",
        ),
    ),
    S(
        key="op-cao-bang-ban-gioc",
        theme="du_lich",
        tone="positive",
        communes=(),
        province="Cao Bằng",
        age_hours=140,
        outlets=("kinh-te-vung",),
        category="Du lịch",
        title="Cao Bằng: Thác Bản Giốc đón lượng khách kỷ lục mùa lúa chín",
        alt_titles=(),
        lead=(
            "Khu du lịch thác Bản Giốc (tỉnh Cao Bằng) đón hơn 20.000 lượt khách trong dịp cuối tuần, lượng khách cao "
            "nhất từ trước đến nay."
        ),
        body=(
            "Mùa lúa chín ở các thung lũng quanh thác tạo nên cảnh quan hấp dẫn, nhiều đoàn khách đi theo hành trình "
            "kết nối với các tỉnh lân cận.",
            "Ngành du lịch Cao Bằng khuyến cáo du khách đặt phòng trước, tuân thủ quy định an toàn khi đi bè tre.",
        ),
    ),
    S(
        key="op-lang-son-cua-khau",
        theme="nong_nghiep",
        tone="neutral",
        communes=(),
        province="Lạng Sơn",
        age_hours=36,
        outlets=("kinh-te-vung", "doi-song-phap-luat"),
        category="Kinh tế",
        title="Hàng trăm xe nông sản chờ thông quan tại cửa khẩu ở Lạng Sơn",
        alt_titles=("Lạng Sơn: Xe chở nông sản xếp hàng dài chờ xuất khẩu",),
        lead=(
            "Hơn 300 xe chở thanh long, mít, sầu riêng đang chờ làm thủ tục xuất khẩu tại các cửa khẩu của tỉnh Lạng "
            "Sơn do lượng hàng tăng đột biến."
        ),
        body=(
            "Ban quản lý các cửa khẩu đã tăng thời gian làm việc, bố trí thêm bãi đỗ để giảm ùn tắc trên quốc lộ.",
            "Các doanh nghiệp được khuyến cáo theo dõi thông tin điều hành, điều tiết lượng xe phù hợp.",
        ),
    ),
    S(
        key="op-tuyen-quang-sat-lo",
        theme="thien_tai",
        tone="negative",
        communes=(),
        province="Tuyên Quang",
        age_hours=10,
        outlets=("kinh-te-vung", "doi-song-phap-luat"),
        category="Thời sự",
        title="Sạt lở đất ở vùng cao Tuyên Quang, quốc lộ bị chia cắt",
        alt_titles=("Mưa lớn gây sạt lở nghiêm trọng tại Tuyên Quang",),
        lead=(
            "Mưa lớn gây sạt lở tại nhiều xã vùng cao của tỉnh Tuyên Quang (khu vực Hà Giang cũ), một đoạn quốc lộ bị "
            "vùi lấp, giao thông bị chia cắt."
        ),
        body=(
            "Lực lượng chức năng đã cắm biển cảnh báo, điều tiết phương tiện đi đường vòng. Không có thiệt hại về người.",
            "Cơ quan khí tượng dự báo mưa còn kéo dài trong hai ngày tới ở khu vực miền núi phía Bắc.",
        ),
    ),
    S(
        key="op-ha-noi-chuyen-doi-so",
        theme="chuyen_doi_so",
        tone="neutral",
        communes=(),
        province="Hà Nội",
        age_hours=270,
        outlets=("kinh-te-vung",),
        category="Chuyển đổi số",
        title="Hà Nội thí điểm trợ lý ảo hỗ trợ người dân làm thủ tục hành chính",
        alt_titles=(),
        lead=(
            "Thành phố Hà Nội thí điểm trợ lý ảo trả lời câu hỏi về thủ tục hành chính tại một số phường trung tâm, "
            "hoạt động 24/7 trên cổng dịch vụ công."
        ),
        body=(
            "Sau ba tháng, trợ lý ảo đã trả lời hơn 50.000 câu hỏi, chủ yếu về đăng ký cư trú, hộ tịch và đất đai.",
            "Thành phố sẽ đánh giá hiệu quả trước khi nhân rộng ra toàn bộ các xã, phường.",
        ),
    ),
    S(
        key="op-phu-tho-lua-dao-viec-lam",
        theme="toi_pham",
        tone="negative",
        communes=(),
        province="Phú Thọ",
        age_hours=190,
        outlets=("doi-song-phap-luat",),
        category="Pháp luật",
        title="Phú Thọ: Bắt nhóm lừa đảo tuyển dụng việc làm “nhẹ lương cao”",
        alt_titles=(),
        lead=(
            "Công an tỉnh Phú Thọ bắt giữ năm đối tượng lập trang mạng tuyển dụng việc làm online, chiếm đoạt tiền "
            "“đặt cọc” của hàng trăm người."
        ),
        body=(
            "Các đối tượng yêu cầu người ứng tuyển nộp phí đào tạo, phí đồng phục rồi cắt liên lạc. Số tiền chiếm "
            "đoạt ước tính hơn 3 tỷ đồng.",
            "Công an khuyến cáo người lao động tìm việc qua trung tâm dịch vụ việc làm và doanh nghiệp uy tín.",
        ),
    ),
)
