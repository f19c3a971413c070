from django.urls import path

from loa.deadlines import views

app_name = "deadlines"

urlpatterns = [
    path("", views.rules, name="rules"),
]
