"""Forms parse and validate input only; the views hand the cleaned data to the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from loa.organisations.models import Agency
from loa.press.models import CorrectionRequest, PressEvent, PressRequest, Spokesperson, Statement, UrgentEvent

DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _datetime_field(label: Any, required: bool = True) -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label,
        required=required,
        widget=DATETIME_WIDGET,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field; each is checked by content in the service."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data]
        return [super().clean(data, initial)] if data else []


class SpokespersonForm(forms.Form):
    agency = forms.ModelChoiceField(queryset=Agency.objects.none(), label=_("Cơ quan, đơn vị"))
    kind = forms.ChoiceField(choices=Spokesperson.Kind.choices, label=_("Loại"))
    full_name = forms.CharField(max_length=160, label=_("Họ và tên"))
    position = forms.CharField(max_length=200, label=_("Chức vụ"))
    phone = forms.CharField(max_length=40, label=_("Điện thoại"))
    email = forms.EmailField(label=_("Thư điện tử công vụ"))
    decision_number = forms.CharField(max_length=80, label=_("Số quyết định / văn bản ủy quyền"))
    signed_at = _datetime_field(_("Thời điểm ký"))
    valid_from = forms.DateField(label=_("Hiệu lực từ"), required=False, widget=DATE_WIDGET)
    valid_to = forms.DateField(label=_("Hiệu lực đến"), required=False, widget=DATE_WIDGET)
    scope = forms.CharField(
        label=_("Vụ việc được ủy quyền"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    authorised_by = forms.ModelChoiceField(
        queryset=Spokesperson.objects.none(), required=False, label=_("Người ủy quyền")
    )
    document = forms.FileField(label=_("Văn bản (PDF, DOCX)"), required=False)
    training = forms.CharField(label=_("Bồi dưỡng nghiệp vụ"), required=False)

    def __init__(self, *args: Any, agencies: Any, authorisers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies  # type: ignore[attr-defined]
        self.fields["authorised_by"].queryset = authorisers  # type: ignore[attr-defined]


class EndForm(forms.Form):
    reason = forms.CharField(max_length=300, label=_("Lý do"))


class PressEventForm(forms.Form):
    agency = forms.ModelChoiceField(queryset=Agency.objects.none(), label=_("Cơ quan tổ chức"))
    kind = forms.ChoiceField(choices=PressEvent.Kind.choices, label=_("Loại"))
    title = forms.CharField(max_length=300, label=_("Tiêu đề"))
    scheduled_at = _datetime_field(_("Thời gian"))
    place = forms.CharField(max_length=300, required=False, label=_("Địa điểm, hình thức"))
    is_public = forms.BooleanField(required=False, initial=True, label=_("Công bố lịch trên trang công khai"))

    def __init__(self, *args: Any, agencies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies  # type: ignore[attr-defined]


class HoldForm(forms.Form):
    held_at = _datetime_field(_("Đã tổ chức lúc"), required=False)
    summary = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}), label=_("Kết quả"))


class StatementForm(forms.Form):
    agency = forms.ModelChoiceField(queryset=Agency.objects.none(), label=_("Cơ quan"))
    kind = forms.ChoiceField(choices=Statement.Kind.choices, label=_("Loại"))
    title = forms.CharField(max_length=300, label=_("Tiêu đề"))
    body = forms.CharField(widget=forms.Textarea(attrs={"rows": 10}), label=_("Nội dung"))
    urgent_event = forms.ModelChoiceField(
        queryset=UrgentEvent.objects.none(), required=False, label=_("Về sự kiện cần phát ngôn")
    )

    def __init__(self, *args: Any, agencies: Any, urgent_events: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies  # type: ignore[attr-defined]
        self.fields["urgent_event"].queryset = urgent_events  # type: ignore[attr-defined]


class UrgentEventForm(forms.Form):
    agency = forms.ModelChoiceField(queryset=Agency.objects.none(), label=_("Cơ quan"))
    kind = forms.ChoiceField(choices=UrgentEvent.Kind.choices, label=_("Loại"))
    title = forms.CharField(max_length=300, label=_("Sự kiện, vấn đề"))
    description = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}), label=_("Mô tả"))
    occurred_at = _datetime_field(_("Xảy ra lúc"), required=False)
    received_at = _datetime_field(_("Tiếp nhận thông tin lúc"), required=False)
    found_at = _datetime_field(_("Phát hiện tác động dư luận lúc"), required=False)

    def __init__(self, *args: Any, agencies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies  # type: ignore[attr-defined]


class PressRequestForm(forms.Form):
    """Intake of a request: internally (with the receipt time) or by a journalist on the public form."""

    outlet = forms.CharField(max_length=200, label=_("Cơ quan báo chí"))
    journalist = forms.CharField(max_length=160, required=False, label=_("Phóng viên, người gửi"))
    contact_email = forms.EmailField(required=False, label=_("Thư điện tử liên hệ"))
    contact_phone = forms.CharField(max_length=40, required=False, label=_("Điện thoại liên hệ"))
    requested_agency_text = forms.CharField(
        max_length=300, required=False, label=_("Cơ quan được đề nghị trả lời")
    )
    subject = forms.CharField(max_length=300, label=_("Tiêu đề, vấn đề"))
    body = forms.CharField(widget=forms.Textarea(attrs={"rows": 8}), label=_("Nội dung"))
    article_url = forms.URLField(
        required=False, max_length=1000, assume_scheme="https", label=_("Đường dẫn bài báo (nếu có)")
    )
    attachments = MultipleFileField(
        required=False, label=_("Tệp đính kèm (PDF, DOCX, ảnh; tối đa 5 tệp, 10 MB/tệp)")
    )


class InternalPressRequestForm(PressRequestForm):
    received_at = _datetime_field(_("Nhận lúc"), required=False)


class PublicPressRequestForm(PressRequestForm):
    # Bots fill every field; people do not see this one.
    website = forms.CharField(
        required=False, widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"})
    )

    def clean_website(self) -> str:
        if self.cleaned_data.get("website"):
            raise forms.ValidationError("Biểu mẫu không hợp lệ.")
        return ""

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not (data.get("contact_email") or data.get("contact_phone")):
            raise forms.ValidationError("Ghi thư điện tử hoặc số điện thoại để cơ quan trả lời.")
        return data


class PastedEmailForm(forms.Form):
    raw = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 12, "class": "mono"}),
        label=_("Mã nguồn thư (có From:, Subject:, Date:)"),
    )


class TransitionForm(forms.Form):
    """Every field an action of the state machine may take; the service says which it needs."""

    action = forms.CharField(max_length=20)
    classification = forms.ChoiceField(
        choices=[("", "—"), *PressRequest.Classification.choices], required=False
    )
    agency = forms.ModelChoiceField(queryset=Agency.objects.none(), required=False)
    agency_name = forms.CharField(max_length=300, required=False)
    response = forms.CharField(required=False, widget=forms.Textarea)
    note = forms.CharField(required=False, widget=forms.Textarea)
    reason = forms.CharField(required=False, widget=forms.Textarea)
    # Checked by the service against the grounds in force on the day (editable rows, not fixed choices).
    ground = forms.CharField(max_length=40, required=False)
    outlet_kind = forms.ChoiceField(
        choices=[("", "—"), *CorrectionRequest.OutletKind.choices], required=False
    )
    correction_text = forms.CharField(required=False, widget=forms.Textarea)
    published_url = forms.URLField(required=False, max_length=1000, assume_scheme="https")
    sent_at = _datetime_field("", required=False)
    published_at = _datetime_field("", required=False)
    accepted_at = _datetime_field("", required=False)
    conclusion_at = _datetime_field("", required=False)

    def __init__(self, *args: Any, agencies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies  # type: ignore[attr-defined]

    def params(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k != "action" and v not in (None, "")}


class CorrectionOutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        choices=[
            (CorrectionRequest.Outcome.CORRECTED, _("Đã cải chính")),
            (CorrectionRequest.Outcome.DECLINED, _("Không cải chính")),
        ]
    )
    at = _datetime_field(_("Cải chính lúc"), required=False)
    url = forms.URLField(required=False, max_length=1000, assume_scheme="https")


class DeadlineOverrideForm(forms.Form):
    """Set (another rule generation or a fixed due moment, with a reason) or remove a deadline override."""

    op = forms.ChoiceField(choices=[("set", "set"), ("remove", "remove")])
    rule_key = forms.CharField(max_length=100, required=False)
    due_at = _datetime_field(_("Hạn ấn định"), required=False)
    reason = forms.CharField(required=False, widget=forms.Textarea)
    note = forms.CharField(required=False, max_length=500)


class CorrectionRoundForm(forms.Form):
    text = forms.CharField(required=False, widget=forms.Textarea)
    outlet_kind = forms.ChoiceField(
        choices=[("", "—"), *CorrectionRequest.OutletKind.choices], required=False
    )
    sent_at = _datetime_field(_("Gửi lúc"), required=False)


class AnnualReportForm(forms.Form):
    number = forms.CharField(max_length=40, label=_("Số, ký hiệu"))
    difficulties = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 4}), label=_("Khó khăn, vướng mắc")
    )
    proposals = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 4}), label=_("Đề xuất, kiến nghị")
    )
    signer_name = forms.CharField(max_length=160, required=False, label=_("Người ký"))
    signer_position = forms.CharField(max_length=80, label=_("Chức vụ người ký"))
    recipients = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}), label=_("Nơi nhận (mỗi dòng một nơi)")
    )
