#!/usr/bin/env python3
"""Splits a process's resident memory (a saved /proc/PID/smaps) into parts; adds the JVM's NMT summary
and Java heap range when OUT.nmt and OUT.heap exist. Usage: analyze.py OUT [OUT...] (prints one block each)."""
import os, re, sys

def mappings(path):
    cur, out = None, []
    for line in open(path):
        f = line.split()
        if re.match(r'^[0-9a-f]+-[0-9a-f]+ ', line):
            lo, hi = (int(x, 16) for x in f[0].split('-'))
            cur = {'lo': lo, 'hi': hi, 'name': f[5] if len(f) > 5 else '', 'rss': 0, 'anon': 0}
            out.append(cur)
        elif f[0] == 'Rss:':
            cur['rss'] = int(f[1])
        elif f[0] == 'Anonymous:':
            cur['anon'] = int(f[1])
    return out

LIBS = [('tensorflow', r'libtensorflow|libjnitensorflow'), ('nd4j', r'libnd4j|libjnind4j|nd4j'),
        ('openblas', r'openblas'), ('dnnl', r'dnnl|mkldnn'), ('torch', r'libtorch|libc10|libjnipytorch|libdjl_torch'),
        ('openmp', r'libgomp|libiomp|libomp'), ('python', r'python3|libpython'), ('jvm', r'libjvm'),
        ('cds', r'classes\.jsa'), ('jars', r'\.jar$'), ('javacpp', r'libjni|javacpp')]

def category(m, heap):
    n = m['name']
    if heap and heap[0] <= m['lo'] < heap[1]:
        return 'java heap'
    if n == '[heap]':
        return 'malloc brk [heap]'
    if n.startswith('[stack'):
        return 'main stack'
    if n.startswith('['):
        return 'other ' + n
    if n == '':
        return 'anon (malloc arenas, mmap, stacks, JVM native)'
    base = os.path.basename(n)
    for cat, pat in LIBS:
        if re.search(pat, base):
            return 'file ' + cat + (' (anon part)' if m['anon'] else '')
    return 'file other .so/data'

def heap_range(out):
    try:
        text = open(out + '.heap').read()
    except OSError:
        return None
    spans = re.findall(r'\[(0x[0-9a-f]+), (?:0x[0-9a-f]+, )?(0x[0-9a-f]+)\)', text)  # G1: one, Serial: one per generation
    return (min(int(a, 16) for a, _ in spans), max(int(b, 16) for _, b in spans)) if spans else None

def nmt(out):
    try:
        text = open(out + '.nmt').read()
    except OSError:
        return {}
    res = {}
    for m in re.finditer(r'-\s+([A-Za-z ]+?) \(reserved=(\d+)KB, committed=(\d+)KB\)', text):
        res[m.group(1).strip()] = int(m.group(3))
    t = re.search(r'Total: reserved=(\d+)KB, committed=(\d+)KB', text)
    if t:
        res['TOTAL'] = int(t.group(2))
    return res

def status(out):
    try:
        return {l.split(':')[0]: l.split(':')[1].strip() for l in open(out + '.status')}
    except OSError:
        return {}

for out in sys.argv[1:]:
    heap = heap_range(out)
    cats = {}
    total = 0
    for m in mappings(out + '.smaps'):
        c = category(m, heap)
        cats[c] = cats.get(c, 0) + m['rss']
        total += m['rss']
    files = {}
    for m in mappings(out + '.smaps'):
        if category(m, heap) == 'file other .so/data':
            files[os.path.basename(m['name'])] = files.get(os.path.basename(m['name']), 0) + m['rss']
    st = status(out)
    print(f"== {out}: RSS {total/1024:.0f} MB (VmHWM {st.get('VmHWM','?')}, threads {st.get('Threads','?')})")
    for c, kb in sorted(cats.items(), key=lambda x: -x[1]):
        if kb >= 1024:
            print(f"   {c:50s} {kb/1024:7.1f} MB")
    print('   other files: ' + ', '.join(f"{k} {v/1024:.1f}" for k, v in sorted(files.items(), key=lambda x: -x[1])[:8]))
    n = nmt(out)
    if n:
        print('   NMT committed MB: ' + ', '.join(f"{k} {v/1024:.1f}" for k, v in sorted(n.items(), key=lambda x: -x[1]) if v >= 1024))
