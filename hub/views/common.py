def posted(request):
    """The POST data for a form, or None on GET. (An empty POST is still a submission.)"""
    return request.POST if request.method == "POST" else None
