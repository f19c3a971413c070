from django.contrib.auth import views as auth_views
from django.urls import path

from loa.web import views

app_name = "web"

urlpatterns = [
    path("search/", views.search, name="search"),
    path("audit/", views.audit_log, name="audit"),
    path("notifications/", views.notifications, name="notifications"),
    path("notifications/<int:pk>/", views.notification_open, name="notification_open"),
]

auth_urlpatterns = [
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
]
