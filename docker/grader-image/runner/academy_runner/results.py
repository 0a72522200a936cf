"""The results channel: test events from pytest to the supervisor, as lines on a pipe the
supervisor created (never a file another user could reach).

Each line is `<HMAC-SHA256, hex> <JSON {"seq": n, "event": {...}}>`, under a key the supervisor
makes for each job and hands to pytest before any learner code exists. Learner code that shares
pytest's process (in-process, write-tests) can still write to the pipe, but what it writes carries
no valid MAC, and one such line voids the run (ResultsVerifier.rejected).

The sending end is a generator (open_channel), made before learner code loads: its key (in
OpenSSL's HMAC object), sequence number, pipe, each test's result so far and, in-process, the
integrity snapshot live in its frame, which the audit hook refuses to hand out (`gi_frame`), so
learner code can neither read them nor swap them for its own. What it cannot stop: learner code
patching the path to it and restoring it between two of its checks (sandbox README, "What
in-process cannot guarantee")."""
import _hashlib
import _json
import hmac
import json
import os
import sys


def _sign(base, payload: bytes) -> bytes:
    mac = base.copy()
    mac.update(payload)
    return mac.hexdigest().encode()


def open_channel(fd: int, key: bytes):
    """The key goes straight into a C HMAC object inside the generator, never into a variable
    anything else holds. Messages: ("event", dict) is sent as is; ("report", nodeid, name, when,
    status, durationMs, message, visibility) is one phase of a test, its result sent after teardown;
    ("seal", changes, callers) turns on the in-process checks; ("check",) runs them."""
    channel = _channel(fd, _hashlib.hmac_new(key, digestmod="sha256"))
    next(channel)
    return channel


def _channel(fd, base):
    # Bound once: learner code patching os, json or sys later changes nothing here.
    write, getframe = os.write, sys._getframe
    encode = _json.make_encoder(None, None, _json.encode_basestring_ascii, None, ": ", ", ", False, False, True)
    seq = 0
    progress: dict = {}
    changes = None      # in-process: the integrity snapshot's comparison (academy_runner.integrity)
    callers = ()        # in-process: for each frame up from the sender, the code objects it may run
    reported: set = set()

    def send(event: dict) -> None:
        nonlocal seq
        payload = "".join(encode({"seq": seq, "event": event}, 0)).encode()
        seq += 1
        mac = base.copy()
        mac.update(payload)
        data = mac.hexdigest().encode() + b" " + payload + b"\n"
        while data:
            data = data[write(fd, data):]

    while True:
        message = yield
        if changes is not None:
            changed = changes()
            frame = getframe(1)
            for codes in callers:
                if frame is None or not any(frame.f_code is code for code in codes):  # identity: equal code can be forged
                    changed.append("results channel caller")
                    break
                frame = frame.f_back
            fresh = [name for name in changed if name not in reported]
            if fresh:
                reported.update(fresh)
                send({"event": "tampered", "what": fresh[:10]})
        kind = message[0] if type(message) is tuple and message else None
        if kind == "event" and type(message[1]) is dict:
            send(message[1])
        elif kind == "report" and len(message) == 8:
            _, nodeid, name, when, status, duration_ms, text, visibility = message
            entry = progress.setdefault(nodeid, {"status": "passed", "durationMs": 0, "message": None,
                                                 "visibility": visibility})
            entry["durationMs"] += duration_ms
            if status != "passed" and entry["status"] == "passed":
                entry["status"], entry["message"] = status, text
            if when == "teardown":
                send({"event": "test", "name": name, **entry})
        elif kind == "seal" and changes is None and len(message) == 3:
            changes, callers = message[1], message[2]


class ResultsVerifier:
    """The supervisor's end: keeps the events of lines signed with the job's key, in sequence, and
    counts every other line (forged, altered, replayed, out of order)."""

    def __init__(self, key: bytes):
        self._base = hmac.new(key, digestmod="sha256")
        self.events: list = []
        self.rejected = 0

    def accept(self, line: bytes) -> None:
        mac, _, payload = line.partition(b" ")
        try:
            if not hmac.compare_digest(mac, _sign(self._base, payload)):
                raise ValueError("bad MAC")
            message = json.loads(payload)
            if message["seq"] != len(self.events) or not isinstance(message["event"], dict):
                raise ValueError("out of sequence")
        except (ValueError, KeyError, TypeError):
            self.rejected += 1
            return
        self.events.append(message["event"])
