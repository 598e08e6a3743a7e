__all__ = ["public", "_listed"]
public = "public"
_listed = "listed"
unlisted = "unlisted"
