#!/usr/bin/python3
"""The reference side of bench/train.ts: the seed document's own PyTorch toy GAN (000_3ee4abfec5abb774.txt),
1000 steps, one thread, timed without the import; prints JSON {seconds, torch, lastLine}."""
import json
import time

import torch
import torch.nn as nn
import torch.optim as optim

torch.set_num_threads(1)
torch.manual_seed(0)


def run():
    def real_data_sampler(batch_size=16):
        return torch.randn(batch_size, 1) + 3

    G = nn.Sequential(nn.Linear(1, 16), nn.ReLU(), nn.Linear(16, 1))
    D = nn.Sequential(nn.Linear(1, 16), nn.ReLU(), nn.Linear(16, 1), nn.Sigmoid())
    loss_fn = nn.BCELoss()
    opt_G = optim.Adam(G.parameters(), lr=0.01)
    opt_D = optim.Adam(D.parameters(), lr=0.01)
    line = ""
    for step in range(1000):
        real = real_data_sampler(16)
        z = torch.randn(16, 1)
        fake = G(z)
        pred_real = D(real)
        pred_fake = D(fake.detach())
        loss_D = loss_fn(pred_real, torch.ones_like(pred_real)) + loss_fn(pred_fake, torch.zeros_like(pred_fake))
        opt_D.zero_grad(); loss_D.backward(); opt_D.step()
        pred_fake = D(fake)
        loss_G = loss_fn(pred_fake, torch.ones_like(pred_fake))
        opt_G.zero_grad(); loss_G.backward(); opt_G.step()
        if step % 200 == 0:
            line = f"Step {step}: D_loss={loss_D.item():.4f}, G_loss={loss_G.item():.4f}"
    return line


run()  # warm-up
times = []
for _ in range(3):
    t0 = time.perf_counter()
    last = run()
    times.append(time.perf_counter() - t0)
times.sort()
print(json.dumps({"seconds": times[1], "torch": torch.__version__, "lastLine": last}))
