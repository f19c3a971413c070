"""Templates for a planted surge: a burst of negative stories about one commune.

ĐÂY LÀ DỮ LIỆU MẪU. The trends/alerts end-to-end test plants these to see an alert fire; each template is
one follow-up of the same local crisis, so the burst reads like a real news cycle. Placeholders:
{unit} ("xã Ba Bể"), {Unit} ("Xã Ba Bể"), {name} ("Ba Bể").
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SurgeTemplate:
    theme: str
    titles: tuple[str, ...]
    lead: str
    body: tuple[str, ...]


SURGE_TEMPLATES: tuple[SurgeTemplate, ...] = (
    SurgeTemplate(
        theme="o_nhiem",
        titles=(
            "Nguồn nước sinh hoạt ở {unit} nhiễm bẩn, hàng trăm hộ hoang mang",
            "{Unit}: Nước máy đục ngầu, bốc mùi lạ",
        ),
        lead=(
            "Từ hai ngày nay, nước máy cấp cho hàng trăm hộ dân ở {unit} đục ngầu, có mùi hôi, nhiều người dùng "
            "nước bị đau bụng, ngứa da."
        ),
        body=(
            "Người dân phải mua nước đóng bình để ăn uống, nhiều gia đình có trẻ nhỏ phải đi xin nước giếng của "
            "hàng xóm. Đơn vị cấp nước chưa đưa ra lời giải thích.",
            "Chính quyền {unit} cho biết đã lấy mẫu nước gửi đi xét nghiệm và đề nghị đơn vị cấp nước tạm dừng cấp "
            "nước cho đến khi có kết quả.",
        ),
    ),
    SurgeTemplate(
        theme="o_nhiem",
        titles=(
            "Xét nghiệm nước ở {unit}: Chỉ tiêu vi sinh vượt ngưỡng nhiều lần",
            "Nước sinh hoạt ở {name} không đạt chuẩn, người dân bức xúc",
        ),
        lead=(
            "Kết quả xét nghiệm cho thấy mẫu nước máy lấy tại {unit} có chỉ tiêu vi sinh vượt quy chuẩn nhiều lần, "
            "người dân yêu cầu làm rõ trách nhiệm."
        ),
        body=(
            "Theo người dân, bể chứa của trạm cấp nước không được vệ sinh định kỳ, nắp bể hư hỏng từ lâu mà không "
            "được sửa chữa.",
            "Nhiều hộ đề nghị được hoàn tiền nước và cấp nước sạch tạm thời bằng xe bồn trong thời gian khắc phục.",
        ),
    ),
    SurgeTemplate(
        theme="cai_cach_hanh_chinh",
        titles=(
            "Người dân {unit} tập trung đông tại trụ sở, đề nghị đối thoại về nước sạch",
            "Dân {name} kéo đến UBND xã đòi giải thích sự cố nước",
        ),
        lead=(
            "Sáng nay, hàng chục người dân {unit} tập trung tại trụ sở UBND, đề nghị lãnh đạo địa phương đối thoại "
            "về sự cố nguồn nước kéo dài."
        ),
        body=(
            "Người dân cho rằng chính quyền chậm thông tin, để bà con tự tìm hiểu qua mạng xã hội, gây hoang mang.",
            "Lãnh đạo {unit} đã tiếp dân, hứa công bố kết quả kiểm tra và phương án khắc phục trong tuần.",
        ),
    ),
    SurgeTemplate(
        theme="y_te",
        titles=(
            "Hàng chục người ở {unit} nhập viện nghi ngộ độc",
            "{Unit}: Nhiều người đau bụng, tiêu chảy sau khi dùng nước máy",
        ),
        lead=(
            "Trung tâm y tế khu vực đã tiếp nhận hơn 30 người dân {unit} nhập viện với triệu chứng đau bụng, tiêu "
            "chảy, nghi liên quan đến nguồn nước sinh hoạt."
        ),
        body=(
            "Phần lớn bệnh nhân là trẻ em và người cao tuổi. Ngành y tế đã cử đội phản ứng nhanh xuống địa bàn điều "
            "tra dịch tễ.",
            "Người dân được khuyến cáo đun sôi nước trước khi sử dụng và đến cơ sở y tế ngay khi có triệu chứng.",
        ),
    ),
    SurgeTemplate(
        theme="thien_tai",
        titles=(
            "Sạt lở taluy ở {unit}, đường vào trung tâm xã bị chia cắt",
            "Đất đá vùi lấp đường ở {name} sau mưa lớn",
        ),
        lead=(
            "Mưa lớn trong đêm làm sạt lở hàng nghìn mét khối đất đá xuống tuyến đường chính của {unit}, giao thông "
            "bị chia cắt hoàn toàn."
        ),
        body=(
            "Nhiều hộ dân ven đường phải sơ tán khẩn cấp. Lực lượng chức năng đang huy động máy móc thông tuyến tạm.",
            "Người dân phản ánh điểm sạt lở đã có vết nứt từ trước nhưng chưa được gia cố.",
        ),
    ),
    SurgeTemplate(
        theme="tham_nhung",
        titles=(
            "Dân tố cán bộ {unit} thu tiền hỗ trợ khắc phục thiên tai",
            "Nghi vấn “ăn chặn” tiền hỗ trợ ở {name}",
        ),
        lead=(
            "Nhiều hộ dân {unit} gửi đơn phản ánh việc một số cán bộ thôn thu lại một phần tiền hỗ trợ khắc phục hậu "
            "quả thiên tai với lý do “đóng góp chung”."
        ),
        body=(
            "Theo đơn phản ánh, mỗi hộ được hỗ trợ 3 triệu đồng nhưng phải nộp lại 500.000 đồng. Có hộ không được "
            "thông báo về khoản hỗ trợ.",
            "Cơ quan chức năng đã vào cuộc xác minh nội dung phản ánh.",
        ),
    ),
    SurgeTemplate(
        theme="giao_thong",
        titles=(
            "Xe quá tải cày nát đường liên thôn ở {unit}",
            "Đường mới làm ở {name} đã hư hỏng nặng",
        ),
        lead=(
            "Tuyến đường liên thôn dài 5 km ở {unit} mới đưa vào sử dụng chưa đầy một năm đã hư hỏng nặng do xe tải "
            "chở vật liệu chạy suốt ngày đêm."
        ),
        body=(
            "Mặt đường bê tông nứt vỡ, nhiều đoạn lún sâu thành vũng bùn. Học sinh đi học phải lội bùn.",
            "Người dân đề nghị kiểm tra chất lượng công trình và xử lý tình trạng xe quá tải.",
        ),
    ),
    SurgeTemplate(
        theme="o_nhiem",
        titles=(
            "Cơ sở chăn nuôi xả thải ra suối, người dân {unit} bức xúc",
            "Mùi hôi từ trang trại lợn bủa vây khu dân cư {name}",
        ),
        lead=(
            "Một trang trại chăn nuôi lợn quy mô lớn ở {unit} bị phản ánh xả nước thải chưa qua xử lý ra suối, gây "
            "mùi hôi nồng nặc."
        ),
        body=(
            "Dòng suối chảy qua khu dân cư chuyển màu đen, cá chết nổi trắng. Nhiều hộ không dám dùng nước suối để tưới rau.",
            "Chính quyền địa phương cho biết đã lập biên bản, yêu cầu trang trại dừng xả thải và khắc phục.",
        ),
    ),
)
