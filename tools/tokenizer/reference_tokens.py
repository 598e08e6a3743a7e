#!/usr/bin/python3.11
"""Reference token streams from CPython 3.11's pure-Python `tokenize` module, in the format
that tools/tokenizer/TokDump prints for Taipan's tokenizer, so that the two can be diffed.

Usage: /usr/bin/python3.11 tools/tokenizer/reference_tokens.py ROOT > OUT

For every .py file under ROOT (sorted) it prints "## <path>" and one line per token:
    <TYPE> <line> <col> <endline> <endcol>
with columns in UTF-8 bytes of the (newline-translated) line, as the C tokenizer counts them.
Where `tokenize` and the C tokenizer legitimately differ, the output is normalised:
  * COMMENT, NL and ENCODING tokens are dropped (the C tokenizer has none);
  * OP becomes its exact type (LPAR, PLUSEQUAL, ...);
  * INDENT, DEDENT and ENDMARKER are printed without positions: the C tokenizer gives them
    none (col_offset -1) and `tokenize` puts end-of-file DEDENTs and ENDMARKER on a line past
    the end;
  * NEWLINE is printed as "NEWLINE <line> <col> <endcol>": the C tokenizer's NEWLINE ends
    where the '\\n' is (it leaves the character out) and starts at the comment when a comment
    precedes the newline (its token start is still there), where `tokenize` gives the '\\n'.
A file that `tokenize` rejects, or that contains an ERRORTOKEN, prints "!! error".
"""
import io
import os
import sys
import token
import tokenize

SKIP = {tokenize.COMMENT, tokenize.NL, tokenize.ENCODING}


def dump(path, out):
    out.append('## ' + path)
    try:
        with open(path, 'rb') as f:
            data = f.read()
        enc, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        text = data.decode(enc)
        if text.startswith('\ufeff'):
            text = text[1:]
        text = text.replace('\r\n', '\n').replace('\r', '\n')
        lines = text.split('\n')
        toks = list(tokenize.generate_tokens(io.StringIO(text).readline))
    except Exception as e:  # noqa: BLE001 - any failure marks the file
        out.append('!! error')
        return

    def bcol(row, col):
        if row - 1 < len(lines):
            return len(lines[row - 1][:col].encode('utf-8', 'surrogatepass'))
        return col

    comment = None
    for t in toks:
        if t.type == tokenize.COMMENT:
            comment = t
        if t.type in SKIP:
            continue
        if t.type == tokenize.ERRORTOKEN:
            out.append('!! error')
            return
        prev_comment, comment = comment, None
        typ = t.exact_type if t.type == tokenize.OP else t.type
        name = token.tok_name[typ]
        if typ in (token.INDENT, token.DEDENT, token.ENDMARKER):
            out.append(name)
        elif typ == token.NEWLINE:
            start = t.start
            if prev_comment is not None and prev_comment.end == t.start:
                start = prev_comment.start
            out.append('%s %d %d %d' % (name, t.start[0], bcol(*start), bcol(*t.start)))
        else:
            out.append('%s %d %d %d %d' % (name, t.start[0], bcol(*t.start), t.end[0], bcol(*t.end)))


def main():
    root = sys.argv[1]
    paths = []
    for d, dirs, files in os.walk(root):
        dirs.sort()
        for fn in files:
            if fn.endswith('.py'):
                paths.append(os.path.join(d, fn))
    paths.sort()
    out = []
    for p in paths:
        dump(p, out)
    sys.stdout.write('\n'.join(out) + '\n')


if __name__ == '__main__':
    main()
