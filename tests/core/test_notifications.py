from __future__ import annotations

import pytest

from loa.core import notifications
from loa.core.models import Notification

pytestmark = pytest.mark.django_db


def test_notify_once_per_user_and_mark_read(users):
    justice, finance = users["justice"], users["finance"]
    created = notifications.notify([justice, finance, justice], "Sắp đến hạn báo cáo", url="/plans/")
    assert len(created) == 2
    assert notifications.unread_count(justice) == 1
    assert notifications.mark_read(justice) == 1
    assert notifications.unread_count(justice) == 0
    assert notifications.unread_count(finance) == 1
    other = Notification.objects.get(user=finance)
    assert notifications.mark_read(justice, [other.pk]) == 0  # someone else's notification is untouched
    assert notifications.for_user(None).count() == 0
