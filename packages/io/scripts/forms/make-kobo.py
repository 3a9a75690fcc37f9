#!/usr/bin/env python3
"""Builds an XLSForm and exports of simulated submissions to it in the shapes of KoboToolbox and ODK Central,
with the expected counts computed here from the simulated answers (not from the files).

- XLSForm: sheets survey (type, name, label::Vietnamese (vi), label::English (en), required, relevant),
  choices (list_name, name, labels) and settings (form_title, form_id); groups "info" and "hd".
- Kobo CSV (";"-separated, XML values and headers with "/" group paths): start; end; info/level; info/age;
  hd/kenh (space-joined choice names); hd/kenh/bao_chi ... (split 0/1, blank when not asked); hd/kk; ykien;
  deviceid; _id; _uuid; _submission_time; _index.
- ODK Central CSV ("," and "-" group paths): SubmissionDate, start, end, info-level, info-age, hd-kenh (joined
  only), hd-kk, ykien, meta-instanceID, KEY, ...
- Kobo XLSX with label headers ("Cấp cán bộ", split columns "Kênh nắm tình hình/Qua báo chí") is written from
  kobo-labels.table.json by to-xlsx-kobo.mjs, as are the XLSForm workbook and xlsform.table.json.
Run: python3 packages/io/scripts/forms/make-kobo.py && node packages/io/scripts/forms/to-xlsx-kobo.mjs
"""
import csv, json, os, random

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "test", "fixtures", "kobo")
rng = random.Random(1302)
LEVELS = [("thanh_pho", "Thành phố", "City"), ("quan_huyen", "Quận/Huyện", "District"), ("phuong_xa", "Phường/Xã", "Ward/Commune")]
KENH = [("bao_chi", "Qua báo chí", "Press"), ("mxh", "Qua mạng xã hội (Zalo, Facebook)", "Social media"),
        ("tiep_xuc", "Tiếp xúc, đối thoại trực tiếp", "Meetings"), ("khac", "Khác", "Other")]
DIFF = [("1", "Rất khó khăn", "Very difficult"), ("2", "Khó khăn", "Difficult"), ("3", "Không khó khăn", "Not difficult")]
L = "label::Vietnamese (vi)"
E = "label::English (en)"
survey = [
    {"type": "start", "name": "start"}, {"type": "end", "name": "end"}, {"type": "deviceid", "name": "deviceid"},
    {"type": "begin_group", "name": "info", L: "Thông tin chung", E: "General"},
    {"type": "select_one levels", "name": "level", L: "Cấp cán bộ", E: "Cadre level", "required": "yes"},
    {"type": "integer", "name": "age", L: "Tuổi", E: "Age"},
    {"type": "end_group", "name": ""},
    {"type": "begin_group", "name": "hd", L: "Hoạt động", E: "Activities"},
    {"type": "select_multiple kenh", "name": "kenh", L: "Kênh nắm tình hình", E: "Channels", "relevant": "${age} < 55"},
    {"type": "select_one diff", "name": "kk", L: "Mức độ khó khăn", E: "Difficulty"},
    {"type": "end_group", "name": ""},
    {"type": "text", "name": "ykien", L: "Ý kiến", E: "Comments"},
]
choices = [{"list_name": ln, "name": n, L: vi, E: en} for ln, lst in (("levels", LEVELS), ("kenh", KENH), ("diff", DIFF)) for n, vi, en in lst]
settings = [{"form_title": "Khảo sát cán bộ dân vận", "form_id": "dan_van_2024"}]

N = 30
people = []
for i in range(N):
    age = rng.randint(25, 60)
    asked = age < 55
    chosen = [k for k, _, _ in KENH if rng.random() < 0.4] if asked else None
    if i == 3: chosen, age, asked = [], 30, True  # none chosen
    people.append({"level": rng.choice(LEVELS)[0], "age": age, "kenh": chosen, "kk": rng.choice(DIFF)[0],
                   "ykien": f"ý kiến {i}" if i % 2 else "", "i": i})

