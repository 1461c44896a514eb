"""losses.py with one planted bug: BCE with logits written as −[t·log σ(l) + (1 − t)·log(1 − σ(l))].

σ(l) rounds to 1 past l ≈ 36.7 in float64, so log(1 − σ(l)) = −inf and the loss is inf: the bug
`gan-verify theorems` catches (theorem bce-logits), with the shrunk counterexample and the seed.

    npx gan-verify theorems --exec "python3 examples/python/losses_buggy.py" --only bce-logits
"""
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gan_verify_adapter import serve  # noqa: E402
from losses import FUNCTIONS, t  # noqa: E402


def bce_with_logits_naive(logits, targets):
    s, y = torch.sigmoid(t(logits)), t(targets)
    return -(y * torch.log(s) + (1 - y) * torch.log(1 - s)).mean()


if __name__ == "__main__":
    serve({**FUNCTIONS, "bceWithLogits": bce_with_logits_naive})
