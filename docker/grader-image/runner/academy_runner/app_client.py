"""The `client` of isolation `process`: an httpx.Client on the app's loopback port that
behaves like TestClient(app, raise_server_exceptions=False), after waiting for readiness."""
import json
import os
import socket
import time

import sys

# httpx imports its command line (rich, click) when they are installed: ~0.1 s the tests never use.
sys.modules.setdefault("httpx._main", None)
import httpx  # noqa: E402

from academy_runner.job import APP_HOST, APP_PORT

REQUEST_TIMEOUT_S = 5.0


class AppNotRunning(Exception):
    """The app process is gone (crashed, killed, ran out of memory) or never started."""


class AppNotResponding(Exception):
    """The app accepted the connection but did not answer in time."""


class AppState:
    """What the supervisor tells us about the app process, through a pipe only it can write."""

    def __init__(self, status_fd: int | None, deadline: float):
        self.status_fd = status_fd
        self.deadline = deadline
        self.exit_reason: str | None = None
        self.is_ready = False
        self._buffer = b""
        if status_fd is not None:
            os.set_blocking(status_fd, False)

    def _poll(self) -> None:
        if self.status_fd is None or self.exit_reason is not None:
            return
        try:
            chunk = os.read(self.status_fd, 65536)
        except BlockingIOError:
            return
        self._buffer += chunk
        for line in self._buffer.split(b"\n"):
            if line.strip():
                self.exit_reason = json.loads(line).get("reason", "it stopped")

    def check_running(self) -> None:
        self._poll()
        if self.exit_reason is not None:
            raise AppNotRunning(f"your app is not running: {self.exit_reason}")

    def wait_ready(self) -> None:
        while not self.is_ready:
            self.check_running()
            try:
                socket.create_connection((APP_HOST, APP_PORT), timeout=0.2).close()
                self.is_ready = True
            except OSError:
                if time.monotonic() > self.deadline:
                    raise AppNotRunning("your app did not start listening before the time limit")
                time.sleep(0.02)


class AppClient(httpx.Client):
    def __init__(self, state: AppState):
        # Plain HTTP on loopback: verify=False spares loading the CA bundle (~10 ms a test).
        super().__init__(base_url=f"http://{APP_HOST}:{APP_PORT}", follow_redirects=True,
                         timeout=REQUEST_TIMEOUT_S, verify=False)
        self._app_state = state

    def request(self, method, url, *args, **kwargs):
        try:
            return super().request(method, url, *args, **kwargs)
        except httpx.TimeoutException:
            self._app_state.check_running()
            raise AppNotResponding(
                f"your app did not answer {method} {url} within {REQUEST_TIMEOUT_S:g} s") from None
        except httpx.TransportError:
            time.sleep(0.05)  # lets the supervisor report why the app went away
            self._app_state.check_running()
            raise AppNotRunning(f"your app closed the connection during {method} {url}") from None
