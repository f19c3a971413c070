from django.urls import path

from loa.press import public_views
from loa.press.feeds import StatementsFeed

app_name = "public"

urlpatterns = [
    path("", public_views.index, name="index"),
    path("spokespersons/", public_views.directory, name="directory"),
    path("statements/", public_views.statements, name="statements"),
    path("statements/rss/", StatementsFeed(), name="statements_feed"),
    path("statements/<int:pk>/", public_views.statement, name="statement"),
    path("schedule/", public_views.schedule, name="schedule"),
    path("request/", public_views.request_form, name="request"),
    path("request/sent/", public_views.request_sent, name="request_sent"),
]
