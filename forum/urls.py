from django.urls import path

from forum.views import browse, moderation, posting

urlpatterns = [
    path("", browse.forum_index, name="forum_index"),
    path("search/", browse.forum_search, name="forum_search"),
    path("discuss/", posting.discuss, name="forum_discuss"),
    path("c/<slug:slug>/", browse.forum_category, name="forum_category"),
    path("c/<slug:slug>/new/", posting.thread_create, name="forum_thread_create"),
    path("c/<slug:slug>/watch/", posting.category_watch, name="forum_category_watch"),
    path("t/<int:pk>/", browse.forum_thread, name="forum_thread"),
    path("t/<int:pk>/reply/", posting.reply_create, name="forum_reply"),
    path("t/<int:pk>/watch/", posting.thread_watch, name="forum_thread_watch"),
    path("t/<int:pk>/state/", moderation.thread_state, name="forum_thread_state"),
    path("t/<int:pk>/move/", moderation.thread_move, name="forum_thread_move"),
    path("t/<int:pk>/hide/", moderation.thread_hide, name="forum_thread_hide"),
    path("t/<int:pk>/restore/", moderation.thread_restore, name="forum_thread_restore"),
    path("p/<int:pk>/", browse.forum_post_link, name="forum_post"),
    path("p/<int:pk>/edit/", posting.post_edit, name="forum_post_edit"),
    path("p/<int:pk>/delete/", posting.post_delete, name="forum_post_delete"),
    path("p/<int:pk>/report/", posting.post_flag, name="forum_post_flag"),
    path("p/<int:pk>/helpful/", posting.post_helpful, name="forum_post_helpful"),
    path("p/<int:pk>/solution/", posting.post_solution, name="forum_post_solution"),
    path("p/<int:pk>/hide/", moderation.post_hide, name="forum_post_hide"),
    path("p/<int:pk>/restore/", moderation.post_restore, name="forum_post_restore"),
]
