#!/usr/bin/python3
"""The reference side of bench/startup.ts: whole-process scripts, one computation each, as a CI job
would call them (the interpreter's start-up, the imports and the input parsing count).

usage: whole_process.py jsd P.json Q.json     JSD at 50 digits with mpmath, from JSON arrays of fractions "a/b"
       whole_process.py gauss                  JSD(N(0,1)||N(1,1)) at 50 digits with mpmath's quad
       whole_process.py w1 X.txt Y.txt          W1 of two files of samples (one number a line) with scipy
prints the value."""
import json
import sys

kind = sys.argv[1]
if kind == "jsd":
    from mpmath import log, mp, mpf

    mp.dps = 50

    def frac(s):
        a, _, b = s.partition("/")
        return mpf(int(a)) / int(b or 1)

    p = [frac(s) for s in json.load(open(sys.argv[2]))]
    q = [frac(s) for s in json.load(open(sys.argv[3]))]
    acc = mpf(0)
    for a, b in zip(p, q):
        m = (a + b) / 2
        if a:
            acc += a * log(a / m)
        if b:
            acc += b * log(b / m)
    print(mp.nstr(acc / 2, 50))
elif kind == "gauss":
    import mpmath as m

    m.mp.dps = 50

    def f(x):
        p, q = m.npdf(x, 0, 1), m.npdf(x, 1, 1)
        u = p + q
        return p * m.log(2 * p / u) + q * m.log(2 * q / u)

    print(m.nstr(m.quad(f, [-m.inf, 0, 1, m.inf]) / 2, 50))
elif kind == "w1":
    import numpy as np
    from scipy.stats import wasserstein_distance

    x = np.loadtxt(sys.argv[2])
    y = np.loadtxt(sys.argv[3])
    print(wasserstein_distance(x, y))
else:
    sys.exit(f"unknown kind {kind}")
