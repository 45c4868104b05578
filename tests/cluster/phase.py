#!/usr/bin/env python3
"""One fault of the cluster test: complaints submitted through the front
the whole time, as a farmer's browser does (the form, then the post; after
an error the same form again, with its token), a fault at a set second and
maybe a repair after it. Every receipt's tracking number is appended to
the receipts file. Prints one line of JSON: submitted, receipted, errors,
the seconds from the fault to the last error (0: none after it), and
whether filing worked again afterwards."""

import argparse
import json
import re
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

TOKEN = re.compile(r'name="form_token" value="([^"]{43})"')
RECEIPT = re.compile(r'<dt>受理编号</dt><dd><strong class="code">([^<]+)<')


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def fetch(url, data=None):
    """(status, body) of one request; status 0 when no answer came."""
    try:
        body = urllib.parse.urlencode(data).encode() if data else None
        with OPENER.open(url, body, timeout=10) as r:
            return r.status, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return 0, ""


def submitter(args, start, stop, out, receipts):
    token, n = None, 0
    while not stop.is_set():
        if token is None:
            status, body = fetch(args.base + "/complaints/new?outlet=1")
            m = TOKEN.search(body) if status == 200 else None
            if not m:
                out["errors"].append(time.monotonic() - start)
                time.sleep(0.2)
                continue
            token = m.group(1)
            n += 1
            out["submitted"] += 1
        status, body = fetch(args.base + "/complaints", {
            "form_token": token, "outlet": "1", "category": "overcharge",
            "description": "集群测试投诉 %s 第%d件" % (args.name, n),
            "name": "测试", "phone": "13912345678", "region": "420607001",
            "consent": "1", "action": "submit"})
        m = RECEIPT.search(body) if status == 200 else None
        if m:
            receipts.write(m.group(1) + "\n")
            receipts.flush()
            out["receipted"] += 1
            out["last_receipt"] = time.monotonic() - start
            token = None
        else:
            # The same form again, as the page that says nothing was
            # saved offers it.
            out["errors"].append(time.monotonic() - start)
            time.sleep(0.2)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--base", required=True)
    p.add_argument("--name", required=True)
    p.add_argument("--seconds", type=float, default=10)
    p.add_argument("--fault-at", type=float, default=2)
    p.add_argument("--fault", required=True)
    p.add_argument("--repair-at", type=float, default=0)
    p.add_argument("--repair", default="")
    p.add_argument("--receipts", required=True)
    args = p.parse_args()

    out = {"submitted": 0, "receipted": 0, "errors": [], "last_receipt": -1}
    stop = threading.Event()
    start = time.monotonic()
    with open(args.receipts, "a") as receipts:
        t = threading.Thread(target=submitter,
                             args=(args, start, stop, out, receipts))
        t.start()
        time.sleep(args.fault_at)
        subprocess.run(args.fault, shell=True, check=False,
                       stdout=subprocess.DEVNULL)
        if args.repair:
            time.sleep(max(0, args.repair_at - args.fault_at))
            subprocess.run(args.repair, shell=True, check=False,
                           stdout=subprocess.DEVNULL)
        time.sleep(max(0, args.seconds - (time.monotonic() - start)))
        stop.set()
        t.join()
    after = [e - args.fault_at for e in out["errors"] if e >= args.fault_at]
    last_error = args.fault_at + (max(after) if after else 0)
    print(json.dumps({
        "submitted": out["submitted"], "receipted": out["receipted"],
        "errors": len(out["errors"]),
        "recovered_s": round(max(after), 2) if after else 0,
        # Filing worked again after the fault and its last error.
        "survived": out["last_receipt"] > last_error}))


if __name__ == "__main__":
    main()
