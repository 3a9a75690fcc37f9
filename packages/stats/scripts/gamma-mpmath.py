"""High-precision references for lnGamma, the regularized incomplete gamma functions and G2.

Run from this directory:  python3 gamma-mpmath.py   (writes ../test/fixtures/gamma-mpmath.json)

mpmath (Debian python3-mpmath, SciPy's arbitrary-precision companion) evaluates at 50 significant digits,
so the values below are correctly rounded doubles; R's pgamma is itself off by up to ~1e-12 relative for
very large shapes (e.g. Q(1e5, 1.1e5)), which is why the tight accuracy claims are checked here.
Only values in [1e-300, 1] are kept.
"""
import json
import mpmath as mp

mp.mp.dps = 50

def d(v):
    return float(v)  # nearest double (mpmath rounds to nearest)

shapes = [0.001, 0.01, 0.1, 0.5, 1, 1.5, 2.5, 7, 14.5, 15, 15.5, 40, 100, 1000, 1e4, 1e5, 1e6]
factors = [1e-6, 0.01, 0.2, 0.5, 0.9, 0.99, 1, 1.01, 1.1, 1.5, 2, 5, 20, 100]
gamma = []
for a in shapes:
    for f in factors:
        x = a * f
        try:
            P = mp.gammainc(a, 0, x, regularized=True)
            Q = mp.gammainc(a, x, mp.inf, regularized=True)
        except mp.libmp.NoConvergence:  # far tails of huge shapes: both beyond double range anyway
            continue
        gamma.append({"a": a, "x": x, "P": d(P) if P >= mp.mpf("1e-300") else None,
                      "Q": d(Q) if Q >= mp.mpf("1e-300") else None})

# chi-square upper tails in the far tail, down to about 1e-300 (df = 2a, x = 2 * xg)
tails = []
for df in [1, 2, 3, 4, 5, 7, 10, 20, 50, 100, 500]:
    for x in [10, 50, 100, 200, 400, 600, 800, 1000, 1200, 1300, 1350, 1400, 1500, 2000, 2500, 3000]:
        q = mp.gammainc(mp.mpf(df) / 2, mp.mpf(x) / 2, mp.inf, regularized=True)
        if q >= mp.mpf("1e-300"):
            tails.append({"x": x, "df": df, "p": d(q)})

lx = [1e-300, 1e-10, 0.001, 0.1, 0.5, 0.9, 0.999, 1 - 2**-30, 1, 1 + 2**-30, 1.001, 1.2, 1.4616321449683622, 1.5,
      1.8, 1.999, 2 - 2**-30, 2, 2 + 2**-30, 2.001, 2.3, 2.4999, 2.5, 2.6, 3, 5.5, 10, 14.2, 20.5, 50, 170.6, 1e3,
      1e5, 1e8, 1e12, 1e17, 1e100, -0.5, -1.5, -2.75, -20.2]
lgamma = [{"x": x, "value": d(mp.log(abs(mp.gamma(mp.mpf(x)))))} for x in lx]

# likelihood-ratio G2 = 2 sum O ln(O/E) of large, nearly independent tables, where the naive double sum
# cancels (R's 2 * sum(O * log(O / E)) loses up to ~6 digits on these)
def g2(m):
    rows = [mp.fsum(r) for r in m]
    cols = [mp.fsum(c) for c in zip(*m)]
    n = mp.fsum(rows)
    return 2 * mp.fsum(o * mp.log(o / (rows[i] * cols[j] / n)) if o > 0 else 0
                       for i, r in enumerate(m) for j, o in enumerate(r))

lr_tables = [
    [[1000001, 1000000], [1000000, 1000000]],
    [[500000, 500001, 499999], [250000, 250000, 250001]],
    [[10**9 + 7, 10**9], [10**9, 10**9 - 3], [2 * 10**9, 2 * 10**9 + 1]],
    [[40, 1], [1, 40]],
    [[3, 0], [0, 2]],
]
likelihood = [{"counts": m, "statistic": d(g2([[mp.mpf(o) for o in r] for r in m]))} for m in lr_tables]

# ln(n!) = loggamma(n + 1) for the Fisher tests' log-factorial table, across its exact and Stirling ranges
lf_n = [2, 10, 22, 23, 100, 170, 171, 172, 1000, 12345, 1000000, 2**40]
log_factorial = [{"n": n, "value": d(mp.loggamma(mp.mpf(n) + 1))} for n in lf_n]

with open("../test/fixtures/gamma-mpmath.json", "w") as fh:
    json.dump({"generatedBy": f"scripts/gamma-mpmath.py with mpmath {mp.__version__} at 50 digits",
               "gamma": gamma, "chiSquareTail": tails, "lnGamma": lgamma, "likelihoodRatio": likelihood,
               "logFactorial": log_factorial},
              fh, indent=None)
print("wrote ../test/fixtures/gamma-mpmath.json:", len(gamma), "gamma,", len(tails), "tails,", len(lgamma), "lnGamma")
