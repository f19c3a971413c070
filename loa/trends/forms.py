"""Forms of the trends pages: they parse input; services decide what is allowed."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from loa.monitoring.models import SavedSearch
from loa.organisations.models import Agency
from loa.trends import keys as K
from loa.trends.models import Alert, AlertRule, Case

KIND_CHOICES = [
    (Alert.Kind.VOLUME, _("Số tin tăng đột biến")),
    (Alert.Kind.NEGATIVE, _("Tỷ lệ tin tiêu cực tăng")),
    (Alert.Kind.FORECAST, _("Dự báo vượt ngưỡng")),
]


class RuleForm(forms.ModelForm):
    kinds = forms.MultipleChoiceField(
        label=_("Loại cảnh báo"), choices=KIND_CHOICES, required=False, widget=forms.CheckboxSelectMultiple
    )
    key = forms.ChoiceField(label=_("Chuỗi"), required=False)
    webhook_url = forms.URLField(
        label=_("Webhook (URL)"), required=False, max_length=500, assume_scheme="https"
    )
    recipients = forms.ModelMultipleChoiceField(
        label=_("Người nhận"), queryset=get_user_model().objects.none(), required=False
    )

    class Meta:
        model = AlertRule
        fields = [
            "name",
            "target",
            "key",
            "saved_search",
            "watch_agency",
            "condition",
            "kinds",
            "threshold",
            "metric",
            "recipients",
            "recipient_agency",
            "in_app",
            "email",
            "webhook_url",
            "group_hours",
            "quiet_start",
            "quiet_end",
            "is_active",
        ]
        widgets = {
            "quiet_start": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "quiet_end": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }

    def __init__(
        self,
        *args: Any,
        keys: list[tuple[str, str]],
        searches: QuerySet[SavedSearch],
        agencies: QuerySet[Agency],
        people: QuerySet[Any],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", "—"), *list(keys)]
        current = self.initial.get("key") or (self.instance.key if self.instance else "")
        if current and current not in dict(keys) and K.is_valid(current):
            choices.append((current, K.ui_label(current)))
        self.fields["key"].choices = choices  # type: ignore[attr-defined]
        self.fields["saved_search"].queryset = searches  # type: ignore[attr-defined]
        self.fields["watch_agency"].queryset = Agency.objects.filter(is_active=True).order_by("role", "name")  # type: ignore[attr-defined]
        self.fields["recipient_agency"].queryset = agencies  # type: ignore[attr-defined]
        self.fields["recipients"].queryset = people  # type: ignore[attr-defined]


class CaseOpenForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("Cơ quan xử lý"), queryset=Agency.objects.none())
    kind = forms.ChoiceField(label=_("Loại vụ việc"), choices=Case.Kind.choices)
    title = forms.CharField(label=_("Vụ việc"), max_length=300, required=False)
    description = forms.CharField(label=_("Mô tả"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    clock_start = forms.DateTimeField(
        label=_("Bắt đầu tính hạn (để trống: lúc phát hiện)"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M"],
    )

    def __init__(self, *args: Any, agencies: QuerySet[Agency], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies  # type: ignore[attr-defined]


class CaseActionForm(forms.Form):
    action = forms.CharField()
    response = forms.CharField(required=False)
    statement = forms.IntegerField(required=False)
    published_url = forms.URLField(required=False, max_length=1000, assume_scheme="https")
    note = forms.CharField(required=False)
    agency = forms.IntegerField(required=False)
