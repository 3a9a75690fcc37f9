"""High-precision references for the uncertainty coefficient and Goodman and Kruskal's tau on large tables.

Run from this directory:  python3 measures-mpmath.py   (writes ../test/fixtures/measures-mpmath.json)

Issue 22: on large, nearly independent tables double-precision formulas cancel (H(R) + H(C) - H(RC) for the
uncertainty coefficient, Σ p φ² - (Σ p φ)² for the delta-method ASEs), so R's own double arithmetic is not a
reference there. mpmath (Debian python3-mpmath) evaluates the published formulas as written, at 60 significant
digits, and rounds once to a double:
- uncertainty coefficient (Theil 1970; SPSS CROSSTABS algorithms): U(R), U(C), U(RC) entropies (natural logs),
  I = U(R) + U(C) - U(RC); values I/U(R), I/U(C), 2I/(U(R) + U(C)); ASE1 rows dependent
  sqrt(Σ f [U(R) ln(f/c) + (U(C) - U(RC)) ln(r/N)]²) / (N U(R)²), columns dependent likewise, symmetric
  2 sqrt(Σ f [U(RC) ln(r c / N²) - (U(R) + U(C)) ln(f/N)]²) / (N (U(R) + U(C))²); ASE0 (for T)
  sqrt(Σ f ln(r c / (N f))² - N I²) / (N U(R)) (resp. U(C), (U(R) + U(C)) / 2);
- Goodman and Kruskal's tau (Goodman & Kruskal 1954; Agresti 2002 §2.4.2 and the delta method of §14.1):
  columns dependent tau = (Σ p²/p_i+ - Σ p_+j²) / (1 - Σ p_+j²) = ν/δ, ASE1² = (Σ p φ² - (Σ p φ)²) / N with
  φ_ij = [δ (2 p_ij / p_i+ - Σ_k p_ik² / p_i+² - 2 p_+j) + 2 ν p_+j] / δ²; rows dependent on the transpose;
- Pearson X², likelihood-ratio G² and their upper-tail p-values (regularized upper incomplete gamma).
Tables: the two of the issue, the "large-*" tables of fixture-tables.R (read from measures.json, so R's own
seeded generator stays the one source of them), and seeded huge nearly independent tables (N up to ~1e13).
"""
import json
import random
import mpmath as mp

mp.mp.dps = 60


def d(v):
    return float(v)


def entropy(ps):
    return -sum(p * mp.log(p) for p in ps if p > 0)


def uncertainty(f, r, c, n):
    R, C = len(r), len(c)
    uR = entropy([x / n for x in r])
    uC = entropy([x / n for x in c])
    uRC = entropy([f[i][j] / n for i in range(R) for j in range(C)])
    info = uR + uC - uRC
    sR = sC = sS = sL = mp.mpf(0)
    for i in range(R):
        for j in range(C):
            x = f[i][j]
            if x == 0:
                continue
            a = uR * mp.log(x / c[j]) + (uC - uRC) * mp.log(r[i] / n)
            b = uC * mp.log(x / r[i]) + (uR - uRC) * mp.log(c[j] / n)
            s = uRC * mp.log(r[i] * c[j] / (n * n)) - (uR + uC) * mp.log(x / n)
            lr = mp.log(r[i] * c[j] / (n * x))
            sR += x * a * a
            sC += x * b * b
            sS += x * s * s
            sL += x * lr * lr
    core = mp.sqrt(sL - n * info * info)

    def one(value, ase, ase0):
        return {"value": d(value), "ase": d(ase), "t": d(value / ase0)}

    return {
        "symmetric": one(2 * info / (uR + uC), 2 * mp.sqrt(sS) / (n * (uR + uC) ** 2), 2 * core / (n * (uR + uC))),
        "rowsDependent": one(info / uR, mp.sqrt(sR) / (n * uR ** 2), core / (n * uR)),
        "colsDependent": one(info / uC, mp.sqrt(sC) / (n * uC ** 2), core / (n * uC)),
    }


