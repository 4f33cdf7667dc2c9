from hub.base.notifications import unread_count


def notifications(request):
    """How many unread notifications the header shows: one query, only for signed-in members."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": unread_count(user)}
