# gc: switches, thresholds and collect's result.
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
print(gc.collect() >= 0, gc.collect(0) >= 0, gc.collect(generation=1) >= 0)
try:
    gc.collect(3)
except ValueError as e:
    print(type(e).__name__, e)
print(gc.get_threshold())
gc.set_threshold(100)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(gc.get_threshold())
print(gc.get_debug())
gc.set_debug(gc.DEBUG_STATS)
print(gc.get_debug())
gc.set_debug(0)
print(gc.garbage, gc.callbacks)
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
print(gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked([]), gc.is_tracked({}), gc.is_tracked({"a": []}))
print(gc.is_tracked((1, 2)), gc.is_tracked(([],)), gc.is_finalized([]))
print(len(gc.get_count()))
