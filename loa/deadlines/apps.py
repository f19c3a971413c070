from django.apps import AppConfig


class DeadlinesConfig(AppConfig):
    name = "loa.deadlines"
    label = "deadlines"
    verbose_name = "Thời hạn pháp lý, lịch làm việc"
