#!/usr/bin/python3
"""The reference side of bench/population.ts: a population of K seed-toy GANs (the 1-16-1 ReLU G and D
of 000_3ee4abfec5abb774.txt, batch 16, Adam lr 0.01, BCE) trained the way a PyTorch user batches
members: parameters [K, fan_in, fan_out], torch.baddbmm over the member axis, a per-member loss summed
over members (so each member's gradient is its own) and one torch.optim.Adam (elementwise, so exact
per member).

usage: torch_population.py THREADS STEPS K [K ...]
prints one JSON line per K: {"K", "threads", "steps", "seconds", "torch"}; seconds is the best of
REPEATS timed runs after a short warm-up, the import and the set-up not counted."""
import json
import sys
import time

import torch
import torch.nn.functional as F

threads = int(sys.argv[1])
steps = int(sys.argv[2])
Ks = [int(k) for k in sys.argv[3:]]
torch.set_num_threads(threads)
REPEATS = 2


def linear_params(K, fin, fout):
    # PyTorch's nn.Linear initialisation, U(-1/sqrt(fin), 1/sqrt(fin)), per member
    bound = 1.0 / fin ** 0.5
    w = (torch.rand(K, fin, fout) * 2 - 1) * bound
    b = (torch.rand(K, 1, fout) * 2 - 1) * bound
    return [w.requires_grad_(), b.requires_grad_()]


def mlp(params, x):
    w1, b1, w2, b2 = params
    h = torch.relu(torch.baddbmm(b1, x, w1))
    return torch.baddbmm(b2, h, w2)


def run(K, n):
    torch.manual_seed(0)
    G = linear_params(K, 1, 16) + linear_params(K, 16, 1)
    D = linear_params(K, 1, 16) + linear_params(K, 16, 1)
    opt_G = torch.optim.Adam(G, lr=0.01)
    opt_D = torch.optim.Adam(D, lr=0.01)
    ones = torch.ones(K, 16, 1)
    zeros = torch.zeros(K, 16, 1)

    def bce(logits, target):
        # each member's mean over its batch, summed over members
        return F.binary_cross_entropy_with_logits(logits, target, reduction="none").mean(1).sum()

    for _ in range(n):
        real = torch.randn(K, 16, 1) + 3
        z = torch.randn(K, 16, 1)
        fake = mlp(G, z)
        loss_D = bce(mlp(D, real), ones) + bce(mlp(D, fake.detach()), zeros)
        opt_D.zero_grad()
        loss_D.backward()
        opt_D.step()
        loss_G = bce(mlp(D, fake), ones)
        opt_G.zero_grad()
        loss_G.backward()
        opt_G.step()
    return loss_D.item() / K, loss_G.item() / K


for K in Ks:
    run(K, 20)  # warm-up
    best = float("inf")
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        run(K, steps)
        best = min(best, time.perf_counter() - t0)
    print(json.dumps({"K": K, "threads": threads, "steps": steps, "seconds": best, "torch": torch.__version__}), flush=True)
