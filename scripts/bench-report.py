#!/usr/bin/env python3
"""Summarises generated weights.rs files as a Markdown table of each call's weight, with RocksDb
I/O (read 25 us, write 100 us), as a ratio to pallet_balances::transfer_allow_death measured in the
same run.

Usage: bench-report.py ANCHOR_WEIGHTS.rs WEIGHTS.rs... [--component NAME=VALUE ...]
Components default to 1 (the cheapest non-empty batch); pass e.g. --component n=32 for worst cases.
"""
import re
import sys

READ_PS = 25_000_000
WRITE_PS = 100_000_000


def num(s):
    return int(s.replace("_", "").replace("u64", ""))


def parse(path):
    """Returns {call: (components, terms)} from the first impl block of a weights file."""
    text = open(path).read()
    m = re.search(r"impl<T: frame_system::Config> [\w:]*WeightInfo for (?:SubstrateWeight|WeightInfo)<T> \{", text)
    if not m:
        raise SystemExit(f"{path}: no weight impl")
    body = text[m.end():]
    calls = {}
    for fm in re.finditer(r"fn (\w+)\s*\(([^)]*)\)\s*->\s*Weight\s*\{(.*?)\n\t\}", body, re.S):
        name, args, fbody = fm.group(1), fm.group(2), fm.group(3)
        comps = [a.split(":")[0].strip().lstrip("_") for a in args.split(",") if a.strip()]
        base = re.search(r"Weight::from_parts\(([\d_]+),\s*[\d_]+\)", fbody)
        t = {"base": num(base.group(1)) if base else 0, "reads": 0, "writes": 0, "slopes": {}}
        for r in re.finditer(r"\.reads\(([\d_]+)(?:_u64)?\)", fbody):
            t["reads"] += num(r.group(1))
        for w in re.finditer(r"\.writes\(([\d_]+)(?:_u64)?\)", fbody):
            t["writes"] += num(w.group(1))
        for s in re.finditer(r"Weight::from_parts\(([\d_]+), 0\)\.saturating_mul\((\w+)\.into\(\)\)", fbody):
            t["slopes"].setdefault(s.group(2), [0, 0, 0])[0] += num(s.group(1))
        for s in re.finditer(r"\.reads\(\(([\d_]+)_u64\)\.saturating_mul\((\w+)\.into\(\)\)\)", fbody):
            t["slopes"].setdefault(s.group(2), [0, 0, 0])[1] += num(s.group(1))
        for s in re.finditer(r"\.writes\(\(([\d_]+)_u64\)\.saturating_mul\((\w+)\.into\(\)\)\)", fbody):
            t["slopes"].setdefault(s.group(2), [0, 0, 0])[2] += num(s.group(1))
        calls[name] = (comps, t)
    return calls


def total(comps, t, values):
    ps, reads, writes = t["base"], t["reads"], t["writes"]
    for c in comps:
        v = values.get(c, 1)
        sl = t["slopes"].get(c, [0, 0, 0])
        ps += sl[0] * v
        reads += sl[1] * v
        writes += sl[2] * v
    return ps, reads, writes, ps + reads * READ_PS + writes * WRITE_PS


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--component")]
    values = {}
    it = iter(sys.argv[1:])
    for a in it:
        if a == "--component":
            k, v = next(it).split("=")
            values[k] = int(v)
    args = [a for a in args if "=" not in a]
    anchor_calls = parse(args[0])
    comps, t = anchor_calls["transfer_allow_death"]
    anchor = total(comps, t, values)[3]
    print(f"Anchor: `pallet_balances::transfer_allow_death` = {anchor / 1e6:.1f} µs "
          f"({t['base'] / 1e6:.1f} µs compute, {t['reads']} read, {t['writes']} write).\n")
    print("| pallet | call | components | compute (µs) | reads | writes | total with RocksDb I/O (µs) | ratio to transfer |")
    print("|---|---|---|---:|---:|---:|---:|---:|")
    for path in args[1:]:
        pallet = path.split("/")[1] if path.startswith("pallets/") else path
        for name, (comps, t) in parse(path).items():
            ps, r, w, tot = total(comps, t, values)
            cs = ", ".join(f"{c}={values.get(c, 1)}" for c in comps) or "–"
            print(f"| {pallet} | `{name}` | {cs} | {ps / 1e6:.1f} | {r} | {w} | {tot / 1e6:.1f} | {tot / anchor:.2f} |")


if __name__ == "__main__":
    main()
