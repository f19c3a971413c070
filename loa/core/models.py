"""Cross-cutting records: the append-only audit log."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(RuntimeError):
    pass


class AuditEvent(models.Model):
    """Who changed what and when. Rows are never updated or deleted: the log is evidence."""

    at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(_("người thực hiện"), max_length=200, blank=True)
    action = models.CharField(_("hành động"), max_length=80, db_index=True)
    object_type = models.CharField(_("loại đối tượng"), max_length=80, db_index=True)
    object_id = models.CharField(_("mã đối tượng"), max_length=64, blank=True, db_index=True)
    object_repr = models.CharField(_("đối tượng"), max_length=300, blank=True)
    agency_id = models.BigIntegerField(_("cơ quan"), null=True, blank=True, db_index=True)
    changes = models.JSONField(_("thay đổi"), default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("nhật ký thay đổi")
        verbose_name_plural = _("nhật ký thay đổi")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.object_repr}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyError("Audit events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise AppendOnlyError("Audit events are append-only.")


class Notification(models.Model):
    """A message for one user inside Loa (reminders, alerts); e-mail, if any, is sent separately."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    title = models.CharField(_("tiêu đề"), max_length=200)
    body = models.TextField(_("nội dung"), blank=True)
    url = models.CharField(_("đường dẫn"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("đã đọc lúc"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "read_at"], name="core_notif_user_read")]
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")

    def __str__(self) -> str:
        return f"{self.user} — {self.title}"
