#!/usr/bin/env python3
"""Train the claim model and write src/analysis/claims/model.tsv.

    python3 scripts/claims/train.py                 # from the project root

Reads ../shared/data/wiki-weasel/train.csv through `examples/claim_features.rs` (built with
cargo), so the features are exactly those the engine computes at run time. Trains on the rows
that are not held out (docs/claims.md: FNV-1a hash of the text modulo 5 is not 0); the held-out
fifth is never read here unless `--score-heldout` asks for its score at the end (an estimate: it
pools a row's sentences, which the engine judges one by one; `whosaid eval` gives the real
figure). Every held-out score computed belongs in docs/precision.md, losers included.

Logistic regression, AdaGrad, L2, a fixed number of passes over the rows in an order shuffled
with a fixed seed: the same data gives the same file, byte for byte. The decision threshold is
chosen on out-of-fold scores of the training rows (5 folds): the lowest threshold whose precision
reaches --min-precision, counting, as `whosaid eval` does, every row where a rule already fires
as flagged. Pure Python, no packages.

Experiments (docs/precision.md, "claims6"): `--polnear ../shared/data/polnear/train.jsonl` also
trains on PolNeAR's news sentences that hold a cue word or a rule claim (a sentence is positive
when it overlaps a no-source item; folds by article) and prints the share of PolNeAR train's
no-source items the engine would then find out of fold; `--decide-weak` lets the model decide
sentences whose only rule claims are weak ones or hedge phrases. Neither is the default: both
lost (docs/precision.md).
"""
import argparse, collections, json, math, os, random, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEED = 2026


def load(args):
    if args.features:
        lines = open(args.features, encoding="utf-8").read().splitlines()
    else:
        if not os.path.exists(args.data):
            sys.exit(f"train.py: {args.data} not found (the wiki-weasel data lives in ../shared)")
        cmd = ["cargo", "run", "--release", "--quiet", "--example", "claim_features", "--", args.data]
        lines = subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True).stdout.splitlines()
    rows = []
    for line in lines:
        label, split, feats = (line.split("\t") + [""])[:3]
        rows.append((label.strip() == "1", split, feats.split()))
    return rows


def load_polnear(path):
    """PolNeAR sentences: (article, label, features, ids of the no-source items the sentence overlaps)."""
    if not os.path.exists(path):
        sys.exit(f"train.py: {path} not found")
    cmd = ["cargo", "run", "--release", "--quiet", "--example", "claim_features", "--", "--polnear", path]
    lines = subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True).stdout.splitlines()
    arts = [json.loads(l) for l in open(path, encoding="utf-8")]
    items = {i: [(q["start"], q["end"]) for q in a["quotes"] if q.get("no_source")] for i, a in enumerate(arts)}
    out = []
    for line in lines:
        a, s, e, f = (line.split("\t") + [""])[:4]
        a, s, e = int(a), int(s), int(e)
        hit = [(a, j) for j, (qs, qe) in enumerate(items[a]) if qs < e and s < qe]
        out.append((a, bool(hit), f.split(), hit))
    return out, sum(len(v) for v in items.values())


def sigmoid(z):
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def fit(rows, epochs, lr, l2, seed):
    w = collections.defaultdict(float)
    g2 = collections.defaultdict(lambda: 1e-8)
    order = list(range(len(rows)))
    rnd = random.Random(seed)
    for _ in range(epochs):
        rnd.shuffle(order)
        for i in order:
            y, feats = rows[i]
            z = w["bias"] + sum(w[f] for f in feats)
            g = sigmoid(z) - y
            for f in feats + ["bias"]:
                gf = g + (l2 * w[f] if f != "bias" else 0.0)
                g2[f] += gf * gf
                w[f] -= lr * gf / math.sqrt(g2[f])
    return dict(w)


def score(w, feats):
    return w.get("bias", 0.0) + sum(w.get(f, 0.0) for f in feats)


DECIDE_WEAK = False


