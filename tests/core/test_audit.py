import pytest

from loa.core import audit
from loa.core.models import AppendOnlyError, AuditEvent


@pytest.mark.django_db
def test_audit_events_are_append_only(province):
    event = audit.record(None, "test.action", province, changes={"a": [1, 2]})
    assert event.object_repr == "Tỉnh Thái Nguyên"
    assert event.object_type == "organisations.province"
    event.action = "tampered"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    assert AuditEvent.objects.get(pk=event.pk).action == "test.action"


@pytest.mark.django_db
def test_diff_reports_only_changed_fields(agencies):
    agency = agencies["so-tu-phap"]
    assert audit.diff(agency, {"name": agency.name, "phone": "0208 123"}) == {"phone": ["", "0208 123"]}
