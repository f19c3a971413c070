from django.urls import path

from loa.trends import views

app_name = "trends"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("export.csv", views.export_csv, name="export_csv"),
    path("export.png", views.export_png, name="export_png"),
    path("alerts/", views.alerts, name="alerts"),
    path("alerts/<int:pk>/", views.alert, name="alert"),
    path("cases/", views.cases, name="cases"),
    path("cases/new/", views.case_new, name="case_new"),
    path("cases/<int:pk>/", views.case, name="case"),
    path("cases/<int:pk>/action/", views.case_action, name="case_action"),
    path("rules/", views.rules, name="rules"),
    path("rules/new/", views.rule_edit, name="rule_new"),
    path("rules/<int:pk>/", views.rule_edit, name="rule"),
    path("rules/<int:pk>/delete/", views.rule_delete, name="rule_delete"),
    path("digest/", views.digest, name="digest"),
    path("digest/docx", views.digest_docx, name="digest_docx"),
]
