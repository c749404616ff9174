#!/usr/bin/env python3
"""Every agentless-passive finding at default severity whose trigger starts with a pronoun's
contracted "is" ("it's thought", "she's seen as"), on the BBC articles and PolNeAR train: the
whole pool of the class claims6 added, for judging by hand (docs/precision.md).

    python3 scripts/claims/contracted_pool.py      # from the project root, after cargo build --release

Prints `article TAB start TAB end TAB severity TAB trigger TAB paragraph`. Skips with a message
when ../shared is not there.
"""
import json, os, re, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
BIN = os.path.join(HERE, "..", "..", "target", "release", "whosaid")
DATA = os.path.join(HERE, "..", "..", "..", "shared", "data")
PRONOUN_IS = re.compile(r"^(it|he|she|that|who)['’]s\b", re.I)


def main():
    bbc, polnear = os.path.join(DATA, "bbc", "articles.jsonl"), os.path.join(DATA, "polnear", "train.jsonl")
    if not (os.path.exists(bbc) and os.path.exists(polnear)):
        print("skipped: ../shared/data is not there", file=sys.stderr)
        return
    texts = [("bbc/" + a["id"], a["text"]) for a in map(json.loads, open(bbc, encoding="utf-8"))]
    texts += [("train/%03d" % i, json.loads(l)["text"]) for i, l in enumerate(open(polnear, encoding="utf-8"))]
    with tempfile.TemporaryDirectory() as d:
        paths = []
        for n, (_, t) in enumerate(texts):
            p = os.path.join(d, "%05d.txt" % n)
            with open(p, "w", encoding="utf-8") as f:
                f.write(t)
            paths.append(p)
        for k in range(0, len(paths), 400):
            out = subprocess.run([BIN, "check", "--no-config", "--format", "json", *paths[k:k + 400]], capture_output=True, text=True).stdout
            for line in out.splitlines():
                r = json.loads(line)
                n = int(os.path.basename(r["path"])[:5])
                b = texts[n][1].encode("utf-8")
                for f in r["findings"]:
                    trig = b[f["start"]:f["end"]].decode("utf-8")
                    if f["code"] == "agentless-passive" and f["severity"] != "hint" and PRONOUN_IS.match(trig):
                        s = b.rfind(b"\n", 0, f["start"]) + 1
                        e = b.find(b"\n", f["end"])
                        para = b[s:e if e >= 0 else len(b)].decode("utf-8")
                        print(f"{texts[n][0]}\t{f['start']}\t{f['end']}\t{f['severity']}\t{trig}\t{para}")


if __name__ == "__main__":
    main()
