#!/usr/bin/env python3
"""Key-to-screen latency of the dashboard, as an operator sees it, against tmux's own echo.

Runs the dashboard in a tmux pane, presses keys at random gaps and times each press from
`tmux send-keys` to the moment `capture-pane` shows its effect. The same is done for `cat` in
a second pane (the floor: tmux, the pty and capture-pane themselves). Prints median and max
for both, and the ratio.

Modes (`--mode`):
- `move` (default): j/k, until the selection marker is on another row.
- `filter`: `/`, then the letters of `--text` typed one by one and deleted again
  (Backspace), each until the footer shows the filter as typed; the time until the list's
  "filtering…" mark is gone (the rows final) is printed too.
- `sort`: `s`, until the title names the next sort column; and until "sorting…" is gone.

    scripts/key-latency.py [--binary target/release/investboard] [--presses 30] \
        [--mode move|filter|sort] [--text p0001] [--size 80x24] \
        [-- extra dashboard arguments, e.g. --feed big.json]

Needs tmux. Measures wall-clock time: run it on an otherwise idle machine.
"""

import argparse
import random
import re
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


def settled(target, mark):
    """Waits until the list's work mark is gone; the time it took, from now."""
    started = time.monotonic()
    if not wait_for(lambda: mark not in capture(target), 30):
        sys.exit(f"'{mark}' still shown after 30 s")
    return time.monotonic() - started


def filter_presses(args, target, finals):
    """Types `--text` into the filter and deletes it, over and over; each key until echoed."""
    tmux("send-keys", "-t", target, "/")
    time.sleep(0.3)
    keys = [(c, args.text[: i + 1]) for i, c in enumerate(args.text)]
    keys += [("BSpace", args.text[:i]) for i in reversed(range(len(args.text)))]
    timings = []
    for press in range(args.presses):
        key, expected = keys[press % len(keys)]
        # Until the work of the key before has ended: each press starts from final rows.
        settled(target, "filtering…")
        time.sleep(random.uniform(0.2, 0.7))
        started = time.monotonic()
        # A letter literally (-l); a key name (BSpace) as tmux names it.
        tmux("send-keys", "-t", target, *(["-l", key] if len(key) == 1 else [key]))
        if not wait_for(lambda: f"filter: {expected}_" in capture(target), 5):
            sys.exit(f"press {press}: the filter did not read {expected!r} within 5 s")
        timings.append(time.monotonic() - started)
        finals.append(timings[-1] + settled(target, "filtering…"))
    tmux("send-keys", "-t", target, "Escape")
    return timings


def sort_presses(args, target, finals):
    """Presses `s` over and over; each until the title names another column."""
    def column():
        found = re.findall(r"sort: (\S+)", capture(target))
        return found[0] if found else None

    timings = []
    for press in range(args.presses):
        settled(target, "sorting…")
        time.sleep(random.uniform(0.2, 0.7))
        before = column()
        started = time.monotonic()
        tmux("send-keys", "-t", target, "s")
        if not wait_for(lambda: column() not in (before, None), 5):
            sys.exit(f"press {press}: the sort did not change within 5 s")
        timings.append(time.monotonic() - started)
        finals.append(timings[-1] + settled(target, "sorting…"))
    return timings


def dashboard_presses(args, session, finals):
    target = f"{session}:dash"
    width, height = args.size.split("x")
    command = " ".join([args.binary, "--lang", "en", *args.extra])
    tmux("new-window", "-t", session, "-n", "dash")
    tmux("resize-window", "-t", target, "-x", width, "-y", height)
    tmux("send-keys", "-t", target, f"exec {command}", "Enter")
    if not wait_for(lambda: "FRESH" in capture(target), 120):
        sys.exit("the dashboard did not show FRESH data within 120 s:\n" + capture(target))
    if args.mode == "filter":
        timings = filter_presses(args, target, finals)
        tmux("send-keys", "-t", target, "q")
        return timings
    if args.mode == "sort":
        timings = sort_presses(args, target, finals)
        tmux("send-keys", "-t", target, "q")
        return timings
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
    parser.add_argument("--mode", choices=["move", "filter", "sort"], default="move")
    parser.add_argument("--text", default="p0001", help="what --mode filter types")
    parser.add_argument("extra", nargs="*")
    args = parser.parse_args()
    random.seed(args.seed)
    session = f"latency{int(time.time())}"
    tmux("new-session", "-d", "-s", session, "-x", "200", "-y", "50")
    finals = []
    try:
        echo = echo_presses(args, session)
        dash = dashboard_presses(args, session, finals)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    print(summary("tmux echo", echo))
    print(summary("dashboard", dash))
    if finals:
        print(summary("rows final", finals) + "   (key until the list's work mark is gone)")
    ratio = statistics.median(dash) / statistics.median(echo)
    print(f"ratio (median dashboard / median echo): {ratio:.2f}")


if __name__ == "__main__":
    main()
