#!/usr/bin/env python3
"""List PolNeAR's no-source items and whether whosaid flags a claim in their sentence.

    python3 scripts/claims/nosource.py [train|dev] [--missed] [--found]

Writes each text of ../shared/data/polnear/SPLIT.jsonl to a temporary directory, runs
`./target/release/whosaid check --no-config --format json` over them and prints, per no_source
item, `+` (a claim whose sentence overlaps the item's content: the eval's "claim in the same
sentence") or `-`, the article (`SPLIT/NNN`, line number from 0), PolNeAR's cue and the item's
first sentence with the cue in [brackets]; then the counts. For finding the classes of claim
PolNeAR annotates with no source (docs/claims.md); train to fit rules, dev to measure.
Skips with a message when ../shared is not there.
"""
import argparse, json, os, subprocess, sys, tempfile

HERE = os.path.dirname(__file__)
BIN = os.path.join(HERE, "..", "..", "target", "release", "whosaid")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("split", nargs="?", default="train")
    ap.add_argument("--missed", action="store_true", help="print only items with no claim")
    ap.add_argument("--found", action="store_true", help="print only items with a claim")
    a = ap.parse_args()
    data = os.path.join(HERE, "..", "..", "..", "shared", "data", "polnear", a.split + ".jsonl")
    if not os.path.exists(data):
        print(f"skipped: {data} is not there", file=sys.stderr)
        return
    arts = [json.loads(l) for l in open(data, encoding="utf-8")]
    with tempfile.TemporaryDirectory() as d:
        paths = []
        for i, art in enumerate(arts):
            p = os.path.join(d, "%03d.txt" % i)
            with open(p, "w", encoding="utf-8") as f:
                f.write(art["text"])
            paths.append(p)
        out = subprocess.run([BIN, "check", "--no-config", "--format", "json", *paths], capture_output=True, text=True).stdout
        claims = {}
        for line in out.splitlines():
            r = json.loads(line)
            claims[int(os.path.basename(r["path"])[:3])] = r
    n = hit = 0
    for i, art in enumerate(arts):
        text = art["text"]
        b = text.encode("utf-8")
        # char offset -> byte offset
        cum = [0]
        for ch in text:
            cum.append(cum[-1] + len(ch.encode("utf-8")))
        r = claims.get(i, {"claims": [], "findings": []})
        for q in art["quotes"]:
            if not q.get("no_source"):
                continue
            n += 1
            s, e = cum[q["start"]], cum[q["end"]]
            ext = [s, e]
            for k in ("speaker", "cue"):
                if q.get(k + "_start") is not None:
                    ext = [min(ext[0], cum[q[k + "_start"]]), max(ext[1], cum[q[k + "_end"]])]
            sent = [c for c in r["claims"] if c["start"] < e and s < c["end"]]
            trig = [f for f in r["findings"] if f["start"] < ext[1] and ext[0] < f["end"] and f["code"] in KINDS]
            ok = bool(sent or trig)
            hit += ok
            if (a.missed and ok) or (a.found and not ok):
                continue
            lo = max(ext[0] - 150, b.rfind(b"\n", 0, ext[0]) + 1)
            hi = min(ext[1] + 60, max(b.find(b"\n", ext[1]), ext[1]) if b.find(b"\n", ext[1]) >= 0 else len(b))
            cs, ce = (cum[q["cue_start"]], cum[q["cue_end"]]) if q.get("cue_start") is not None else (None, None)
            if cs is not None and lo <= cs and ce <= hi:
                snip = b[lo:cs] + b"[" + b[cs:ce] + b"]" + b[ce:hi]
            else:
                snip = b[lo:hi]
            what = ",".join(sorted({c["kind"] for c in sent} | {f["code"] + "/" + f["severity"][:4] for f in trig}))
            print(f"{'+' if ok else '-'} {a.split}/{i:03d} cue={q.get('cue')!r} {what}\n    {snip.decode('utf-8', 'replace').replace(chr(10), ' ')}")
    print(f"# {hit}/{n} no_source items with a claim in the same sentence ({100 * hit / max(n, 1):.1f}%)")


KINDS = {"agentless-passive", "weasel-attribution", "anonymous-source", "doubt-word", "unsourced-statistic", "hedge"}

if __name__ == "__main__":
    main()
