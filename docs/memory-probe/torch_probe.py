#!/usr/bin/env python3
"""Torch floor and training probe: torch_probe.py OUT_PREFIX [MODEL BATCH STEPS]. Writes PREFIX-floor.smaps
(python + torch + numpy imported, one 2x2 matmul) and, with a model, PREFIX-train.smaps after the baseline's
benchmark of that model."""
import os, sys
sys.path.insert(0, os.environ.get('BASELINE_DIR', '../shared/bench'))
import torch_baseline as tb
import torch

def dump(out):
    open(out + ".smaps", "w").write(open("/proc/self/smaps").read())
    open(out + ".status", "w").write(open("/proc/self/status").read())

prefix = sys.argv[1]
torch.set_num_threads(2)
torch.ones(2, 2) @ torch.ones(2, 2)
dump(prefix + '-floor')
if len(sys.argv) > 2:
    model, batch, steps = sys.argv[2:5]
    tb.main(['--model', model, '--batch', batch, '--steps', steps, '--warmup', '5', '--threads', '2'])
    dump(prefix + '-train')
