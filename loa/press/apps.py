from django.apps import AppConfig


class PressConfig(AppConfig):
    name = "loa.press"
    label = "press"
    verbose_name = "Phát ngôn, báo chí"
