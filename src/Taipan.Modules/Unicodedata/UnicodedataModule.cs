// Modules/unicodedata.c
using System.Text;
using Taipan.Runtime;
using Taipan.Runtime.Errors;
using Taipan.Runtime.Objects;
using Taipan.Syntax.Unicode;

namespace Taipan.Modules.Unicodedata;

/// <summary><c>unicodedata</c>: the Unicode 14.0.0 database; <c>ucd_3_2_0</c> (a <see cref="Ucd"/>)
/// gives the same functions as Unicode 3.2.0 saw them, for <c>stringprep</c> and IDNA.</summary>
[PyModule("unicodedata", Doc = "This module provides access to the Unicode Character Database which\ndefines character properties for all Unicode characters. The data in\nthis database is based on the UnicodeData.txt file version\n14.0.0 which is publicly available from ftp://ftp.unicode.org/.\n\nThe module uses the same names and symbols as defined by the\nUnicodeData File Format 14.0.0.")]
public static partial class UnicodedataModule
{
    static partial void Initialize(PyModule module)
    {
        module.AddBuiltin("UCD", Ucd.TypeObject);
        module.AddBuiltin("ucd_3_2_0", Ucd.V320);
        module.AddBuiltin("unidata_version", new PyStr(UnicodeData.Version));
    }

    [PyMethod("decimal", Doc = UnicodeData.DecimalDoc)]
    public static PyObject Decimal(PyObject chr, PyObject? @default = null) => UnicodeData.Decimal(chr, @default, false);

    [PyMethod("digit", Doc = UnicodeData.DigitDoc)]
    public static PyObject Digit(PyObject chr, PyObject? @default = null) => UnicodeData.Digit(chr, @default, false);

    [PyMethod("numeric", Doc = UnicodeData.NumericDoc)]
    public static PyObject Numeric(PyObject chr, PyObject? @default = null) => UnicodeData.Numeric(chr, @default, false);

    [PyMethod("category", Doc = UnicodeData.CategoryDoc)]
    public static PyStr Category(PyObject chr) => UnicodeData.Category(chr, false);

    [PyMethod("bidirectional", Doc = UnicodeData.BidirectionalDoc)]
    public static PyStr Bidirectional(PyObject chr) => UnicodeData.Bidirectional(chr, false);

    [PyMethod("combining", Doc = UnicodeData.CombiningDoc)]
    public static PyObject Combining(PyObject chr) => UnicodeData.Combining(chr, false);

    [PyMethod("mirrored", Doc = UnicodeData.MirroredDoc)]
    public static PyObject Mirrored(PyObject chr) => UnicodeData.Mirrored(chr, false);

    [PyMethod("east_asian_width", Doc = UnicodeData.EastAsianWidthDoc)]
    public static PyStr EastAsianWidth(PyObject chr) => UnicodeData.EastAsianWidth(chr, false);

    [PyMethod("decomposition", Doc = UnicodeData.DecompositionDoc)]
    public static PyStr Decomposition(PyObject chr) => UnicodeData.Decomposition(chr, false);

    [PyMethod("is_normalized", Doc = UnicodeData.IsNormalizedDoc)]
    public static PyObject IsNormalized(PyObject form, PyObject unistr) => UnicodeData.IsNormalized(form, unistr, false);

    [PyMethod("normalize", Doc = UnicodeData.NormalizeDoc)]
    public static PyObject Normalize(PyObject form, PyObject unistr) => UnicodeData.Normalize(form, unistr, false);

    [PyMethod("name", Doc = UnicodeData.NameDoc)]
    public static PyObject Name(PyObject chr, PyObject? @default = null) => UnicodeData.Name(chr, @default, false);

    [PyMethod("lookup", Doc = UnicodeData.LookupDoc)]
    public static PyStr Lookup(PyObject name) => UnicodeData.Lookup(name, false);
}

/// <summary><c>unicodedata.UCD</c>: a view of the database as an older Unicode version; the
/// only instance is <c>ucd_3_2_0</c>, and Python code cannot create others.</summary>
[PyType("unicodedata.UCD", Module = "unicodedata", FromSpec = true)]
public sealed partial class Ucd : PyObject
{
    private Ucd()
    {
    }

    public static readonly Ucd V320 = new();

    /// <summary>Only the module makes these (Py_TPFLAGS_DISALLOW_INSTANTIATION).</summary>
    [PySlot("tp_new")]
    public static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        throw PyErr.TypeError("cannot create 'unicodedata.UCD' instances");

