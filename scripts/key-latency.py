#!/usr/bin/env python3
"""Key-to-screen latency of the dashboard, as an operator sees it, against tmux's own echo.

Runs the dashboard in a tmux pane, presses j/k at random gaps and times each press from
`tmux send-keys` to the moment `capture-pane` shows the selection marker on another row. The
same is done for `cat` in a second pane (the floor: tmux, the pty and capture-pane themselves).
Prints median and max for both, and the ratio.

    scripts/key-latency.py [--binary target/release/investboard] [--presses 30] \
        [--size 80x24] [-- extra dashboard arguments, e.g. --feed big.json]

Needs tmux. Measures wall-clock time: run it on an otherwise idle machine.
"""

import argparse
import random
import statistics
import subprocess
import sys
import time

MARKER = "▶"


def tmux(*args):
    return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout


def capture(target):
    return tmux("capture-pane", "-p", "-t", target)


def marker_row(screen):
    for number, line in enumerate(screen.splitlines()):
        if MARKER in line:
            return number
    return None


def wait_for(predicate, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.001)
    return None


def dashboard_presses(args, session):
    target = f"{session}:dash"
    width, height = args.size.split("x")
    command = " ".join([args.binary, "--lang", "en", *args.extra])
    tmux("new-window", "-t", session, "-n", "dash")
    tmux("resize-window", "-t", target, "-x", width, "-y", height)
    tmux("send-keys", "-t", target, f"exec {command}", "Enter")
    if not wait_for(lambda: "FRESH" in capture(target), 120):
        sys.exit("the dashboard did not show FRESH data within 120 s:\n" + capture(target))
    # Select a row in the middle of the list, so both j and k move the marker.
    for key in ["j", "j", "j"]:
        tmux("send-keys", "-t", target, key)
        time.sleep(0.3)
    timings = []
    keys = ["j", "k"]
    for press in range(args.presses):
        time.sleep(random.uniform(0.2, 0.7))
        before = marker_row(capture(target))
        started = time.monotonic()
        tmux("send-keys", "-t", target, keys[press % 2])
        moved = wait_for(lambda: marker_row(capture(target)) not in (before, None), 5)
        if not moved:
            sys.exit(f"press {press}: the marker did not move within 5 s")
        timings.append(time.monotonic() - started)
    tmux("send-keys", "-t", target, "q")
    return timings


def echo_presses(args, session):
    target = f"{session}:echo"
    tmux("new-window", "-t", session, "-n", "echo")
    tmux("send-keys", "-t", target, "exec cat", "Enter")
    time.sleep(0.5)
    timings = []
    for press in range(args.presses):
        time.sleep(random.uniform(0.2, 0.7))
        before = capture(target).count("x")
        started = time.monotonic()
        tmux("send-keys", "-t", target, "x")
        if not wait_for(lambda: capture(target).count("x") > before, 5):
            sys.exit(f"echo {press}: not shown within 5 s")
        timings.append(time.monotonic() - started)
    return timings


def summary(name, timings):
    ms = [t * 1000 for t in timings]
    return f"{name:<10} median {statistics.median(ms):6.1f} ms   max {max(ms):6.1f} ms   n={len(ms)}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default="target/release/investboard")
    parser.add_argument("--presses", type=int, default=30)
    parser.add_argument("--size", default="80x24")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("extra", nargs="*")
    args = parser.parse_args()
    random.seed(args.seed)
    session = f"latency{int(time.time())}"
    tmux("new-session", "-d", "-s", session, "-x", "200", "-y", "50")
    try:
        echo = echo_presses(args, session)
        dash = dashboard_presses(args, session)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    print(summary("tmux echo", echo))
    print(summary("dashboard", dash))
    ratio = statistics.median(dash) / statistics.median(echo)
    print(f"ratio (median dashboard / median echo): {ratio:.2f}")


if __name__ == "__main__":
    main()
