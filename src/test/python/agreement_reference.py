"""Reference values for the published agreement examples, computed independently of the Java code.

Written from the definitions in docs/agreement.md (not from the implementation) and run with
Python 3.11 and nothing but its standard library:

    python3 src/test/python/agreement_reference.py

It reads the examples the tests load (src/test/resources/org/labellens/core/stats/*.csv, long
format item_id,rater_id,label; an empty label is a missing rating) and prints every coefficient
with nine decimals. The golden tests name this script as the source of the values no paper or
other tool publishes (for example Gwet's AC1 on Fleiss' 1971 table).

Last, it runs the percentile bootstrap of docs/agreement.md ("Confidence intervals") for Cohen's
kappa on the Cohen example with the command line's defaults (1000 replicates, seed 1): SplitMix64
(Steele, Lea & Flood 2014) seeded with the seed gives one seed per replicate; a replicate draws
the items, in file order, uniformly with replacement (a bounded draw from the generator's 32-bit
halves, high half first, after Lemire 2019); the bounds are the type-7 quantiles at 0.025 and 0.975.
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


MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK
        self.spare = None

    def next_long(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def bits32(self):
        if self.spare is not None:
            value, self.spare = self.spare & 0xFFFFFFFF, None
            return value
        bits = self.next_long()
        self.spare = bits
        return bits >> 32

    def below(self, bound):
        product = self.bits32() * bound
        if product & 0xFFFFFFFF < bound:
            threshold = ((1 << 32) - bound) % bound
            while product & 0xFFFFFFFF < threshold:
                product = self.bits32() * bound
        return product >> 32


def type7(values, p):
    h = (len(values) - 1) * p
    below = math.floor(h)
    if below + 1 >= len(values) or h == below:
        return values[below]
    return values[below] + (h - below) * (values[below + 1] - values[below])


def cohen_bootstrap(path, replicates=1000, seed=1):
    ratings = load(path)
    items = list(ratings)  # file order
    a, b = sorted({g for i in items for g in ratings[i]})
    seeds, values = SplitMix64(seed), []
    for _ in range(replicates):
        draw = SplitMix64(seeds.next_long())
        chosen = [items[draw.below(len(items))] for _ in items]
        cats = {ratings[i][g] for i in chosen for g in (a, b)}
        n = len(chosen)
        po = sum(ratings[i][a] == ratings[i][b] for i in chosen) / n
        pe = sum(
            sum(ratings[i][a] == k for i in chosen) / n * (sum(ratings[i][b] == k for i in chosen) / n)
            for k in cats
        )
        if pe != 1:
            values.append((po - pe) / (1 - pe))
    values.sort()
    return type7(values, 0.025), type7(values, 0.975)


if __name__ == "__main__":
    for path in sorted(EXAMPLES.glob("*.csv")):
        for key, value in coefficients(load(path)).items():
            print(f"{path.stem:28s} {key:28s} {value:.9f}")
    low, high = cohen_bootstrap(EXAMPLES / "cohen_wikipedia.csv")
    print(f"cohen_wikipedia bootstrap 1000 seed 1 cohen_kappa ci95 [{low!r}, {high!r}]")
