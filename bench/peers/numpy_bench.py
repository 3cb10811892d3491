"""numpy peer of `npm run bench` (see bench/peers/numpy.ts).

Reads one JSON request on stdin: {"timing": {...}, "tasks": [{"id", "kind", "inputs", "params"?, "timing"?}]}
and writes one JSON reply on stdout: {"info": {...}, "results": [{"id", timing..., "outputs"}]}.
Timing follows bench/harness.ts: warm-up, batch sizing, median per-call time over batches.
All arrays are float64, C-contiguous.
"""
import ctypes
import json
import os
import platform
import sys
import time

import numpy as np


def measure(fn, t):
    now = time.perf_counter
    calls, w0 = 0, now()
    while calls < 3 or now() - w0 < t["warmupSeconds"]:
        fn()
        calls += 1
    target = t["minSeconds"] / t["minBatches"]
    n = 1
    while True:
        t0 = now()
        for _ in range(n):
            fn()
        dt = now() - t0
        if dt >= target / 4 or n >= 1 << 24:
            break
        n *= 2
    per_batch = max(1, round(n * target / max(dt, 1e-9)))
    per_call, total = [], 0.0

    def enough():
        k = len(per_call)
        return (k >= t["maxBatches"] or (k >= t["minBatches"] and total >= t["minSeconds"])
                or (k >= 3 and total >= 5 * t["minSeconds"]))

    while not enough():
        t0 = now()
        for _ in range(per_batch):
            fn()
        b = now() - t0
        per_call.append(b / per_batch)
        total += b
    med = float(np.median(per_call))
    return {
        "secondsPerCall": med,
        "batches": len(per_call),
        "callsPerBatch": per_batch,
        "spread": float(np.quantile(per_call, 0.75) - np.quantile(per_call, 0.25)) / med,
        "totalSeconds": total,
    }


def arr(spec):
    return np.ascontiguousarray(np.asarray(spec["data"], dtype=np.float64).reshape(spec["shape"]))


def task_matmul(inp, _params):
    a, b = arr(inp["A"]), arr(inp["B"])

    def run():
        return a @ b

    return run, lambda: {"C": run()}


def task_mlp_value_and_grad(inp, _params):
    """L = -mean_i sum_j Y_ij log softmax(U)_ij, U = sigmoid(X W1^T) W2^T; hand-written backprop."""
    X, Y, W1, W2 = arr(inp["X"]), arr(inp["Y"]), arr(inp["W1"]), arr(inp["W2"])
    n = X.shape[0]

    def run():
        Z = 1.0 / (1.0 + np.exp(-(X @ W1.T)))
        U = Z @ W2.T
        U = U - U.max(axis=1, keepdims=True)
        E = np.exp(U)
        s = E.sum(axis=1, keepdims=True)
        logp = U - np.log(s)
        loss = -(Y * logp).sum() / n
        dU = (E / s - Y) / n
        dW2 = dU.T @ Z
        dZ = dU @ W2
        dW1 = (dZ * Z * (1.0 - Z)).T @ X
        return loss, dW1, dW2

    def outputs():
        loss, dW1, dW2 = run()
        return {"loss": [loss], "dW1": dW1, "dW2": dW2}

    return run, outputs


