#!/usr/bin/env python3
"""Follows a member's event stream as a desktop does, for the gateway's end-to-end tests.

    ONEDIAL_TOKEN=odg_... tests/sse-follow.py BASE_URL OUTPUT

Connects to BASE_URL/api/v1/events and appends one line per call event to OUTPUT
("EVENT_ID STATUS CALL_ID"). When the stream ends or cannot be opened it connects again after a
moment with Last-Event-ID, the last id it wrote, exactly as OneDial resumes. Runs until killed.
"""
import http.client
import json
import os
import sys
import time
import urllib.parse


def follow(base, output, token):
    url = urllib.parse.urlsplit(base)
    last = None
    while True:
        try:
            connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
            headers = {"Authorization": f"Bearer {token}", "Accept": "text/event-stream"}
            if last is not None:
                headers["Last-Event-ID"] = str(last)
            path = "/api/v1/events" + ("" if last is not None else "?after=0")
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            if response.status != 200:
                response.read()
                connection.close()
                time.sleep(0.2)
                continue
            event_id = None
            while True:
                line = response.fp.readline()
                if not line:
                    break
                line = line.decode().rstrip("\n")
                if line.startswith("id: "):
                    event_id = int(line[4:])
                elif line.startswith("data: ") and event_id is not None:
                    data = json.loads(line[6:])
                    with open(output, "a") as out:
                        out.write(f"{event_id} {data['status']} {data['call_id']}\n")
                    last = event_id
                    event_id = None
            connection.close()
        except (OSError, http.client.HTTPException):
            pass
        time.sleep(0.2)


if __name__ == "__main__":
    follow(sys.argv[1], sys.argv[2], os.environ["ONEDIAL_TOKEN"])
