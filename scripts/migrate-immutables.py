#!/usr/bin/env python3
"""One-off migration of code written before the generated Immutables classes became package-private.

Rewrites, in every module's src/*/java, ImmutableX.Builder -> X.Builder and ImmutableX.builder() ->
X.builder() for each value type X that declares `class Builder extends ImmutableX.Builder`, fixes
the imports, and lists what it cannot rewrite (ImmutableX.copyOf(x).withY(v) becomes
X.builder().from(x).y(v).build(); ImmutableX.of(...) outside X's package becomes X.of(...)).
Usage: scripts/migrate-immutables.py [repository root]
"""
import glob, os, re, sys

root = sys.argv[1] if len(sys.argv) > 1 else '.'
srcs = glob.glob(os.path.join(root, 'thresholds-*/src/*/java/**/*.java'), recursive=True)
pkg = {}
for f in srcs:
    s = open(f, encoding='utf-8').read()
    m = re.search(r'class Builder extends Immutable(\w+)\.Builder', s)
    if m and os.path.basename(f)[:-5] == m.group(1):
        pkg[m.group(1)] = re.search(r'^package ([\w.]+);', s, re.M).group(1)
changed = 0
for f in srcs:
    s = open(f, encoding='utf-8').read(); o = s
    m = re.search(r'^package ([\w.]+);', s, re.M)
    if not m:
        continue
    mine, need = m.group(1), set()
    for x, p in pkg.items():
        if os.path.basename(f) == x + '.java':
            continue
        s = s.replace('%s.Immutable%s.Builder' % (p, x), '%s.%s.Builder' % (p, x))
        for a, b in (('Immutable%s.Builder' % x, '%s.Builder' % x), ('Immutable%s.builder()' % x, '%s.builder()' % x)):
            if re.search(r'\b' + re.escape(a), s):
                s = re.sub(r'\b' + re.escape(a), b, s); need.add(x)
        imp = 'import %s.Immutable%s;\n' % (p, x)
        if imp in s and not re.search(r'\bImmutable%s\b' % x, s.replace(imp, '')):
            s = s.replace(imp, '')
    for x in need:
        p = pkg[x]
        if p != mine and not re.search(r'^import %s\.(%s|\*);' % (re.escape(p), x), s, re.M):
            imps = list(re.finditer(r'^import (?!static)([\w.]+);\n', s, re.M))
            pos = max([i.end() for i in imps if i.group(1) < p + '.' + x] or [imps[0].start() if imps else s.index(';') + 2])
            s = s[:pos] + 'import %s.%s;\n' % (p, x) + s[pos:]
    if s != o:
        open(f, 'w', encoding='utf-8').write(s); changed += 1
    for n, line in enumerate(s.split('\n'), 1):
        hit = re.search(r'\bImmutable([A-Z]\w*)\.(copyOf|of)\(', line)
        if hit and os.path.basename(f) != hit.group(1) + '.java':
            print('%s:%d: rewrite by hand: %s' % (f, n, line.strip()))
print('%d files rewritten' % changed, file=sys.stderr)
