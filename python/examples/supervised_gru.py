"""Train a GRU on PerceptualDecisionMaking with PyTorch on neurogym_jvm.Dataset, then evaluate it
trial by trial in neurogym_jvm.make: the reference's supervised example, end to end.

    NEUROGYM_HOME=distribution/target/neurogym /usr/bin/python3 python/examples/supervised_gru.py

(Debian: apt-get install python3-torch.) Prints the training loss and the accuracy on 500 trials.
"""

import argparse
import time

import numpy as np
import torch
from torch import nn

import neurogym_jvm as ng


class Net(nn.Module):
    def __init__(self, n_in, n_hidden, n_out):
        super().__init__()
        self.gru = nn.GRU(n_in, n_hidden)
        self.out = nn.Linear(n_hidden, n_out)

    def forward(self, x, h=None):
        y, h = self.gru(x, h)
        return self.out(y), h


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--task", default="PerceptualDecisionMaking-v0")
    p.add_argument("--steps", type=int, default=1500)
    p.add_argument("--trials", type=int, default=500)
    p.add_argument("--seed", type=int, default=0)
    a = p.parse_args()
    torch.manual_seed(a.seed)
    kwargs = {"dt": 100}
    # the reference's example: batch 16, sequences of 100 steps, time-major
    data = ng.Dataset(a.task, env_kwargs=kwargs, batch_size=16, seq_len=100, seed=a.seed)
    env = data.env
    n_in, n_out = env.observation_space.shape[0], env.action_space.n
    net = Net(n_in, 64, n_out)
    opt = torch.optim.Adam(net.parameters(), lr=1e-2)
    loss_fn = nn.CrossEntropyLoss()
    started = time.perf_counter()
    running = 0.0
    for i in range(a.steps):
        inputs, targets = data()
        x = torch.from_numpy(inputs)  # shares the batch's memory: no copy
        y = torch.from_numpy(targets).flatten()
        opt.zero_grad()
        out, _ = net(x)
        loss = loss_fn(out.reshape(-1, n_out), y)
        loss.backward()
        opt.step()
        running += loss.item()
        if (i + 1) % 250 == 0:
            print(f"step {i + 1:5d}  loss {running / 250:.4f}", flush=True)
            running = 0.0
    print(f"trained {a.steps} batches in {time.perf_counter() - started:.1f} s", flush=True)

    # evaluation, trial by trial in the env: the network sees the whole trial, its answer is the last step's
    env.reset(seed=a.seed + 1)
    correct = []
    with torch.no_grad():
        for _ in range(a.trials):
            trial = env.new_trial()
            ob, gt = env.ob, env.gt
            out, _ = net(torch.from_numpy(ob[:, None, :]))
            choice = int(out[-1, 0].argmax())
            correct.append(choice == int(gt[-1]))
            assert int(gt[-1]) == trial["ground_truth"] + 1
    print(f"accuracy on {a.trials} trials: {np.mean(correct):.3f}")


if __name__ == "__main__":
    main()
