"""Forms parse and validate input only; the views hand the cleaned data to the services. (The review
screen posts many dynamic fields and is read by `loa.plans.review.apply_corrections` instead.)"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from loa.organisations.models import Agency
from loa.plans.models import FIGURES, BudgetEstimate, PeriodKind, Plan, Progress, ProgressReport

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _date(label: Any, required: bool = True) -> forms.DateField:
    return forms.DateField(label=label, required=required, widget=DATE_WIDGET)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field; each is checked by content in the service."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Văn bản (.docx, .pdf có lớp chữ, .txt)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".docx,.pdf,.txt"}),
    )


class FiguresMixin(forms.Form):
    """The numbers a report can carry (participants, articles, events, budget)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key, label in FIGURES:
            self.fields[f"figure_{key}"] = forms.DecimalField(
                label=label, required=False, min_value=0, decimal_places=2, max_digits=16
            )

    def figures(self) -> dict[str, Any]:
        return {
            key: self.cleaned_data.get(f"figure_{key}")
            for key, _label in FIGURES
            if self.cleaned_data.get(f"figure_{key}") is not None
        }

    def figure_fields(self) -> list[Any]:
        return [self[f"figure_{key}"] for key, _label in FIGURES]


class ReportForm(FiguresMixin):
    text = forms.CharField(
        label=_("Kết quả thực hiện"), widget=forms.Textarea(attrs={"rows": 8}), required=False
    )
    progress = forms.ChoiceField(label=_("Tiến độ"), choices=Progress.choices)
    attachments = MultipleFileField(label=_("Tệp đính kèm (tối đa 5 tệp, mỗi tệp 10 MB)"))


class ContributionForm(FiguresMixin):
    text = forms.CharField(label=_("Nội dung phối hợp"), widget=forms.Textarea(attrs={"rows": 4}))
    attachments = MultipleFileField(label=_("Tệp đính kèm"))


class ReviewDecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Kết quả"), choices=ProgressReport.Decision.choices)
    comment = forms.CharField(label=_("Ý kiến"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class OnRequestForm(forms.Form):
    due_date = _date(_("Hạn báo cáo"))
    request_note = forms.CharField(
        label=_("Nội dung yêu cầu (cơ quan yêu cầu, văn bản)"), widget=forms.Textarea(attrs={"rows": 3})
    )


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Lý do hủy"), max_length=300)


class PlanSettingsForm(forms.Form):
    status = forms.ChoiceField(label=_("Trạng thái"), choices=Plan.Status.choices)
    ongoing_period = forms.ChoiceField(
        label=_("Kỳ báo cáo của nhiệm vụ thường xuyên"), choices=PeriodKind.choices
    )
    report_lag_days = forms.IntegerField(
        label=_("Số ngày làm việc sau kỳ để nộp báo cáo"), min_value=0, max_value=60
    )
    tracking_to = _date(_("Theo dõi đến ngày"), required=False)


class CourseForm(forms.Form):
    title = forms.CharField(label=_("Tên lớp"), max_length=300)
    held_on = _date(_("Ngày tổ chức"))
    ends_on = _date(_("Ngày kết thúc"), required=False)
    place = forms.CharField(label=_("Địa điểm"), max_length=300)
    note = forms.CharField(label=_("Ghi chú"), widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def __init__(self, *args: Any, agencies: Iterable[Agency] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.agencies = list(agencies)
        for agency in self.agencies:
            for part, label in (("invited", _("triệu tập")), ("attended", _("tham dự"))):
                self.fields[f"p{agency.pk}_{part}"] = forms.IntegerField(
                    label=f"{agency.name} — {label}", required=False, min_value=0
                )

    def participants(self) -> dict[int, tuple[int, int]]:
        found = {}
        for agency in self.agencies:
            invited = self.cleaned_data.get(f"p{agency.pk}_invited") or 0
            attended = self.cleaned_data.get(f"p{agency.pk}_attended") or 0
            if invited or attended:
                found[agency.pk] = (invited, attended)
        return found

    def participant_rows(self) -> list[tuple[Agency, Any, Any]]:
        return [(a, self[f"p{a.pk}_invited"], self[f"p{a.pk}_attended"]) for a in self.agencies]


class BudgetForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("Cơ quan"), queryset=Agency.objects.none())
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    source = forms.ChoiceField(label=_("Nguồn"), choices=BudgetEstimate.Source.choices)
    amount = forms.IntegerField(label=_("Dự toán (đồng)"), min_value=0)
    note = forms.CharField(label=_("Ghi chú"), max_length=500, required=False)

    def __init__(self, *args: Any, agencies: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if agencies is not None:
            self.fields["agency"].queryset = agencies  # type: ignore[attr-defined]


class BudgetAdvanceForm(forms.Form):
    amount = forms.IntegerField(label=_("Số tiền (đồng)"), min_value=0, required=False)


class ConsolidatedReportForm(forms.Form):
    start = _date(_("Từ ngày (hạn báo cáo)"))
    end = _date(_("Đến ngày"))
    number = forms.CharField(label=_("Số, ký hiệu"), max_length=60)
    signed_on = _date(_("Ngày ký (để trống để điền khi ký)"), required=False)
    capacity = forms.CharField(label=_("Thẩm quyền ký"), max_length=60, required=False)
    position = forms.CharField(label=_("Chức vụ người ký"), max_length=80)
    signer = forms.CharField(label=_("Họ tên người ký"), max_length=120, required=False)
    recipients = forms.CharField(
        label=_("Nơi nhận (mỗi dòng một nơi)"), widget=forms.Textarea(attrs={"rows": 4})
    )
    difficulties = forms.CharField(
        label=_("Khó khăn, vướng mắc"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    proposals = forms.CharField(
        label=_("Đề xuất, kiến nghị"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError(_("Ngày bắt đầu sau ngày kết thúc."))
        return data
