from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "loa.organisations"
    label = "organisations"
    verbose_name = "Đơn vị hành chính và cơ quan"
