from django.urls import path

from loa.plans import views

app_name = "plans"

urlpatterns = [
    path("", views.plan_list, name="list"),
    path("import/", views.import_upload, name="import"),
    path("imports/<int:pk>/", views.import_review, name="import_review"),
    path("<int:pk>/", views.plan_detail, name="plan"),
    path("<int:pk>/settings/", views.plan_settings, name="plan_settings"),
    path("<int:pk>/source/", views.plan_source, name="plan_source"),
    path("<int:pk>/report/", views.plan_report, name="report"),
    path("tasks/<int:pk>/", views.task_detail, name="task"),
    path("tasks/<int:pk>/courses/new/", views.course_new, name="course_new"),
    path("tasks/<int:pk>/budget/", views.budget_save, name="budget_save"),
    path("agencies/<int:pk>/", views.agency_detail, name="agency"),
    path("obligations/", views.my_obligations, name="my_obligations"),
    path("obligations/<int:pk>/", views.obligation_detail, name="obligation"),
    path("attachments/<int:pk>/", views.attachment_download, name="attachment"),
    path("budget/", views.budget_summary, name="budget"),
]
