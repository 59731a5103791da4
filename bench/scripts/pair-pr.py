#!/usr/bin/env python3
"""Pair recall and precision of found pairs against a generated corpus's truth.jsonl.

usage: pair-pr.py FOUND TRUTH_JSONL
FOUND is a report.jsonl (scan --format jsonl, the Spark job: its "pair" lines) or a TSV of
"idA<TAB>idB[<TAB>...]" lines (the Spark MLlib peer's pairs.tsv). An article paired with itself
is left out; a pair counts once, whatever its direction.
"""
import json
import sys


def pairs(path):
    out = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("{"):
                o = json.loads(line)
                if o.get("type") != "pair":
                    continue
                a, b = o["a"], o["b"]
            else:
                fields = line.rstrip("\n").split("\t")
                if len(fields) < 2:
                    continue
                a, b = fields[0], fields[1]
            if a != b:
                out.add((a, b) if a < b else (b, a))
    return out


found = pairs(sys.argv[1])
with open(sys.argv[2], encoding="utf-8") as f:
    truth = {tuple(sorted((o["a"], o["b"]))) for o in map(json.loads, f)}
tp = len(found & truth)
print("pairs %d truth %d true %d recall %.4f precision %.4f"
      % (len(found), len(truth), tp, tp / max(1, len(truth)), tp / max(1, len(found))))
