#!/usr/bin/env python3
"""Reproduce two breakdowns of `thresholds batch --summary-json` from the CSV of
`thresholds batch --format csv`: children by suggested tier (the lower end of the range) for each
age band and for each time class (in hours, out of hours, weekend, bank holiday).

    python3 breakdowns.py results.csv

Prints long-format CSV: breakdown,group,tier,children (tier 1 to 4, or out-of-scope).
Needs pandas.
"""
import sys

import pandas as pd


def main(path):
    rows = pd.read_csv(path, dtype={"error_kind": "string"}, keep_default_na=False, na_values=[""])
    children = rows[rows["error_kind"].isna()].copy()  # error rows stand for lines, not children
    children["tier"] = children["tier_min"].map(lambda t: "out-of-scope" if pd.isna(t) else str(int(t)))
    out = []
    for breakdown, column in (("tierByAgeBand", "age_band"), ("tierByTimeClass", "time_class")):
        counts = children.groupby([column, "tier"]).size()
        for (group, tier), n in counts.items():
            out.append((breakdown, group, tier, int(n)))
    frame = pd.DataFrame(out, columns=["breakdown", "group", "tier", "children"])
    frame.sort_values(["breakdown", "group", "tier"]).to_csv(sys.stdout, index=False)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: breakdowns.py RESULTS.csv")
    main(sys.argv[1])
