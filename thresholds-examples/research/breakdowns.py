#!/usr/bin/env python3
"""Reproduce two breakdowns of `thresholds batch --summary-json` from the CSV of
`thresholds batch --format csv`: children by suggested tier (the lower end of the range) for each
age band and for each time class (in hours, out of hours, weekend, bank holiday).

    python3 breakdowns.py results.csv

Prints long-format CSV: breakdown,group,tier,children (tier 1 to 4, or out-of-scope).
Needs pandas.
"""
import os
import sys

import pandas as pd

# The columns this script reads, and the order of the groups in `--summary-json`.
NEEDED = ["age_band", "time_class", "tier_min", "error_kind"]
ORDER = {
    "age_band": ["unborn", "under-1", "1-4", "5-9", "10-15", "16-17", "18-plus", "uncertain", "unknown"],
    "time_class": ["in-hours", "out-of-hours", "weekend", "bank-holiday"],
}
TIERS = ["1", "2", "3", "4", "out-of-scope"]


def fail(message):
    sys.exit("breakdowns.py: " + message)


def read(path):
    if not os.path.isfile(path):
        fail(f"cannot read {path}: " + ("it is a directory" if os.path.isdir(path) else "no such file"))
    try:
        rows = pd.read_csv(path, dtype="string", keep_default_na=False, na_values=[""])
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError):
        fail(f"{path} is not the CSV of `thresholds batch --format csv`")
    missing = [c for c in NEEDED if c not in rows.columns]
    if missing:
        fail(f"{path} has no column {', '.join(missing)}: give the CSV of `thresholds batch --format csv`")
    return rows


def main(path):
    rows = read(path)
    children = rows[rows["error_kind"].isna()].copy()  # error rows stand for lines, not children
    children["tier"] = children["tier_min"].fillna("out-of-scope")
    out = []
    for breakdown, column in (("tierByAgeBand", "age_band"), ("tierByTimeClass", "time_class")):
        counts = children.groupby([column, "tier"]).size()
        for (group, tier), n in counts.items():
            out.append((breakdown, group, tier, int(n)))
    frame = pd.DataFrame(out, columns=["breakdown", "group", "tier", "children"])
    # Groups and tiers in the summary's order (a group this script does not know goes last).
    rank = {g: i for order in ORDER.values() for i, g in enumerate(order)}
    frame["g"] = frame["group"].map(lambda g: rank.get(g, len(rank)))
    frame["t"] = frame["tier"].map(lambda t: TIERS.index(t) if t in TIERS else len(TIERS))
    frame = frame.sort_values(["breakdown", "g", "group", "t"]).drop(columns=["g", "t"])
    frame.to_csv(sys.stdout, index=False)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: breakdowns.py RESULTS.csv")
    try:
        main(sys.argv[1])
    except BrokenPipeError:  # `| head`
        sys.stderr.close()
