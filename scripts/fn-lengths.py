#!/usr/bin/env python3
"""List Rust functions longer than a limit: `python3 scripts/fn-lengths.py [LIMIT] [DIR...]`.

A function's length is the number of lines from its `fn` line to the line of its closing brace,
both included (comments and blank lines count too). Closures and nested functions count toward the
function that holds them; a nested `fn` is also listed on its own. Braces in strings, chars and
comments are skipped.
"""
import os, re, sys

limit = int(sys.argv[1]) if len(sys.argv) > 1 else 150
dirs = sys.argv[2:] or ["src"]
fn_re = re.compile(r"^\s*(?:pub(?:\([^)]*\))?\s+)?(?:const\s+)?(?:async\s+)?(?:unsafe\s+)?(?:extern\s+\"[^\"]*\"\s+)?fn\s+(\w+)")

def strip(line, state):
    """Drop strings, chars and comments from a line; `state` carries an open block comment."""
    out, i, n = [], 0, len(line)
    while i < n:
        if state["block"]:
            j = line.find("*/", i)
            if j < 0:
                return "".join(out)
            state["block"] = False
            i = j + 2
            continue
        c = line[i]
        if line.startswith("//", i):
            break
        if line.startswith("/*", i):
            state["block"] = True
            i += 2
            continue
        if c == '"':
            i += 1
            while i < n and line[i] != '"':
                i += 2 if line[i] == "\\" else 1
            i += 1
            continue
        if c == "'" and re.match(r"'(\\.|[^\\'])'", line[i:i + 4]) or line.startswith("'\\u{", i):
            i = line.index("'", i + 1) + 1
            continue
        out.append(c)
        i += 1
    return "".join(out)

rows = []
for d in dirs:
    for dirpath, _, files in os.walk(d):
        for name in files:
            if not name.endswith(".rs"):
                continue
            path = os.path.join(dirpath, name)
            state = {"block": False}
            stack = []  # (name, start line, depth at which the body opened)
            depth = 0
            pending = None
            for no, raw in enumerate(open(path, encoding="utf-8"), 1):
                m = fn_re.match(raw)
                if m and not state["block"]:
                    pending = (m.group(1), no)
                line = strip(raw, state)
                for ch in line:
                    if ch == "{":
                        depth += 1
                        if pending:
                            stack.append((pending[0], pending[1], depth))
                            pending = None
                    elif ch == "}":
                        if stack and stack[-1][2] == depth:
                            fname, start, _ = stack.pop()
                            rows.append((no - start + 1, path, start, fname))
                        depth -= 1
                    elif ch == ";" and pending and depth >= 0:
                        pending = None  # a declaration with no body
rows.sort(reverse=True)
for length, path, start, fname in rows:
    if length > limit:
        print(f"{length:5} {path}:{start} {fname}")
print(f"{sum(1 for r in rows if r[0] > limit)} of {len(rows)} functions longer than {limit} lines", file=sys.stderr)
