#!/usr/bin/env python3
"""Count whosaid's findings by rule over the whole BBC corpus.

    python3 scripts/bbc-findings.py [WHOSAID] [--keep DIR]

Writes each article of ../shared/data/bbc/articles.jsonl to a file (`business-001.txt`, ...) in a
temporary directory (or DIR), runs `WHOSAID check --format json` over all of them (default
./target/release/whosaid) and prints, per rule code, the number of findings and of articles with
one. Skips with a message when the shared data is not beside the project.
"""
import collections, json, os, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "..", "shared", "data", "bbc", "articles.jsonl")


def main(argv):
    keep = None
    if "--keep" in argv:
        i = argv.index("--keep")
        keep = argv[i + 1]
        del argv[i : i + 2]
    exe = argv[0] if argv else os.path.join(ROOT, "target", "release", "whosaid")
    if not os.path.exists(CORPUS):
        print(f"skipped: no BBC corpus at {CORPUS}")
        return 0
    if not os.path.exists(exe):
        print(f"no whosaid binary at {exe}: build it with cargo build --release", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        out_dir = keep or tmp
        os.makedirs(out_dir, exist_ok=True)
        paths = []
        with open(CORPUS, encoding="utf-8") as f:
            for line in f:
                a = json.loads(line)
                p = os.path.join(out_dir, a["id"].replace("/", "-") + ".txt")
                with open(p, "w", encoding="utf-8") as g:
                    g.write(a["text"])
                paths.append(p)
        run = subprocess.run([exe, "check", "--format", "json", *paths], capture_output=True, text=True)
    findings, articles = collections.Counter(), collections.Counter()
    files = 0
    for line in run.stdout.splitlines():
        try:
            report = json.loads(line)
        except json.JSONDecodeError:
            continue
        files += 1
        codes = [x["code"] for x in report.get("findings", [])]
        findings.update(codes)
        articles.update(set(codes))
    if files != len(paths):
        print(f"whosaid reported on {files} of {len(paths)} articles: {run.stderr[:500]}", file=sys.stderr)
        return 1
    print(f"{files} articles")
    for code, n in sorted(findings.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"{code:28} {n:6} findings in {articles[code]:5} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
