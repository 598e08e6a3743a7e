// Modules/_heapqmodule.c
using Taipan.Runtime;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Modules.Bisect;

namespace Taipan.Modules.Heapq;

/// <summary><c>_heapq</c>: the heap queue algorithm on lists, comparing with <c>&lt;</c> only,
/// and refusing to go on when a comparison changed the list's size.</summary>
[PyModule("_heapq", Doc = "Heap queue algorithm (a.k.a. priority queue).\n\nHeaps are arrays for which a[k] <= a[2*k+1] and a[k] <= a[2*k+2] for\nall k, counting elements from 0.  For the sake of comparison,\nnon-existing elements are considered to be infinite.  The interesting\nproperty of a heap is that a[0] is always its smallest element.\n\nUsage:\n\nheap = []            # creates an empty heap\nheappush(heap, item) # pushes a new item on the heap\nitem = heappop(heap) # pops the smallest item from the heap\nitem = heap[0]       # smallest item on the heap without popping it\nheapify(x)           # transforms list into a heap, in-place, in linear time\nitem = heappushpop(heap, item) # pushes a new item and then returns\n                               # the smallest item; the heap size is unchanged\nitem = heapreplace(heap, item) # pops and returns smallest item, and adds\n                               # new item; the heap size is unchanged\n\nOur API differs from textbook heap algorithms as follows:\n\n- We use 0-based indexing.  This makes the relationship between the\n  index for a node and the indexes for its children slightly less\n  obvious, but is more suitable since Python uses 0-based indexing.\n\n- Our heappop() method returns the smallest item, not the largest.\n\nThese two make it possible to view the heap as a regular Python list\nwithout surprises: heap[0] is the smallest item, and heap.sort()\nmaintains the heap invariant!\n")]
public static partial class HeapqModule
{
    private static PyList ListArg(string function, PyObject heap, bool single) =>
        heap as PyList ?? throw PyErr.TypeError(single
            ? $"{function}() argument must be list, not {heap.Type.Name}"
            : $"{function}() argument 1 must be list, not {heap.Type.Name}");

    private static PyException Changed() => PyErr.RuntimeError("list changed size during iteration");

    private static bool Lt(PyObject v, PyObject w, bool max) => max ? BisectModule.Less(w, v) : BisectModule.Less(v, w);

    /// <summary>Moves the item at <paramref name="pos"/> up towards <paramref name="start"/>.</summary>
    private static void SiftDown(PyList heap, int start, int pos, bool max)
    {
        var size = heap.Count;
        if (pos >= size)
        {
            throw PyErr.IndexError("index out of range");
        }
        var item = heap[pos];
        while (pos > start)
        {
            var parentPos = (pos - 1) >> 1;
            var parent = heap[parentPos];
            var lt = Lt(item, parent, max);
            if (size != heap.Count)
            {
                throw Changed();
            }
            if (!lt)
            {
                break;
            }
            parent = heap[parentPos];
            item = heap[pos];
            heap[parentPos] = item;
            heap[pos] = parent;
            pos = parentPos;
        }
    }

    /// <summary>Moves the smaller child up until a leaf is reached, then sifts the item there
    /// down (the bottom-up variant: fewer comparisons).</summary>
    private static void SiftUp(PyList heap, int pos, bool max)
    {
        var end = heap.Count;
        var start = pos;
        if (pos >= end)
        {
            throw PyErr.IndexError("index out of range");
        }
        var limit = end >> 1;
        while (pos < limit)
        {
            var child = 2 * pos + 1;
            if (child + 1 < end)
            {
                var lt = Lt(heap[child], heap[child + 1], max);
                if (end != heap.Count)
                {
                    throw Changed();
                }
                if (!lt)
                {
                    child++;
                }
            }
            var tmp = heap[child];
            heap[child] = heap[pos];
            heap[pos] = tmp;
            pos = child;
        }
        SiftDown(heap, start, pos, max);
    }

