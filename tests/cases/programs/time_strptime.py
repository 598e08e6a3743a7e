# time.strptime (through the standard library's _strptime) and float.__getformat__, which
# test.support calls when it is imported.
import time
print(float.__getformat__('double'), float.__getformat__('float'))
for a in ['x', 1]:
    try:
        float.__getformat__(a)
    except Exception as e:
        print(type(e).__name__, e)
print(time.strptime('2024 5', '%Y %m'))
print(time.strptime('Tue Nov 24 22:40:00 2026'))
print(time.strptime('31/12/99 23:59', '%d/%m/%y %H:%M')[:6])
print(time._STRUCT_TM_ITEMS)
for args in [(1,), ('x', '%Y'), ('2024', '%Y %m')]:
    try:
        time.strptime(*args)
    except Exception as e:
        print(type(e).__name__, e)
