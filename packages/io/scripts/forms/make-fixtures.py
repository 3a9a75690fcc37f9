#!/usr/bin/env python3
"""Builds Google Forms and Microsoft Forms exports of one simulated survey, to the platforms' shapes, and the
expected counts computed here from the simulated answers themselves (not from the files).

Google Forms (responses CSV): "Timestamp", "Email Address", then one column per question (full text); checkbox
answers joined by ", "; grid rows as "Question [row]". Microsoft Forms ("Open in Excel"): "ID", "Start time",
"Completion time", "Email", "Name", "Last modified time", then the questions; checkbox answers joined by ";" with
a trailing ";". The Microsoft table is written as JSON; to-xlsx.mjs turns it into the .xlsx workbook.

Run: python3 packages/io/scripts/forms/make-fixtures.py && node packages/io/scripts/forms/to-xlsx.mjs
"""
import csv, json, os, random

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "test", "fixtures", "forms")
rng = random.Random(20240305)
N = 40
LEVEL = ("Cấp cán bộ của đồng chí", ["Thành phố", "Quận/Huyện", "Phường/Xã"])
SEX = ("Giới tính", ["Nam", "Nữ"])
CHANNELS = ("Đồng chí thường nắm tình hình Nhân dân qua những kênh nào? (chọn nhiều)",
            ["Qua báo chí", "Qua mạng xã hội (Zalo, Facebook)", "Tiếp xúc, đối thoại trực tiếp với Nhân dân",
             "Hội nghị, họp dân", "Khác"])
DIFF = ["Rất khó khăn", "Khó khăn", "Bình thường", "Không khó khăn"]
GRID = ("Mức độ khó khăn khi thực hiện", ["Tuyên truyền", "Vận động", "Giám sát"])
AGREE = ("Công tác dân vận ở địa phương được thực hiện tốt",
         ["Hoàn toàn không đồng ý", "Không đồng ý", "Phân vân", "Đồng ý", "Hoàn toàn đồng ý"])
RATING = "Đánh giá chung (1 = thấp, 5 = cao)"
AGE = "Tuổi"
COMMENT = "Ý kiến khác"

people = []
for i in range(N):
    channels = [c for c in CHANNELS[1] if rng.random() < 0.45]
    if i < len(CHANNELS[1]):
        channels = [CHANNELS[1][i]]  # every option seen alone at least once
    people.append({
        "level": rng.choice(LEVEL[1]), "sex": rng.choice(SEX[1]),
        "channels": None if i == N - 1 else channels,  # the last respondent skipped the question
        "grid": [rng.choice(DIFF) if not (i == 7 and k == 1) else "" for k in range(3)],
        "agree": rng.choice(AGREE[1][1:]), "rating": rng.randint(1, 5), "age": rng.randint(24, 60),
        "comment": f"Ý kiến số {i + 1}" if i % 3 else "",
        "email": f"canbo{i + 1}@example.vn", "minute": i,
    })

questions = [LEVEL[0], SEX[0], CHANNELS[0]] + [f"{GRID[0]} [{r}]" for r in GRID[1]] + [AGREE[0], RATING, AGE, COMMENT]

def row(p, sep, trailing):
    ch = "" if p["channels"] is None else sep.join(p["channels"]) + (sep if trailing and p["channels"] else "")
    return [p["level"], p["sex"], ch, *p["grid"], p["agree"], str(p["rating"]), str(p["age"]), p["comment"]]

os.makedirs(OUT, exist_ok=True)
with open(os.path.join(OUT, "google-forms.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\r\n")
    w.writerow(["Timestamp", "Email Address", *questions])
    for p in people:
        w.writerow([f"2024/03/05 9:{p['minute']:02d}:00 AM GMT+7", p["email"], *row(p, ", ", False)])

ms_header = ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time", *questions]
ms_rows = [[i + 1, f"3/5/24 9:{p['minute']:02d}:00", f"3/5/24 9:{p['minute']:02d}:45", p["email"], "anonymous", "",
            *row(p, ";", True)] for i, p in enumerate(people)]
with open(os.path.join(OUT, "microsoft-forms.table.json"), "w", encoding="utf-8") as f:
    json.dump({"header": ms_header, "rows": ms_rows}, f, ensure_ascii=False, indent=1)

def counts(values, labels):
    return {l: sum(1 for v in values if v == l) for l in labels}

expected = {
    "rows": N,
    "q1": counts([p["level"] for p in people], LEVEL[1]),
    "q2": counts([p["sex"] for p in people], SEX[1]),
    "q3": {"answered": sum(1 for p in people if p["channels"]),
           "selected": {c: sum(1 for p in people if p["channels"] and c in p["channels"]) for c in CHANNELS[1]}},
    "q4": [counts([p["grid"][k] for p in people], DIFF) for k in range(3)],
    "q5": counts([p["agree"] for p in people], AGREE[1]),
    "q6": {str(v): sum(1 for p in people if p["rating"] == v) for v in range(1, 6) if any(p["rating"] == v for p in people)},
    "q7_sum": sum(p["age"] for p in people),
}
with open(os.path.join(OUT, "forms-expected.json"), "w", encoding="utf-8") as f:
    json.dump(expected, f, ensure_ascii=False, indent=1)