    [PyGetter("unidata_version")]
    public string UnidataVersion() => "3.2.0";

    [PyMethod("decimal", Doc = UnicodeData.DecimalDoc)]
    public PyObject Decimal(PyObject chr, PyObject? @default = null) => UnicodeData.Decimal(chr, @default, true);

    [PyMethod("digit", Doc = UnicodeData.DigitDoc)]
    public PyObject Digit(PyObject chr, PyObject? @default = null) => UnicodeData.Digit(chr, @default, true);

    [PyMethod("numeric", Doc = UnicodeData.NumericDoc)]
    public PyObject Numeric(PyObject chr, PyObject? @default = null) => UnicodeData.Numeric(chr, @default, true);

    [PyMethod("category", Doc = UnicodeData.CategoryDoc)]
    public PyStr Category(PyObject chr) => UnicodeData.Category(chr, true);

    [PyMethod("bidirectional", Doc = UnicodeData.BidirectionalDoc)]
    public PyStr Bidirectional(PyObject chr) => UnicodeData.Bidirectional(chr, true);

    [PyMethod("combining", Doc = UnicodeData.CombiningDoc)]
    public PyObject Combining(PyObject chr) => UnicodeData.Combining(chr, true);

    [PyMethod("mirrored", Doc = UnicodeData.MirroredDoc)]
    public PyObject Mirrored(PyObject chr) => UnicodeData.Mirrored(chr, true);

    [PyMethod("east_asian_width", Doc = UnicodeData.EastAsianWidthDoc)]
    public PyStr EastAsianWidth(PyObject chr) => UnicodeData.EastAsianWidth(chr, true);

    [PyMethod("decomposition", Doc = UnicodeData.DecompositionDoc)]
    public PyStr Decomposition(PyObject chr) => UnicodeData.Decomposition(chr, true);

    [PyMethod("is_normalized", Doc = UnicodeData.IsNormalizedDoc)]
    public PyObject IsNormalized(PyObject form, PyObject unistr) => UnicodeData.IsNormalized(form, unistr, true);

    [PyMethod("normalize", Doc = UnicodeData.NormalizeDoc)]
    public PyObject Normalize(PyObject form, PyObject unistr) => UnicodeData.Normalize(form, unistr, true);

    [PyMethod("name", Doc = UnicodeData.NameDoc)]
    public PyObject Name(PyObject chr, PyObject? @default = null) => UnicodeData.Name(chr, @default, true);

    [PyMethod("lookup", Doc = UnicodeData.LookupDoc)]
    public PyStr Lookup(PyObject name) => UnicodeData.Lookup(name, true);
}

/// <summary>The functions shared by the module (the current version) and <see cref="Ucd"/>
/// (3.2.0), with CPython's argument checks and messages.</summary>
internal static class UnicodeData
{
    public const string Version = "14.0.0";

    /// <summary>CPython's NAME_MAXLEN: longer names are refused before the search.</summary>
    private const int NameMaxLength = 256;

    public const string DecimalDoc = "Converts a Unicode character into its equivalent decimal value.\n\nReturns the decimal value assigned to the character chr as integer.\nIf no such value is defined, default is returned, or, if not given,\nValueError is raised.";
    public const string DigitDoc = "Converts a Unicode character into its equivalent digit value.\n\nReturns the digit value assigned to the character chr as integer.\nIf no such value is defined, default is returned, or, if not given,\nValueError is raised.";
    public const string NumericDoc = "Converts a Unicode character into its equivalent numeric value.\n\nReturns the numeric value assigned to the character chr as float.\nIf no such value is defined, default is returned, or, if not given,\nValueError is raised.";
    public const string CategoryDoc = "Returns the general category assigned to the character chr as string.";
    public const string BidirectionalDoc = "Returns the bidirectional class assigned to the character chr as string.\n\nIf no such value is defined, an empty string is returned.";
    public const string CombiningDoc = "Returns the canonical combining class assigned to the character chr as integer.\n\nReturns 0 if no combining class is defined.";
    public const string MirroredDoc = "Returns the mirrored property assigned to the character chr as integer.\n\nReturns 1 if the character has been identified as a \"mirrored\"\ncharacter in bidirectional text, 0 otherwise.";
    public const string EastAsianWidthDoc = "Returns the east asian width assigned to the character chr as string.";
    public const string DecompositionDoc = "Returns the character decomposition mapping assigned to the character chr as string.\n\nAn empty string is returned in case no such mapping is defined.";
    public const string IsNormalizedDoc = "Return whether the Unicode string unistr is in the normal form 'form'.\n\nValid values for form are 'NFC', 'NFKC', 'NFD', and 'NFKD'.";
    public const string NormalizeDoc = "Return the normal form 'form' for the Unicode string unistr.\n\nValid values for form are 'NFC', 'NFKC', 'NFD', and 'NFKD'.";
    public const string NameDoc = "Returns the name assigned to the character chr as a string.\n\nIf no name is defined, default is returned, or, if not given,\nValueError is raised.";
    public const string LookupDoc = "Look up character by name.\n\nIf a character with the given name is found, return the\ncorresponding character.  If not found, KeyError is raised.";

