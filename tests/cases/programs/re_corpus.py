# Many patterns x subjects x flags through the re API: search spans and groups, findall, sub, split.
import re

PATTERNS = [
    r'a', r'ab*', r'ab+?c', r'(ab|cd)+', r'[a-f]{2,4}', r'[^a-f\s]+', r'\d{2,}', r'\w+\s\w+',
    r'(\w)\1', r'(?P<v>[aeiou])(?P=v)', r'^\w+', r'\w+$', r'(?m)^\w+$', r'\bb\w*', r'\Bo\B', r'o(?=o)',
    r'(?<=o)o', r'(?<!x)y', r'(?!a)\w', r'.+?(?=\s|$)', r'(a|b|c)*?d', r'(?:x|xy)z', r'x?y?z?',
    r'(a)(b)?(c)?', r'(?:(a)|(b))+', r'([abc])+', r'(?P<w>\w+)(?:-(?P=w))?', r'(\d+)(?(1)px|em)',
    r'(<)?\w+(?(1)>)', r'[\w.-]+@[\w-]+\.\w+', r'\$\d+(?:\.\d{2})?', r'#[0-9a-fA-F]{6}\b', r'\s{2,}',
    r'[A-Z][a-z]+(?: [A-Z][a-z]+)*', r'(?i)[a-z]+ing\b', r'(?x) ( \d+ ) [.] ( \d+ )', r'(?s)<b>.*?</b>',
    r'(?a)\w+', r'[ÀÉÎÕÜàéîõü]', r'(?i)straße', r'(?i)[ſ]', r'(?i)Ω', r'[\U0001F600-\U0001F64F]+',
    r'a{0}', r'a{1}?b', r'(?:a{2})+', r'a++b', r'(?>a|ab)c', r'(?:ab)*+a', r'[]a]', r'[a-]', r'[\\]',
    r'\t|\n', r'[\x00-\x1f]', r'\x41\u0042\U00000043', r'\0', r'\101', r'[\101-\103]+',
]
SUBJECTS = [
    'aaa', 'abbbc abc ac', 'cdabcdab', 'deadbeef cafe', 'foo  bar   baz', '2024 was 12 months',
    'book moon xyz', 'Hello World Wide Web', 'going running sing', 'price $12.99 or $5',
    'color: #ff00AA; bg: #123', 'joe.smith@mail.example.com', '<b>bold</b> and <b>more</b>',
    'ÉCOLE école Straße STRASSE', 'ſ s S ω Ω', 'x😀😃y', 'a-a b-c', '12px 3em 45', '<tag> tag',
    'AB\x00C\t\n', '', 'abab aab',
]
for pat in PATTERNS:
    r = re.compile(pat)
    rows = []
    for s in SUBJECTS:
        m = r.search(s)
        rows.append((m.span(), m.groups()) if m else None)
    print(repr(pat), rows)
    print('   findall', [r.findall(s) for s in SUBJECTS])
    print('   sub', [r.sub('<>', s) for s in SUBJECTS[:12]])
    print('   split', [r.split(s, 3) for s in SUBJECTS[12:]])
for flags in (re.I, re.M, re.S, re.X, re.A, re.I | re.A, re.I | re.M | re.S):
    for pat in (r'^[a-z]+$', r'.\w', r'É|é', r'k', r'^\s*\S', r'b c'):
        r = re.compile(pat, flags)
        print(r, [m.span() for s in ('ab\nCD', 'ÉCOLE\nécole', 'K\u212ak', ' b c\nbc') for m in r.finditer(s)])
for pat in (b'a+', rb'\w+', rb'(?i)\xe9', rb'[\x80-\xff]+', rb'(\d)\1', rb'(?L)\w+', rb'\bx'):
    r = re.compile(pat)
    print(r, [r.findall(s) for s in (b'aab', b'\xe9\xc9 e1', b'x11y\xff\xfe', b' x xx')])
