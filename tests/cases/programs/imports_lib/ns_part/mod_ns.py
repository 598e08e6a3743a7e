print("init mod_ns", __name__)
N = "ns"
