# Standard modules that hash through hashlib: random seeds str/bytes with sha512, uuid3/uuid5
# use md5/sha1.
import random
import uuid

for seed in ('hello', b'bytes', '', 'é' * 40):
    r = random.Random(seed)
    print(repr(seed)[:20], r.random(), r.getrandbits(64), r.randrange(10**12))
for v1 in (1, 2):
    r = random.Random()
    r.seed('abc', version=v1)
    print('version', v1, r.random())
for name in ('python.org', 'example.com', ''):
    print(uuid.uuid3(uuid.NAMESPACE_DNS, name), uuid.uuid5(uuid.NAMESPACE_URL, name))
