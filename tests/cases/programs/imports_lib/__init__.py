# The package the imports_* conformance cases import.
print("init imports_lib", __name__, __package__)
top_value = 10
