"""Sample stories: administrative reform, digital transformation, two-level government, investment.

ĐÂY LÀ DỮ LIỆU MẪU: invented stories, invented people and invented figures, written for tests and demos.
"""

from __future__ import annotations

from loa.demo.newsroom.content.model import BaseStory as S

STORIES: tuple[S, ...] = (
    S(
        key="ccth-trung-tam-hanh-chinh-cong",
        theme="cai_cach_hanh_chinh",
        tone="positive",
        communes=(),
        age_hours=30,
        outlets=("cong-ttdt", "bao-thai-nguyen", "kinh-te-vung"),
        category="Chỉ đạo điều hành",
        title="Trung tâm Phục vụ hành chính công tỉnh giải quyết 98% hồ sơ đúng hạn",
        alt_titles=(
            "98% hồ sơ hành chính được trả đúng hẹn tại Trung tâm Phục vụ hành chính công",
            "Thái Nguyên: Hồ sơ hành chính trả đúng hạn đạt 98%",
        ),
        lead=(
            "Trong tháng qua, Trung tâm Phục vụ hành chính công tỉnh tiếp nhận hơn 21.000 hồ sơ, "
            "trong đó 98,2% được giải quyết đúng và trước hạn, tăng gần 3 điểm phần trăm so với quý trước."
        ),
        body=(
            "Theo báo cáo của Văn phòng UBND tỉnh, lĩnh vực đất đai, tư pháp và đăng ký kinh doanh chiếm "
            "hơn một nửa số hồ sơ. Tỷ lệ hồ sơ nộp trực tuyến toàn trình đạt 64%, cao nhất từ trước đến nay.",
            "Bà Lục Thị Hạnh, Giám đốc Trung tâm, cho biết việc bố trí thêm quầy hướng dẫn và số hóa kết quả "
            "giải quyết giúp người dân không phải mang theo bản giấy khi làm các thủ tục tiếp theo.",
            "Tại quầy tiếp nhận, ông Ma Văn Toản, người dân phường Phan Đình Phùng, cho hay chỉ mất khoảng "
            "15 phút để nộp hồ sơ cấp đổi giấy chứng nhận quyền sử dụng đất. “Cán bộ hướng dẫn tận tình, "
            "tôi được nhắn tin báo ngày trả kết quả”, ông nói.",
            "Trung tâm đặt mục tiêu đến cuối năm không còn hồ sơ trễ hạn ở các thủ tục liên thông giữa tỉnh và xã.",
        ),
    ),
    S(
        key="ccth-ho-so-dat-dai-tre-hen",
        theme="cai_cach_hanh_chinh",
        tone="negative",
        communes=("xã Chợ Mới",),
        age_hours=52,
        outlets=("tin-mien-nui", "doi-song-phap-luat", "trang-cong-dong"),
        category="Bạn đọc",
        title="Người dân xã Chợ Mới mòn mỏi chờ sổ đỏ, hồ sơ trễ hẹn nhiều tháng",
        alt_titles=(
            "Hồ sơ đất đai ở Chợ Mới trễ hẹn, dân đi lại nhiều lần vẫn chưa có kết quả",
            "Bạn đọc phản ánh: Chờ sổ đỏ gần nửa năm ở xã Chợ Mới",
        ),
        lead=(
            "Nhiều hộ dân ở xã Chợ Mới (trước đây thuộc huyện Chợ Mới, tỉnh Bắc Kạn) phản ánh hồ sơ cấp giấy "
            "chứng nhận quyền sử dụng đất nộp từ đầu năm đến nay vẫn chưa có kết quả."
        ),
        body=(
            "Ông Hà Văn Khởi, thôn Nà Ngõa, cho biết gia đình nộp hồ sơ tách thửa từ tháng Ba. Mỗi lần lên hỏi, "
            "cán bộ đều hẹn thêm hai tuần vì phải chờ đo đạc lại và xác minh nguồn gốc đất.",
            "Theo phản ánh, sau khi huyện Chợ Mới kết thúc hoạt động, một phần hồ sơ tồn đọng được chuyển về xã "
            "nhưng việc bàn giao dữ liệu địa chính chưa đầy đủ, khiến nhiều hồ sơ phải làm lại từ đầu.",
            "Trao đổi với phóng viên, lãnh đạo UBND xã Chợ Mới thừa nhận có 37 hồ sơ đất đai quá hạn, chủ yếu do "
            "thiếu công chức địa chính có kinh nghiệm. Xã đã đề nghị Sở Nông nghiệp và Môi trường hỗ trợ nhân lực.",
            "Người dân mong cơ quan chức năng sớm có văn bản xin lỗi và hẹn lại thời gian trả kết quả cụ thể.",
        ),
    ),
    S(
        key="ccth-thu-xin-loi-pho-yen",
        theme="cai_cach_hanh_chinh",
        tone="neutral",
        communes=("phường Phổ Yên",),
        age_hours=140,
        outlets=("bao-thai-nguyen", "cong-ttdt"),
        title="Phường Phổ Yên gửi 126 thư xin lỗi vì giải quyết hồ sơ trễ hạn",
        alt_titles=("Phổ Yên: Chủ động xin lỗi người dân vì hồ sơ trễ hạn",),
        lead=(
            "UBND phường Phổ Yên vừa gửi 126 thư xin lỗi tới tổ chức, cá nhân có hồ sơ bị trễ hạn, chủ yếu "
            "trong lĩnh vực đất đai và xây dựng."
        ),
        body=(
            "Phường Phổ Yên được thành lập trên cơ sở một phần thị xã Phổ Yên cũ. Khối lượng hồ sơ tiếp nhận "
            "sau sắp xếp tăng gần gấp đôi trong khi bộ phận một cửa mới được kiện toàn.",
            "Chủ tịch UBND phường cho biết đã phân công lại nhiệm vụ, bổ sung hai công chức cho bộ phận tiếp "
            "nhận và cam kết trả kết quả các hồ sơ tồn trong tháng này.",
            "Theo quy định, cơ quan giải quyết thủ tục hành chính trễ hạn phải gửi văn bản xin lỗi, nêu rõ lý do "
            "và hẹn lại thời gian trả kết quả.",
        ),
    ),
    S(
        key="ccth-chi-so-par-index",
        theme="cai_cach_hanh_chinh",
        tone="neutral",
        communes=(),
        age_hours=410,
        outlets=("cong-ttdt", "bao-thai-nguyen", "kinh-te-vung", "tin-mien-nui"),
        category="Chỉ đạo điều hành",
        title="Thái Nguyên công bố chỉ số cải cách hành chính của các sở, ngành và xã, phường",
        alt_titles=(
            "Công bố Chỉ số cải cách hành chính năm 2024 của các cơ quan, địa phương",
            "Chỉ số cải cách hành chính: nhiều xã vùng cao còn ở nhóm cuối",
            "Xếp hạng cải cách hành chính các sở, ngành, địa phương",
        ),
        lead=(
            "UBND tỉnh vừa công bố kết quả Chỉ số cải cách hành chính của các sở, ban, ngành và UBND các xã, "
            "phường; lần đầu tiên đánh giá theo mô hình chính quyền địa phương hai cấp."
        ),
        body=(
            "Khối sở, ngành có điểm trung bình 84,6; Sở Tư pháp và Sở Khoa học và Công nghệ dẫn đầu. Ở cấp xã, "
            "các phường trung tâm như Phan Đình Phùng, Gia Sàng đạt điểm cao, trong khi một số xã vùng cao thuộc "
            "Bắc Kạn cũ còn ở nhóm cuối.",
            "Tiêu chí bị trừ điểm nhiều nhất là tỷ lệ hồ sơ trực tuyến toàn trình và mức độ số hóa kết quả giải "
            "quyết thủ tục hành chính.",
            "UBND tỉnh yêu cầu người đứng đầu các cơ quan, địa phương xếp hạng thấp xây dựng kế hoạch khắc phục, "
            "báo cáo trước ngày 30 của tháng tới.",
        ),
    ),
    S(
        key="cds-to-cong-nghe-so-ba-be",
        theme="chuyen_doi_so",
        tone="positive",
        communes=("xã Ba Bể",),
        age_hours=20,
        outlets=("bao-thai-nguyen", "tin-mien-nui", "cong-ttdt"),
        category="Chuyển đổi số",
        title="Tổ công nghệ số cộng đồng đến từng bản hướng dẫn người dân xã Ba Bể dùng VNeID",
        alt_titles=(
            "Ba Bể: Tổ công nghệ số cộng đồng “cầm tay chỉ việc” cho bà con vùng hồ",
            "Đưa dịch vụ công trực tuyến đến bà con quanh hồ Ba Bể",
        ),
        lead=(
            "Những ngày này, các thành viên tổ công nghệ số cộng đồng xã Ba Bể đi từng thôn, bản để hướng dẫn "
            "người dân kích hoạt tài khoản định danh điện tử và nộp hồ sơ trực tuyến."
        ),
        body=(
            "Xã Ba Bể hiện có 42 tổ công nghệ số cộng đồng với hơn 200 thành viên, phần lớn là đoàn viên thanh "
            "niên và giáo viên. Mỗi tối, nhà văn hóa thôn Pác Ngòi sáng đèn đến 21 giờ để bà con mang điện thoại "
            "đến nhờ cài đặt.",
            "Bà Hoàng Thị Lan, 61 tuổi, lần đầu tự đăng ký khai sinh cho cháu nội qua điện thoại. “Trước phải đi "
            "ra trung tâm huyện mấy chục cây số, giờ ngồi ở nhà cũng làm được”, bà nói.",
            "Theo UBND xã, tỷ lệ người trưởng thành có tài khoản định danh mức 2 đã đạt 81%. Khó khăn lớn nhất là "
            "sóng di động chập chờn ở một số thôn ven hồ và nhiều người cao tuổi không có điện thoại thông minh.",
        ),
    ),
    S(
        key="cds-cho-thai-thanh-toan-qr",
        theme="chuyen_doi_so",
        tone="positive",
        communes=("phường Phan Đình Phùng",),
        age_hours=230,
        outlets=("kinh-te-vung", "bao-thai-nguyen", "trang-cong-dong"),
        category="Kinh tế",
        title="Tiểu thương chợ Thái quen dần với thanh toán bằng mã QR",
        alt_titles=("Chợ truyền thống ở trung tâm Thái Nguyên “nói không” với tiền lẻ",),
        lead=(
            "Hơn 70% hộ kinh doanh tại chợ Thái, phường Phan Đình Phùng, đã treo mã QR để khách thanh toán, "
            "từ mớ rau đến bộ quần áo."
        ),
        body=(
            "Chị Dương Thị Thu, bán rau ở khu B, cho biết mỗi ngày có khoảng một nửa số khách chuyển khoản. "
            "“Không phải trả lại tiền lẻ, cuối ngày xem điện thoại là biết bán được bao nhiêu”, chị nói.",
            "Ban quản lý chợ phối hợp với các ngân hàng tổ chức nhiều buổi hướng dẫn, đồng thời cảnh báo tiểu "
            "thương về thủ đoạn dán đè mã QR giả để chiếm đoạt tiền.",
            "Mô hình chợ 4.0 sẽ được nhân rộng ra các chợ ở phường Gia Sàng, phường Sông Công và phường Bắc Kạn "
            "trong năm nay.",
        ),
    ),
    S(
        key="cds-cong-dich-vu-cong-loi",
        theme="chuyen_doi_so",
        tone="negative",
        communes=("phường Bắc Kạn",),
        age_hours=9,
        outlets=("trang-cong-dong", "tin-mien-nui", "doi-song-phap-luat"),
        category="Bạn đọc",
        title="Hệ thống dịch vụ công “treo” cả buổi, người dân phường Bắc Kạn ngồi chờ",
        alt_titles=(
            "Cổng dịch vụ công gặp sự cố, bộ phận một cửa phường Bắc Kạn ùn hồ sơ",
            "Lỗi phần mềm khiến người dân phải quay về tay không",
        ),
        lead=(
            "Sáng nay, nhiều người dân đến bộ phận một cửa phường Bắc Kạn (trước là thành phố Bắc Kạn) phải ra về "
            "vì hệ thống dịch vụ công liên tục báo lỗi, không ký số được hồ sơ."
        ),
        body=(
            "Anh Nông Văn Quý cho biết đã chờ từ 7 giờ 30 để làm thủ tục đăng ký thường trú nhưng đến 11 giờ vẫn "
            "không nộp được vì phần mềm không kết nối với cơ sở dữ liệu dân cư.",
            "Một cán bộ bộ phận một cửa thừa nhận lỗi xảy ra từ đầu tuần, mỗi ngày kéo dài vài giờ. Người dân "
            "được đề nghị để lại số điện thoại để cán bộ gọi lại khi hệ thống hoạt động.",
            "Nhiều ý kiến trên mạng xã hội cho rằng việc chuyển đổi số cần đi kèm phương án dự phòng, tránh để "
            "người dân đi lại nhiều lần.",
        ),
    ),
    S(
        key="cds-song-di-dong-nghien-loan",
        theme="chuyen_doi_so",
        tone="neutral",
        communes=("xã Nghiên Loan",),
        age_hours=330,
        outlets=("tin-mien-nui", "bao-thai-nguyen", "kinh-te-vung"),
        category="Chuyển đổi số",
        title="Còn 14 thôn vùng cao chưa có sóng điện thoại di động",
        alt_titles=(
            "Xóa “vùng lõm” sóng di động ở xã Nghiên Loan: Cần thêm trạm phát sóng",
            "Thôn bản vùng cao mong có sóng di động",
        ),
        lead=(
            "Toàn tỉnh còn 14 thôn chưa có sóng di động, tập trung ở xã Nghiên Loan và các xã thuộc huyện Pác Nặm "
            "cũ; các doanh nghiệp viễn thông cam kết lắp thêm trạm trong năm nay."
        ),
        body=(
            "Tại thôn Khuổi Khí, người dân muốn gọi điện phải leo lên đỉnh đồi cách nhà gần một cây số. Học sinh "
            "gặp nhiều khó khăn khi cần tra cứu tài liệu hay học trực tuyến.",
            "Sở Khoa học và Công nghệ cho biết chi phí đầu tư mỗi trạm ở vùng núi cao gấp ba lần vùng thấp do "
            "phải kéo điện lưới và làm đường vận chuyển thiết bị.",
            "Tỉnh đề xuất sử dụng Quỹ dịch vụ viễn thông công ích để hỗ trợ doanh nghiệp, phấn đấu phủ sóng toàn "
            "bộ thôn bản vào năm sau.",
        ),
    ),
    S(
        key="hai-cap-100-ngay-van-hanh",
        theme="chinh_quyen_hai_cap",
        tone="positive",
        communes=(),
        age_hours=100,
        outlets=("bao-thai-nguyen", "cong-ttdt", "kinh-te-vung", "tin-mien-nui"),
        category="Chính trị",
        title="Chính quyền địa phương hai cấp vận hành thông suốt sau hơn 100 ngày",
        alt_titles=(
            "Hơn 100 ngày vận hành chính quyền hai cấp: Người dân được phục vụ gần hơn",
            "Sau hợp nhất, bộ máy xã, phường ở Thái Nguyên từng bước ổn định",
            "Thái Nguyên sơ kết 100 ngày thực hiện mô hình chính quyền hai cấp",
        ),
        lead=(
            "Sau hơn 100 ngày tỉnh Thái Nguyên mới (hợp nhất với tỉnh Bắc Kạn) vận hành mô hình chính quyền địa "
            "phương hai cấp, 92 xã, phường đã cơ bản ổn định tổ chức bộ máy và giải quyết thủ tục cho người dân."
        ),
        body=(
            "Tại hội nghị sơ kết, lãnh đạo tỉnh đánh giá các xã, phường đã tiếp nhận hơn 180.000 hồ sơ thủ tục "
            "hành chính, tỷ lệ đúng hạn đạt trên 95%. Không có điểm nóng phát sinh do sắp xếp đơn vị hành chính.",
            "Tuy vậy, nhiều xã vùng cao có diện tích rộng, như xã Bằng Thành hay xã Cường Lợi, vẫn gặp khó khăn "
            "khi cán bộ phải đi hàng chục cây số để nắm tình hình ở thôn bản.",
            "Tỉnh yêu cầu tiếp tục rà soát vị trí việc làm, ưu tiên bố trí công chức chuyên môn về đất đai, xây "
            "dựng, tài chính cho cấp xã và hoàn thành bàn giao hồ sơ lưu trữ của các huyện cũ.",
        ),
    ),
    S(
        key="hai-cap-tru-so-du-doi",
        theme="chinh_quyen_hai_cap",
        tone="neutral",
        communes=("xã Bạch Thông",),
        age_hours=260,
        outlets=("bao-thai-nguyen", "tin-mien-nui", "cong-ttdt"),
        title="Sắp xếp, sử dụng hiệu quả trụ sở dôi dư sau sáp nhập",
        alt_titles=("Trụ sở huyện Bạch Thông cũ sẽ thành trường học và nhà văn hóa",),
        lead=(
            "Trụ sở của huyện Bạch Thông cũ và ba UBND xã trước sáp nhập đang được đề xuất chuyển đổi thành "
            "trường mầm non, nhà văn hóa và điểm phục vụ hành chính công."
        ),
        body=(
            "Theo rà soát, toàn tỉnh có hơn 300 cơ sở nhà, đất dôi dư sau khi kết thúc hoạt động cấp huyện và "
            "sắp xếp cấp xã. Nhiều trụ sở còn mới, được xây dựng chưa đến mười năm.",
            "UBND xã Bạch Thông đề nghị giữ lại một phần trụ sở huyện cũ làm điểm tiếp nhận hồ sơ để người dân ở "
            "các thôn xa không phải đi lại quá xa.",
            "Sở Tài chính cho biết sẽ công khai danh mục tài sản dôi dư và phương án xử lý, tránh để xuống cấp, "
            "lãng phí.",
        ),
    ),
    S(
        key="hai-cap-can-bo-xa-qua-tai",
        theme="chinh_quyen_hai_cap",
        tone="negative",
        communes=("xã Na Rì",),
        age_hours=70,
        outlets=("tin-mien-nui", "doi-song-phap-luat", "trang-cong-dong"),
        title="Cán bộ xã Na Rì làm việc đến tối vẫn không hết việc",
        alt_titles=(
            "Xã mới rộng gấp ba, cán bộ Na Rì “gồng mình” giải quyết hồ sơ",
            "Quá tải công việc ở cấp xã sau sáp nhập",
        ),
        lead=(
            "Sau khi sáp nhập, xã Na Rì có diện tích gấp ba lần trước, nhưng số công chức chuyên môn chỉ tăng "
            "thêm năm người khiến nhiều bộ phận quá tải."
        ),
        body=(
            "Bộ phận địa chính – xây dựng của xã mỗi ngày tiếp nhận 40 đến 50 hồ sơ. Nhiều cán bộ phải làm việc "
            "cả thứ Bảy, tối về tiếp tục nhập dữ liệu lên hệ thống.",
            "Một số người dân phản ánh phải chờ lâu, có hồ sơ bị trả lại vì thiếu giấy tờ mà không được hướng dẫn "
            "ngay từ đầu.",
            "Lãnh đạo xã cho biết đã đề xuất tăng biên chế và xin biệt phái công chức từ các sở. Trong khi chờ, "
            "xã bố trí cán bộ trực hướng dẫn tại bộ phận một cửa vào giờ cao điểm.",
        ),
    ),
    S(
        key="hai-cap-khong-phai-doi-giay-to",
        theme="chinh_quyen_hai_cap",
        tone="neutral",
        communes=(),
        age_hours=600,
        outlets=("cong-ttdt", "bao-thai-nguyen", "trang-cong-dong", "kinh-te-vung"),
        category="Chỉ đạo điều hành",
        title="Người dân không bắt buộc đổi giấy tờ do thay đổi địa giới hành chính",
        alt_titles=(
            "Sau sáp nhập tỉnh, xã: Giấy tờ cũ vẫn còn nguyên giá trị",
            "Không phải đổi căn cước, sổ đỏ vì thay đổi địa giới",
            "Giải đáp: Có cần đổi giấy tờ khi địa chỉ thay đổi sau sáp nhập?",
        ),
        lead=(
            "UBND tỉnh khẳng định các giấy tờ đã cấp cho người dân, doanh nghiệp trước khi sắp xếp đơn vị hành "
            "chính vẫn tiếp tục có giá trị sử dụng, không bắt buộc cấp đổi."
        ),
        body=(
            "Nhiều người dân ở Bắc Kạn cũ lo lắng khi địa chỉ ghi trên căn cước, giấy chứng nhận quyền sử dụng đất "
            "vẫn là “tỉnh Bắc Kạn”, “huyện Ba Bể”. Cơ quan chức năng cho biết thông tin sẽ được cập nhật khi người "
            "dân có nhu cầu hoặc thực hiện thủ tục khác.",
            "Trường hợp người dân tự nguyện cấp đổi, các xã, phường không được thu phí, lệ phí đối với phần thay "
            "đổi do sắp xếp đơn vị hành chính.",
            "Cơ quan công an cũng đã cập nhật địa chỉ mới trên cơ sở dữ liệu quốc gia về dân cư và ứng dụng VNeID.",
        ),
    ),
    S(
        key="dt-fdi-yen-binh",
        theme="dau_tu",
        tone="positive",
        communes=("phường Vạn Xuân",),
        age_hours=44,
        outlets=("kinh-te-vung", "bao-thai-nguyen", "cong-ttdt"),
        category="Kinh tế",
        title="Khu công nghiệp Yên Bình đón thêm hai dự án FDI tổng vốn 450 triệu USD",
        alt_titles=(
            "Thêm 450 triệu USD vốn FDI đổ vào khu công nghiệp Yên Bình",
            "Thái Nguyên trao chứng nhận đầu tư cho hai dự án điện tử",
        ),
        lead=(
            "Hai doanh nghiệp sản xuất linh kiện điện tử vừa nhận giấy chứng nhận đăng ký đầu tư vào khu công "
            "nghiệp Yên Bình (phường Vạn Xuân), dự kiến tạo việc làm cho khoảng 6.000 lao động."
        ),
        body=(
            "Các dự án sẽ xây dựng nhà xưởng trên diện tích 32 ha, đi vào hoạt động từ quý III năm sau. Nhà đầu "
            "tư cam kết ưu tiên tuyển dụng lao động địa phương và đào tạo kỹ thuật viên tại chỗ.",
            "Tại buổi trao chứng nhận, lãnh đạo tỉnh khẳng định sẽ đồng hành, giải quyết nhanh thủ tục về xây "
            "dựng, phòng cháy chữa cháy và môi trường.",
            "Từ đầu năm, tỉnh đã thu hút 1,3 tỷ USD vốn đầu tư nước ngoài, chủ yếu vào lĩnh vực điện tử và cơ "
            "khí chế tạo.",
        ),
    ),
    S(
        key="dt-khu-do-thi-bo-hoang",
        theme="dau_tu",
        tone="negative",
        communes=("phường Tích Lương",),
        age_hours=190,
        outlets=("kinh-te-vung", "doi-song-phap-luat", "trang-cong-dong"),
        title="Khu đô thị chậm tiến độ 8 năm, cỏ mọc um tùm giữa phường Tích Lương",
        alt_titles=(
            "Dự án “đắp chiếu” nhiều năm, người dân phường Tích Lương bức xúc",
            "Khu đô thị bỏ hoang: Đất vàng thành bãi cỏ",
        ),
        lead=(
            "Dự án khu đô thị rộng hơn 20 ha ở phường Tích Lương được giao đất từ năm 2017 nhưng đến nay hạ tầng "
            "vẫn dang dở, nhiều lô đất biến thành bãi cỏ và nơi đổ trộm phế thải."
        ),
        body=(
            "Người dân sống xung quanh phản ánh mương thoát nước của dự án bị bồi lấp, mỗi khi mưa lớn nước tràn "
            "vào khu dân cư. Hàng trăm khách hàng đã nộp tiền mua đất nhưng chưa được cấp sổ.",
            "Sở Xây dựng cho biết chủ đầu tư đã được gia hạn tiến độ hai lần. Nếu không hoàn thành hạ tầng trong "
            "năm nay, tỉnh sẽ xem xét chấm dứt hoạt động dự án theo quy định.",
            "Chủ đầu tư giải thích việc chậm trễ do khó khăn về vốn và vướng mắc giải phóng mặt bằng với 11 hộ.",
        ),
    ),
    S(
        key="dt-hoi-nghi-xuc-tien",
        theme="dau_tu",
        tone="neutral",
        communes=(),
        age_hours=520,
        outlets=("cong-ttdt", "bao-thai-nguyen", "kinh-te-vung", "tin-mien-nui"),
        category="Chỉ đạo điều hành",
        title="Hội nghị xúc tiến đầu tư tỉnh Thái Nguyên sau hợp nhất",
        alt_titles=(
            "Thái Nguyên giới thiệu 68 dự án kêu gọi đầu tư",
            "Xúc tiến đầu tư: Thái Nguyên mời gọi nhà đầu tư vào du lịch, nông nghiệp công nghệ cao",
        ),
        lead=(
            "Tỉnh Thái Nguyên tổ chức hội nghị xúc tiến đầu tư đầu tiên sau hợp nhất, giới thiệu 68 dự án kêu gọi "
            "đầu tư với tổng vốn dự kiến hơn 120.000 tỷ đồng."
        ),
        body=(
            "Các dự án tập trung vào công nghiệp chế biến, logistics, du lịch sinh thái ở vùng hồ Ba Bể và nông "
            "nghiệp ứng dụng công nghệ cao ở khu vực Bắc Kạn cũ.",
            "Đại diện hiệp hội doanh nghiệp kiến nghị tỉnh sớm công bố quy hoạch tỉnh điều chỉnh sau hợp nhất để "
            "nhà đầu tư có căn cứ lập dự án.",
            "Tại hội nghị, 15 biên bản ghi nhớ đầu tư được ký kết, chủ yếu là dự án năng lượng tái tạo và chế biến "
            "nông sản.",
        ),
    ),
)
