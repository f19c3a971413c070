from django.apps import AppConfig


class TrendsConfig(AppConfig):
    name = "loa.trends"
    label = "trends"
    verbose_name = "Xu hướng, cảnh báo"
