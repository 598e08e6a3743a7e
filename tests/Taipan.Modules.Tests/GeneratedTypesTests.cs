using Taipan.Modules.Hashlib;
using Taipan.Runtime.Abstract;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;

namespace Taipan.Modules.Tests;

/// <summary>What the source generator gives module types: the members of their plain C# base
/// classes (a redeclaration in the type or a nearer base wins), and <c>__module__</c> in the
/// dict of the types CPython makes from a spec.</summary>
public class GeneratedTypesTests
{
    private static PyObject DictItem(PyType t, string name)
    {
        t.EnsureReady();
        return t.Dict.TryGetValue(PyStr.Intern(name), out var v) ? v : PyNone.Value;
    }

    [Fact]
    public void TypesTakeTheMembersOfTheirBaseClasses()
    {
        foreach (var t in new[] { Md5Object.TypeObject, Sha256Object.TypeObject, Sha3_224Object.TypeObject, Blake2sObject.TypeObject })
        {
            foreach (var name in new[] { "update", "digest", "hexdigest", "copy", "name", "digest_size", "block_size" })
            {
                Assert.IsNotType<PyNone>(DictItem(t, name));
            }
        }
        // Only the types deriving from KeccakObject have its getters.
        Assert.IsType<PyNone>(DictItem(Md5Object.TypeObject, "_rate_bits"));
        Assert.IsNotType<PyNone>(DictItem(Shake128Object.TypeObject, "_rate_bits"));
    }

    [Fact]
    public void RedeclaredMembersWin()
    {
        var md5 = Md5Module.Md5(new PyBytes([1, 2, 3]));
        var shake = Ops.Call(Shake128Object.TypeObject, [new PyBytes([1, 2, 3])], null);
        // ShakeObject's digest takes a length; HashObject's takes none.
        Assert.Equal(16, ((PyBytes)Ops.Call(Ops.GetAttr(md5, PyStr.Intern("digest")), [], null)).Data.Length);
        Assert.Equal(5, ((PyBytes)Ops.Call(Ops.GetAttr(shake, PyStr.Intern("digest")), [PyInt.From(5)], null)).Data.Length);
        // BytesHashObject's update has its own doc.
        var doc = Ops.GetAttr(DictItem(Shake128Object.TypeObject, "update"), PyStr.Intern("__doc__"));
        Assert.Equal("Update this hash object's state with the provided bytes-like object.", ((PyStr)doc).Value);
        // A setter declared in an intermediate base pairs with the getter of the base.
        var sha = Sha256Module.Sha256();
        var e = Assert.Throws<PyException>(() => Ops.SetAttr(sha, PyStr.Intern("digest_size"), PyInt.From(1)));
        Assert.Equal("readonly attribute", Ops.Str(e.Value).Value);
        e = Assert.Throws<PyException>(() => Ops.SetAttr(md5, PyStr.Intern("digest_size"), PyInt.From(1)));
        Assert.NotEqual("readonly attribute", Ops.Str(e.Value).Value);
    }

    [Fact]
    public void TypesFromASpecHaveModuleInTheirDict()
    {
        Assert.Equal("_md5", ((PyStr)DictItem(Md5Object.TypeObject, "__module__")).Value);
        Assert.Equal("_blake2", ((PyStr)DictItem(Blake2bObject.TypeObject, "__module__")).Value);
        // collections.deque is a static type in CPython: __module__ comes from its name only.
        Assert.IsType<PyNone>(DictItem(Taipan.Modules.Collections.Deque.TypeObject, "__module__"));
        Assert.Equal("collections", ((PyStr)Ops.GetAttr(Taipan.Modules.Collections.Deque.TypeObject, PyStr.Intern("__module__"))).Value);
    }
}
