# \N{...} escapes in patterns (the parser looks names up in unicodedata).
import re

for p in (r'\N{GREEK SMALL LETTER ALPHA}+', r'[\N{DIGIT ONE}-\N{DIGIT THREE}]', r'\N{NO SUCH NAME}', r'\N{', r'\N{}', r'\N'):
    try:
        print(repr(p), re.findall(p, 'αα 123 x'))
    except re.error as e:
        print(repr(p), '->', e)
try:
    re.compile(rb'\N{DIGIT ONE}')
except re.error as e:
    print(e)
