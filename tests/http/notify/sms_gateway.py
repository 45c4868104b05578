"""An SMS gateway for the notice tests: each POST is kept as N.json
(path, headers, body) in DIR and answered {"Code":"OK"}; while DIR/fail
exists it answers 500, while DIR/refuse exists 200 with a body that does
not say success, while DIR/slow exists it first waits a second.

Usage: sms_gateway.py PORT DIR    (serves on 127.0.0.1 until killed)
"""
import http.server
import json
import os
import sys
import threading
import time

lock = threading.Lock()


class Gateway(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        where = self.server.where
        n = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(n).decode("utf-8", "replace")
        if os.path.exists(os.path.join(where, "slow")):
            time.sleep(1)
        if os.path.exists(os.path.join(where, "fail")):
            self.answer(500, '{"Code":"InternalError"}')
            return
        if os.path.exists(os.path.join(where, "refuse")):
            self.answer(200, '{"Code":"isv.BUSINESS_LIMIT_CONTROL"}')
            return
        with lock:
            k = len([f for f in os.listdir(where) if f.endswith(".json")]) + 1
            tmp = os.path.join(where, ".%d.json" % k)
            with open(tmp, "w", encoding="utf-8") as f:
                json.dump({"path": self.path, "headers": dict(self.headers),
                           "body": body}, f, ensure_ascii=False)
            os.rename(tmp, os.path.join(where, "%d.json" % k))
        self.answer(200, '{"Code":"OK","Message":"OK","BizId":"%d"}' % k)

    def answer(self, status, text):
        data = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


def main():
    port, where = int(sys.argv[1]), sys.argv[2]
    os.makedirs(where, exist_ok=True)
    s = http.server.ThreadingHTTPServer(("127.0.0.1", port), Gateway)
    s.where = where
    s.serve_forever()


if __name__ == "__main__":
    main()
