#!/usr/bin/env python3
"""The two feeds issue 14 measures, written deterministically (no randomness, no clock).

    scripts/gen-scale-feeds.py [DIR] [--small-only]        default /tmp/investboard-scale

- feed-100k.json: 100,000 projects with 3 approvals each (300,000), compact JSON, about 66 MB;
  read at NOW (below) about 80,000 of the approvals are pending past their limit (stalled).
  Chinese names, nine districts, a dozen chains, departments and items: labels repeat.
- feed-2m-small.json: 2,000,000 small projects (id, name, amount, stage; a signing date in one
  of four), about 161 MB: the per-record overhead at its worst.

Every figure of docs/performance.md's issue-14 table reads these files with
`--now 2026-11-29T10:00:00+08:00` (NOW), so the stalled count does not drift with the date.
"""

import os
import sys

NOW = "2026-11-29T10:00:00+08:00"

DISTRICTS = ["岳麓区", "芙蓉区", "天心区", "开福区", "雨花区", "望城区", "长沙县", "浏阳市", "宁乡市"]
ZONES = ["湘江新区", "长沙经开区", "高新区", "临空经济示范区", "金霞经开区"]
CHAINS = ["新能源", "工程机械", "电子信息", "生物医药", "新材料", "汽车及零部件", "文化创意",
          "先进储能", "航空航天", "食品加工", "现代物流", "数字经济"]
ITEMS = ["用地预审", "环评批复", "施工许可", "规划许可", "能评审查", "消防设计审查"]
DEPARTMENTS = ["自然资源和规划局", "生态环境局", "住房和城乡建设局", "发展和改革委员会", "应急管理局"]
STAGES = ["negotiating", "signed", "landed", "started", "operating", "cancelled"]
NAMES = ["储能电池产业园", "智能装备制造基地", "生物医药研发中心", "新材料产业园", "数据中心",
         "汽车零部件项目", "冷链物流园", "总部大楼"]


def date(day_of_year, year=2026):
    month_days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    day = day_of_year % 334  # up to the end of November
    month = 0
    while day >= month_days[month]:
        day -= month_days[month]
        month += 1
    return f"{year}-{month + 1:02d}-{day + 1:02d}"


def project_100k(i):
    stage = STAGES[i % 6]
    fields = [
        f'"id":"CS-2026-{i:06d}"',
        f'"name":"长沙{NAMES[i % len(NAMES)]}{i}号"',
        f'"district":"{DISTRICTS[i % 9]}"',
        f'"zone":"{ZONES[i % 5]}"',
        f'"chain":"{CHAINS[i % 12]}"',
        f'"amount_cny":{(i % 997 + 1) * 3_000_000}',
        f'"stage":"{stage}"',
    ]
    if i % 7 == 0:
        fields.append('"top500":["fortune_global"]')
    if stage != "negotiating":
        fields.append(f'"signed_on":"{date(i % 330)}"')
    if stage in ("started", "operating"):
        fields.append(f'"started_on":"{date(i % 330 + 3)}"')
    approvals = []
    for k in range(3):
        n = i * 3 + k
        # About 27% pending and submitted long enough ago to be past the default 9-day limit.
        pending = n % 11 < 3
        status = "pending" if pending else ("approved" if n % 11 < 10 else "withdrawn")
        submitted = date(n % 300)
        decided = "" if pending else f',"decided_on":"{date(n % 300 + 5)}"'
        approvals.append(
            f'{{"id":"A{k + 1}","item":"{ITEMS[n % 6]}","department":"{DEPARTMENTS[n % 5]}",'
            f'"submitted_on":"{submitted}"{decided},"status":"{status}"}}'
        )
    fields.append(f'"approvals":[{",".join(approvals)}]')
    return "{" + ",".join(fields) + "}"


def project_small(i):
    # One in four signed (with a date), so the dashboard's signings list holds 500,000 rows.
    signed = f',"signed_on":"{date(i % 330)}"' if i % 4 == 1 else ""
    return (f'{{"id":"S{i:07d}","name":"P{i:07d}","amount_cny":{(i % 97 + 1) * 1000},'
            f'"stage":"{STAGES[i % 6]}"{signed}}}')


def write(path, count, record):
    with open(path, "w", encoding="utf-8") as out:
        out.write(f'{{"schema_version":1,"generated_at":"{NOW}","projects":[\n')
        for i in range(count):
            out.write(record(i))
            out.write(",\n" if i + 1 < count else "\n")
        out.write("]}\n")
    print(f"{path}: {count} projects, {os.path.getsize(path) / 1e6:.1f} MB")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    directory = args[0] if args else "/tmp/investboard-scale"
    os.makedirs(directory, exist_ok=True)
    if "--small-only" not in sys.argv:
        write(os.path.join(directory, "feed-100k.json"), 100_000, project_100k)
    write(os.path.join(directory, "feed-2m-small.json"), 2_000_000, project_small)


if __name__ == "__main__":
    main()