    private static PyStr[]? s_categories, s_bidirectionals, s_widths;

    private static UnicodeDatabase Db => UnicodeDatabase.Instance;

    /// <summary>The code point of a one-character str (Argument Clinic's <c>int(accept={str})</c>
    /// converter); <paramref name="withPosition"/> for functions with an optional second
    /// argument, whose message names "argument 1".</summary>
    private static int Char(string function, PyObject o, bool withPosition)
    {
        if (o is PyStr s && s.CodePointCount == 1)
        {
            var i = 0;
            return PyStr.NextCodePoint(s.Value, ref i);
        }
        throw PyErr.TypeError($"{function}() argument {(withPosition ? "1 " : "")}must be a unicode character, not {o.Type.Name}");
    }

    private static PyStr Interned(ref PyStr[]? cache, string[] names, int index)
    {
        if (cache is null)
        {
            var a = new PyStr[names.Length];
            for (var i = 0; i < a.Length; i++)
            {
                a[i] = PyStr.Intern(names[i]);
            }
            cache = a;
        }
        return cache[index];
    }

    public static PyObject Decimal(PyObject chr, PyObject? dflt, bool v320)
    {
        var v = Db.Decimal(Char("decimal", chr, true), v320);
        return v >= 0 ? PyInt.From(v) : dflt ?? throw PyErr.ValueError("not a decimal");
    }

    public static PyObject Digit(PyObject chr, PyObject? dflt, bool v320)
    {
        var v = Db.Digit(Char("digit", chr, true), v320);
        return v >= 0 ? PyInt.From(v) : dflt ?? throw PyErr.ValueError("not a digit");
    }

    public static PyObject Numeric(PyObject chr, PyObject? dflt, bool v320) =>
        Db.TryNumeric(Char("numeric", chr, true), v320, out var v)
            ? new PyFloat(v)
            : dflt ?? throw PyErr.ValueError("not a numeric character");

    public static PyStr Category(PyObject chr, bool v320) =>
        Interned(ref s_categories, Db.Categories, Db.Category(Char("category", chr, false), v320));

    public static PyStr Bidirectional(PyObject chr, bool v320) =>
        Interned(ref s_bidirectionals, Db.Bidirectionals, Db.Bidirectional(Char("bidirectional", chr, false), v320));

    public static PyObject Combining(PyObject chr, bool v320) => PyInt.From(Db.Combining(Char("combining", chr, false), v320));

    public static PyObject Mirrored(PyObject chr, bool v320) => PyInt.From(Db.Mirrored(Char("mirrored", chr, false), v320));

    public static PyStr EastAsianWidth(PyObject chr, bool v320) =>
        Interned(ref s_widths, Db.Widths, Db.EastAsianWidth(Char("east_asian_width", chr, false), v320));

    public static PyStr Decomposition(PyObject chr, bool v320)
    {
        var d = Db.Decomposition(Char("decomposition", chr, false), v320);
        return d.Length == 0 ? PyStr.Empty : new PyStr(d);
    }

    /// <summary>The normalization form: (compose, compatibility), or an exception.</summary>
    private static (bool Compose, bool Compat) Form(string form) => form switch
    {
        "NFC" => (true, false),
        "NFKC" => (true, true),
        "NFD" => (false, false),
        "NFKD" => (false, true),
        _ => throw PyErr.ValueError("invalid normalization form"),
    };

