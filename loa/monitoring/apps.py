from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "loa.monitoring"
    label = "monitoring"
    verbose_name = "Theo dõi báo chí"
