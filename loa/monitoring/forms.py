"""Forms parse and validate input only; the views hand the cleaned data to the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from loa.monitoring.models import Source
from loa.organisations.models import Agency


class SourceForm(forms.Form):
    name = forms.CharField(max_length=200, label=_("Tên nguồn tin"))
    kind = forms.ChoiceField(choices=Source.Kind.choices, label=_("Loại"))
    homepage = forms.CharField(max_length=500, required=False, label=_("Trang chủ"))
    feeds = forms.CharField(
        required=False,
        label=_("Luồng tin (RSS/Atom hoặc sitemap), mỗi dòng một địa chỉ"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Để trống và chọn “tự tìm” để lấy các luồng tin mà trang chủ khai báo."),
    )
    discover = forms.BooleanField(required=False, initial=True, label=_("Tự tìm luồng tin từ trang chủ"))
    is_active = forms.BooleanField(required=False, initial=True, label=_("Đang theo dõi"))
    fetch_concurrency = forms.IntegerField(
        required=False, min_value=1, max_value=16, label=_("Số kết nối đồng thời tối đa tới máy chủ")
    )
    fetch_min_delay = forms.FloatField(
        required=False, min_value=0, max_value=60, label=_("Giãn cách tối thiểu giữa hai lần tải (giây)")
    )
    min_interval_seconds = forms.IntegerField(
        required=False, min_value=60, label=_("Chu kỳ lấy tin ngắn nhất (giây)")
    )
    max_interval_seconds = forms.IntegerField(
        required=False, min_value=60, label=_("Chu kỳ lấy tin dài nhất (giây)")
    )

    def feed_urls(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data.get("feeds", "").splitlines() if line.strip()]


class SectorForm(forms.Form):
    name = forms.CharField(max_length=120, label=_("Tên lĩnh vực"))
    query = forms.CharField(
        label=_("Biểu thức từ khóa"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            'Ví dụ: "sạt lở" OR "lũ quét" · "học sinh" AND (trường OR lớp) · tham nhũng NOT "phòng chống" · '
            '"Thái Nguyên" NEAR/5 mưa · giáo* — không phân biệt dấu, hoa thường.'
        ),
    )
    agency = forms.ModelChoiceField(
        queryset=Agency.objects.none(), required=False, label=_("Cơ quan phụ trách")
    )
    is_active = forms.BooleanField(required=False, initial=True, label=_("Đang áp dụng"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        agency_field = self.fields["agency"]
        assert isinstance(agency_field, forms.ModelChoiceField)
        agency_field.queryset = Agency.objects.filter(province__is_home=True, is_active=True).order_by(
            "role", "name"
        )


class SavedSearchForm(forms.Form):
    name = forms.CharField(max_length=120, required=False, label=_("Tên tìm kiếm"))
    notify = forms.BooleanField(required=False, label=_("Báo cho tôi khi có bài mới khớp"))


class ReprocessForm(forms.Form):
    since = forms.DateField(
        required=False,
        label=_("Bài từ ngày"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    source = forms.ModelChoiceField(
        queryset=Source.objects.order_by("name"),
        required=False,
        empty_label=_("Mọi nguồn"),
        label=_("Nguồn tin"),
    )
    re_extract = forms.BooleanField(required=False, label=_("Trích xuất lại từ bản lưu trang gốc"))