os.makedirs(OUT, exist_ok=True)
sheet_cols = lambda rows: sorted({k for r in rows for k in r}, key=lambda k: [*rows[0].keys(), *sorted({k for r in rows for k in r})].index(k))
with open(os.path.join(OUT, "xlsform.table.json"), "w", encoding="utf-8") as f:
    cols = ["type", "name", L, E, "required", "relevant"]
    json.dump({"survey": [cols, *[[r.get(c, "") for c in cols] for r in survey]],
               "choices": [["list_name", "name", L, E], *[[r["list_name"], r["name"], r[L], r[E]] for r in choices]],
               "settings": [["form_title", "form_id"], [settings[0]["form_title"], settings[0]["form_id"]]]}, f, ensure_ascii=False, indent=1)

def split(p, k):
    return "" if p["kenh"] is None else ("1" if k in p["kenh"] else "0")

with open(os.path.join(OUT, "kobo-xml.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, delimiter=";", lineterminator="\n")
    w.writerow(["start", "end", "info/level", "info/age", "hd/kenh", *[f"hd/kenh/{k}" for k, _, _ in KENH], "hd/kk", "ykien",
                "deviceid", "_id", "_uuid", "_submission_time", "_validation_status", "_index"])
    for p in people:
        t = f"2024-03-05T09:{p['i']:02d}:00.000+07:00"
        w.writerow([t, t, p["level"], p["age"], "" if p["kenh"] is None else " ".join(p["kenh"]), *[split(p, k) for k, _, _ in KENH],
                    p["kk"], p["ykien"], "ee:xx", 1000 + p["i"], f"uuid-{p['i']}", t, "", p["i"] + 1])

with open(os.path.join(OUT, "odk-central.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\r\n")
    w.writerow(["SubmissionDate", "start", "end", "info-level", "info-age", "hd-kenh", "hd-kk", "ykien", "meta-instanceID", "KEY", "SubmitterID", "ReviewState"])
    for p in people:
        t = f"2024-03-05T02:{p['i']:02d}:00.000Z"
        w.writerow([t, t, t, p["level"], p["age"], "" if p["kenh"] is None else " ".join(p["kenh"]), p["kk"], p["ykien"], f"uuid:{p['i']}", f"uuid:{p['i']}", 5, ""])

label = {n: vi for n, vi, _ in LEVELS + KENH + DIFF}
with open(os.path.join(OUT, "kobo-labels.table.json"), "w", encoding="utf-8") as f:
    header = ["start", "end", "Cấp cán bộ", "Tuổi", "Kênh nắm tình hình", *[f"Kênh nắm tình hình/{vi}" for _, vi, _ in KENH], "Mức độ khó khăn", "Ý kiến", "_id", "_uuid", "_submission_time", "_index"]
    rows = [[f"2024-03-05T09:{p['i']:02d}:00", f"2024-03-05T09:{p['i']:02d}:30", label[p["level"]], p["age"],
             "" if p["kenh"] is None else " ".join(label[k] for k in p["kenh"]), *[split(p, k) for k, _, _ in KENH],
             label[p["kk"]], p["ykien"], 1000 + p["i"], f"uuid-{p['i']}", f"2024-03-05T09:{p['i']:02d}:40", p["i"] + 1] for p in people]
    json.dump({"header": header, "rows": rows}, f, ensure_ascii=False, indent=1)

expected = {
    "rows": N,
    "level": {en: sum(1 for p in people if p["level"] == n) for n, _, en in LEVELS},
    "age_sum": sum(p["age"] for p in people),
    "kk": {en: sum(1 for p in people if p["kk"] == n) for n, _, en in DIFF},
    "kenh_selected": {en: sum(1 for p in people if p["kenh"] and n in p["kenh"]) for n, _, en in KENH},
    "kenh_asked": sum(1 for p in people if p["kenh"] is not None),
    "kenh_none_chosen": sum(1 for p in people if p["kenh"] == []),
    "kenh_any_chosen": sum(1 for p in people if p["kenh"]),
    # The text question's answers in row order ("" when left blank), kept as a string variable by `convert`.
    "ykien": [p["ykien"] for p in people],
}
with open(os.path.join(OUT, "kobo-expected.json"), "w", encoding="utf-8") as f:
    json.dump(expected, f, ensure_ascii=False, indent=1)
