# re on the _sre engine: match/search/fullmatch, groups, flags, reprs.
import re

PATTERNS = [
    r'\d+', r'(\w+)@(\w+)\.com', r'(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)', r'^\s*#',
    r'colou?r', r'(a|b)*c', r'\bthe\b', r'[^aeiou\s]+', r'(?i)hello', r'x*', r'(?:ab)+?',
    r'(\d+)(?:px|em)?', r'(?<=\$)\d+(?:\.\d\d)?', r'(?<!\d)\d{2}(?!\d)', r'(?P<q>["\']).*?(?P=q)',
    r'^(\w+)\s+\1$', r'(?s)a.b', r'(?m)^\w', r'[\u00c0-\u00ff]+', r'\S+\Z', r'(?x) \d+ \s* (?# c) [a-z]',
    r'a{2,3}?', r'(a)?(?(1)b|c)', r'(?>a+)a', r'a*+a',
]
SUBJECTS = [
    '', 'abc 123 def 45', 'mail me: joe@example.com, ann@test.com', 'on 2024-01-15 and 1999-12-31',
    '  # comment', 'color colour colr', 'ababc', 'the other the', 'HeLLo hello', 'width: 12px 3em 7',
    'cost $12.50 or $3', 'say "hi" and \'bye\'', 'hey hey', 'a\nb', 'line1\nline2', 'àéî ok',
    'aaa', 'ac ab', '[:alpha:] x', 'αβγ', '\U0001F600 smile \U0001F600',
]
for p in PATTERNS:
    try:
        r = re.compile(p)
    except re.error as e:
        print(repr(p), 'error', e)
        continue
    print(r, r.groups, r.groupindex)
    for s in SUBJECTS:
        m = r.search(s)
        out = [repr(s)[:30], m and m.group(), m and m.span(), m and m.groups(), m and m.groupdict()]
        out.append(r.match(s) is not None)
        out.append(r.fullmatch(s) is not None)
        print(' ', *out)

m = re.match(r'(?P<first>\w+) (?P<last>\w+)', 'Jane Doe extra')
print(m, m.group('first', 'last'), m['last'], m.expand(r'\g<last>, \g<first> (\1\2)'), m.expand(r'\2\n\g<0>'))
print(m.lastgroup, m.lastindex, m.re, m.string, m.pos, m.endpos, m.regs)
print(re.compile('a', re.I | re.M | re.S | re.X), re.compile(b'a', re.L), re.compile('a', re.A))
print(re.compile('(?i)a').flags, re.compile('a').flags, re.compile(b'a').flags, re.compile('(?a)a').flags)
print(re.compile(r'\d+') == re.compile(r'\d+'), re.compile('a') is re.compile('a'), re.Pattern, re.Match)
print(re.escape('a.b*c?d[e]f{g}h\\i'), re.escape(b'a.b'), re.escape('x y\tz'))
print(re.purge())
print(re.fullmatch(r'\d+', '123'), re.fullmatch(r'\d+', '123a'), re.search('(?i)STRASSE', 'straße'))
print(re.match('(?i)ß', 'SS'), re.match('(?i)[ǅ]', 'ǆ'), re.match('(?i)K', '\u212a'), re.match('(?ai)K', '\u212a'))
print(re.search(r'\w+', 'ÉCOLE'), re.search(r'(?a)\w+', 'ÉCOLE'), re.search(rb'\w+', 'ÉCOLE'.encode()))
import copy
p = re.compile(r'(?P<x>a)b', re.I)
print(copy.copy(p) is p, copy.deepcopy(p) is p, copy.copy(p.match('AB')).span())
print(re.Pattern[str], re.Match[bytes])
