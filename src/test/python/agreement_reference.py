"""Reference values for the published agreement examples, computed independently of the Java code.

Written from the definitions in docs/agreement.md (not from the implementation) and run with
Python 3.11 and nothing but its standard library:

    python3 src/test/python/agreement_reference.py

It reads the examples the tests load (src/test/resources/org/labellens/core/stats/*.csv, long
format item_id,rater_id,label; an empty label is a missing rating) and prints every coefficient
with nine decimals. The golden tests name this script as the source of the values no paper or
other tool publishes (for example Gwet's AC1 on Fleiss' 1971 table).
"""

import csv
import itertools
import math
import pathlib
import statistics
from collections import Counter, defaultdict

EXAMPLES = pathlib.Path(__file__).resolve().parents[1] / "resources/org/labellens/core/stats"
Z95 = 1.959963984540054


def load(path):
    ratings = defaultdict(dict)
    with open(path, newline="", encoding="utf-8") as f:
        rows = csv.reader(f)
        next(rows)
        for row in rows:
            if row and row[2] != "":
                ratings[row[0]][row[1]] = row[2]
    return ratings


def coefficients(ratings):
    items = list(ratings)
    raters = sorted({g for i in items for g in ratings[i]})
    cats = sorted({k for i in items for k in ratings[i].values()})
    q = len(cats)
    counts = {i: Counter(ratings[i].values()) for i in items}
    size = {i: len(ratings[i]) for i in items}
    pairable = [i for i in items if size[i] >= 2]
    rated = [i for i in items if size[i] >= 1]

    p_bar = statistics.fmean(
        sum(c * (c - 1) for c in counts[i].values()) / (size[i] * (size[i] - 1)) for i in pairable
    )
    share = {k: statistics.fmean(counts[i][k] / size[i] for i in rated) for k in cats}
    out = {"percent_agreement": p_bar}

    pe = sum(s * s for s in share.values())
    out["fleiss_kappa"] = (p_bar - pe) / (1 - pe)
    pe = sum(s * (1 - s) for s in share.values()) / (q - 1)
    out["gwet_ac1"] = (p_bar - pe) / (1 - pe)
    out["bennett_s"] = (p_bar - 1 / q) / (1 - 1 / q)

    # nominal alpha from the coincidences of the pairable items
    n_c, agreeing, n = Counter(), 0.0, 0
    for i in pairable:
        for k, c in counts[i].items():
            n_c[k] += c
            agreeing += c * (c - 1) / (size[i] - 1)
        n += size[i]
    out["krippendorff_alpha_nominal"] = 1 - (n - 1) * (n - agreeing) / (
        n * n - sum(c * c for c in n_c.values())
    )

    def cohen(a, b):
        both = [i for i in items if a in ratings[i] and b in ratings[i]]
        m = len(both)
        table = Counter((ratings[i][a], ratings[i][b]) for i in both)
        p = {(j, k): table[(j, k)] / m for j in cats for k in cats}
        row = {j: sum(p[(j, k)] for k in cats) for j in cats}
        col = {k: sum(p[(j, k)] for j in cats) for k in cats}
        po = sum(p[(k, k)] for k in cats)
        pe = sum(row[k] * col[k] for k in cats)
        kappa = (po - pe) / (1 - pe)
        # large-sample variance of Fleiss, Cohen & Everitt (1969)
        total = sum(p[(k, k)] * (1 - (row[k] + col[k]) * (1 - kappa)) ** 2 for k in cats)
        total += (1 - kappa) ** 2 * sum(
            p[(j, k)] * (col[j] + row[k]) ** 2 for j in cats for k in cats if j != k
        )
        total -= (kappa - pe * (1 - kappa)) ** 2
        se = math.sqrt(total / (m * (1 - pe) ** 2))
        pooled = sum(((row[k] + col[k]) / 2) ** 2 for k in cats)
        return kappa, se, (po - pooled) / (1 - pooled)

    pairs = list(itertools.combinations(raters, 2))
    out["light_kappa"] = statistics.fmean(cohen(a, b)[0] for a, b in pairs)

    # Conger: each rater's shares over every item the rater rated
    r = len(raters)
    own = {
        g: {k: sum(ratings[i].get(g) == k for i in items) / sum(g in ratings[i] for i in items)
            for k in cats}
        for g in raters
    }
    pe = sum(
        statistics.fmean(own[g][k] for g in raters) ** 2
        - statistics.variance([own[g][k] for g in raters]) / r
        for k in cats
    )
    out["conger_kappa"] = (p_bar - pe) / (1 - pe)

    if r == 2:
        kappa, se, scott = cohen(*raters)
        out.update(
            cohen_kappa=kappa,
            scott_pi=scott,
            cohen_kappa_se=se,
            cohen_kappa_ci95_low=kappa - Z95 * se,
            cohen_kappa_ci95_high=kappa + Z95 * se,
        )
    return out


if __name__ == "__main__":
    for path in sorted(EXAMPLES.glob("*.csv")):
        for key, value in coefficients(load(path)).items():
            print(f"{path.stem:28s} {key:28s} {value:.9f}")
