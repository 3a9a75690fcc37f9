"""Reference quartiles for percentileHaverage from PSPP: EXAMINE /PERCENTILES(25,50,75)=HAVERAGE with WEIGHT BY,
on every case of ../test/fixtures/describe.json (written by describe.R), including the fractional weights that R's
quantile() cannot take. PSPP prints two decimals, so the values are multiplied by 10^6 before PSPP sees them and
divided after: about 9 significant digits, compared at 1e-8.
Run from this directory:  python3 describe-pspp.py   (needs Debian's pspp; writes ../test/fixtures/describe-pspp.json)
"""
import json
import os
import subprocess
import tempfile

SCALE = 1e6
cases = json.load(open("../test/fixtures/describe.json"))["cases"]
out = []
version = subprocess.run(["pspp", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
with tempfile.TemporaryDirectory() as tmp:
    for case in cases:
        weights = case["weights"] or [1] * len(case["x"])
        data = os.path.join(tmp, "data.txt")
        with open(data, "w") as f:
            for x, w in zip(case["x"], weights):
                f.write(f"{'.' if x is None else repr(x * SCALE)} {w!r}\n")
        syntax = os.path.join(tmp, "q.sps")
        with open(syntax, "w") as f:
            f.write(f"DATA LIST FILE='{data}' FREE / x w.\nWEIGHT BY w.\n"
                    "EXAMINE VARIABLES=x /PERCENTILES(25,50,75)=HAVERAGE /STATISTICS=NONE /MISSING=LISTWISE.\n")
        csv = subprocess.run(["pspp", "-O", "format=csv", syntax], capture_output=True, text=True, check=True).stdout
        row = next(line for line in csv.splitlines() if line.startswith("x,Weighted Average,"))
        q1, median, q3 = (float(v) / SCALE for v in row.split(",")[2:5])
        out.append({"id": case["id"], "q1": q1, "median": median, "q3": q3})
json.dump({"generatedBy": f"scripts/describe-pspp.py, {version}", "cases": out}, open("../test/fixtures/describe-pspp.json", "w"))
