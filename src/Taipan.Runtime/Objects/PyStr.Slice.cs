// Objects/unicodeobject.c (unicode_subscript with a slice)
namespace Taipan.Runtime.Objects;

public partial class PyStr
{
    /// <summary><c>str[i:j:k]</c> by code point: chars directly when every char is a code
    /// point, else through the offsets of the code points, computed once for the slice.</summary>
    private PyStr SliceOf(PySlice slice)
    {
        var s = Value;
        var length = CodePointCount;
        var n = slice.Adjust(length, out var start, out _, out var step);
        if (n == length && step == 1 && GetType() == typeof(PyStr))
        {
            return this;
        }
        if (IsSimple)
        {
            if (step == 1)
            {
                return new PyStr(s.Substring((int)start, (int)n));
            }
            var chars = new char[n];
            for (long i = 0, j = start; i < n; i++, j += step)
            {
                chars[i] = s[(int)j];
            }
            return new PyStr(new string(chars));
        }
        var offsets = new int[length + 1];
        for (int k = 0, i = 0; k < length; k++)
        {
            offsets[k] = i;
            i += IsPairAt(s, i) ? 2 : 1;
        }
        offsets[length] = s.Length;
        if (step == 1)
        {
            return new PyStr(s[offsets[start]..offsets[start + n]]);
        }
        var sb = new System.Text.StringBuilder();
        for (long i = 0, j = start; i < n; i++, j += step)
        {
            sb.Append(s, offsets[j], offsets[j + 1] - offsets[j]);
        }
        return new PyStr(sb.ToString());
    }
}
