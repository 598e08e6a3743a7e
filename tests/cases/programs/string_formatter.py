# _string (formatter_parser, formatter_field_name_split) and string.Formatter on top of it.
import _string


def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


t("parser int", lambda: _string.formatter_parser(1))
t("split int", lambda: _string.formatter_field_name_split(1))
t("types", lambda: (type(_string.formatter_parser('')).__name__, type(_string.formatter_field_name_split('')[1]).__name__))
t("parse", lambda: list(_string.formatter_parser('a{{b}}c{0!r:>{w}}d{x.y[z]}e{}{:3}{!s}')))
t("parse plain", lambda: list(_string.formatter_parser('just text')))
t("parse empty", lambda: list(_string.formatter_parser('')))
t("parse braces", lambda: list(_string.formatter_parser('{{}}')))
t("parse nested", lambda: list(_string.formatter_parser('{a:{b}{c}}x')))
t("parse conv only", lambda: list(_string.formatter_parser('{!a}')))
t("parse unicode", lambda: list(_string.formatter_parser('é{ü:ß}')))
t("split", lambda: _string.formatter_field_name_split('a.b[0][c]')[0])
t("split rest", lambda: list(_string.formatter_field_name_split('a.b[0][c]')[1]))
t("split int first", lambda: _string.formatter_field_name_split('12.b')[0])
t("split empty", lambda: (_string.formatter_field_name_split('')[0], list(_string.formatter_field_name_split('')[1])))
t("split index key", lambda: list(_string.formatter_field_name_split('x[ 1][-1][01]')[1]))
t("split dot empty", lambda: list(_string.formatter_field_name_split('a.')[1]))
t("split bracket", lambda: list(_string.formatter_field_name_split('a[')[1]))
t("split bracket empty", lambda: list(_string.formatter_field_name_split('a[]')[1]))
t("split after", lambda: list(_string.formatter_field_name_split('a[0]x')[1]))
t("split digits", lambda: _string.formatter_field_name_split('9' * 30))
t("single {", lambda: list(_string.formatter_parser('{')))
t("single }", lambda: list(_string.formatter_parser('}')))
t("unclosed", lambda: list(_string.formatter_parser('a{0')))
t("conv end", lambda: list(_string.formatter_parser('a{0!')))
t("conv colon", lambda: list(_string.formatter_parser('a{0!rx}')))
t("spec unmatched", lambda: list(_string.formatter_parser('a{0:{}')))
t("brace in name", lambda: list(_string.formatter_parser('a{0{}')))
t("escaped end", lambda: list(_string.formatter_parser('a{{')))
it = _string.formatter_parser('ok{}then}')
t("lazy error", lambda: (next(it), next(it)))
t("dir", lambda: sorted(n for n in dir(_string) if not n.startswith('__')))
t("str.format still", lambda: ('{0!r:>{1}}|{x[k].real}|{{}}'.format('a', 5, x={'k': 3j}), '{:{}{}}'.format(3, '>', 4)))
t("str.format errors", lambda: '{0:{}}'.format(1, 2))
