# re.sub/subn/split/findall/finditer with templates, callables and counts.
import re

print(re.sub(r'\d+', '#', 'a1b22c333'), re.subn(r'\d+', '#', 'a1b22c333', count=2))
print(re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'joe@home ann@work'))
print(re.sub(r'(?P<w>\w+)', r'<\g<w>>', 'hi there'), re.sub(r'(\w)', r'\g<1>\g<1>', 'abc'))
print(re.sub('a', r'\n\t\\', 'bab'), re.sub(b'a', rb'[\g<0>]', b'banana'))
print(re.sub('x*', '-', 'abxd'), re.sub('', '-', 'abc'), re.sub('(?=b)', '^', 'abab'))
print(re.sub(r'\d', lambda m: str(int(m.group()) * 2), 'a1b2c9'), re.sub('a', lambda m: '', 'banana'))
print(re.subn('a', 'o', 'banana'), re.subn('z', 'o', 'banana'), re.sub('a', 'o', 'banana', 0))
print(re.split(r'\s+', ' a  b c '), re.split(r'(\s+)', 'a b  c'), re.split(r'\s*', 'a b'))
print(re.split(r'[,;]', 'a,b;c', maxsplit=1), re.split(r'(,)|(;)', 'a,b;c'), re.split('x*', 'axbc'))
print(re.split(r'\b', 'hi you'), re.split('^', 'a\nb', flags=re.M), re.split(b',', b'a,b'))
print(re.findall(r'\d+', 'a1b22c333'), re.findall(r'(\w)(\d)', 'a1b2c'), re.findall(r'(a)|b', 'ab'))
print(re.findall('', 'abc'), re.findall(r'\w*', 'ab cd'), re.findall('(?i)[A-C]', 'aBcD'))
print([m.span() for m in re.finditer(r'\w+', 'one two  three')], [m.group(1) for m in re.finditer(r'(.)\1', 'aabbcdd')])
print(re.sub(r'(a)|b', r'[\1]', 'ab'), re.sub('(?P<n>a)', r'\g<n>\g<0>', 'a'))
for repl in (r'\3', r'\g<x>', r'\g<-1>', '\\', r'\g<1', r'\q', r'\g<a-b>', 5):
    try:
        print(re.sub(r'(a)', repl, 'a'))
    except Exception as e:
        print(type(e).__name__, e)
try:
    re.sub('a', lambda m: 5, 'a')
except Exception as e:
    print(type(e).__name__, e)
try:
    re.sub('a', b'x', 'a')
except Exception as e:
    print(type(e).__name__, e)
try:
    re.search('a', b'a')
except Exception as e:
    print(type(e).__name__, e)
try:
    re.search(b'a', 'a')
except Exception as e:
    print(type(e).__name__, e)
try:
    re.match('a', 5)
except Exception as e:
    print(type(e).__name__, e)
text = 'The quick brown fox jumps over the lazy dog. ' * 3
print(len(re.findall(r'\b\w{5}\b', text)), re.sub(r'(?i)the', 'a', text)[:60])
print(re.sub(r'(\w+) (\w+)', r'\2 \1', text, count=3)[:60])
print(re.compile(r'o').sub('0', text, 4)[:50], re.compile(r'\s').split(text, 5)[:6])
sc = re.compile(r'\d').scanner('a1b2')
print(sc.search(), sc.search(), sc.search(), sc.match())
