"""Test events sent to the supervisor as JSON lines on a pipe it created (never a file the
app's user could reach)."""
import json
import os


class ResultsWriter:
    def __init__(self, fd: int):
        self.fd = fd

    def emit(self, event: dict) -> None:
        data = (json.dumps(event) + "\n").encode()
        while data:
            written = os.write(self.fd, data)
            data = data[written:]
