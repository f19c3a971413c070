import pytest
from django.core.exceptions import PermissionDenied

from loa.organisations import access
from loa.organisations.models import Agency


@pytest.mark.django_db
def test_scopes_by_role(users, agencies):
    qs = Agency.objects.all()
    assert access.scope_for(users["coordinator"]).sees_all
    assert access.scope_for(users["admin"]).sees_all
    justice = access.scope_for(users["justice"])
    assert not justice.sees_all
    assert list(justice.filter(qs, "pk")) == [agencies["so-tu-phap"]]
    assert access.scope_for(None).filter(qs, "pk").count() == 0


@pytest.mark.django_db
def test_edit_rights(users, agencies):
    assert access.can_edit_for(users["justice"], agencies["so-tu-phap"])
    assert not access.can_edit_for(users["justice"], agencies["so-tai-chinh"])
    assert not access.can_edit_for(users["viewer"], agencies["so-tai-chinh"])
    assert access.can_edit_for(users["coordinator"], agencies["so-tai-chinh"])
    with pytest.raises(PermissionDenied):
        access.require_edit(users["viewer"], agencies["so-tai-chinh"])
    with pytest.raises(PermissionDenied):
        access.require_coordinator(users["justice"])
