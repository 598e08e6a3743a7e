# __module__, __qualname__, __name__ and repr of builtin types, of the builtins module and of
# extension modules, and whether __module__ is in the type's own __dict__ (it is for the types
# CPython 3.11 makes from a spec, not for static types).
import array
import collections
import functools
import itertools
import operator
import types
import weakref
import _bz2
import _collections
import _csv
import _hashlib
import _io
import _json
import _lzma
import _md5
import _random
import _sha1
import _sha256
import _sha3
import _sha512
import _blake2
import _struct
import _thread
import re
import select
import unicodedata
import zlib
import mmap
import pyexpat


def show(label, t):
    own = t.__dict__.get('__module__', '-')
    if not isinstance(own, str):
        own = 'descriptor'
    print(label, t.__module__, t.__qualname__, t.__name__, repr(t), own)


print("-- builtins")
for t in (object, type, int, bool, float, complex, str, bytes, bytearray, list, tuple, dict,
          set, frozenset, range, slice, memoryview, property, classmethod, staticmethod, super,
          enumerate, zip, map, filter, reversed, type(None), type(NotImplemented),
          type(Ellipsis), BaseException, Exception, ValueError, KeyError, OSError,
          StopIteration, ExceptionGroup):
    show(t.__name__, t)

print("-- builtin helper types")
samples = {
    'list_iterator': iter([]),
    'tuple_iterator': iter(()),
    'str_ascii_iterator': iter(''),
    'range_iterator': iter(range(1)),
    'set_iterator': iter(set()),
    'dict_keys': {}.keys(),
    'dict_values': {}.values(),
    'dict_items': {}.items(),
    'dict_keyiterator': iter({}),
    'bytes_iterator': iter(b''),
    'function': show,
    'builtin_function_or_method': len,
    'method_descriptor': str.join,
    'wrapper_descriptor': object.__init__,
    'getset_descriptor': type.__dict__['__dict__'],
    'mappingproxy': type.__dict__,
    'generator': (x for x in ()),
    'code': show.__code__,
    'cell': (lambda: samples).__closure__ if False else None,
    'module': array,
}
for name, obj in samples.items():
    if obj is not None:
        show(name, type(obj))

print("-- types module")
for t in (types.SimpleNamespace, types.GenericAlias, types.UnionType, types.ModuleType,
          types.FunctionType, types.MethodType, types.CodeType, types.FrameType,
          types.TracebackType, types.MappingProxyType, types.CellType):
    show(t.__name__, t)

print("-- static types of modules")
for t in (collections.deque, collections.defaultdict, _collections._tuplegetter,
          _collections._deque_iterator, _collections._deque_reverse_iterator,
          itertools.count, itertools.chain, itertools.cycle, itertools.repeat,
          itertools.accumulate, itertools.groupby, itertools.islice, itertools.product,
          itertools.permutations, itertools.combinations, itertools.zip_longest,
          itertools.starmap, itertools.pairwise, itertools.compress, itertools.takewhile,
          itertools.dropwhile, itertools.filterfalse, itertools._grouper, itertools._tee,
          itertools._tee_dataobject,
          _io.FileIO, _io.BytesIO, _io.StringIO, _io.TextIOWrapper, _io.BufferedReader,
          _io.BufferedWriter, _io.BufferedRandom, _io.BufferedRWPair, _io._IOBase,
          _io._RawIOBase, _io._BufferedIOBase, _io._TextIOBase, _io.IncrementalNewlineDecoder,
          weakref.ref, weakref.ProxyType, weakref.CallableProxyType):
    show(t.__name__, t)

print("-- types made from a spec")
for t in (array.array, type(iter(array.array('b'))), functools.partial,
          functools._lru_cache_wrapper, type(functools.cmp_to_key(len)(1)),
          operator.itemgetter, operator.attrgetter, operator.methodcaller,
          _bz2.BZ2Compressor, _bz2.BZ2Decompressor, _lzma.LZMACompressor,
          _lzma.LZMADecompressor, _hashlib.HASH, _hashlib.HASHXOF, _hashlib.HMAC,
          type(_md5.md5()), type(_sha1.sha1()), type(_sha256.sha256()),
          type(_sha256.sha224()), type(_sha512.sha512()), type(_sha512.sha384()),
          _sha3.sha3_224, _sha3.sha3_256, _sha3.sha3_384, _sha3.sha3_512, _sha3.shake_128,
          _sha3.shake_256, _blake2.blake2b, _blake2.blake2s, _struct.Struct,
          type(_struct.iter_unpack('b', b'')), _random.Random, _csv.Dialect,
          type(_csv.reader([])), type(_csv.writer(_io.StringIO())), _json.make_encoder,
          _json.make_scanner, _thread.LockType, _thread.RLock, _thread._local,
          re.Pattern, re.Match, type(re.compile('a').scanner('')), select.epoll,
          type(select.poll()), unicodedata.UCD, type(zlib.compressobj()),
          type(zlib.decompressobj()), mmap.mmap, pyexpat.XMLParserType):
    show(t.__name__, t)

print("-- class statements")


class C:
    class D:
        pass


show('C', C)
show('C.D', C.D)
show('deque subclass', type('Q', (collections.deque,), {}))
