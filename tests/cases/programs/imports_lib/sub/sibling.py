print("init sibling", __name__)
S = "sibling"
