#!/usr/bin/env python3
"""Times what Python peers take to produce the same curve as the .NET benchmarks: 1,000,000 steps of cosine with a
linear warmup (learning_rate 3e-4, warmup 10,000, total 1,000,000).

- numpy: the Hugging Face cosine-with-warmup formula, vectorised over all steps (the best a numpy user can do).
- PyTorch: what a training loop pays, stepping LambdaLR with transformers' lambda, and CosineAnnealingLR, step by step.

Not part of CI. Needs Debian's python3-numpy and python3-torch:  apt-get install python3-numpy python3-torch
Run:  /usr/bin/python3 benchmarks/peers/peers.py
"""
import math
import warnings
import platform
import time
from functools import partial

import numpy as np
import torch

STEPS = 1_000_000
LR = 3e-4
WARMUP = 10_000
TOTAL = 1_000_000


def best_of(repeats, fn):
    best = math.inf
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def numpy_cosine_with_warmup():
    step = np.arange(STEPS, dtype=np.float64)
    progress = (step - WARMUP) / max(1, TOTAL - WARMUP)
    decay = np.maximum(0.0, 0.5 * (1.0 + np.cos(math.pi * 0.5 * 2.0 * progress)))
    warm = step / max(1, WARMUP)
    return LR * np.where(step < WARMUP, warm, decay)


def hf_lambda(current_step, *, num_warmup_steps, num_training_steps, num_cycles=0.5):
    if current_step < num_warmup_steps:
        return float(current_step) / float(max(1, num_warmup_steps))
    progress = float(current_step - num_warmup_steps) / float(max(1, num_training_steps - num_warmup_steps))
    return max(0.0, 0.5 * (1.0 + math.cos(math.pi * float(num_cycles) * 2.0 * progress)))


# The loop only reads LRs and steps the scheduler (no optimizer.step()), which PyTorch warns about once.
warnings.filterwarnings("ignore", message="Detected call of `lr_scheduler.step\\(\\)` before `optimizer.step\\(\\)`")


def torch_stepping(make_scheduler, steps):
    optimizer = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=LR)
    scheduler = make_scheduler(optimizer)
    out = np.empty(steps)
    for i in range(steps):
        out[i] = optimizer.param_groups[0]["lr"]
        scheduler.step()
    return out


def main():
    print(f"machine: {platform.processor() or platform.machine()}, python {platform.python_version()}, "
          f"numpy {np.__version__}, torch {torch.__version__}")
    numpy_s = best_of(20, numpy_cosine_with_warmup)
    print(f"numpy cosine with warmup, {STEPS:,} steps: {numpy_s * 1e3:.2f} ms (best of 20)")

    lam = partial(hf_lambda, num_warmup_steps=WARMUP, num_training_steps=TOTAL)
    lambda_s = best_of(1, lambda: torch_stepping(lambda opt: torch.optim.lr_scheduler.LambdaLR(opt, lam), STEPS))
    print(f"torch LambdaLR (transformers' cosine lambda) stepping, {STEPS:,} steps: {lambda_s:.2f} s")

    annealing_s = best_of(1, lambda: torch_stepping(lambda opt: torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=TOTAL), STEPS))
    print(f"torch CosineAnnealingLR stepping, {STEPS:,} steps: {annealing_s:.2f} s")


if __name__ == "__main__":
    main()
