"""Sample stories: roads, schools, health and health insurance, prices, poverty reduction.

ĐÂY LÀ DỮ LIỆU MẪU: invented stories, invented people and invented figures, written for tests and demos.
"""

from __future__ import annotations

from loa.demo.newsroom.content.model import BaseStory as S

STORIES: tuple[S, ...] = (
    S(
        key="gt-duong-xuong-cap-dai-tu",
        theme="giao_thong",
        tone="negative",
        communes=("xã Đại Từ",),
        age_hours=15,
        outlets=("doi-song-phap-luat", "tin-mien-nui", "trang-cong-dong", "bao-thai-nguyen"),
        category="Bạn đọc",
        title="Tuyến đường qua xã Đại Từ chi chít “ổ voi”, người dân bất an mỗi ngày",
        alt_titles=(
            "Đường qua trung tâm xã Đại Từ xuống cấp nghiêm trọng",
            "Ổ gà, ổ voi trên tuyến đường tỉnh: Dân mong sớm được sửa",
            "Đại Từ: Khi nào tuyến đường hư hỏng được sửa chữa?",
        ),
        lead=(
            "Đoạn đường tỉnh dài khoảng 6 km qua xã Đại Từ (trước thuộc huyện Đại Từ) xuất hiện hàng trăm ổ gà, "
            "ổ voi, nhiều vị trí sâu 20–30 cm khiến xe máy thường xuyên bị ngã."
        ),
        body=(
            "Theo người dân, tuyến đường bắt đầu hư hỏng từ mùa mưa năm ngoái, xe chở vật liệu xây dựng và xe tải "
            "chở quặng chạy nhiều khiến mặt đường ngày càng lún sâu.",
            "Chị Nguyễn Thị Hòa, bán hàng ven đường, kể trong tháng này đã chứng kiến ít nhất năm vụ ngã xe. “Trời "
            "mưa nước đọng kín ổ gà, người đi đường không biết nông sâu thế nào”, chị nói.",
            "Sở Xây dựng cho biết đã giao đơn vị quản lý đường bộ vá tạm các ổ gà lớn, đồng thời đề xuất bố trí vốn "
            "sửa chữa toàn tuyến trong kế hoạch năm sau.",
        ),
    ),
    S(
        key="gt-cao-toc-cho-moi-bac-kan",
        theme="giao_thong",
        tone="positive",
        communes=("xã Chợ Mới", "phường Bắc Kạn"),
        age_hours=160,
        outlets=("kinh-te-vung", "bao-thai-nguyen", "cong-ttdt"),
        category="Kinh tế",
        title="Cao tốc Chợ Mới – Bắc Kạn vượt tiến độ, dự kiến thông xe trước Tết",
        alt_titles=(
            "Dự án cao tốc nối Chợ Mới với trung tâm Bắc Kạn cũ về đích sớm",
            "Thông xe cao tốc Chợ Mới – Bắc Kạn: Rút ngắn một giờ đi Hà Nội",
        ),
        lead=(
            "Dự án đường cao tốc Chợ Mới – Bắc Kạn dài gần 30 km đã hoàn thành 85% khối lượng, nhà thầu tăng ca "
            "để thông xe trước Tết Nguyên đán."
        ),
        body=(
            "Khi đưa vào khai thác, tuyến cao tốc sẽ rút ngắn thời gian từ phường Bắc Kạn đến Hà Nội xuống còn "
            "khoảng hai giờ, mở ra cơ hội phát triển du lịch vùng hồ Ba Bể.",
            "Ban quản lý dự án cho biết khó khăn lớn nhất là thời tiết mưa kéo dài và nguồn đất đắp. Các mỏ vật "
            "liệu mới đã được cấp phép, bảo đảm đủ cho giai đoạn hoàn thiện.",
            "Người dân xã Chợ Mới phấn khởi vì tuyến đường giúp nông sản như cam, quýt, chè dễ dàng đến các chợ đầu "
            "mối ở đồng bằng.",
        ),
    ),
    S(
        key="gt-cau-treo-ngan-son",
        theme="giao_thong",
        tone="negative",
        communes=("xã Ngân Sơn",),
        age_hours=34,
        outlets=("tin-mien-nui", "doi-song-phap-luat", "trang-cong-dong"),
        title="Cầu treo hư hỏng, học sinh xã Ngân Sơn phải lội suối đến trường",
        alt_titles=(
            "Nỗi lo mỗi ngày của học sinh vùng cao khi cầu treo xuống cấp",
            "Ngân Sơn: Cầu treo gãy ván, trẻ em đánh liều lội suối",
        ),
        lead=(
            "Chiếc cầu treo duy nhất nối thôn Bản Slam với trung tâm xã Ngân Sơn bị gãy nhiều tấm ván mặt cầu, "
            "hàng chục học sinh phải lội qua suối để đến trường."
        ),
        body=(
            "Cầu được xây dựng từ năm 2009, sau trận lũ tháng trước, một bên trụ neo bị xói lở và dây cáp chùng "
            "xuống. Chính quyền đã dựng biển cấm qua cầu nhưng người dân vẫn phải đi vì không có đường khác.",
            "Ông Triệu Văn Sinh, trưởng thôn, cho biết mỗi sáng phụ huynh phải thay nhau cõng con qua suối. Những "
            "hôm mưa to, học sinh đành nghỉ học.",
            "UBND xã Ngân Sơn đã báo cáo tỉnh, đề nghị hỗ trợ kinh phí khẩn cấp. Trước mắt, xã bố trí lực lượng dân "
            "quân hỗ trợ học sinh qua suối vào giờ đi học và tan học.",
        ),
    ),
    S(
        key="gt-vanh-dai-phu-binh",
        theme="giao_thong",
        tone="neutral",
        communes=("xã Phú Bình", "xã Điềm Thụy"),
        age_hours=450,
        outlets=("bao-thai-nguyen", "kinh-te-vung"),
        category="Kinh tế",
        title="Khởi công đường vành đai qua xã Phú Bình và xã Điềm Thụy",
        alt_titles=("Đường vành đai mới kết nối các khu công nghiệp phía Nam tỉnh",),
        lead=(
            "Dự án đường vành đai dài 14 km qua xã Phú Bình và xã Điềm Thụy được khởi công, tổng mức đầu tư gần "
            "1.900 tỷ đồng."
        ),
        body=(
            "Tuyến đường kết nối khu công nghiệp Điềm Thụy với quốc lộ 37 và cao tốc Hà Nội – Thái Nguyên, giảm tải "
            "cho các tuyến qua khu dân cư.",
            "Công tác giải phóng mặt bằng mới đạt 70%, còn hơn 200 hộ chưa nhận tiền bồi thường do chưa thống nhất "
            "đơn giá đất.",
            "Chủ đầu tư cam kết hoàn thành tuyến đường trong 30 tháng; tỉnh yêu cầu các xã công khai phương án bồi "
            "thường để người dân giám sát.",
        ),
    ),
    S(
        key="gd-truong-ban-tru-cuong-loi",
        theme="giao_duc",
        tone="positive",
        communes=("xã Cường Lợi",),
        age_hours=120,
        outlets=("bao-thai-nguyen", "tin-mien-nui", "cong-ttdt", "kinh-te-vung"),
        category="Giáo dục",
        title="Trường phổ thông dân tộc bán trú mới khang trang ở xã Cường Lợi",
        alt_titles=(
            "Học sinh vùng cao Cường Lợi vui đón ngôi trường mới",
            "Khánh thành trường bán trú cho 450 học sinh dân tộc thiểu số",
        ),
        lead=(
            "Hơn 450 học sinh dân tộc Tày, Dao, Mông ở xã Cường Lợi (huyện Na Rì cũ) đã được học tập, ăn ở trong "
            "ngôi trường bán trú mới với 16 phòng học và khu nội trú khép kín."
        ),
        body=(
            "Công trình có tổng vốn 38 tỷ đồng từ chương trình mục tiêu quốc gia phát triển kinh tế – xã hội vùng "
            "đồng bào dân tộc thiểu số và miền núi.",
            "Em Lý Thị Mai, học sinh lớp 8, chia sẻ trước đây phòng ở bán trú chật chội, mùa đông rất lạnh. “Bây "
            "giờ có nhà tắm nước nóng, có phòng đọc sách, chúng em rất vui”, Mai nói.",
            "Nhà trường cũng được trang bị phòng tin học và hệ thống học trực tuyến, giúp giáo viên kết nối với "
            "các trường ở trung tâm tỉnh.",
        ),
    ),
    S(
        key="gd-phong-hoc-tam-cho-don",
        theme="giao_duc",
        tone="negative",
        communes=("xã Chợ Đồn",),
        age_hours=80,
        outlets=("tin-mien-nui", "trang-cong-dong", "doi-song-phap-luat"),
        category="Giáo dục",
        title="Điểm trường ở xã Chợ Đồn dột nát, học sinh học trong phòng tạm",
        alt_titles=(
            "Phòng học tạm bằng tre nứa, mưa là dột",
            "Chợ Đồn: Điểm trường lẻ xuống cấp, giáo viên và học sinh lo lắng",
        ),
        lead=(
            "Điểm trường thôn Nà Tùm thuộc Trường Tiểu học xã Chợ Đồn có hai phòng học tạm bằng tre nứa, mái "
            "tôn thủng, mỗi khi mưa giáo viên phải cho học sinh dồn sang một góc."
        ),
        body=(
            "Điểm trường có 34 học sinh lớp 1 và lớp 2. Tường bằng phên nứa nhiều chỗ đã mục, mùa đông gió lùa lạnh "
            "buốt, giáo viên phải dùng bạt che tạm.",
            "Phụ huynh nhiều lần kiến nghị xây dựng lại phòng học nhưng chưa được đáp ứng do thiếu kinh phí. Trong "
            "đợt sắp xếp vừa qua, việc đầu tư điểm trường bị tạm dừng chờ rà soát quy hoạch mạng lưới trường lớp.",
            "Hiệu trưởng nhà trường cho biết đã đề xuất sửa chữa khẩn cấp mái tôn và hy vọng sớm có nguồn vốn xây "
            "mới.",
        ),
    ),
    S(
        key="gd-lam-thu-gia-sang",
        theme="giao_duc",
        tone="negative",
        communes=("phường Gia Sàng",),
        age_hours=280,
        outlets=("doi-song-phap-luat", "trang-cong-dong", "bao-thai-nguyen"),
        category="Giáo dục",
        title="Phụ huynh phản ánh nhiều khoản thu “tự nguyện” đầu năm học ở phường Gia Sàng",
        alt_titles=(
            "Lạm thu đầu năm học: Phụ huynh phường Gia Sàng bức xúc",
            "Kiểm tra các khoản thu đầu năm tại một trường tiểu học",
        ),
        lead=(
            "Nhiều phụ huynh một trường tiểu học ở phường Gia Sàng phản ánh ngoài học phí, mỗi học sinh phải đóng "
            "gần 3 triệu đồng cho các khoản “tự nguyện” như mua máy chiếu, rèm cửa, quỹ lớp."
        ),
        body=(
            "Theo phụ huynh, danh sách các khoản thu được ban đại diện cha mẹ học sinh gửi qua nhóm Zalo kèm mức "
            "đóng cụ thể, không có ai được miễn giảm.",
            "Sở Giáo dục và Đào tạo đã yêu cầu nhà trường báo cáo và tổ chức kiểm tra. Những khoản thu không đúng "
            "quy định sẽ phải hoàn trả cho phụ huynh.",
            "Theo quy định, ban đại diện cha mẹ học sinh không được quyên góp để mua sắm tài sản, trang thiết bị "
            "cho nhà trường.",
        ),
    ),
    S(
        key="gd-thieu-giao-vien-bang-thanh",
        theme="giao_duc",
        tone="neutral",
        communes=("xã Bằng Thành",),
        age_hours=560,
        outlets=("bao-thai-nguyen", "kinh-te-vung"),
        category="Giáo dục",
        title="Thiếu giáo viên tiếng Anh, tin học ở các trường vùng cao",
        alt_titles=("Vùng cao thiếu giáo viên các môn mới của chương trình phổ thông",),
        lead=(
            "Các trường ở xã Bằng Thành và nhiều xã vùng cao thiếu giáo viên tiếng Anh, tin học, nghệ thuật, "
            "nhiều giáo viên phải dạy liên trường."
        ),
        body=(
            "Toàn tỉnh còn thiếu khoảng 900 giáo viên, tập trung ở bậc tiểu học và khu vực Bắc Kạn cũ. Chế độ thu "
            "hút chưa đủ hấp dẫn để giáo viên trẻ gắn bó lâu dài với vùng khó khăn.",
            "Sở Giáo dục và Đào tạo đề xuất cơ chế hỗ trợ nhà ở công vụ và phụ cấp thêm cho giáo viên dạy ở thôn "
            "đặc biệt khó khăn.",
            "Trước mắt, các trường tổ chức dạy học trực tuyến kết hợp với giáo viên từ các trường ở trung tâm tỉnh.",
        ),
    ),
    S(
        key="bhyt-bao-phu-95",
        theme="y_te",
        tone="positive",
        communes=(),
        age_hours=200,
        outlets=("cong-ttdt", "bao-thai-nguyen", "kinh-te-vung"),
        category="Y tế",
        title="Tỷ lệ người dân tham gia bảo hiểm y tế đạt hơn 95%",
        alt_titles=(
            "Bảo hiểm y tế toàn dân: Thái Nguyên đạt 95,3% dân số",
            "Hơn 1,6 triệu người có thẻ bảo hiểm y tế",
        ),
        lead=(
            "Tỷ lệ bao phủ bảo hiểm y tế trên địa bàn tỉnh đạt 95,3% dân số, vượt chỉ tiêu được giao; riêng khu "
            "vực Bắc Kạn cũ đạt gần 98% nhờ chính sách hỗ trợ người dân tộc thiểu số."
        ),
        body=(
            "Cơ quan bảo hiểm xã hội cho biết nhóm hộ gia đình và học sinh, sinh viên có tỷ lệ tham gia tăng mạnh "
            "nhờ đẩy mạnh thanh toán trực tuyến và tuyên truyền tại thôn bản.",
            "Người tham gia bảo hiểm y tế hiện có thể dùng căn cước gắn chip hoặc ứng dụng VNeID thay thẻ giấy khi "
            "đi khám chữa bệnh.",
            "Tỉnh đặt mục tiêu duy trì tỷ lệ bao phủ trên 95% và nâng cao chất lượng khám chữa bệnh ở tuyến xã.",
        ),
    ),
    S(
        key="bhyt-tu-mua-thuoc-pho-yen",
        theme="y_te",
        tone="negative",
        communes=("phường Phổ Yên",),
        age_hours=26,
        outlets=("doi-song-phap-luat", "trang-cong-dong", "tin-mien-nui"),
        category="Y tế",
        title="Bệnh nhân có thẻ bảo hiểm y tế vẫn phải tự mua thuốc ngoài",
        alt_titles=(
            "Thiếu thuốc bảo hiểm y tế, người bệnh ở Phổ Yên phải ra hiệu thuốc tư nhân",
            "Phản ánh: Có thẻ BHYT nhưng vẫn phải tự mua thuốc",
        ),
        lead=(
            "Nhiều bệnh nhân điều trị ngoại trú bệnh mạn tính tại Trung tâm Y tế khu vực Phổ Yên phản ánh phải tự "
            "bỏ tiền mua thuốc bên ngoài do bệnh viện hết thuốc trong danh mục bảo hiểm."
        ),
        body=(
            "Ông Trần Văn Lộc, 68 tuổi, ở phường Phổ Yên, mắc bệnh tiểu đường, cho biết hai tháng nay mỗi lần tái "
            "khám chỉ được cấp một nửa số thuốc, phần còn lại phải mua ngoài với giá gần 600.000 đồng.",
            "Lãnh đạo trung tâm y tế thừa nhận một số loại thuốc bị gián đoạn do gói thầu tập trung chậm, đã đề "
            "nghị mua sắm bổ sung.",
            "Sở Y tế yêu cầu các cơ sở khám chữa bệnh không để người bệnh có thẻ bảo hiểm y tế phải tự mua thuốc "
            "thuộc danh mục được thanh toán.",
        ),
    ),
    S(
        key="yt-tram-y-te-thuong-quan",
        theme="y_te",
        tone="neutral",
        communes=("xã Thượng Quan",),
        age_hours=380,
        outlets=("tin-mien-nui", "bao-thai-nguyen", "trang-cong-dong"),
        category="Y tế",
        title="Trạm y tế xã vùng cao thiếu bác sĩ, người dân phải vượt hàng chục cây số",
        alt_titles=("Thượng Quan: Trạm y tế mới xây nhưng vắng bác sĩ",),
        lead=(
            "Trạm y tế xã Thượng Quan được xây mới khang trang nhưng chỉ có ba y sĩ và một nữ hộ sinh, chưa có "
            "bác sĩ thường trực."
        ),
        body=(
            "Người dân khi ốm nặng phải đi gần 40 km đến trung tâm y tế khu vực. Nhiều trang thiết bị như máy siêu "
            "âm, máy xét nghiệm chưa được sử dụng vì thiếu người vận hành.",
            "Ngành y tế đang triển khai luân phiên bác sĩ từ tuyến tỉnh về trạm y tế xã, mỗi đợt ba tháng.",
            "Xã cũng đề nghị hỗ trợ kết nối khám chữa bệnh từ xa với bệnh viện tuyến tỉnh.",
        ),
    ),
    S(
        key="yt-sot-xuat-huyet-tang",
        theme="y_te",
        tone="negative",
        communes=("phường Tích Lương", "phường Gia Sàng"),
        age_hours=60,
        outlets=("bao-thai-nguyen", "doi-song-phap-luat", "trang-cong-dong", "cong-ttdt"),
        category="Y tế",
        title="Sốt xuất huyết tăng mạnh ở phường Tích Lương và phường Gia Sàng",
        alt_titles=(
            "Ghi nhận hơn 120 ca sốt xuất huyết, ngành y tế phun hóa chất diệt muỗi",
            "Cảnh báo dịch sốt xuất huyết tại các phường trung tâm",
            "Dịch sốt xuất huyết gia tăng: Người dân cần chủ động phòng bệnh",
        ),
        lead=(
            "Từ đầu tháng, các phường Tích Lương và Gia Sàng ghi nhận hơn 120 ca mắc sốt xuất huyết, tăng gấp bốn "
            "lần cùng kỳ năm trước."
        ),
        body=(
            "Trung tâm Kiểm soát bệnh tật tỉnh đã khoanh vùng ba ổ dịch, tổ chức phun hóa chất diệt muỗi và chiến "
            "dịch diệt bọ gậy tại các tổ dân phố.",
            "Bệnh viện Đa khoa tỉnh đang điều trị 28 bệnh nhân sốt xuất huyết, trong đó có hai trường hợp nặng.",
            "Ngành y tế khuyến cáo người dân lật úp dụng cụ chứa nước, ngủ màn và đến cơ sở y tế ngay khi có dấu "
            "hiệu sốt cao liên tục.",
        ),
    ),
    S(
        key="gc-gia-thit-lon-tang",
        theme="gia_ca",
        tone="negative",
        communes=("phường Phan Đình Phùng",),
        age_hours=12,
        outlets=("kinh-te-vung", "bao-thai-nguyen", "trang-cong-dong", "tin-mien-nui"),
        category="Thị trường",
        title="Giá thịt lợn tăng 20%, bà nội trợ chật vật đi chợ",
        alt_titles=(
            "Thịt lợn tăng giá mạnh tại các chợ ở trung tâm Thái Nguyên",
            "Giá thực phẩm leo thang, người dân thắt chặt chi tiêu",
        ),
        lead=(
            "Giá thịt lợn tại các chợ ở phường Phan Đình Phùng tăng khoảng 20% trong hai tuần, thịt ba chỉ lên "
            "160.000 đồng/kg."
        ),
        body=(
            "Tiểu thương cho biết nguồn cung lợn hơi giảm do dịch bệnh ở một số địa phương, trong khi chi phí thức "
            "ăn chăn nuôi tăng.",
            "Chị Phạm Thị Hồng, nhân viên văn phòng, cho hay gia đình phải chuyển sang mua trứng, đậu phụ nhiều "
            "hơn để tiết kiệm.",
            "Sở Công Thương cho biết sẽ tăng cường kiểm tra niêm yết giá, xử lý các trường hợp lợi dụng tăng giá "
            "bất hợp lý.",
        ),
    ),
    S(
        key="gc-hoa-don-tien-nuoc",
        theme="gia_ca",
        tone="negative",
        communes=("phường Bắc Kạn",),
        age_hours=96,
        outlets=("trang-cong-dong", "tin-mien-nui", "doi-song-phap-luat"),
        category="Bạn đọc",
        title="Hóa đơn tiền nước tăng gấp đôi, người dân phường Bắc Kạn thắc mắc",
        alt_titles=(
            "Tiền nước tăng bất thường, công ty cấp nước nói gì?",
            "Dân phường Bắc Kạn “choáng” với hóa đơn nước tháng này",
        ),
        lead=(
            "Nhiều hộ dân ở phường Bắc Kạn phản ánh hóa đơn tiền nước tháng này tăng gấp đôi dù lượng sử dụng "
            "không thay đổi."
        ),
        body=(
            "Bà Hoàng Thị Thúy, tổ 7, cho biết tháng trước gia đình trả 180.000 đồng, tháng này lên 390.000 đồng. "
            "Nhiều hộ khác trong tổ cũng gặp tình trạng tương tự.",
            "Đại diện công ty cấp nước giải thích do thay đồng hồ mới và chốt chỉ số dồn của hai kỳ, đồng thời "
            "giá nước được điều chỉnh theo lộ trình từ đầu tháng.",
            "Người dân đề nghị công ty thông báo rõ lịch thay đồng hồ, kiểm tra lại các trường hợp có dấu hiệu rò "
            "rỉ hoặc ghi sai chỉ số.",
        ),
    ),
    S(
        key="gc-binh-on-gia-tet",
        theme="gia_ca",
        tone="positive",
        communes=(),
        age_hours=640,
        outlets=("cong-ttdt", "bao-thai-nguyen", "kinh-te-vung"),
        category="Thị trường",
        title="Hơn 500 tỷ đồng hàng hóa bình ổn giá phục vụ người dân",
        alt_titles=(
            "Chương trình bình ổn giá: Hàng thiết yếu rẻ hơn thị trường 5–10%",
            "Doanh nghiệp cam kết giữ giá các mặt hàng thiết yếu",
        ),
        lead=(
            "Sở Công Thương phối hợp với 23 doanh nghiệp chuẩn bị hơn 500 tỷ đồng hàng hóa thiết yếu tham gia "
            "chương trình bình ổn giá, bán thấp hơn giá thị trường từ 5 đến 10%."
        ),
        body=(
            "Các mặt hàng gồm gạo, thịt, trứng, dầu ăn, rau củ được bán tại hơn 300 điểm, trong đó có các điểm bán "
            "lưu động ở xã vùng cao.",
            "Lực lượng quản lý thị trường tăng cường kiểm tra, chống đầu cơ, găm hàng và hàng giả, hàng kém chất lượng.",
            "Người dân có thể tra cứu danh sách điểm bán bình ổn giá trên Cổng thông tin điện tử tỉnh.",
        ),
    ),
    S(
        key="gn-xoa-nha-tam-bang-van",
        theme="giam_ngheo",
        tone="positive",
        communes=("xã Bằng Vân",),
        age_hours=75,
        outlets=("bao-thai-nguyen", "cong-ttdt", "tin-mien-nui", "kinh-te-vung"),
        category="Xã hội",
        title="Hoàn thành xóa nhà tạm, nhà dột nát cho hơn 300 hộ ở xã Bằng Vân",
        alt_titles=(
            "Bằng Vân: Hộ nghèo vui mừng vào nhà mới",
            "Hơn 300 ngôi nhà mới cho hộ nghèo vùng cao",
            "Xóa nhà tạm: Niềm vui an cư của đồng bào vùng cao",
        ),
        lead=(
            "Xã Bằng Vân (trước thuộc huyện Ngân Sơn) vừa hoàn thành xóa nhà tạm, nhà dột nát cho 312 hộ nghèo, "
            "hộ cận nghèo với tổng kinh phí hơn 18 tỷ đồng."
        ),
        body=(
            "Mỗi hộ được hỗ trợ 60 triệu đồng xây mới hoặc 30 triệu đồng sửa chữa, cùng với ngày công của đoàn "
            "viên, bộ đội và bà con trong thôn.",
            "Gia đình anh Bàn Văn Quảng, dân tộc Dao, trước đây sống trong căn nhà vách đất đã nứt. “Có nhà mới, "
            "mùa mưa không còn lo sạt lở, các con có chỗ học bài”, anh nói.",
            "Toàn tỉnh đã hoàn thành xóa hơn 5.000 nhà tạm, về đích trước kế hoạch hai tháng.",
        ),
    ),
    S(
        key="gn-tai-ngheo-con-minh",
        theme="giam_ngheo",
        tone="negative",
        communes=("xã Côn Minh",),
        age_hours=300,
        outlets=("tin-mien-nui", "kinh-te-vung"),
        category="Xã hội",
        title="Thoát nghèo chưa bền vững, nhiều hộ ở xã Côn Minh tái nghèo",
        alt_titles=("Giảm nghèo ở vùng cao: Nỗi lo tái nghèo",),
        lead=(
            "Năm qua, xã Côn Minh có 46 hộ tái nghèo và 31 hộ nghèo phát sinh mới, chủ yếu do thiên tai, ốm đau "
            "và mất mùa."
        ),
        body=(
            "Nhiều hộ thoát nghèo nhờ trồng miến dong, nuôi lợn đen nhưng không có tích lũy, chỉ một trận lũ hay "
            "dịch bệnh là quay lại cảnh khó khăn.",
            "Cán bộ xã cho rằng các mô hình sinh kế cần gắn với tiêu thụ sản phẩm và bảo hiểm nông nghiệp để người "
            "dân yên tâm sản xuất.",
            "Xã đề xuất ưu tiên vốn vay ưu đãi và đào tạo nghề cho lao động trẻ đi làm việc tại các khu công nghiệp.",
        ),
    ),
    S(
        key="gn-nuoi-de-thuong-minh",
        theme="giam_ngheo",
        tone="positive",
        communes=("xã Thượng Minh",),
        age_hours=500,
        outlets=("bao-thai-nguyen", "tin-mien-nui"),
        category="Xã hội",
        title="Mô hình nuôi dê giúp nhiều hộ ở xã Thượng Minh thoát nghèo",
        alt_titles=("Nuôi dê núi: Hướng thoát nghèo ở Thượng Minh",),
        lead=(
            "Từ 20 hộ tham gia ban đầu, mô hình nuôi dê sinh sản ở xã Thượng Minh đã mở rộng lên 85 hộ, mỗi hộ "
            "thu nhập 40–60 triệu đồng mỗi năm."
        ),
        body=(
            "Các hộ được hỗ trợ con giống, tập huấn kỹ thuật làm chuồng sàn và trồng cỏ. Tổ hợp tác giúp bà con bao "
            "tiêu sản phẩm cho các nhà hàng ở trung tâm tỉnh.",
            "Anh Ma Văn Tuấn, tổ trưởng tổ hợp tác, cho biết đàn dê của gia đình từ 10 con đã tăng lên 60 con, "
            "năm nay đủ tiền sửa nhà.",
            "Xã dự kiến xây dựng nhãn hiệu tập thể “Dê núi Thượng Minh” để nâng giá trị sản phẩm.",
        ),
    ),
)
