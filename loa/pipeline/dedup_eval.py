"""Benchmark for story deduplication: republished variants with hard negatives, pairwise P/R/F1.

Each base story (hand-written below, or VNTC articles read in place from ../shared/data when asked for)
is republished the way aggregators and provincial outlets do it: another title, an outlet tag
("(Báo Thái Nguyên)", "TTXVN", "Ảnh: ..."), a sentence cut or added, old-style tone marks (hoà), NFD
text, other spacing. Hard negatives must stay apart: pairs of different stories on the same subject in
the same place, and press releases filled in from one template with other names and figures.

Quality is pairwise: every pair of items is a true pair when both come from one base story; precision
and recall count predicted same-story pairs against those. Deterministic for a given seed.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from loa.text import VIETNAMESE_LETTERS, normalize
from loa.text.letters import VOWELS, compose


@dataclass(frozen=True)
class EvalItem:
    id: str
    title: str | None
    text: str
    story: str  # gold story


# Hand-written bases. Pairs marked (same subject) are different events in the same place: hard negatives.
BASE_STORIES: tuple[tuple[str, str], ...] = (
    (
        "Lũ quét tại xã Sảng Mộc, 5 ngôi nhà bị cuốn trôi",
        "Đêm 14/7, mưa lớn kéo dài khiến lũ quét xảy ra tại thôn Khuổi Mèo, xã Sảng Mộc. Dòng nước mạnh đã "
        "cuốn trôi hoàn toàn 5 ngôi nhà của các hộ dân sống ven suối. Rất may người dân đã kịp sơ tán nên "
        "không có thiệt hại về người. Ngoài ra, khoảng 12 ha lúa và hoa màu bị vùi lấp, nhiều đoạn đường liên "
        "thôn bị sạt lở. Ông Hoàng Văn Thắng, Chủ tịch UBND xã, cho biết địa phương đã bố trí chỗ ở tạm cho "
        "các hộ bị mất nhà. Lực lượng dân quân và công an xã đang giúp người dân thu dọn tài sản.",
    ),
    (
        "Xã Sảng Mộc: nước lũ dâng cao, chia cắt nhiều thôn",  # same subject as the story above
        "Sáng 2/9, nước suối Khuổi Mèo dâng cao sau trận mưa kéo dài từ chiều hôm trước, làm ngập cầu tràn "
        "nối trung tâm xã Sảng Mộc với ba thôn phía bắc. Hơn 200 hộ dân bị chia cắt, học sinh không thể đến "
        "trường. UBND xã đã cử người trực tại hai đầu cầu, cấm người và phương tiện qua lại. Theo thống kê "
        "ban đầu, 3 con trâu bị lũ cuốn trôi và 4 ha ngô bị ngập úng. Chính quyền địa phương đang chuẩn bị "
        "lương thực, nước uống cho các hộ bị cô lập.",
    ),
    (
        "Cháy xưởng chế biến gỗ ở phường Ba Hàng",
        "Khoảng 2 giờ sáng 21/3, người dân tổ dân phố Tân Long phát hiện lửa bùng lên từ xưởng chế biến gỗ "
        "của ông Trần Văn Lộc. Do trong xưởng chứa nhiều gỗ keo và dăm bào nên đám cháy lan nhanh. Cảnh sát "
        "phòng cháy chữa cháy đã điều 4 xe chữa cháy và hơn 30 cán bộ, chiến sĩ đến hiện trường. Sau gần 3 giờ, "
        "đám cháy mới được dập tắt hoàn toàn. Vụ cháy không gây thương vong nhưng thiêu rụi toàn bộ nhà xưởng, "
        "máy móc, ước thiệt hại khoảng 3 tỷ đồng. Nguyên nhân vụ cháy đang được điều tra.",
    ),
    (
        "Phường Ba Hàng: cháy cửa hàng điện máy giữa trưa",  # same subject as the story above
        "Trưa 8/11, một cửa hàng điện máy trên đường Cách mạng Tháng Tám, phường Ba Hàng bất ngờ bốc cháy. "
        "Nhân viên cửa hàng cho biết lửa xuất phát từ khu vực để tủ lạnh trưng bày ở tầng một. Lực lượng chữa "
        "cháy có mặt sau 10 phút, sơ tán 6 người ở tầng trên ra ngoài an toàn. Ngọn lửa được khống chế sau "
        "khoảng 40 phút. Nhiều máy điều hòa, ti vi bị hư hỏng, chủ cửa hàng là bà Lê Thị Hương ước thiệt hại "
        "hơn 800 triệu đồng.",
    ),
    (
        "Xe tải va chạm xe máy trên Quốc lộ 37, một người tử vong",
        "Chiều 5/4, tại km 12 Quốc lộ 37 thuộc địa phận xã Cù Vân, xe tải biển kiểm soát 20C-145.67 va chạm "
        "với xe máy chạy cùng chiều. Người điều khiển xe máy là anh Dương Văn Nam, 34 tuổi, tử vong tại chỗ. "
        "Tài xế xe tải đã dừng xe và trình báo với cơ quan chức năng. Vụ tai nạn khiến giao thông qua khu vực "
        "ùn tắc khoảng một giờ. Công an huyện Đại Từ đang khám nghiệm hiện trường, điều tra nguyên nhân.",
    ),
    (
        "Quốc lộ 37: xe khách lao vào nhà dân, 7 người bị thương",  # same subject as the story above
        "Rạng sáng 19/6, xe khách 29 chỗ chạy tuyến Thái Nguyên - Tuyên Quang khi đến km 18 Quốc lộ 37 thì "
        "mất lái, lao vào một ngôi nhà ven đường ở xóm Đồng Tâm, xã Cù Vân. Vụ tai nạn làm 7 hành khách bị "
        "thương, trong đó một người bị gãy chân. Các nạn nhân đã được đưa đến Trung tâm Y tế huyện cấp cứu. "
        "Ngôi nhà của gia đình ông Ma Văn Tiến bị sập một phần tường và mái hiên. Tài xế khai do buồn ngủ nên "
        "không làm chủ được tốc độ.",
    ),
    (
        "Khánh thành cầu Bến Oánh nối hai bờ sông Cầu",
        "Sáng 30/4, UBND tỉnh tổ chức lễ khánh thành cầu Bến Oánh bắc qua sông Cầu, nối xã Tân Khánh với thị "
        "trấn Hương Sơn. Cầu dài 320 m, rộng 12 m, tổng mức đầu tư gần 250 tỷ đồng từ ngân sách tỉnh. Công "
        "trình thay thế bến đò ngang đã hoạt động hơn 50 năm, giúp người dân hai bên bờ đi lại thuận lợi, an "
        "toàn. Phát biểu tại buổi lễ, Phó Chủ tịch UBND tỉnh Nguyễn Huy Dũng đề nghị các địa phương quản lý, "
        "khai thác hiệu quả công trình. Dịp này, nhà thầu đã trao 50 suất quà cho học sinh nghèo hai xã.",
    ),
    (
        "Thái Nguyên thu hút thêm 3 dự án FDI vào khu công nghiệp Yên Bình",
        "Ngày 18/8, Ban Quản lý các khu công nghiệp tỉnh trao giấy chứng nhận đăng ký đầu tư cho 3 dự án có "
        "vốn đầu tư nước ngoài tại khu công nghiệp Yên Bình. Tổng vốn đăng ký của ba dự án đạt 420 triệu USD, "
        "tập trung vào sản xuất linh kiện điện tử và vật liệu mới. Khi đi vào hoạt động, các dự án dự kiến "
        "tạo việc làm cho khoảng 5.000 lao động. Từ đầu năm đến nay, tỉnh đã thu hút 27 dự án FDI, vượt kế "
        "hoạch năm. Lãnh đạo tỉnh cam kết tiếp tục cải thiện môi trường đầu tư, hỗ trợ doanh nghiệp sớm "
        "triển khai dự án.",
    ),
    (
        "Bùng phát dịch sốt xuất huyết tại phường Quang Trung",
        "Trung tâm Kiểm soát bệnh tật tỉnh cho biết, trong hai tuần qua phường Quang Trung ghi nhận 46 ca mắc "
        "sốt xuất huyết, tập trung tại tổ 9 và tổ 11. Đây là ổ dịch lớn nhất trên địa bàn từ đầu năm. Ngành y "
        "tế đã tổ chức phun hóa chất diệt muỗi trên diện rộng và vận động người dân loại bỏ dụng cụ chứa "
        "nước. Bác sĩ Phạm Thị Yến khuyến cáo người dân khi có biểu hiện sốt cao liên tục cần đến cơ sở y tế "
        "để được khám. Hiện 8 bệnh nhân đang điều trị nội trú tại Bệnh viện Đa khoa Trung ương Thái Nguyên.",
    ),
    (
        "Khởi tố nguyên kế toán xã tham ô hơn 1 tỷ đồng",
        "Cơ quan Cảnh sát điều tra Công an tỉnh vừa khởi tố vụ án, khởi tố bị can và bắt tạm giam Hà Thị Mai, "
        "nguyên kế toán UBND xã Phú Thịnh, về tội tham ô tài sản. Theo kết quả điều tra, từ năm 2019 đến 2022, "
        "Mai đã lập chứng từ khống để rút hơn 1,1 tỷ đồng từ nguồn kinh phí hỗ trợ hộ nghèo và chi trả chế độ "
        "chính sách. Số tiền chiếm đoạt được Mai sử dụng tiêu xài cá nhân. Vụ việc được phát hiện qua cuộc "
        "thanh tra của huyện Đại Từ. Cơ quan điều tra đang mở rộng điều tra, làm rõ trách nhiệm của các cá "
        "nhân liên quan.",
    ),
    (
        "Giá chè búp tươi tăng cao, người trồng chè phấn khởi",
        "Những ngày này, giá chè búp tươi tại vùng chè Tân Cương dao động từ 18.000 đến 22.000 đồng/kg, cao "
        "hơn khoảng 30% so với cùng kỳ năm trước. Nguyên nhân là nhu cầu chè chất lượng cao cho thị trường "
        "trong nước và xuất khẩu tăng mạnh. Bà Nguyễn Thị Thúy ở xóm Hích cho biết mỗi sào chè của gia đình "
        "cho thu nhập khoảng 6 triệu đồng mỗi lứa. Nhiều hợp tác xã đã ký hợp đồng bao tiêu sản phẩm với các "
        "doanh nghiệp. Ngành nông nghiệp khuyến cáo người dân sản xuất theo hướng an toàn để giữ uy tín "
        "thương hiệu chè Thái Nguyên.",
    ),
    (
        "Hơn 1.200 công nhân ngừng việc vì bị nợ lương",
        "Sáng 10/1, hơn 1.200 công nhân Công ty TNHH May mặc Hòa Bình tại khu công nghiệp Điềm Thụy đồng loạt "
        "ngừng việc. Người lao động cho biết công ty chậm trả lương tháng 11 và tháng 12, đồng thời chưa công "
        "bố mức thưởng Tết. Liên đoàn Lao động tỉnh đã cử cán bộ đến làm việc với ban giám đốc để nắm tình "
        "hình. Đại diện doanh nghiệp cho biết khó khăn về đơn hàng khiến dòng tiền bị thiếu hụt và cam kết "
        "trả đủ lương trước ngày 20/1. Đến chiều cùng ngày, phần lớn công nhân đã trở lại làm việc.",
    ),
    (
        "Sạt lở taluy trên tuyến ĐT 263, giao thông bị chia cắt",
        "Do ảnh hưởng của mưa lớn kéo dài, khoảng 3.000 m3 đất đá từ taluy dương đã đổ xuống mặt đường tỉnh "
        "263 đoạn qua xã Quảng Sơn vào tối 27/8. Tuyến đường bị chia cắt hoàn toàn, hàng trăm phương tiện "
        "phải quay đầu đi đường khác. Sở Giao thông vận tải đã chỉ đạo đơn vị quản lý đường bộ huy động máy "
        "xúc, ô tô tải để thông tuyến. Dự kiến đến trưa 28/8, xe cộ có thể lưu thông một làn. Ngành chức năng "
        "đề nghị người dân hạn chế di chuyển qua khu vực trong những ngày mưa.",
    ),
    (
        "Học sinh Thái Nguyên đoạt huy chương vàng Olympic Vật lý châu Á",
        "Em Lương Minh Khôi, học sinh lớp 12 chuyên Lý Trường THPT Chuyên Thái Nguyên, vừa giành huy chương "
        "vàng tại kỳ thi Olympic Vật lý châu Á năm 2025 tổ chức tại Ả Rập Xê Út. Đây là lần đầu tiên một học "
        "sinh của tỉnh đạt huy chương vàng tại kỳ thi này. Khôi từng đạt giải nhất kỳ thi học sinh giỏi quốc "
        "gia năm lớp 11. Thầy giáo chủ nhiệm Đỗ Văn Hải cho biết em có niềm đam mê đặc biệt với các bài toán "
        "cơ học. UBND tỉnh sẽ tổ chức khen thưởng cho em và giáo viên bồi dưỡng.",
    ),
    (
        "Người dân phản đối bãi rác Đá Mài gây ô nhiễm",
        "Nhiều hộ dân ở xóm Đá Mài, xã Tân Cương tiếp tục phản ánh bãi rác tập trung của thành phố gây mùi "
        "hôi thối nặng nề, nhất là vào những ngày nắng nóng. Nước rỉ rác chảy tràn ra ruộng, ao cá khiến "
        "nhiều hộ không thể canh tác. Ông Nguyễn Văn Sơn cho biết gia đình ông đã phải bỏ hai sào lúa vì nước "
        "bị ô nhiễm. Đại diện công ty môi trường đô thị thừa nhận hệ thống xử lý nước rỉ rác đã quá tải. "
        "UBND thành phố đã yêu cầu đơn vị vận hành khẩn trương khắc phục và báo cáo trong tháng 7.",
    ),
    (
        "Bệnh viện tỉnh ghép thận thành công cho bệnh nhân 42 tuổi",
        "Bệnh viện Đa khoa tỉnh vừa thực hiện thành công ca ghép thận từ người cho sống cho bệnh nhân nam 42 "
        "tuổi ở huyện Phú Bình. Người hiến thận là em gái ruột của bệnh nhân. Ca phẫu thuật do ê kíp các bác "
        "sĩ của bệnh viện thực hiện với sự hỗ trợ chuyên môn của Bệnh viện Việt Đức, kéo dài 5 giờ. Sau 7 "
        "ngày, chức năng thận ghép hoạt động tốt, sức khỏe người cho thận ổn định. Đây là ca ghép thận thứ 10 "
        "tại bệnh viện kể từ khi triển khai kỹ thuật này.",
    ),
    (
        "Triệt phá đường dây đánh bạc qua mạng quy mô 50 tỷ đồng",
        "Công an tỉnh vừa triệt phá thành công đường dây tổ chức đánh bạc qua mạng với tổng số tiền giao dịch "
        "khoảng 50 tỷ đồng. Cầm đầu đường dây là Vũ Đức Long, 38 tuổi, trú tại phường Túc Duyên. Các đối "
        "tượng sử dụng trang web cá độ bóng đá đặt máy chủ ở nước ngoài và thuê tài khoản ngân hàng để giao "
        "dịch. Cơ quan công an đã bắt giữ 9 đối tượng, thu giữ nhiều máy tính, điện thoại và sổ sách ghi chép. "
        "Vụ án đang được mở rộng điều tra.",
    ),
    (
        "Thành phố Phổ Yên hoàn thành xóa nhà tạm cho hộ nghèo",
        "Đến hết tháng 9, thành phố Phổ Yên đã hoàn thành xây mới và sửa chữa 186 căn nhà cho hộ nghèo, hộ "
        "cận nghèo và gia đình chính sách. Tổng kinh phí thực hiện hơn 9 tỷ đồng, huy động từ ngân sách, Quỹ "
        "Vì người nghèo và sự đóng góp của doanh nghiệp. Mỗi căn nhà xây mới được hỗ trợ 60 triệu đồng, sửa "
        "chữa 30 triệu đồng. Bà Đặng Thị Lan ở phường Đồng Tiến xúc động khi được nhận nhà mới trước mùa mưa "
        "bão. Thành phố là địa phương đầu tiên của tỉnh về đích chương trình trước thời hạn.",
    ),
    (
        "Mất điện diện rộng do sự cố trạm biến áp 110 kV",
        "Chiều 3/6, sự cố tại trạm biến áp 110 kV Gò Đầm khiến hàng nghìn khách hàng tại ba phường phía nam "
        "thành phố mất điện trong khoảng 4 giờ. Thời điểm xảy ra sự cố, nhiệt độ ngoài trời lên tới 38 độ C "
        "nên nhiều hộ dân và cơ sở kinh doanh bị ảnh hưởng. Công ty Điện lực cho biết nguyên nhân ban đầu do "
        "chập máy cắt phía 22 kV. Đến 19 giờ cùng ngày, điện đã được cấp trở lại. Ngành điện khuyến cáo khách "
        "hàng sử dụng điện tiết kiệm trong cao điểm nắng nóng.",
    ),
    (
        "Khai mạc Festival Trà Thái Nguyên lần thứ 6",
        "Tối 28/12, tại quảng trường 20-8, Festival Trà Thái Nguyên lần thứ 6 chính thức khai mạc với chủ đề "
        "Tinh hoa trà Việt. Sự kiện thu hút hơn 300 gian hàng của các doanh nghiệp, hợp tác xã trà trong và "
        "ngoài nước. Trong 5 ngày diễn ra festival có nhiều hoạt động như hội thi pha trà, triển lãm nghệ "
        "thuật trà và tour du lịch vùng chè. Ban tổ chức dự kiến đón khoảng 200.000 lượt khách. Đây là dịp để "
        "quảng bá thương hiệu chè Thái Nguyên tới bạn bè trong nước và quốc tế.",
    ),
    (
        "Ngộ độc thực phẩm sau đám cưới, 37 người nhập viện",
        "Tối 16/5, sau khi ăn cỗ cưới tại một gia đình ở xóm Na Khâm, xã Liên Minh, nhiều người có biểu hiện "
        "đau bụng, nôn, đi ngoài. Đến sáng 17/5, đã có 37 người phải nhập viện điều trị tại Trung tâm Y tế "
        "huyện Võ Nhai. Các bác sĩ nhận định các bệnh nhân bị ngộ độc thực phẩm, sức khỏe hiện đã ổn định. Đoàn "
        "kiểm tra của Sở Y tế đã lấy mẫu thức ăn gửi đi xét nghiệm để xác định nguyên nhân. Món nộm và thịt "
        "lợn luộc được nghi là nguồn gây ngộ độc.",
    ),
    (
        "Xã Liên Minh: ngộ độc nấm rừng, 2 người nguy kịch",  # same subject as the story above
        "Ngày 3/10, gia đình ông Lý Văn Cường ở xóm Khuổi Ngọa, xã Liên Minh hái nấm trong rừng về nấu ăn. "
        "Khoảng 6 giờ sau, cả 4 người trong gia đình xuất hiện triệu chứng nôn, đau bụng dữ dội. Người thân đã "
        "đưa các nạn nhân đến Trung tâm Y tế huyện Võ Nhai, sau đó chuyển lên tuyến trên. Hiện 2 người đang "
        "trong tình trạng nguy kịch do suy gan cấp. Ngành y tế khuyến cáo người dân tuyệt đối không hái, ăn "
        "các loại nấm lạ mọc hoang.",
    ),
)

# Templates of routine releases: one wording, other communes, names and figures. Every fill is its own story.
TEMPLATES: tuple[tuple[str, str, tuple[dict[str, str], ...]], ...] = (
    (
        "Xã {xa} tổ chức lễ phát động Tết trồng cây năm {nam}",
        "Sáng {ngay}, UBND xã {xa} tổ chức lễ phát động Tết trồng cây đời đời nhớ ơn Bác Hồ năm {nam}. Dự lễ có "
        "đồng chí {nguoi}, Bí thư Đảng ủy xã, cùng đông đảo cán bộ, đoàn viên thanh niên và nhân dân. Ngay sau "
        "lễ phát động, các đại biểu đã trồng {so} cây xanh tại khuôn viên trụ sở và các tuyến đường liên thôn. "
        "Năm nay, xã phấn đấu trồng mới {ha} ha rừng sản xuất và {cay} cây phân tán.",
        (
            {
                "xa": "Phúc Xuân",
                "nam": "2025",
                "ngay": "5/2",
                "nguoi": "Nguyễn Văn Tuấn",
                "so": "500",
                "ha": "20",
                "cay": "3.000",
            },
            {
                "xa": "Tân Cương",
                "nam": "2025",
                "ngay": "7/2",
                "nguoi": "Hoàng Thị Nga",
                "so": "350",
                "ha": "12",
                "cay": "2.500",
            },
            {
                "xa": "Yên Lãng",
                "nam": "2024",
                "ngay": "16/2",
                "nguoi": "Ma Đình Lực",
                "so": "800",
                "ha": "35",
                "cay": "5.000",
            },
        ),
    ),
    (
        "Thông báo tuyển dụng viên chức {don_vi} năm {nam}",
        "{don_vi} thông báo tuyển dụng viên chức năm {nam}. Số lượng cần tuyển là {so} chỉ tiêu, gồm các vị trí "
        "{vi_tri}. Thời gian nhận phiếu đăng ký dự tuyển từ ngày {tu} đến hết ngày {den} trong giờ hành chính. "
        "Địa điểm nhận phiếu tại {dia_diem}. Mọi thông tin chi tiết xin liên hệ số điện thoại {dt} để được "
        "hướng dẫn.",
        (
            {
                "don_vi": "Bệnh viện Đa khoa huyện Phú Lương",
                "nam": "2025",
                "so": "12",
                "vi_tri": "bác sĩ, điều dưỡng và kỹ thuật viên xét nghiệm",
                "tu": "1/8",
                "den": "30/8",
                "dia_diem": "phòng Tổ chức cán bộ của bệnh viện",
                "dt": "0208.3870.115",
            },
            {
                "don_vi": "Trung tâm Y tế thành phố Sông Công",
                "nam": "2025",
                "so": "7",
                "vi_tri": "bác sĩ y học dự phòng và dược sĩ",
                "tu": "15/8",
                "den": "15/9",
                "dia_diem": "phòng Tổ chức - Hành chính của trung tâm",
                "dt": "0208.3862.401",
            },
            {
                "don_vi": "Trường Cao đẳng Công nghiệp Thái Nguyên",
                "nam": "2024",
                "so": "20",
                "vi_tri": "giảng viên cơ khí, điện và công nghệ thông tin",
                "tu": "3/6",
                "den": "3/7",
                "dia_diem": "phòng Tổ chức của nhà trường",
                "dt": "0208.3844.927",
            },
        ),
    ),
    (
        "Lũ cuốn trôi {so_nha} nhà ở xã {xa}",
        "Mưa lớn đêm {ngay} khiến nước suối dâng cao, gây lũ tại xã {xa}, huyện {huyen}. Lũ đã cuốn trôi "
        "{so_nha} ngôi nhà, làm ngập {so_ngap} nhà khác và vùi lấp {ha} ha lúa. {thuong_vong} UBND xã đã huy "
        "động lực lượng giúp dân di dời tài sản đến nơi an toàn. Ông {nguoi}, Chủ tịch UBND xã, cho biết thiệt "
        "hại ban đầu ước khoảng {tien} tỷ đồng.",
        (
            {
                "ngay": "12/7",
                "xa": "Thần Sa",
                "huyen": "Võ Nhai",
                "so_nha": "3",
                "so_ngap": "15",
                "ha": "8",
                "thuong_vong": "Một người bị thương nhẹ.",
                "nguoi": "La Văn Thành",
                "tien": "2",
            },
            {
                "ngay": "12/7",
                "xa": "Nghinh Tường",
                "huyen": "Võ Nhai",
                "so_nha": "6",
                "so_ngap": "40",
                "ha": "21",
                "thuong_vong": "Không có thiệt hại về người.",
                "nguoi": "Triệu Văn Đông",
                "tien": "5",
            },
            {
                "ngay": "9/8",
                "xa": "Thần Sa",
                "huyen": "Võ Nhai",
                "so_nha": "2",
                "so_ngap": "9",
                "ha": "4",
                "thuong_vong": "Hai người mất tích.",
                "nguoi": "La Văn Thành",
                "tien": "1,5",
            },
        ),
    ),
    (
        "Trao {so} suất quà cho hộ nghèo xã {xa}",
        "Nhân dịp Tết Nguyên đán, ngày {ngay}, {don_vi} đã đến thăm và trao {so} suất quà cho các hộ nghèo, hộ "
        "cận nghèo trên địa bàn xã {xa}. Mỗi suất quà gồm {qua} trị giá {gia} đồng. Phát biểu tại buổi trao "
        "quà, ông {nguoi} mong muốn các gia đình vượt qua khó khăn, đón Tết vui tươi, đầm ấm. Thay mặt các hộ "
        "được nhận quà, bà con bày tỏ sự cảm ơn trước sự quan tâm của các cấp, các ngành.",
        (
            {
                "ngay": "20/1",
                "don_vi": "Công ty Điện lực Thái Nguyên",
                "so": "100",
                "xa": "Vũ Chấn",
                "qua": "gạo, bánh chưng và tiền mặt",
                "gia": "1 triệu",
                "nguoi": "Nguyễn Đức Thịnh",
            },
            {
                "ngay": "22/1",
                "don_vi": "Ngân hàng Chính sách xã hội tỉnh",
                "so": "80",
                "xa": "Quy Kỳ",
                "qua": "chăn ấm, dầu ăn và tiền mặt",
                "gia": "800.000",
                "nguoi": "Phạm Quang Huy",
            },
            {
                "ngay": "25/1",
                "don_vi": "Công ty Điện lực Thái Nguyên",
                "so": "120",
                "xa": "Bình Yên",
                "qua": "gạo, bánh chưng và tiền mặt",
                "gia": "1 triệu",
                "nguoi": "Nguyễn Đức Thịnh",
            },
        ),
    ),
    (
        "Hội nghị triển khai nhiệm vụ năm {nam} của {don_vi}",
        "Ngày {ngay}, {don_vi} tổ chức hội nghị tổng kết công tác năm {nam_truoc} và triển khai nhiệm vụ năm "
        "{nam}. Năm qua, đơn vị đã hoàn thành {so}/{tong} chỉ tiêu được giao, trong đó {vuot} chỉ tiêu vượt kế "
        "hoạch. Phát biểu chỉ đạo hội nghị, đồng chí {nguoi} đề nghị đơn vị tập trung đẩy mạnh cải cách hành "
        "chính và chuyển đổi số. Dịp này, {khen} tập thể và cá nhân được khen thưởng vì thành tích xuất sắc.",
        (
            {
                "ngay": "8/1",
                "don_vi": "Sở Tài nguyên và Môi trường",
                "nam": "2025",
                "nam_truoc": "2024",
                "so": "12",
                "tong": "12",
                "vuot": "4",
                "nguoi": "Đặng Xuân Trường",
                "khen": "15",
            },
            {
                "ngay": "10/1",
                "don_vi": "Sở Nông nghiệp và Phát triển nông thôn",
                "nam": "2025",
                "nam_truoc": "2024",
                "so": "18",
                "tong": "19",
                "vuot": "7",
                "nguoi": "Nguyễn Thanh Bình",
                "khen": "22",
            },
            {
                "ngay": "12/1",
                "don_vi": "Sở Tài nguyên và Môi trường",
                "nam": "2024",
                "nam_truoc": "2023",
                "so": "11",
                "tong": "12",
                "vuot": "3",
                "nguoi": "Đặng Xuân Trường",
                "khen": "12",
            },
        ),
    ),
)

_OUTLET_PREFIXES = (
    "(Báo Thái Nguyên) - ",
    "THÁI NGUYÊN (TTXVN) - ",
    "(NLĐ) - ",
    "(Dân trí) - ",
    "Thái Nguyên - ",
    "(Baothainguyen.vn) ",
)
_OUTLET_SUFFIXES = (
    "\nTheo TTXVN",
    "\nMinh Hằng",
    "\n(Theo VOV)",
    "\nNguồn: Báo Thái Nguyên",
    "\nQuang Minh - Thu Trang",
)
_CAPTIONS = ("Ảnh: Minh Hằng.", "Ảnh: TTXVN.", "(Ảnh minh họa)", "Ảnh: Đức Anh/Báo Thái Nguyên.")
_ADDED_SENTENCES = (
    "Phóng viên sẽ tiếp tục thông tin về vụ việc.",
    "Thông tin ban đầu đã được báo cáo lên cấp trên.",
    "Người dân địa phương đánh giá đây là sự việc hiếm gặp trong nhiều năm qua.",
    "Cơ quan chức năng đang tiếp tục làm rõ các nội dung liên quan.",
    "Vụ việc đang thu hút sự quan tâm của dư luận trên địa bàn.",
)
_TITLE_PREFIXES = ("Thái Nguyên: ", "Nóng: ", "Tin mới: ", "[Video] ", "")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[^\s])")


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text.strip()) if s]


_OLD_STYLE = re.compile(r"([òóỏõọÒÓỎÕỌ])([aeAE])(?![^\W\d_])|([ùúủũụÙÚỦŨỤ])([yY])(?![^\W\d_])")


def old_style_tones(text: str) -> str:
    """Move tones to the second vowel of open oa/oe/uy syllables, as older keyboards do (hòa -> hoà)."""

    def move(match: re.Match[str]) -> str:
        first, second = (
            (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
        )
        bare, tone = VOWELS[first]
        return bare + compose(second, tone)

    return _OLD_STYLE.sub(move, text)


def _retitle(title: str, rng: random.Random) -> str:
    words = title.split()
    if len(words) > 6 and rng.random() < 0.5:
        cut = rng.randrange(3, len(words) - 2)
        words = words[:cut] + words[cut + 1 :]
    return rng.choice(_TITLE_PREFIXES) + " ".join(words)


def _op_tag(text: str, rng: random.Random) -> str:
    if rng.random() < 0.6:
        text = rng.choice(_OUTLET_PREFIXES) + text
    if rng.random() < 0.6:
        text = text + rng.choice(_OUTLET_SUFFIXES)
    return text


def _op_caption(text: str, rng: random.Random) -> str:
    sentences = _sentences(text)
    sentences.insert(rng.randrange(1, len(sentences) + 1), rng.choice(_CAPTIONS))
    return " ".join(sentences)


def _op_drop(text: str, rng: random.Random) -> str:
    sentences = _sentences(text)
    if len(sentences) < 4:
        return text
    del sentences[rng.randrange(1, len(sentences))]
    return " ".join(sentences)


def _op_add(text: str, rng: random.Random) -> str:
    sentences = _sentences(text)
    sentences.insert(rng.randrange(1, len(sentences) + 1), rng.choice(_ADDED_SENTENCES))
    return " ".join(sentences)


def _op_tones(text: str, rng: random.Random) -> str:
    return old_style_tones(text)


def _op_nfd(text: str, rng: random.Random) -> str:
    return unicodedata.normalize("NFD", text)


def _op_spacing(text: str, rng: random.Random) -> str:
    sentences = _sentences(text)
    out = []
    for sentence in sentences:
        out.append(sentence)
        out.append("\n\n" if rng.random() < 0.3 else "  ")
    return "".join(out).replace('"', "“", 1)


# Light edits that copy desks make; each replaces one phrase once.
_REWORDINGS = (
    ("cho biết", "thông tin"),
    ("hiện nay", "hiện tại"),
    ("người dân", "bà con"),
    ("đã được", "được"),
    ("khoảng", "chừng"),
    ("tuy nhiên", "song"),
    ("ngày", "hôm"),
    ("rất", "khá"),
)


def _op_reword(text: str, rng: random.Random) -> str:
    for old, new in rng.sample(_REWORDINGS, 3):
        text = text.replace(old, new, 1)
    return text


def _op_lead(text: str, rng: random.Random) -> str:
    """Aggregators that publish only the first part of the article."""
    sentences = _sentences(text)
    if len(sentences) < 6:
        return text
    return " ".join(sentences[: (len(sentences) * 2 + 2) // 3])


_OPERATIONS: tuple[Callable[[str, random.Random], str], ...] = (
    _op_caption,
    _op_drop,
    _op_add,
    _op_tones,
    _op_nfd,
    _op_spacing,
    _op_reword,
    _op_lead,
)


def make_variant(title: str | None, text: str, rng: random.Random) -> tuple[str | None, str]:
    """A republication: two to four edits, then usually an outlet tag, and a new title when there is one."""
    for operation in rng.sample(_OPERATIONS, rng.randint(2, 4)):
        text = operation(text, rng)
    if rng.random() < 0.7:
        text = _op_tag(text, rng)
    return (_retitle(title, rng) if title else None), text


_NAME_SYLLABLES = (
    "An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hùng", "Khánh", "Lâm", "Linh", "Long",
    "Mai", "Nam", "Ngọc", "Phong", "Phúc", "Quang", "Sơn", "Tâm", "Thành", "Thủy", "Trung", "Tuấn", "Vinh",
)  # fmt: skip
_REFILL_NUMBER = re.compile(r"\d+")


_UPPER = "".join(sorted(c for c in VIETNAMESE_LETTERS if c.isupper()))
_LOWER = "".join(sorted(c for c in VIETNAMESE_LETTERS if c.islower()))
# Capitalised words after a word and a space: names of people and places, not sentence openings.
_REFILL_NAME = re.compile(rf"(?<=[^\W\d_] )[{_UPPER}][{_LOWER}]*(?![^\W_])")


def refill(text: str, rng: random.Random) -> str | None:
    """The same wording with other figures and other names: what a template release looks like when it is
    filled in for another commune or another month. A different story, however similar the words.
    None when the text has fewer than four distinct names and figures to change (it would be a plain copy)."""
    names: dict[str, str] = {}
    numbers: set[str] = set()

    def name(match: re.Match[str]) -> str:
        word = match.group()
        return names.setdefault(word, rng.choice([n for n in _NAME_SYLLABLES if n != word]))

    def number(match: re.Match[str]) -> str:
        digits = match.group()
        numbers.add(digits)
        while True:
            other = "".join(str(rng.randrange(10)) for _ in digits)
            if other != digits:
                return other

    refilled = _REFILL_NAME.sub(name, _REFILL_NUMBER.sub(number, normalize(text)))
    return refilled if len(names) + len(numbers) >= 4 else None


def template_stories() -> list[tuple[str, str]]:
    return [(title.format(**fill), body.format(**fill)) for title, body, fills in TEMPLATES for fill in fills]


def vntc_bases(data_dir: Path, count: int, seed: int = 7) -> list[tuple[None, str]]:
    """``count`` VNTC articles (300-4000 characters), pairwise distinct: any two sharing 15% or more of
    their 3-shingles are treated as one story in the corpus (VNTC holds copies) and only one is kept."""
    rng = random.Random(seed)
    with gzip.open(data_dir / "vntc" / "train.jsonl.gz", "rt", encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle]
    rng.shuffle(texts)
    chosen: list[tuple[None, str]] = []
    seen_shingles: dict[str, int] = {}
    for text in texts:
        if not 300 <= len(text) <= 4000:
            continue
        words = normalize(text).lower().split()
        shingles = {" ".join(words[i : i + 3]) for i in range(len(words) - 2)}
        overlaps = Counter(seen_shingles[s] for s in shingles if s in seen_shingles)
        if overlaps and overlaps.most_common(1)[0][1] >= 0.15 * len(shingles):
            continue
        for shingle in shingles:
            seen_shingles.setdefault(shingle, len(chosen))
        chosen.append((None, text))
        if len(chosen) >= count:
            break
    return chosen


def generate(
    bases: Sequence[tuple[str | None, str]] | None = None,
    seed: int = 1,
    max_variants: int = 4,
    refills: float = 0.25,
) -> list[EvalItem]:
    """Bases (default: the hand-written stories) with 0..max_variants republications each, a ``refills``
    share of them also re-filled with other names and figures (a separate story), plus the template
    releases, shuffled. Refills and template fills never get variants: they exist to be told apart."""
    rng = random.Random(seed)
    items: list[EvalItem] = []
    story_bases = list(BASE_STORIES) if bases is None else list(bases)
    for number, (title, text) in enumerate(story_bases):
        story = f"s{number:04d}"
        items.append(EvalItem(f"{story}-0", title, text, story))
        for k in range(1, rng.randint(0, max_variants) + 1):
            variant_title, variant_text = make_variant(title, text, rng)
            items.append(EvalItem(f"{story}-{k}", variant_title, variant_text, story))
        if rng.random() < refills and (refilled := refill(text, rng)) is not None:
            items.append(EvalItem(f"r{number:04d}-0", title, refilled, f"r{number:04d}"))
    for number, (title, text) in enumerate(template_stories()):
        items.append(EvalItem(f"t{number:03d}-0", title, text, f"t{number:03d}"))
    rng.shuffle(items)
    return items


def _pairs(labels: Iterable[str]) -> int:
    return sum(n * (n - 1) // 2 for n in Counter(labels).values())


def pairwise_scores(gold: dict[str, str], predicted: dict[str, str]) -> dict[str, float]:
    """Pairwise precision, recall and F1 of a clustering (item id -> cluster) against the gold one."""
    ids = list(gold)
    true_pairs = _pairs(gold[i] for i in ids)
    predicted_pairs = _pairs(predicted[i] for i in ids)
    correct = _pairs(f"{gold[i]}\x00{predicted[i]}" for i in ids)
    precision = correct / predicted_pairs if predicted_pairs else 1.0
    recall = correct / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "true_pairs": float(true_pairs),
        "predicted_pairs": float(predicted_pairs),
    }


def errors(items: Sequence[EvalItem], predicted: dict[str, str]) -> list[tuple[str, str]]:
    """Item pairs that were split or merged wrongly, for reading the failures."""
    wrong = []
    for a, b in combinations(items, 2):
        if (a.story == b.story) != (predicted[a.id] == predicted[b.id]):
            wrong.append((a.id, b.id))
    return wrong


def evaluate(
    items: Sequence[EvalItem], assign: Callable[[list[tuple[str, str, str | None]]], dict[str, str]]
) -> dict[str, float]:
    predicted = assign([(item.id, item.text, item.title) for item in items])
    scores = pairwise_scores({item.id: item.story for item in items}, predicted)
    scores["items"] = float(len(items))
    scores["stories"] = float(len({item.story for item in items}))
    return scores
