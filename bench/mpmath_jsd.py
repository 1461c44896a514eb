#!/usr/bin/python3
"""The reference side of bench/theory-jsd.ts: JSD with mpmath (pure-Python backend) at 50 digits.

Input (argv[1]): JSON {"digits", "p": [counts], "q": [counts]}. Output: JSON {"seconds": median
wall time of the timed runs, "runs", "backend", "value"} on stdout. Each run starts from the integer
counts, as gan-verify does from its strings, and computes
JSD = 1/2 * sum(p*log(p/m) + q*log(q/m)), m = (p+q)/2, the textbook form.
"""
import json
import statistics
import sys
import time

import mpmath
from mpmath import mp, mpf, log

data = json.load(open(sys.argv[1]))
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
mp.dps = data["digits"]


def jsd(cp, cq):
    sp, sq = sum(cp), sum(cq)
    acc = mpf(0)
    for a, b in zip(cp, cq):
        p = mpf(a) / sp
        q = mpf(b) / sq
        m = (p + q) / 2
        if a:
            acc += p * log(p / m)
        if b:
            acc += q * log(q / m)
    return acc / 2


times = []
value = None
for _ in range(runs):
    t0 = time.perf_counter()
    value = jsd(data["p"], data["q"])
    times.append(time.perf_counter() - t0)
print(json.dumps({"seconds": statistics.median(times), "runs": runs, "backend": mpmath.libmp.BACKEND,
                  "value": mpmath.nstr(value, data["digits"])}))
