#!/usr/bin/env python3
"""Agreement between two annotations of the same articles:
`python3 scripts/gold/agreement.py tests/gold/bbc.jsonl tests/gold/bbc-double.jsonl`.

Only articles present in both files count. An item of one annotation matches an item of the other
when it covers more than 0.3 of it (the GGT rule, in both directions, as whosaid eval does);
F1 is of the second annotation against the first. Speaker agreement: among matched items, the
speaker mentions overlap (or both are null); name agreement: the speaker-name mentions name the
same text; cue agreement: equal cue texts (lower-cased).
"""
import sys
from common import articles, read_jsonl


def cover(a, b):
    """Share of b's characters that a covers."""
    inter = max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))
    return inter / max(1, b["end"] - b["start"])


def overlap(a, b, ka, kb):
    if a[ka] is None or b[ka] is None:
        return a[ka] is None and b[kb] is None
    return min(a[kb], b[kb]) > max(a[ka], b[ka])


def txt(text, q, s, e):
    return None if q[s] is None else text[q[s]:q[e]].lower()


def f1_at(first, second, ids, level):
    """F1 of second against first when an item must cover more than `level` of the other."""
    tp1 = tp2 = n1 = n2 = 0
    for aid in ids:
        g, p = first[aid]["quotes"], second[aid]["quotes"]
        n1, n2 = n1 + len(g), n2 + len(p)
        tp1 += sum(any(cover(q, x) > level for q in p) for x in g)
        tp2 += sum(any(cover(x, q) > level for x in g) for q in p)
    r, pr = tp1 / max(1, n1), tp2 / max(1, n2)
    return 2 * pr * r / max(1e-9, pr + r)


def main():
    first = {r["id"]: r for r in read_jsonl(sys.argv[1])}
    second = {r["id"]: r for r in read_jsonl(sys.argv[2])}
    ids = sorted(set(first) & set(second))
    texts = articles()
    tp1 = tp2 = n1 = n2 = 0
    spk = name = cue = kind = matched = 0
    for aid in ids:
        text = texts[aid]["text"]
        g, p = first[aid]["quotes"], second[aid]["quotes"]
        n1 += len(g)
        n2 += len(p)
        tp1 += sum(any(cover(q, x) > 0.3 for q in p) for x in g)
        tp2 += sum(any(cover(x, q) > 0.3 for x in g) for q in p)
        for x in g:
            best = max(p, key=lambda q: cover(q, x), default=None)
            if best is None or cover(best, x) <= 0.3:
                continue
            matched += 1
            spk += overlap(x, best, "speaker_start", "speaker_end")
            name += txt(text, x, "name_start", "name_end") == txt(text, best, "name_start", "name_end")
            kind += x["kind"] == best["kind"]
            cue += txt(text, x, "cue_start", "cue_end") == txt(text, best, "cue_start", "cue_end")
    r = tp1 / max(1, n1)
    pr = tp2 / max(1, n2)
    f1 = 2 * pr * r / max(1e-9, pr + r)
    print(f"{len(ids)} articles; first {n1} items, second {n2}")
    print(f"second against first, overlap > 0.3: precision {100*pr:.1f}  recall {100*r:.1f}  F1 {100*f1:.1f}")
    print(f"stricter: F1 at overlap > 0.8 {100*f1_at(first, second, ids, 0.8):.1f}, at 0.99 {100*f1_at(first, second, ids, 0.99):.1f}")
    print(f"among {matched} matched items: speaker mention {100*spk/max(1,matched):.1f}  speaker name {100*name/max(1,matched):.1f}  cue {100*cue/max(1,matched):.1f}  kind {100*kind/max(1,matched):.1f}")


if __name__ == "__main__":
    main()