def ruled(feats):
    """A rule claim of any kind but a figure settles the sentence (claims/mod.rs); weak ones too.
    With --decide-weak only a strong claim that is no hedge phrase does."""
    if DECIDE_WEAK:
        return any(f.startswith("r:") and not f.endswith(":w") and not f.startswith(("r:unsourced-statistic", "r:hedge")) for f in feats)
    return any(f.startswith("r:") and not f.startswith("r:unsourced-statistic") for f in feats)


def modelled(feats):
    """The engine asks the model only about a sentence with a cue word and no rule claim."""
    weak_rule = DECIDE_WEAK and any(f.startswith("r:") and not f.startswith("r:unsourced-statistic") for f in feats)
    return not ruled(feats) and (weak_rule or any(f.startswith("c:") for f in feats))


def prf(pairs, threshold):
    """pairs: (label, ruled, score or None). Precision, recall, F1 in percent."""
    tp = fp = pos = 0
    for y, ruled, s in pairs:
        pos += y
        flagged = ruled or (s is not None and s >= threshold)
        tp += flagged and y
        fp += flagged and not y
    p = 100.0 * tp / (tp + fp) if tp + fp else 0.0
    r = 100.0 * tp / pos if pos else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pairs_for(w, rows):
    """rows: (label, features). The decision reads the features as the engine computed them; the
    score only the weights that survived --min-count."""
    return [(y, ruled(f), score(w, f) if modelled(f) else None) for y, f in rows]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data", "wiki-weasel", "train.csv"))
    ap.add_argument("--features", help="a dump from examples/claim_features.rs instead of running it")
    ap.add_argument("--out", default=os.path.join(ROOT, "src", "analysis", "claims", "model.tsv"))
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--lr", type=float, default=0.1)
    ap.add_argument("--l2", type=float, default=1e-4)
    ap.add_argument("--min-count", type=int, default=3, help="drop features seen in fewer training rows")
    ap.add_argument("--min-precision", type=float, default=70.0)
    ap.add_argument("--polnear", help="also train on this PolNeAR file's sentences (an experiment; see the docstring)")
    ap.add_argument("--score-heldout", action="store_true", help="print the held-out fifth's score at the end (see the docstring)")
    ap.add_argument("--decide-weak", action="store_true", help="the model decides sentences with only weak rule claims (an experiment)")
    args = ap.parse_args()
    global DECIDE_WEAK
    DECIDE_WEAK = args.decide_weak

    rows = load(args)
    train = [(y, f) for y, split, f in rows if split == "train"]
    held = [(y, f) for y, split, f in rows if split == "heldout"]
    news, news_items = load_polnear(args.polnear) if args.polnear else ([], 0)
    # Only sentences the engine may ask the model about: a cue word or a rule claim.
    news = [r for r in news if any(f.startswith(("c:", "r:")) for f in r[2])]
    counts = collections.Counter(x for _, f in train for x in set(f))
    counts.update(x for _, _, f, _ in news for x in set(f))
    keep = lambda f: sorted({x for x in f if counts[x] >= args.min_count})
    kept = [(y, keep(f)) for y, f in train]
    news_kept = [(y, keep(f)) for _, y, f, _ in news]
    arts = sorted({a for a, _, _, _ in news})
    random.Random(SEED).shuffle(arts)
    art_fold = {a: n % 5 for n, a in enumerate(arts)}

    # Out-of-fold scores on the training rows choose the threshold.
    folds = list(range(len(train)))
    random.Random(SEED).shuffle(folds)
    fold_of = {i: n % 5 for n, i in enumerate(folds)}
    oof = [None] * len(train)
    news_oof = [None] * len(news)
    for k in range(5):
        part = [kept[i] for i in range(len(train)) if fold_of[i] != k]
        part += [news_kept[i] for i in range(len(news)) if art_fold[news[i][0]] != k]
        w = fit(part, args.epochs, args.lr, args.l2, SEED + k)
        for i in range(len(train)):
            if fold_of[i] == k:
                oof[i] = pairs_for(w, [train[i]])[0]
        for i in range(len(news)):
            if art_fold[news[i][0]] == k:
                news_oof[i] = pairs_for(w, [(news[i][1], news[i][2])])[0]
    candidates = sorted({s for _, _, s in oof if s is not None})
    best = None
    for t in candidates:
        p, r, f = prf(oof, t)
        if p >= args.min_precision:
            best = (t, p, r, f)
            break
    if best is None:
        best = max(((t,) + prf(oof, t) for t in candidates), key=lambda x: x[3])
    threshold = best[0]

    if news:
        found = {h for (_, _, _, hit), (_, r, sc) in zip(news, news_oof) if r or (sc is not None and sc >= threshold) for h in hit}
        print(f"train.py: PolNeAR no-source items found out of fold (sentences with a cue or a rule claim; figures not counted): "
              f"{len(found)} of {news_items} ({100.0 * len(found) / max(news_items, 1):.1f}%)")
    w = fit(kept + news_kept, args.epochs, args.lr, args.l2, SEED)
    weights = {k: v for k, v in w.items() if k != "bias" and abs(v) >= 0.01}
    with open(args.out, "w", encoding="utf-8") as out:
        out.write("# The claim model (src/analysis/claims/model.rs). Written by scripts/claims/train.py; do not edit.\n")
        out.write(f"# Trained on {len(train)} wiki-weasel rows (the held-out fifth excluded), seed {SEED}, "
                  f"{args.epochs} passes, lr {args.lr}, l2 {args.l2}, features seen in >= {args.min_count} rows.\n")
        out.write(f"# Threshold from 5-fold out-of-fold scores: precision {best[1]:.1f}, recall {best[2]:.1f}, F1 {best[3]:.1f}.\n")
        out.write(f"bias\t{w.get('bias', 0.0):.4f}\n")
        out.write(f"threshold\t{threshold:.4f}\n")
        for k in sorted(weights):
            out.write(f"{k}\t{weights[k]:.4f}\n")
    print(f"train.py: {len(weights)} weights; out-of-fold P {best[1]:.1f} R {best[2]:.1f} F1 {best[3]:.1f}; wrote {args.out}")
    if args.score_heldout:
        hp, hr, hf = prf(pairs_for(w, held), threshold)
        print(f"train.py: held out (estimate; record it in docs/precision.md) P {hp:.1f} R {hr:.1f} F1 {hf:.1f}")
    report_parts(oof, threshold, args.min_precision)
    report_rules(train)


