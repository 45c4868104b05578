"""The weekly report's CSV against the reference statement's rows
(kind, category, channel, n), cell for cell; prints each difference.
Used by weekly.sh: weekly_compare.py CSV REFERENCE CATEGORIES."""
import csv
import io
import sys
from collections import Counter

KINDS = {"收到投诉": "received", "受理": "accepted", "不予受理": "rejected",
         "办结": "resolved", "周末超期未办": "overdue", "督办": "escalated",
         "转出": "transferred"}
# The names of src/domain/complaint_channel.c.
CHANNELS = {"网上投诉": "web", "开放接口": "open311", "电话": "phone",
            "信件": "letter", "来访": "visit", "12345热线转办": "hotline_12345",
            "12315转办": "hotline_12315"}
BY_CHANNEL = "（按渠道）"

raw = open(sys.argv[1], "rb").read()
rows = list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline="")))[1:]
names = dict(l.rstrip("\n").split("\t") for l in open(sys.argv[3]) if l.strip())
want = Counter()
for line in open(sys.argv[2]):
    if not line.strip():
        continue
    kind, category, channel, n = line.rstrip("\n").split("\t")
    want[(kind, "category", category)] += int(n)
    want[(kind, "category", "合计")] += int(n)
    want[(kind, "channel", channel)] += int(n)
got = Counter()
for r in rows:
    item, label, n = r[5], r[6], int(r[7])
    if item.endswith(BY_CHANNEL):
        key = (KINDS[item[:-len(BY_CHANNEL)]], "channel", CHANNELS[label])
    elif item in KINDS:
        code = next((c for c, nm in names.items() if nm == label), label)
        key = (KINDS[item], "category", code)
    else:
        continue  # the outlets' counts
    got[key] = n
bad = [k for k in set(want) | set(got) if want[k] != got[k]]
for k in sorted(bad):
    print("%s: report %d, reference %d" % ("/".join(k), got[k], want[k]))
if not any(k[2] == "合计" for k in got):
    print("no totals in the report")
