#!/usr/bin/env bash
# What a first run looks like in a real terminal: tmux at 80 columns runs
# `kzfacts extract samples/kazakhstan_digest.txt`, the pane is captured to bench/results/terminal-80.txt,
# and the script fails if a progress-bar line was left among the tables.
# Needs tmux (Debian: apt-get install tmux).
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/results/terminal-80.txt
mkdir -p bench/results
session=kzfacts-terminal-$$
tmux new-session -d -s "$session" -x 80 -y 50 "bash --norc"
tmux send-keys -t "$session" "cd '$PWD' && kzfacts extract samples/kazakhstan_digest.txt; echo KZFACTS-DONE" Enter
for _ in $(seq 120); do
    sleep 1
    tmux capture-pane -t "$session" -p -S -5000 | grep -q '^KZFACTS-DONE' && break
done
tmux capture-pane -t "$session" -p -S -5000 > "$out"
tmux kill-session -t "$session"
if grep -E 'kzfacts ━|articles, [0-9.]+/s' "$out"; then
    echo "progress remnants in $out" >&2
    exit 1
fi
echo "$out: $(grep -c '─' "$out") table lines, no progress remnants"
