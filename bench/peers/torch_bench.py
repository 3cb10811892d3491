"""PyTorch peer of the mnist-mlp bench case (see bench/peers/torch.ts).

Reads one JSON request on stdin: {"data", "theta", "threads", "timing", "grid", "points", "batch", "lr",
"hessian": {"iterations", "tol"} | null} and writes one JSON reply on stdout: {"info", "float32": {...},
"float64": {...}}. `data` is an .npz with X [n, d] and one-hot y [n, c]; `theta` an .npz of the
state_dict (layers.k.weight, layers.k.bias). The caller pins the thread count (environment and
torch.set_num_threads). Per precision:
  surface: Li et al.'s per-point method: filter-normalized random directions drawn in torch (per row
    d <- d / ||d|| * ||w||, biases zeroed), and at each point theta* + a d1 + b d2 loaded into the model
    and a full forward pass with cross-entropy and accuracy on all samples; `points` points of the
    grid x grid are timed in a strided order, the loss at (0, 0) is the check;
  train: steps/s of a plain loop (nn.Sequential, CrossEntropyLoss, torch.optim.Adam) on minibatches of
    a per-epoch shuffle, timed as bench/harness.ts does;
  hessian: PyHessian-style power iteration on the HVP by double backward (create_graph=True) over all
    samples, one whole solve timed.
"""
import json
import math
import platform
import sys
import time

import numpy as np
import torch
from torch import nn

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from numpy_bench import measure  # noqa: E402  (the harness's timing policy, shared with the numpy peer)


def model_of(state, dtype):
    sizes = [state[f"layers.{k}.weight"].shape for k in range(len(state) // 2)]
    layers = []
    for k, (out, inp) in enumerate(sizes):
        layers.append(nn.Linear(inp, out))
        if k < len(sizes) - 1:
            layers.append(nn.ReLU())
    net = nn.Sequential(*layers).to(dtype)
    linear = [m for m in net if isinstance(m, nn.Linear)]
    with torch.no_grad():
        for k, m in enumerate(linear):
            m.weight.copy_(torch.from_numpy(state[f"layers.{k}.weight"]))
            m.bias.copy_(torch.from_numpy(state[f"layers.{k}.bias"]))
    return net


def filter_normalized(params, gen):
    """Li et al.: a Gaussian direction, each filter (row) scaled to its weight's norm, biases zeroed."""
    out = []
    for p in params:
        d = torch.randn(p.shape, generator=gen, dtype=p.dtype)
        if p.dim() <= 1:
            d.zero_()
        else:
            d.mul_(p.norm(dim=1, keepdim=True) / (d.norm(dim=1, keepdim=True) + 1e-10))
        out.append(d)
    return out


def surface(net, X, labels, grid, points):
    ce = nn.CrossEntropyLoss()
    params = list(net.parameters())
    center = [p.detach().clone() for p in params]
    gen = torch.Generator().manual_seed(0)
    d1, d2 = filter_normalized(center, gen), filter_normalized(center, gen)
    axis = torch.linspace(-1, 1, grid).tolist()

    @torch.no_grad()
    def at(a, b):
        for p, c, u, v in zip(params, center, d1, d2):
            p.copy_(c + a * u + b * v)
        out = net(X)
        return ce(out, labels).item(), (out.argmax(1) == labels).double().mean().item()

    N = grid * grid
    stride = max(1, round(N * 0.6180339887498949))
    while math.gcd(stride, N) != 1:
        stride += 1
    center_loss = at(0.0, 0.0)[0]
    at(axis[0], axis[0])  # warm-up
    t0 = time.perf_counter()
    for k in range(points):
        p = k * stride % N
        at(axis[p // grid], axis[p % grid])
    per_point = (time.perf_counter() - t0) / points
    at(0.0, 0.0)
    return {"secondsPerPoint": per_point, "points": points, "centerLoss": center_loss}


def train(net, X, labels, batch, lr, timing):
    ce = nn.CrossEntropyLoss()
    opt = torch.optim.Adam(net.parameters(), lr=lr, betas=(0.9, 0.999), eps=1e-8)
    n = X.shape[0]
    gen = torch.Generator().manual_seed(7)
    per_epoch = -(-n // batch)
    state = {"k": 0, "order": None}

    def step():
        k = state["k"]
        if k == 0:
            state["order"] = torch.randperm(n, generator=gen)
        rows = state["order"][k * batch:(k + 1) * batch]
        state["k"] = (k + 1) % per_epoch
        opt.zero_grad(set_to_none=True)
        ce(net(X[rows]), labels[rows]).backward()
        opt.step()

    return measure(step, timing)


def hessian_top(net, X, labels, iterations, tol):
    params = [p for p in net.parameters()]
    t0 = time.perf_counter()
    loss = nn.CrossEntropyLoss()(net(X), labels)
    grads = torch.autograd.grad(loss, params, create_graph=True)
    gen = torch.Generator().manual_seed(0)
    v = [torch.randn(p.shape, generator=gen, dtype=p.dtype) for p in params]
    norm = torch.sqrt(sum((x * x).sum() for x in v))
    v = [x / norm for x in v]
    value, steps = None, 0
    for steps in range(1, iterations + 1):
        hv = torch.autograd.grad(grads, params, grad_outputs=v, retain_graph=True)
        new = sum((h * x).sum() for h, x in zip(hv, v)).item()
        norm = torch.sqrt(sum((h * h).sum() for h in hv))
        v = [h / norm for h in hv]
        if value is not None and abs(new - value) <= tol * abs(value):
            value = new
            break
        value = new
    return {"seconds": time.perf_counter() - t0, "value": value, "hvps": steps}


def main():
    req = json.load(sys.stdin)
    torch.set_num_threads(int(req["threads"]))
    data = np.load(req["data"])
    state = dict(np.load(req["theta"]))
    labels = torch.from_numpy(np.argmax(data["y"], axis=1).astype(np.int64))
    reply = {"info": {"python": platform.python_version(), "torch": torch.__version__,
                      "threads": torch.get_num_threads(), "blas": blas_name()}}
    for name, dtype in (("float32", torch.float32), ("float64", torch.float64)):
        t0 = time.perf_counter()
        X = torch.from_numpy(np.ascontiguousarray(data["X"])).to(dtype)
        net = model_of(state, dtype)
        load = time.perf_counter() - t0
        res = {"loadSeconds": load, "surface": surface(net, X, labels, int(req["grid"]), int(req["points"]))}
        if req.get("hessian"):
            res["hessian"] = hessian_top(net, X, labels, int(req["hessian"]["iterations"]), float(req["hessian"]["tol"]))
        res["train"] = train(net, X, labels, int(req["batch"]), float(req["lr"]), req["timing"])
        reply[name] = res
    json.dump(reply, sys.stdout)


def blas_name():
    """The BLAS library torch's process mapped (Debian's torch uses the system libblas.so.3)."""
    try:
        with open("/proc/self/maps") as f:
            libs = sorted({line.split()[-1] for line in f if "blas" in line.lower() and "/" in line})
        return ", ".join(libs) or "unknown"
    except OSError:
        return "unknown"


if __name__ == "__main__":
    main()