def tau_cols(p):
    R, C = len(p), len(p[0])
    pr = [sum(row) for row in p]
    pc = [sum(p[i][j] for i in range(R)) for j in range(C)]
    sc2 = sum(x * x for x in pc)
    nu = sum(p[i][j] ** 2 / pr[i] for i in range(R) for j in range(C)) - sc2
    delta = 1 - sc2
    m1 = m2 = mp.mpf(0)
    for i in range(R):
        si = sum(p[i][k] ** 2 for k in range(C)) / pr[i] ** 2
        for j in range(C):
            phi = (delta * (2 * p[i][j] / pr[i] - si - 2 * pc[j]) + 2 * nu * pc[j]) / delta ** 2
            m1 += p[i][j] * phi
            m2 += p[i][j] * phi * phi
    return nu / delta, m2 - m1 * m1


def tau(f, n):
    p = [[mp.mpf(x) / n for x in row] for row in f]
    out = {}
    for key, q in (("colsDependent", p), ("rowsDependent", [list(col) for col in zip(*p)])):
        value, var = tau_cols(q)
        out[key] = {"value": d(value), "ase": d(mp.sqrt(var / n))}
    return out


def upper(x, df):
    return d(mp.gammainc(mp.mpf(df) / 2, x / 2, mp.inf, regularized=True))


def entry(tid, counts):
    f = [[mp.mpf(x) for x in row] for row in counts]
    R, C = len(f), len(f[0])
    r = [sum(row) for row in f]
    c = [sum(f[i][j] for i in range(R)) for j in range(C)]
    n = sum(r)
    x2 = sum((f[i][j] - r[i] * c[j] / n) ** 2 / (r[i] * c[j] / n) for i in range(R) for j in range(C))
    g2 = 2 * sum(f[i][j] * mp.log(f[i][j] * n / (r[i] * c[j])) for i in range(R) for j in range(C) if f[i][j] > 0)
    df = (R - 1) * (C - 1)
    return {"id": tid, "counts": counts,
            "pearson": {"statistic": d(x2), "p": upper(x2, df)},
            "likelihoodRatio": {"statistic": d(g2), "p": upper(g2, df)},
            "uncertaintyCoefficient": uncertainty(f, r, c, n),
            "goodmanKruskalTau": tau(f, n)}


def nearly_independent(rng, rows, cols, n, jitter):
    """Counts round(N a_i b_j) plus a small integer jitter: huge and close to independence."""
    a = [rng.uniform(0.2, 1) for _ in range(rows)]
    b = [rng.uniform(0.2, 1) for _ in range(cols)]
    sa, sb = sum(a), sum(b)
    return [[max(1, round(n * a[i] * b[j] / (sa * sb)) + rng.randint(-jitter, jitter)) for j in range(cols)]
            for i in range(rows)]


tables = [
    ("issue-22-uc-2x2", [[3255748, 14357935], [1589401, 7010330]]),
    ("issue-22-tau-2x2", [[1000, 1], [999, 2]]),
]
with open("../test/fixtures/measures.json") as fh:
    for t in json.load(fh)["tables"]:
        if t["id"].startswith("large-"):
            tables.append((t["id"], t["counts"]))
rng = random.Random(22)
for k, (rows, cols, n, jitter) in enumerate([(2, 2, 1e8, 50), (2, 3, 1e9, 300), (3, 3, 1e10, 2000),
                                             (4, 3, 1e11, 5000), (3, 5, 1e12, 10 ** 5), (2, 2, 1e13, 10 ** 6),
                                             (5, 5, 1e7, 20), (2, 6, 5e8, 100)]):
    tables.append((f"huge-{rows}x{cols}-{k + 1}", nearly_independent(rng, rows, cols, n, jitter)))

out = {"generator": "packages/stats/scripts/measures-mpmath.py", "mpmath": mp.__version__, "dps": mp.mp.dps,
       "tables": [entry(tid, counts) for tid, counts in tables]}
with open("../test/fixtures/measures-mpmath.json", "w") as fh:
    json.dump(out, fh, indent=None, separators=(",", ":"))
    fh.write("\n")
print(len(out["tables"]), "tables")
