// Lib/ast.py (dump)
using System.Text;

namespace Taipan.Syntax.Ast;

/// <summary>Writes the single-line form of <c>ast.dump</c>: fields as <c>name=value</c>,
/// optional fields left out when absent, then the location attributes.</summary>
internal sealed class AstDumper(bool includeAttributes)
{
    private readonly StringBuilder _sb = new();
    private bool _first;

    public void Node(Node node)
    {
        _sb.Append(node.PyName).Append('(');
        _first = true;
        node.DumpFields(this);
        if (includeAttributes && node is LocatedNode located)
        {
            Int("lineno", located.Lineno);
            Int("col_offset", located.ColOffset);
            Int("end_lineno", located.EndLineno);
            Int("end_col_offset", located.EndColOffset);
        }
        _sb.Append(')');
        _first = false;
    }

    public void Field(string name, Node value)
    {
        Name(name);
        Node(value);
    }

    public void Field(string name, string value)
    {
        Name(name);
        _sb.Append(PyRepr.Str(value));
    }

    public void Field(string name, int value) => Int(name, value);

    public void Field(string name, object value)
    {
        Name(name);
        _sb.Append(PyRepr.Constant(value));
    }

    public void Optional(string name, Node? value)
    {
        if (value is not null)
        {
            Field(name, value);
        }
    }

    public void Optional(string name, string? value)
    {
        if (value is not null)
        {
            Field(name, value);
        }
    }

    public void Optional(string name, int? value)
    {
        if (value is { } v)
        {
            Int(name, v);
        }
    }

    public void Enum<T>(string name, T value)
        where T : struct, System.Enum
    {
        Name(name);
        _sb.Append(value.ToString()).Append("()");
    }

    public void List<T>(string name, T[] items)
    {
        Name(name);
        _sb.Append('[');
        for (var i = 0; i < items.Length; i++)
        {
            if (i > 0)
            {
                _sb.Append(", ");
            }
            switch (items[i])
            {
                case Node n:
                    Node(n);
                    break;
                case string s:
                    _sb.Append(PyRepr.Str(s));
                    break;
                case CmpOpKind op:
                    _sb.Append(op.ToString()).Append("()");
                    break;
                case null:
                    _sb.Append("None");
                    break;
                default:
                    throw new InvalidOperationException($"cannot dump a {typeof(T).Name} list item");
            }
        }
        _sb.Append(']');
        _first = false;
    }

    private void Int(string name, int value)
    {
        Name(name);
        _sb.Append(value);
    }

    private void Name(string name)
    {
        if (!_first)
        {
            _sb.Append(", ");
        }
        _first = false;
        _sb.Append(name).Append('=');
    }

    public override string ToString() => _sb.ToString();
}
