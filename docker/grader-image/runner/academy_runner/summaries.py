"""Test failure messages. Hidden tests get a one-line summary (the assertion's message or its
`assert a == b` line, never test source); visible tests get the fuller pytest text."""
import pytest

from academy_runner.app_client import AppNotResponding, AppNotRunning

HIDDEN_CAP = 300
VISIBLE_CAP = 4000


def _first_lines(text: str) -> tuple:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    first = lines[0] if lines else ""
    assert_line = next((line for line in lines if line.startswith("assert ")), None)
    return first, assert_line


def summarize_exception(error: BaseException) -> str:
    if isinstance(error, (AppNotRunning, AppNotResponding)):
        return str(error)
    if isinstance(error, pytest.fail.Exception):  # pytest.fail("…") and a test over its time limit: the message says it all
        return _first_lines(str(error))[0] or "failed"
    if isinstance(error, AssertionError):
        first, assert_line = _first_lines(str(error))
        if not first:
            return "assertion failed"
        if assert_line and assert_line != first:
            return f"{first} ({assert_line})"
        return first
    first, _ = _first_lines(str(error))
    return type(error).__name__ + (f": {first}" if first else "")


def hidden_message(error: BaseException | None) -> str:
    if error is None:
        return "failed"
    return summarize_exception(error)[:HIDDEN_CAP]


def visible_message(error: BaseException | None, longrepr: str) -> str:
    if isinstance(error, (AppNotRunning, AppNotResponding)):
        return str(error)
    text = longrepr.strip() or (summarize_exception(error) if error else "failed")
    if len(text) > VISIBLE_CAP:
        text = "…" + text[-VISIBLE_CAP:]
    return text
