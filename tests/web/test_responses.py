import pytest
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import RequestFactory

from loa.web.responses import attempt, download


@pytest.fixture
def request_with_messages():
    request = RequestFactory().post("/")
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def _texts(request):
    return [(m.level_tag, m.message) for m in get_messages(request)]


def test_attempt_returns_the_result_and_says_so(request_with_messages):
    assert attempt(request_with_messages, lambda: 42, "Đã lưu.") == 42
    assert _texts(request_with_messages) == [("success", "Đã lưu.")]


def test_attempt_turns_every_validation_message_into_an_error(request_with_messages):
    def refuse():
        raise ValidationError(["Thiếu hạn.", "Thiếu cơ quan."])

    assert attempt(request_with_messages, refuse, "Đã lưu.") is None
    assert _texts(request_with_messages) == [("error", "Thiếu hạn."), ("error", "Thiếu cơ quan.")]


def test_permission_denied_is_a_403_unless_the_view_lists_it(request_with_messages):
    def deny():
        raise PermissionDenied

    with pytest.raises(PermissionDenied):
        attempt(request_with_messages, deny, "Đã lưu.")
    assert attempt(request_with_messages, deny, "Đã lưu.", (PermissionDenied,)) is None
    assert _texts(request_with_messages) == [("error", "Bạn không có quyền thực hiện thao tác này.")]


def test_download_keeps_a_vietnamese_file_name():
    response = download(b"x", "Báo cáo quý 3.docx", "application/octet-stream")
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''B%C3%A1o%20c%C3%A1o%20qu%C3%BD%203.docx"
    )
    assert download(b"x", "report.xlsx", "text/plain")["Content-Disposition"] == (
        'attachment; filename="report.xlsx"'
    )
