"""An SMTP server for the notice tests: each message received is kept
as N.eml (as sent) and N.txt (envelope, headers and the body decoded),
in the directory named on the command line.

Usage: smtp_receiver.py PORT DIR    (serves on 127.0.0.1 until killed)
"""
import asyncio
import email
import email.header
import email.policy
import itertools
import os
import signal
import sys

from aiosmtpd.controller import Controller


class Keep:
    def __init__(self, where):
        self.where = where
        self.n = itertools.count(
            len([f for f in os.listdir(where) if f.endswith(".txt")]) + 1)

    async def handle_DATA(self, server, session, envelope):
        n = next(self.n)
        raw = envelope.original_content or envelope.content
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        body = msg.get_content() if not msg.is_multipart() else ""
        text = "".join([
            "MAIL FROM: %s\n" % envelope.mail_from,
            "RCPT TO: %s\n" % ",".join(envelope.rcpt_tos),
            "Subject: %s\n" % msg["Subject"],
            "Message-ID: %s\n" % msg["Message-ID"],
            "\n", body])
        with open(os.path.join(self.where, "%d.eml" % n), "wb") as f:
            f.write(raw)
        tmp = os.path.join(self.where, ".%d.txt" % n)
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)
        os.rename(tmp, os.path.join(self.where, "%d.txt" % n))
        return "250 OK"


def main():
    port, where = int(sys.argv[1]), sys.argv[2]
    os.makedirs(where, exist_ok=True)
    c = Controller(Keep(where), hostname="127.0.0.1", port=port)
    c.start()
    stop = asyncio.Event()
    loop = asyncio.new_event_loop()
    for s in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(s, stop.set)
    loop.run_until_complete(stop.wait())
    c.stop()


if __name__ == "__main__":
    main()