def task_train_mlp(inp, params):
    """Training steps of X -> hidden (sigmoid or ReLU, optional biases) -> softmax CE, the
    lecture's hand-written gradient and the update (GD or Adam) written out, in place.

    outputs(): the check, `checkSteps` steps on the first batches of X in order, from the
    given parameters; run(): one step on the next minibatch of a per-epoch shuffle."""
    X, Y = arr(inp["X"]), arr(inp["Y"])
    names = [k for k in ("W1", "b1", "W2", "b2") if k in inp]
    P = {k: arr(inp[k]) for k in names}
    relu = params["activation"] == "relu"
    opt, B = params["optimizer"], int(params["batch"])
    n = X.shape[0]
    M = {k: np.zeros_like(p) for k, p in P.items()}
    V = {k: np.zeros_like(p) for k, p in P.items()}
    t = [0]

    def step(Xb, Yb):
        W1, W2, b1, b2 = P["W1"], P["W2"], P.get("b1"), P.get("b2")
        m = Xb.shape[0]
        A = Xb @ W1.T
        if b1 is not None:
            A += b1
        Z = np.maximum(A, 0.0) if relu else 1.0 / (1.0 + np.exp(-A))
        U = Z @ W2.T
        if b2 is not None:
            U += b2
        U -= U.max(axis=1, keepdims=True)
        E = np.exp(U)
        s = E.sum(axis=1, keepdims=True)
        loss = -(Yb * (U - np.log(s))).sum() / m
        dU = (E / s - Yb) / m
        G = {"W2": dU.T @ Z}
        dZ = dU @ W2
        dZ *= (A > 0) if relu else Z * (1.0 - Z)
        G["W1"] = dZ.T @ Xb
        if b1 is not None:
            G["b1"] = dZ.sum(axis=0)
        if b2 is not None:
            G["b2"] = dU.sum(axis=0)
        t[0] += 1
        if opt["kind"] == "gd":
            for k, p in P.items():
                p -= opt["lr"] * G[k]
        else:
            b1_, b2_, lr, eps = opt["beta1"], opt["beta2"], opt["lr"], opt["eps"]
            c1, c2 = 1.0 - b1_ ** t[0], 1.0 - b2_ ** t[0]
            for k, p in P.items():
                g, mk, vk = G[k], M[k], V[k]
                mk *= b1_
                mk += (1.0 - b1_) * g
                vk *= b2_
                vk += (1.0 - b2_) * (g * g)
                p -= lr * (mk / c1) / (np.sqrt(vk / c2) + eps)
        return loss

    shuffle = np.random.default_rng(int(params["shuffleSeed"]))
    per_epoch = -(-n // B)
    state = {"k": 0, "order": None}

    def run():
        if B == n:
            return step(X, Y)
        k = state["k"]
        if k == 0:
            state["order"] = shuffle.permutation(n)
        rows = state["order"][k * B:(k + 1) * B]
        state["k"] = (k + 1) % per_epoch
        return step(X[rows], Y[rows])

    def outputs():
        losses = [step(X, Y) if B == n else step(X[k * B:(k + 1) * B], Y[k * B:(k + 1) * B])
                  for k in range(int(params["checkSteps"]))]
        return {"losses": losses, **{k: p.copy() for k, p in P.items()}}

    return run, outputs


def task_grid_loss(inp, params):
    """Loss-landscape grid, evaluated as Li et al.'s plotting code does: at every grid point
    theta = center + a*d1 + b*d2, unpacked into the weight matrices (reshaped views), and a full
    forward pass X -> hidden (sigmoid or ReLU, optional biases) -> mean softmax CE on all samples.

    run(): the next grid point in a strided order (index k*stride mod N, row-major), so any
    number of calls spreads over the grid; outputs(): the losses on checkAlpha x checkBeta."""
    X, Y = arr(inp["X"]), arr(inp["Y"])
    c, d1, d2 = arr(inp["center"]), arr(inp["d1"]), arr(inp["d2"])
    alpha, beta = arr(inp["alpha"]), arr(inp["beta"])
    relu = params["activation"] == "relu"
    slots = {p["name"]: (slice(p["offset"], p["offset"] + int(np.prod(p["shape"]))), tuple(p["shape"])) for p in params["params"]}
    n = X.shape[0]

    def loss_at(a, b):
        theta = c + a * d1 + b * d2
        P = {k: theta[s].reshape(shape) for k, (s, shape) in slots.items()}
        b1, b2 = P.get("b1"), P.get("b2")
        A = X @ P["W1"].T
        if b1 is not None:
            A += b1
        Z = np.maximum(A, 0.0) if relu else 1.0 / (1.0 + np.exp(-A))
        U = Z @ P["W2"].T
        if b2 is not None:
            U += b2
        U -= U.max(axis=1, keepdims=True)
        return -(Y * (U - np.log(np.exp(U).sum(axis=1, keepdims=True)))).sum() / n

    nb, N, stride = len(beta), len(alpha) * len(beta), int(params["stride"])
    state = {"k": 0}

    def run():
        p = state["k"] * stride % N
        state["k"] = (state["k"] + 1) % N
        return loss_at(alpha[p // nb], beta[p % nb])

    def outputs():
        return {"loss": [loss_at(a, b) for a in arr(inp["checkAlpha"]) for b in arr(inp["checkBeta"])]}

    return run, outputs


def task_hessian_top_eigenvalues(inp, params):
    """Top-k Hessian eigenvalues of X -> W1 x + b1 -> ReLU -> W2 z + b2 -> mean softmax CE at theta, by
    scipy.sparse.linalg.eigsh (ARPACK) on a LinearOperator whose matvec is the exact HVP, the R-operator
    written out in numpy: every matvec runs the forward pass and the R-pass, as Losscape's HVP does.

    run(): one whole eigsh solve from v0 with ncv, tol and maxiter = 1 from the case (the same Krylov space
    as Losscape's Lanczos); outputs(): the eigenvalues, largest first, and the number of matvecs."""
    from scipy.sparse.linalg import ArpackNoConvergence, LinearOperator, eigsh

    X, Y, theta, v0 = arr(inp["X"]), arr(inp["Y"]), arr(inp["theta"]), arr(inp["v0"])
    k, ncv, tol = int(params["k"]), int(params["ncv"]), float(params["tol"])
    slots = {name: (slice(params["offsets"][name], params["offsets"][name] + int(np.prod(shape))), tuple(shape))
             for name, shape in params["shapes"].items()}
    n = X.shape[0]

    def unpack(vec):
        return {name: vec[s].reshape(shape) for name, (s, shape) in slots.items()}

    T = unpack(theta)

    def hvp(v):
        V = unpack(np.ravel(v))
        A = X @ T["W1"].T + T["b1"]
        on = A > 0
        Z = A * on
        U = Z @ T["W2"].T + T["b2"]
        Pr = np.exp(U - U.max(axis=1, keepdims=True))
        Pr /= Pr.sum(axis=1, keepdims=True)
        G = (Pr - Y) / n
        Zdot = (X @ V["W1"].T + V["b1"]) * on
        Udot = Zdot @ T["W2"].T + Z @ V["W2"].T + V["b2"]
        Gdot = Pr * (Udot - (Pr * Udot).sum(axis=1, keepdims=True)) / n
        back = (Gdot @ T["W2"] + G @ V["W2"]) * on
        out = np.empty_like(theta)
        out[slots["W2"][0]] = (Gdot.T @ Z + G.T @ Zdot).ravel()
        out[slots["b2"][0]] = Gdot.sum(axis=0)
        out[slots["W1"][0]] = (back.T @ X).ravel()
        out[slots["b1"][0]] = back.sum(axis=0)
        return out

    count = {"matvecs": 0}

    def matvec(v):
        count["matvecs"] += 1
        return hvp(v)

    op = LinearOperator((theta.size, theta.size), matvec=matvec, dtype=np.float64)

    def run():
        count["matvecs"] = 0
        try:
            values = eigsh(op, k=k, which="LA", v0=v0, ncv=ncv, tol=tol, maxiter=1, return_eigenvectors=False)
        except ArpackNoConvergence as e:  # fewer than k converged: the check sees the missing values
            values = e.eigenvalues
        return np.sort(values)[::-1]

    def outputs():
        values = run()
        return {"values": values, "hvps": [count["matvecs"]]}

    return run, outputs


TASKS = {"matmul": task_matmul, "mlp-value-and-grad": task_mlp_value_and_grad, "train-mlp": task_train_mlp,
         "grid-loss": task_grid_loss, "hessian-top-eigenvalues": task_hessian_top_eigenvalues}


def openblas_info():
    """Core type and thread count from the OpenBLAS numpy loaded, if it is OpenBLAS."""
    try:
        with open("/proc/self/maps") as f:
            libs = {line.split()[-1] for line in f if "openblas" in line.lower() and "/" in line}
    except OSError:
        return {}
    for path in libs:
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        out = {}
        for prefix in ("scipy_openblas_", "openblas_"):
            for suffix in ("64_", ""):
                for key, restype in (("get_corename", ctypes.c_char_p), ("get_num_threads", ctypes.c_int),
                                     ("get_config", ctypes.c_char_p)):
                    name = prefix + key + suffix
                    if key not in out and hasattr(lib, name):
                        fn = getattr(lib, name)
                        fn.restype = restype
                        v = fn()
                        out[key] = v.decode() if isinstance(v, bytes) else v
        if out:
            return {"corename": out.get("get_corename"), "threads": out.get("get_num_threads"),
                    "config": out.get("get_config")}
    return {}


def blas_info():
    info = {}
    try:
        cfg = np.show_config(mode="dicts")
        blas = cfg.get("Build Dependencies", {}).get("blas", {})
        info["name"], info["version"] = blas.get("name"), blas.get("version")
    except Exception:  # numpy < 1.25 has no mode="dicts"
        pass
    try:
        import threadpoolctl

        pools = [p for p in threadpoolctl.threadpool_info() if p.get("user_api") == "blas"]
        if pools:
            info["threadpoolctl"] = {k: pools[0].get(k) for k in ("internal_api", "version", "num_threads", "architecture")}
    except ImportError:
        pass
    info.update({k: v for k, v in openblas_info().items() if v is not None})
    return info


def main():
    req = json.load(sys.stdin)
    results = []
    for task in req["tasks"]:
        make = TASKS.get(task["kind"])
        if make is None:
            results.append({"id": task["id"], "error": f"unknown numpy task kind {task['kind']!r}"})
            continue
        run, outputs = make(task["inputs"], task.get("params", {}))
        out = {k: np.asarray(v, dtype=np.float64).ravel().tolist() for k, v in outputs().items()}
        res = measure(run, task.get("timing", req["timing"]))
        res.update({"id": task["id"], "outputs": out})
        results.append(res)
    info = {"python": platform.python_version(), "numpy": np.__version__, "blas": blas_info()}
    json.dump({"info": info, "results": results}, sys.stdout)


if __name__ == "__main__":
    main()
