# The warnings module takes over from _warnings: shared filters, _showwarnmsg, catch_warnings.
import _warnings
import warnings

print(warnings.filters is _warnings.filters, warnings.warn is _warnings.warn)
print(warnings.filters[:2])
warnings.warn("through the module")
warnings.warn("deprecated", DeprecationWarning)
warnings.simplefilter("error", RuntimeWarning)
try:
    warnings.warn("boom", RuntimeWarning)
except RuntimeWarning as e:
    print("raised", e)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("recorded")
    warnings.warn("recorded", FutureWarning)
    _warnings.warn("from _warnings")
print([(str(w.message), w.category.__name__, w.lineno) for w in caught])
print(warnings.filters[0][:1])
warnings.filterwarnings("ignore", message="ign")
warnings.warn("ignored message")
warnings.warn("shown message")
warnings.showwarning = lambda message, category, filename, lineno, file=None, line=None: print("custom", message, category.__name__, lineno)
warnings.warn("via showwarning")
warnings.resetwarnings()
print(warnings.filters)
warnings.warn("after reset")
print(warnings.formatwarning("text", UserWarning, "file.py", 3, "  source line  "), end="")
