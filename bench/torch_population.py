#!/usr/bin/python3
"""The reference side of bench/population.ts: a population of K seed-toy GANs (the 1-16-1 ReLU G and D
of 000_3ee4abfec5abb774.txt, batch 16, Adam lr 0.01, BCE) trained the way a PyTorch user batches
members: parameters [K, fan_in, fan_out], torch.baddbmm over the member axis, a per-member loss summed
over members (so each member's gradient is its own) and one torch.optim.Adam (elementwise, so exact
per member).

With ARCH ring8: the ring8 preset's GAN instead (2-D noise, G 2-128-128-2 and D 2-128-128-1 ReLU MLPs,
batch 256, Adam lr 1e-3, betas (0.5, 0.999), data from 8 Gaussians of sd 0.01 on the unit circle).

usage: torch_population.py THREADS STEPS K [K ...] [--arch toy|ring8]
prints one JSON line per K: {"K", "threads", "steps", "seconds", "torch", "arch"}; seconds is the best of
REPEATS timed runs after a short warm-up, the import and the set-up not counted."""
import math
import json
import sys
import time

import torch
import torch.nn.functional as F

args = sys.argv[1:]
arch = "toy"
if "--arch" in args:
    i = args.index("--arch")
    arch = args[i + 1]
    del args[i : i + 2]
threads = int(args[0])
steps = int(args[1])
Ks = [int(k) for k in args[2:]]
# (noise dim, G widths, D widths, batch, lr, betas)
ARCH = {
    "toy": (1, [1, 16, 1], [1, 16, 1], 16, 0.01, (0.9, 0.999)),
    "ring8": (2, [2, 128, 128, 2], [2, 128, 128, 1], 256, 1e-3, (0.5, 0.999)),
}[arch]
torch.set_num_threads(threads)
REPEATS = 2


def linear_params(K, fin, fout):
    # PyTorch's nn.Linear initialisation, U(-1/sqrt(fin), 1/sqrt(fin)), per member
    bound = 1.0 / fin ** 0.5
    w = (torch.rand(K, fin, fout) * 2 - 1) * bound
    b = (torch.rand(K, 1, fout) * 2 - 1) * bound
    return [w.requires_grad_(), b.requires_grad_()]


def mlp(params, x):
    h = x
    for i in range(0, len(params), 2):
        h = torch.baddbmm(params[i + 1], h, params[i])
        if i + 2 < len(params):
            h = torch.relu(h)
    return h


def net(K, widths):
    return [p for a, b in zip(widths, widths[1:]) for p in linear_params(K, a, b)]


def data(K, B):
    if arch == "toy":
        return torch.randn(K, B, 1) + 3
    angle = torch.randint(0, 8, (K, B)).float() * (2 * math.pi / 8)
    return torch.stack([torch.cos(angle), torch.sin(angle)], 2) + 0.01 * torch.randn(K, B, 2)


def run(K, n):
    torch.manual_seed(0)
    nz, g_widths, d_widths, B, lr, betas = ARCH
    G = net(K, g_widths)
    D = net(K, d_widths)
    opt_G = torch.optim.Adam(G, lr=lr, betas=betas)
    opt_D = torch.optim.Adam(D, lr=lr, betas=betas)
    ones = torch.ones(K, B, 1)
    zeros = torch.zeros(K, B, 1)

    def bce(logits, target):
        # each member's mean over its batch, summed over members
        return F.binary_cross_entropy_with_logits(logits, target, reduction="none").mean(1).sum()

    for _ in range(n):
        real = data(K, B)
        z = torch.randn(K, B, nz)
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
    print(json.dumps({"K": K, "threads": threads, "steps": steps, "seconds": best, "torch": torch.__version__, "arch": arch}), flush=True)
