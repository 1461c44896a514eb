#!/usr/bin/python3
"""The reference side of bench/theory-gaussian.ts: JSD(N(0,1)‖N(1,1)) with mpmath's tanh-sinh quad
at 50 digits (its error estimate is heuristic; gan-verify's bound is certified). Prints JSON with
the median seconds of `runs` runs after a warm-up, and the value."""
import json
import statistics
import sys
import time

import mpmath as m

m.mp.dps = 50
runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5


def jsd():
    def f(x):
        p, q = m.npdf(x, 0, 1), m.npdf(x, 1, 1)
        u = p + q
        return p * m.log(2 * p / u) + q * m.log(2 * q / u)
    return m.quad(f, [-m.inf, 0, 1, m.inf]) / 2


jsd()
times = []
for _ in range(runs):
    t0 = time.perf_counter()
    v = jsd()
    times.append(time.perf_counter() - t0)
print(json.dumps({"seconds": statistics.median(times), "value": m.nstr(v, 50)}))
