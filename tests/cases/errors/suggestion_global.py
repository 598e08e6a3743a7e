import_count = 3
print(import_cuont)
