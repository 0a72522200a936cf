"""Reads a child's output pipe without ever blocking it, keeping at most `cap` bytes."""
import os

TRUNCATION_MARK = "\n[output truncated: only the first {cap_kib} KiB are kept]\n"


class CappedCapture:
    def __init__(self, fd: int, cap: int):
        self.fd = fd
        self.cap = cap
        self.data = bytearray()
        self.truncated = False
        self.closed = False
        os.set_blocking(fd, False)

    def drain(self) -> None:
        """Reads what is available; bytes past the cap are read and dropped so the child never stalls."""
        while not self.closed:
            try:
                chunk = os.read(self.fd, 65536)
            except BlockingIOError:
                return
            if not chunk:
                self.closed = True
                os.close(self.fd)
                return
            room = self.cap - len(self.data)
            if room > 0:
                self.data += chunk[:room]
            if len(chunk) > room:
                self.truncated = True

    def text(self) -> str:
        text = self.data.decode("utf-8", errors="replace")
        if self.truncated:
            text += TRUNCATION_MARK.format(cap_kib=self.cap // 1024)
        return text


class LineReader:
    """Reads newline-delimited JSON events from a pipe, bounded in total size."""

    def __init__(self, fd: int, cap: int = 4 * 1024 * 1024):
        self.fd = fd
        self.cap = cap
        self.size = 0
        self.is_overflowed = False  # more than `cap` bytes came: the rest was read and dropped
        self.buffer = b""
        self.closed = False
        os.set_blocking(fd, False)

    def drain(self) -> list:
        lines = []
        while not self.closed:
            try:
                chunk = os.read(self.fd, 65536)
            except BlockingIOError:
                break
            if not chunk:
                self.closed = True
                os.close(self.fd)
                break
            self.size += len(chunk)
            if self.size > self.cap:
                self.is_overflowed = True
                continue
            self.buffer += chunk
        *complete, self.buffer = self.buffer.split(b"\n")
        lines.extend(line for line in complete if line.strip())
        return lines
