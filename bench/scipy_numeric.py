#!/usr/bin/python3
"""The reference side of bench/numeric.ts: scipy on the same inputs.

argv[1]: a binary file of float64 (little-endian): x (n), y (n), p (k), q (k); argv[2]: n; argv[3]: k;
argv[4]: runs. Prints JSON with median seconds and the results (for the cross-check).
"""
import json
import statistics
import sys
import time

import numpy as np
import scipy
from scipy.spatial.distance import jensenshannon
from scipy.stats import wasserstein_distance

data = np.fromfile(sys.argv[1], dtype="<f8")
n, k, runs = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
x, y = data[:n], data[n:2 * n]
p, q = data[2 * n:2 * n + k], data[2 * n + k:2 * n + 2 * k]


def timed(f):
    f()  # warm-up
    ts = []
    for _ in range(runs):
        t0 = time.perf_counter()
        r = f()
        ts.append(time.perf_counter() - t0)
    return statistics.median(ts), float(r)


w1_s, w1_v = timed(lambda: wasserstein_distance(x, y))
js_s, js_v = timed(lambda: jensenshannon(p, q))
print(json.dumps({"scipy": scipy.__version__, "w1": {"seconds": w1_s, "value": w1_v},
                  "jsd": {"seconds": js_s, "value": js_v}}))
