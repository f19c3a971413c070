from django.urls import path

from loa.monitoring import views

app_name = "monitoring"

urlpatterns = [
    path("", views.articles, name="articles"),
    path("export.csv", views.articles_export, name="articles_export"),
    path("articles/<int:pk>/", views.article_detail, name="article"),
    path("articles/<int:pk>/raw/", views.article_raw, name="article_raw"),
    path("articles/<int:pk>/press-request/", views.article_press_request, name="article_press_request"),
    path("stories/<int:pk>/", views.story_detail, name="story"),
    path("saved/", views.saved_searches, name="saved_searches"),
    path("saved/new/", views.saved_search_create, name="saved_search_create"),
    path("saved/<int:pk>/<str:action>/", views.saved_search_action, name="saved_search_action"),
    path("sources/", views.sources, name="sources"),
    path("sources/new/", views.source_form, name="source_new"),
    path("sources/<int:pk>/", views.source_form, name="source_edit"),
    path("reprocess/", views.reprocess_start, name="reprocess_start"),
    path("items/<int:pk>/retry/", views.item_retry, name="item_retry"),
    path("sectors/", views.sectors, name="sectors"),
    path("sectors/new/", views.sector_form, name="sector_new"),
    path("sectors/preview/", views.sector_preview, name="sector_preview"),
    path("sectors/<int:pk>/", views.sector_form, name="sector_edit"),
    path("sectors/<int:pk>/delete/", views.sector_delete, name="sector_delete"),
]
