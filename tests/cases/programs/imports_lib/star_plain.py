plain = "plain"
_private = "private"