    public static PyObject Normalize(PyObject form, PyObject unistr, bool v320)
    {
        var f = Taipan.Runtime.Python.ArgParse.ToStr("normalize", 1, form).Value;
        var s = Taipan.Runtime.Python.ArgParse.ToStr("normalize", 2, unistr);
        if (s.Value.Length == 0)
        {
            return s;
        }
        var (compose, compat) = Form(f);
        var result = Db.Normalize(s.Value, compose, compat, v320);
        return ReferenceEquals(result, s.Value) && s.GetType() == typeof(PyStr) ? s : new PyStr(result);
    }

    public static PyObject IsNormalized(PyObject form, PyObject unistr, bool v320)
    {
        var f = Taipan.Runtime.Python.ArgParse.ToStr("is_normalized", 1, form).Value;
        var s = Taipan.Runtime.Python.ArgParse.ToStr("is_normalized", 2, unistr).Value;
        if (s.Length == 0)
        {
            return PyBool.True;
        }
        var (compose, compat) = Form(f);
        return PyBool.From(ReferenceEquals(Db.Normalize(s, compose, compat, v320), s));
    }

    public static PyObject Name(PyObject chr, PyObject? dflt, bool v320)
    {
        var cp = Char("name", chr, true);
        if ((!v320 || Db.AssignedIn320(cp)) && UnicodeNames.TryGetName(cp, out var name))
        {
            return new PyStr(name);
        }
        return dflt ?? throw PyErr.ValueError("no such name");
    }

    public static PyStr Lookup(PyObject nameObj, bool v320)
    {
        // The argument is UTF-8 bytes in CPython ("s#"): a str is encoded, bytes taken as they are.
        string name;
        string shown;
        if (nameObj is PyStr str)
        {
            var s = str.Value;
            for (var i = 0; i < s.Length; i++)
            {
                if (char.IsSurrogate(s[i]) && !PyStr.IsPairAt(s, i) && !(i > 0 && PyStr.IsPairAt(s, i - 1)))
                {
                    var pos = PyStr.CountCodePoints(s.AsSpan(0, i));
                    throw new PyException((PyBaseException)Taipan.Runtime.Abstract.Ops.Call(PyExc.UnicodeEncodeError,
                        [new PyStr("utf-8"), str, PyInt.From(pos), PyInt.From(pos + 1), new PyStr("surrogates not allowed")], null));
                }
            }
            name = s;
            shown = s;
            if (Encoding.UTF8.GetByteCount(s) > NameMaxLength)
            {
                throw PyErr.KeyError(new PyStr("name too long"));
            }
        }
        else if (nameObj is PyBytes bytes)
        {
            if (bytes.Data.Length > NameMaxLength)
            {
                throw PyErr.KeyError(new PyStr("name too long"));
            }
            // Non-ASCII bytes match no name; Latin-1 keeps them apart from ASCII.
            name = Encoding.Latin1.GetString(bytes.Data);
            shown = Encoding.UTF8.GetString(bytes.Data);
        }
        else if (nameObj is PyByteArray or PyMemoryView)
        {
            throw PyErr.TypeError($"lookup() argument must be read-only bytes-like object, not {nameObj.Type.Name}");
        }
        else
        {
            throw PyErr.TypeError($"a bytes-like object is required, not '{nameObj.Type.Name}'");
        }
        if (TryLookup(name, v320, out var result))
        {
            return result;
        }
        var nul = shown.IndexOf('\0');
        throw PyErr.KeyError(new PyStr($"undefined character name '{(nul >= 0 ? shown[..nul] : shown)}'"));
    }

    private static bool TryLookup(string name, bool v320, out PyStr result)
    {
        result = PyStr.Empty;
        if (UnicodeNames.TryLookup(name, out var cp))
        {
            // 3.2.0 knows no aliases and no characters assigned since.
            if (v320 && !IsComputedName(name) &&
                (!Db.AssignedIn320(cp) || !UnicodeNames.TryGetName(cp, out var real) || !real.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }
            result = PyStr.FromCodePoint(cp);
            return true;
        }
        if (!v320 && Db.TryNamedSequence(name.ToUpperInvariant(), out var sequence))
        {
            result = new PyStr(sequence);
            return true;
        }
        return false;
    }

    private static bool IsComputedName(string name) =>
        name.StartsWith("HANGUL SYLLABLE ", StringComparison.Ordinal) || name.StartsWith("CJK UNIFIED IDEOGRAPH-", StringComparison.Ordinal);
}
