def posted(request):
    """The POST data for a form, or None on GET. (An empty POST is still a submission.)"""
    return request.POST if request.method == "POST" else None


def apply_errors(form, exc) -> None:
    """Put a service's ValidationError beside the form's fields (or at the top of the form)."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            for error in errors:
                form.add_error(field if field in form.fields else None, error.messages[0])
    else:
        for message in exc.messages:
            form.add_error(None, message)
