from django.urls import path

from loa.press import views

app_name = "press"

urlpatterns = [
    path("", views.home, name="home"),
    path("spokespersons/", views.spokespersons, name="spokespersons"),
    path("spokespersons/new/", views.spokesperson_new, name="spokesperson_new"),
    path("spokespersons/export.xlsx", views.spokespersons_export, name="spokespersons_export"),
    path("spokespersons/<int:pk>/", views.spokesperson_detail, name="spokesperson"),
    path("spokespersons/<int:pk>/<str:action>/", views.spokesperson_action, name="spokesperson_action"),
    path("events/", views.events, name="events"),
    path("events/<int:pk>/<str:action>/", views.event_action, name="event_action"),
    path("statements/", views.statements, name="statements"),
    path("statements/new/", views.statement_new, name="statement_new"),
    path("statements/<int:pk>/", views.statement_detail, name="statement"),
    path("statements/<int:pk>/action/", views.statement_action, name="statement_action"),
    path("urgent/", views.urgent, name="urgent"),
    path("urgent/<int:pk>/", views.urgent_detail, name="urgent_event"),
    path("urgent/<int:pk>/action/", views.urgent_action, name="urgent_action"),
    path("requests/", views.requests, name="requests"),
    path("requests/new/", views.request_new, name="request_new"),
    path("requests/<int:pk>/", views.request_detail, name="request"),
    path("requests/<int:pk>/action/", views.request_action, name="request_action"),
    path("attachments/<int:pk>/", views.attachment, name="attachment"),
    path("requests/<int:pk>/corrections/round/", views.correction_round, name="correction_round"),
    path("corrections/<int:pk>/outcome/", views.correction_outcome, name="correction_outcome"),
    path("deadline/<str:kind>/<int:pk>/override/", views.deadline_override, name="deadline_override"),
    path("report/", views.report, name="report"),
    path("report/<int:year>/send/", views.report_send, name="report_send"),
    path("report/<int:year>.<str:fmt>", views.report_export, name="report_export"),
]
