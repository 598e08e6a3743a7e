print("init broken")
raise ValueError("broken on purpose")