    [PyMethod("heappush", Doc = "Push item onto heap, maintaining the heap invariant.")]
    public static void HeapPush(PyObject heap, PyObject item)
    {
        var list = ListArg("heappush", heap, false);
        list.Append(item);
        SiftDown(list, 0, list.Count - 1, false);
    }

    private static PyObject Pop(PyList list, bool max)
    {
        var n = list.Count;
        if (n == 0)
        {
            throw PyErr.IndexError("index out of range");
        }
        var last = list.Pop();
        if (n == 1)
        {
            return last;
        }
        var result = list[0];
        list[0] = last;
        SiftUp(list, 0, max);
        return result;
    }

    [PyMethod("heappop", Doc = "Pop the smallest item off the heap, maintaining the heap invariant.")]
    public static PyObject HeapPop(PyObject heap) => Pop(ListArg("heappop", heap, true), false);

    [PyMethod("_heappop_max", Doc = "Maxheap variant of heappop.")]
    public static PyObject HeapPopMax(PyObject heap) => Pop(ListArg("_heappop_max", heap, true), true);

    private static PyObject Replace(PyList list, PyObject item, bool max)
    {
        if (list.Count == 0)
        {
            throw PyErr.IndexError("index out of range");
        }
        var result = list[0];
        list[0] = item;
        SiftUp(list, 0, max);
        return result;
    }

    [PyMethod("heapreplace", Doc = "Pop and return the current smallest value, and add the new item.\n\nThis is more efficient than heappop() followed by heappush(), and can be\nmore appropriate when using a fixed-size heap.  Note that the value\nreturned may be larger than item!  That constrains reasonable uses of\nthis routine unless written as part of a conditional replacement:\n\n    if item > heap[0]:\n        item = heapreplace(heap, item)")]
    public static PyObject HeapReplace(PyObject heap, PyObject item) => Replace(ListArg("heapreplace", heap, false), item, false);

    [PyMethod("_heapreplace_max", Doc = "Maxheap variant of heapreplace.")]
    public static PyObject HeapReplaceMax(PyObject heap, PyObject item) => Replace(ListArg("_heapreplace_max", heap, false), item, true);

    [PyMethod("heappushpop", Doc = "Push item on the heap, then pop and return the smallest item from the heap.\n\nThe combined action runs more efficiently than heappush() followed by\na separate call to heappop().")]
    public static PyObject HeapPushPop(PyObject heap, PyObject item)
    {
        var list = ListArg("heappushpop", heap, false);
        if (list.Count == 0)
        {
            return item;
        }
        var top = list[0];
        if (!BisectModule.Less(top, item))
        {
            return item;
        }
        if (list.Count == 0)
        {
            throw PyErr.IndexError("index out of range");
        }
        var result = list[0];
        list[0] = item;
        SiftUp(list, 0, false);
        return result;
    }

    private static void Heapify(PyList list, bool max)
    {
        for (var i = list.Count / 2 - 1; i >= 0; i--)
        {
            SiftUp(list, i, max);
        }
    }

    [PyMethod("heapify", Doc = "Transform list into a heap, in-place, in O(len(heap)) time.")]
    public static void HeapifyMethod(PyObject heap) => Heapify(ListArg("heapify", heap, true), false);

    [PyMethod("_heapify_max", Doc = "Maxheap variant of heapify.")]
    public static void HeapifyMax(PyObject heap) => Heapify(ListArg("_heapify_max", heap, true), true);

    static partial void Initialize(PyModule module)
    {
        module.AddBuiltin("__about__", new PyStr(About));
    }

    private const string About = "Heap queues\n\n[explanation by Fran\u00e7ois Pinard]\n\nHeaps are arrays for which a[k] <= a[2*k+1] and a[k] <= a[2*k+2] for\nall k, counting elements from 0.  For the sake of comparison,\nnon-existing elements are considered to be infinite.  The interesting\nproperty of a heap is that a[0] is always its smallest element.\n";
}
