# time: struct_time conversions in UTC, strftime, asctime, clocks and sleep.
import time

t = time.gmtime(0)
print(t)
print(t.tm_year, t.tm_zone, t.tm_gmtoff, len(t), t[0], t[-1])
print(time.gmtime(1000000000))
print(time.gmtime(-1.5))
print(time.gmtime(1.99))
print(time.gmtime(951782400))  # 2000-02-29
print(time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(1000000000)))
print(time.strftime("%a %A %b %B %j %p %I %w %y %% %U %W %e %C %D %F %R %T %u", time.gmtime(1000000000)))
print(time.strftime("%c|%x|%X", time.gmtime(1234567890)))
print(time.strftime("%Y", (2000, 0, 0, 0, 0, 0, 0, 0, 0)))
print(time.asctime(time.gmtime(0)))
print(time.asctime((2024, 2, 29, 13, 5, 9, 3, 60, 0)))
s = time.struct_time((2020, 1, 2, 3, 4, 5, 3, 2, 0))
print(s, s.tm_mday, s.tm_zone)
print(time.mktime(time.localtime(1000000000)))
lt = time.localtime(1000000000)
print(time.mktime(lt) == 1000000000)

for bad in [(2000, 13, 1, 0, 0, 0, 0, 1, 0), (2000, 1, 32, 0, 0, 0, 0, 1, 0), (2000, 1, 1, 24, 0, 0, 0, 1, 0),
            (2000, 1, 1, 0, 60, 0, 0, 1, 0), (2000, 1, 1, 0, 0, 62, 0, 1, 0), (2000, 1, 1, 0, 0, 0, -1, 1, 0),
            (2000, 1, 1, 0, 0, 0, 0, 367, 0)]:
    try:
        time.strftime("%Y", bad)
    except ValueError as e:
        print(type(e).__name__, e)
for call in (lambda: time.sleep(-1), lambda: time.sleep("a"), lambda: time.gmtime("a"),
             lambda: time.strftime("%Y", (1, 2)), lambda: time.strftime("%Y", 5),
             lambda: time.struct_time((1, 2)), lambda: time.asctime((1, 2, 3))):
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)

# Clocks move forward; sleep waits at least as long as asked.
t0 = time.time()
p0 = time.perf_counter()
m0 = time.monotonic()
n0 = time.monotonic_ns()
time.sleep(0.02)
time.sleep(0)
print(time.time() >= t0, time.perf_counter() - p0 >= 0.02, time.monotonic() - m0 >= 0.02)
print(time.monotonic_ns() - n0 >= 20000000, time.perf_counter_ns() > 0, time.time_ns() > 0)
print(time.process_time() >= 0, time.process_time_ns() >= 0)
print(isinstance(time.time(), float), isinstance(time.time_ns(), int))
