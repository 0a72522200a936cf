"""The results channel: test events from pytest to the supervisor, as lines on a pipe the
supervisor created (never a file another user could reach).

Each line is `<HMAC-SHA256, hex> <JSON {"seq": n, "event": {...}}>`, under a key the supervisor
makes for each job and hands to pytest before any learner code exists; the key goes straight into
an HMAC object, which keeps no Python-visible copy of it. Learner code that shares pytest's process
(in-process, write-tests) can still write to the pipe, but what it writes carries no valid MAC, and
one such line voids the run (ResultsVerifier.rejected). What the MAC cannot stop: learner code in
that process calling this writer itself, which it can reach in the shared interpreter (sandbox
README, "What in-process cannot guarantee")."""
import hmac
import json
import os


def _sign(base, payload: bytes) -> bytes:
    mac = base.copy()
    mac.update(payload)
    return mac.hexdigest().encode()


class ResultsWriter:
    def __init__(self, fd: int, key: bytes):
        self.fd = fd
        self._base = hmac.new(key, digestmod="sha256")
        self._seq = 0

    def emit(self, event: dict) -> None:
        payload = json.dumps({"seq": self._seq, "event": event}).encode()
        self._seq += 1
        data = _sign(self._base, payload) + b" " + payload + b"\n"
        while data:
            data = data[os.write(self.fd, data):]


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
