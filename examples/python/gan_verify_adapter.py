"""Serve Python functions to `gan-verify theorems --exec` over JSON lines (protocol gan-verify-theorems/1).

    from gan_verify_adapter import serve
    serve({"bceWithLogits": my_bce, "gradientPenalty": my_gp})

The names are those of gan-verify/testing's Implementations. Arguments arrive as Python floats and
(nested) lists; a critic arrives as a `Critic`, callable on a PyTorch tensor of points (shape [n, d])
or on one point (shape [d]), so a penalty can differentiate it with torch.autograd. A result may be a
float, a list, or a tensor (converted with .tolist()). An exception in a function is answered as an
error, which fails the theorem that called it, with the message. Only the standard library is needed;
PyTorch only when a critic is called.
"""
import json
import math
import sys


class Critic:
    """f(x) = a·(w·x) + b ("linear") or ½·a·‖x − c‖² ("quadratic"), evaluated with PyTorch."""

    def __init__(self, spec):
        self.spec = spec

    def __call__(self, x):
        import torch

        s = self.spec
        x = torch.as_tensor(x, dtype=torch.float64)
        if s["kind"] == "linear":
            w = torch.tensor(s["w"], dtype=torch.float64)
            return s["a"] * (x @ w) + s["b"]
        c = torch.tensor(s["c"], dtype=torch.float64)
        return 0.5 * s["a"] * ((x - c) ** 2).sum(dim=-1)


def _decode(v):
    if isinstance(v, dict) and "critic" in v:
        return Critic(v["critic"])
    if isinstance(v, list):
        return [_decode(x) for x in v]
    return v


def _encode(v):
    if hasattr(v, "tolist"):
        v = v.tolist()
    if isinstance(v, (list, tuple)):
        return [_encode(x) for x in v]
    if isinstance(v, float) and not math.isfinite(v):
        return "NaN" if math.isnan(v) else ("Infinity" if v > 0 else "-Infinity")
    return v


def serve(functions):
    """Answer requests on stdin until it closes. `functions` maps protocol names to callables."""
    out = sys.stdout
    out.write(json.dumps({"protocol": "gan-verify-theorems/1", "functions": list(functions)}) + "\n")
    out.flush()
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        try:
            result = functions[request["fn"]](*[_decode(a) for a in request["args"]])
            answer = {"id": request["id"], "result": _encode(result)}
        except Exception as e:  # the user's function raised: a finding, reported with the theorem
            answer = {"id": request["id"], "error": f"{type(e).__name__}: {e}"}
        out.write(json.dumps(answer, allow_nan=False) + "\n")
        out.flush()
