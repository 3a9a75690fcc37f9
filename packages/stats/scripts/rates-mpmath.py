"""Clopper-Pearson bounds at x = 0 and x = n in closed form, at 50 digits (issue 22 item 8).

Run from this directory:  python3 rates-mpmath.py   (writes ../test/fixtures/rates-mpmath.json)

With alpha = 1 - level: at x = 0 the upper bound solves (1 - u)^n = alpha/2, u = 1 - (alpha/2)^(1/n); at x = n
the lower bound solves l^n = alpha/2, l = (alpha/2)^(1/n) (Clopper & Pearson 1934; R's binom.test keeps alpha/2
in each tail at the ends too). mpmath (Debian python3-mpmath) rounds once to a double.
"""
import json
import mpmath as mp

mp.mp.dps = 50
cases = []
for n in [1, 2, 3, 10, 411, 10 ** 4, 10 ** 7, 10 ** 9, 2 ** 53 - 1]:
    for level in ["0.8", "0.9", "0.95", "0.99", "0.999"]:
        half = (1 - mp.mpf(level)) / 2
        cases.append({"n": n, "level": float(level), "zeroUpper": float(1 - half ** (mp.mpf(1) / n)),
                      "allLower": float(half ** (mp.mpf(1) / n))})
with open("../test/fixtures/rates-mpmath.json", "w") as fh:
    json.dump({"generator": "packages/stats/scripts/rates-mpmath.py", "mpmath": mp.__version__, "cases": cases}, fh)
    fh.write("\n")
print(len(cases), "cases")
