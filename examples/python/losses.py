"""A GAN's losses and penalties written in PyTorch (float64), served to `gan-verify theorems --exec`.

    npx gan-verify theorems --exec "python3 examples/python/losses.py"

Each function is what a PyTorch GAN's training step computes; the adapter turns the kit's requests
into calls. losses_buggy.py is the same module with one planted bug.
"""
import os
import sys

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gan_verify_adapter import serve  # noqa: E402


def t(x):
    return torch.tensor(x, dtype=torch.float64)


def bce_with_logits(logits, targets):
    return F.binary_cross_entropy_with_logits(t(logits), t(targets))


def d_loss_logits(real, fake):
    r, f = t(real), t(fake)
    return F.binary_cross_entropy_with_logits(r, torch.ones_like(r)) + F.binary_cross_entropy_with_logits(f, torch.zeros_like(f))


def g_loss_non_saturating(fake):
    f = t(fake)
    return F.binary_cross_entropy_with_logits(f, torch.ones_like(f))


def g_loss_saturating(fake):
    return -F.softplus(t(fake)).mean()


def critic_wgan(real, fake):
    return t(fake).mean() - t(real).mean()


def critic_hinge(real, fake):
    return F.relu(1 - t(real)).mean() + F.relu(1 + t(fake)).mean()


def critic_least_squares(real, fake):
    return 0.5 * ((t(real) - 1) ** 2).mean() + 0.5 * (t(fake) ** 2).mean()


def gradient_penalty(critic, real, fake, alpha):
    r, f, a = t(real), t(fake), t(alpha).unsqueeze(1)
    x = (a * r + (1 - a) * f).requires_grad_(True)
    (g,) = torch.autograd.grad(critic(x).sum(), x, create_graph=True)
    return ((g.norm(2, dim=1) - 1) ** 2).mean()


def r1(critic, real):
    x = t(real).requires_grad_(True)
    (g,) = torch.autograd.grad(critic(x).sum(), x, create_graph=True)
    return (g.pow(2).sum(dim=1)).mean()


FUNCTIONS = {
    "bceWithLogits": bce_with_logits,
    "dLossLogits": d_loss_logits,
    "gLossNonSaturating": g_loss_non_saturating,
    "gLossSaturating": g_loss_saturating,
    "criticWgan": critic_wgan,
    "criticHinge": critic_hinge,
    "criticLeastSquares": critic_least_squares,
    "gradientPenalty": gradient_penalty,
    "r1": r1,
}

if __name__ == "__main__":
    serve(FUNCTIONS)