def report_parts(pairs, threshold, min_precision):
    """The rules and the model's own additions, apart (out-of-fold). The model only adds sentences
    the rules left alone, so the rules' precision is a floor the whole cannot rise far above: say
    so when it lies below the precision asked for."""
    rp, rr, _ = prf(pairs, math.inf)
    added = [y for y, ruled, s in pairs if not ruled and s is not None and s >= threshold]
    ap = 100.0 * sum(added) / len(added) if added else 0.0
    print(f"train.py: rules alone (out-of-fold rows) P {rp:.1f} R {rr:.1f}; the model adds {len(added)} sentences, "
          f"{sum(added)} of them weasel (precision {ap:.1f})")
    if rp < min_precision:
        print(f"train.py: note: the rules alone reach only {rp:.1f}% precision; the model's additions must be well above "
              f"{min_precision:.0f}% precise to lift the whole to {min_precision:.0f}%")


def report_rules(rows):
    """Each rule's own precision on the training rows (`r:KIND`, `:w` for its weak findings): which
    findings flag Wikipedia rows that are not weasel."""
    tally = collections.Counter()
    for y, feats in rows:
        for f in set(feats):
            if f.startswith("r:"):
                tally[(f, y)] += 1
    for f in sorted({f for f, _ in tally}):
        pos, neg = tally[(f, True)], tally[(f, False)]
        print(f"train.py: rule {f[2:]:<26} on {pos + neg:4} training rows, {pos:4} weasel ({100.0 * pos / (pos + neg):.0f}%)")


if __name__ == "__main__":
    main()
