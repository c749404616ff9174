#!/usr/bin/env python3
"""List the claims one snapshot adds to or removes from another, to judge what a change does.

    python3 scripts/claims/snapdiff.py OLD NEW [--added] [--sample N --seed S]

OLD and NEW are outputs of `./target/release/examples/snapshot LIST` (the Debug of every
Analysis, one `=== path` line before each). Prints one line per claim that is in one and not the
other: `+` or `-`, the file, the claim kind, the severity of its finding, the trigger's byte
offsets, the trigger and its sentence with the trigger in [brackets]. With --sample, N claims
drawn from the added ones with random.seed(S) over the sorted list (the draw a judgement file
names). Reads the snapshot's files, so run it on the machine that made the snapshot.
"""
import argparse, random, re, sys

CLAIM = re.compile(r'Claim \{ kind: (\w+), span: Span \{ start: (\d+), end: (\d+) \}, trigger: Span \{ start: (\d+), end: (\d+) \}, weak: (\w+) \}')
FINDING = re.compile(r'Finding \{ code: "[^"]+", severity: (\w+), span: Span \{ start: (\d+), end: (\d+) \}')


def load(path):
    out, cur = {}, None
    for line in open(path, encoding="utf-8"):
        if line.startswith("=== "):
            cur = line[4:].strip()
        elif cur and line.startswith("Analysis"):
            m = re.search(r"claims: \[(.*?)\], findings:", line)
            sev = {(int(a), int(b)): s for s, a, b in FINDING.findall(line)}
            out[cur] = {(k, int(s), int(e), int(ts), int(te), sev.get((int(ts), int(te)), "-")) for k, s, e, ts, te, _ in CLAIM.findall(m.group(1) if m else "")}
    return out


def show(tag, path, c):
    kind, s, e, ts, te, sev = c
    try:
        b = open(path, "rb").read()
    except OSError:
        b = b""
    d = lambda x, y: b[x:y].decode("utf-8", "replace").replace("\n", " ")
    print(f"{tag}\t{path.split('/')[-1]}\t{kind}\t{sev}\t{ts}\t{te}\t{d(ts, te)}\t{d(s, ts)}[{d(ts, te)}]{d(te, e)}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("--added", action="store_true", help="only the added claims")
    ap.add_argument("--sample", type=int, help="draw this many of the added claims")
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    old, new = load(a.old), load(a.new)
    added = sorted((f, c) for f in new for c in new[f] - old.get(f, set()))
    removed = sorted((f, c) for f in old for c in old[f] - new.get(f, set()))
    if a.sample:
        random.seed(a.seed)
        added = random.sample(added, min(a.sample, len(added)))
        removed = []
    for f, c in added:
        show("+", f, c)
    for f, c in [] if a.added else removed:
        show("-", f, c)
    print(f"# added {len(added)}, removed {len(removed)}", file=sys.stderr)


if __name__ == "__main__":
    main()
