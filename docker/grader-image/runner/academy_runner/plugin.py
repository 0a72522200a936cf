"""The runner's pytest plugin (loaded with -p, out of the learner's reach): the `client`
fixture, one result event per test sent to the supervisor, and the in-process hardening."""
import json
import os
import signal
import time

import _pytest.main
import _pytest.runner
import pytest
from _pytest._code import ExceptionInfo
from _pytest.outcomes import Failed

from academy_runner import inprocess
from academy_runner.app_client import AppClient, AppState
from academy_runner.results import open_channel
from academy_runner.summaries import hidden_message, visible_message

# Read from the environment in pytest_configure: this module is imported before the job exists.
MODE = "process"
TEST_DIRS: list = []
APP_STATE: AppState | None = None
_channel = None
_root = "/"
_errors: dict = {}


def open_results_channel(fd: int, key: bytes) -> None:
    """Called in the pytest child before pytest starts (and before any learner code exists): the
    job's key goes straight into the channel, never into a variable or the environment."""
    global _channel
    _channel = open_channel(fd, key)


def _send(message: tuple) -> None:
    """The one sender the sealed channel accepts (results.open_channel checks its callers)."""
    if _channel is not None:
        _channel.send(message)


def _seal_channel(config) -> None:
    """In-process, before learner code loads: from now on the channel compares the integrity
    snapshot before each event, and takes messages only from _send called by this plugin's hooks
    through pluggy (a learner wrapper anywhere on that path is a frame of its own)."""
    from pluggy._callers import _multicall
    from pluggy._hooks import HookCaller
    from pluggy._manager import PluginManager
    from academy_runner.integrity import take_snapshot
    hooks = (pytest_collectreport, pytest_collection_finish, pytest_runtest_logreport, pytest_sessionfinish)
    callers = ((_send.__code__,), tuple(hook.__code__ for hook in hooks))
    through_pluggy = ((_multicall.__code__,), (PluginManager._hookexec.__code__,), (HookCaller.__call__.__code__,))
    # pytest's own call sites of those hooks: a wrapper around HookCaller.__call__ that puts the original
    # back while it runs would sit here.
    session = _pytest.main.Session
    from_pytest = ((_pytest.main.wrap_session.__code__, session.perform_collect.__code__, session.collect.__code__,
                    session.genitems.__code__, _pytest.runner.call_and_report.__code__),)
    _channel.send(("seal", take_snapshot(config.pluginmanager), callers + through_pluggy + from_pytest))


def _visibility(path: str) -> str:
    for directory in sorted(TEST_DIRS, key=lambda d: -len(d["path"])):
        if path == directory["path"] or path.startswith(directory["path"] + "/"):
            return directory["visibility"]
    return "hidden"


def _file_of(nodeid: str) -> str:
    return os.path.join(_root, nodeid.split("::", 1)[0])


def _short_name(nodeid: str) -> str:
    return nodeid.split("::", 1)[1] if "::" in nodeid else nodeid


def _read_settings() -> None:
    global MODE, TEST_DIRS, APP_STATE
    MODE = os.environ.get("ACADEMY_MODE", "process")
    TEST_DIRS = json.loads(os.environ.get("ACADEMY_TEST_DIRS", "[]"))
    # One second past the supervisor's own deadline: at the limit, the supervisor stops the run, so a
    # slow start is reported as a timeout rather than as this fixture giving up a moment earlier.
    deadline = time.monotonic() + int(os.environ.get("ACADEMY_REMAINING_MS", "10000")) / 1000 + 1.0
    status_fd = os.environ.get("ACADEMY_STATUS_FD")
    APP_STATE = AppState(int(status_fd) if status_fd else None, deadline)


@pytest.hookimpl(trylast=True)
def pytest_configure(config) -> None:
    global _root
    _read_settings()
    # pytest's own report (progress, tracebacks with test source) must never reach learner-visible
    # output; the terminal plugin stays loaded because assertion rewriting relies on it.
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        from _pytest.config import create_terminal_writer
        reporter._tw = create_terminal_writer(config, open(os.devnull, "w"))
    _root = str(config.rootpath)
    if MODE == "in-process" and _channel is not None:
        _seal_channel(config)
        protected = [d["path"] for d in TEST_DIRS]
        inprocess.prepare(config, TEST_DIRS, os.getcwd(), protected, sealed=(_channel,))


def pytest_pycollect_makemodule(module_path, parent):
    if MODE == "in-process":
        return inprocess.PreloadedModule.from_parent(parent, path=module_path)
    return None


def pytest_collectreport(report) -> None:
    if not report.failed:
        return
    path = _file_of(report.nodeid)
    visibility = _visibility(path)
    failure = inprocess.IMPORT_FAILURES.get(report.nodeid)
    if failure is None:
        message = (visible_message(None, report.longreprtext) if visibility == "visible"
                   else "a hidden test file could not be loaded")
        failure = {"message": message, "location": None}
    _send(("event", {"event": "collect-error", "file": os.path.basename(path),
           "visibility": visibility, **failure}))


def pytest_collection_finish(session) -> None:
    _send(("event", {"event": "collected", "tests": [
        {"name": _short_name(item.nodeid), "visibility": _visibility(str(item.path))}
        for item in session.items]}))


def _short_traceback(item, excinfo) -> str:
    """The failure as pytest shows it, cut to the test file's own lines (no grader or pytest frames)."""
    try:
        test_file = str(item.path)
        excinfo.traceback = excinfo.traceback.filter(lambda entry: str(entry.path) == test_file)
        if not excinfo.traceback:
            return excinfo.exconly()
        return str(excinfo.getrepr(style="short", chain=False))
    except Exception:  # a learner exception whose repr raises must not break reporting
        return ""


class TimeLimitReached(Failed):
    """Raised in a test at its time limit. A BaseException, as pytest.fail's is, so that code's
    `except Exception` cannot swallow it."""

    __module__ = "builtins"  # shown as "TimeLimitReached: …", as pytest shows its own Failed


def _time_limit_in(error: BaseException | None) -> TimeLimitReached | None:
    """The time limit among the exceptions that led to this one (a WebSocket test client, closed
    when the limit interrupts it, raises the app's disconnect over it)."""
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, TimeLimitReached):
            return error
        seen.add(id(error))
        error = error.__context__
    return None


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.failed and call.excinfo is not None:
        limit = _time_limit_in(call.excinfo.value)
        if limit is not None:
            _errors[item.nodeid] = (limit, _short_traceback(item, ExceptionInfo.from_exception(limit)))
        elif item.nodeid not in _errors:
            _errors[item.nodeid] = (call.excinfo.value, _short_traceback(item, call.excinfo))
    return report


def pytest_runtest_logreport(report) -> None:
    """One phase of a test; the channel keeps its first failure or skip and sends the test's result
    after teardown (its state lives there, out of learner code's reach)."""
    visibility = _visibility(_file_of(report.nodeid))
    status, message = "passed", None
    if report.failed:
        error, traceback_text = _errors.get(report.nodeid, (None, ""))
        status = "failed" if report.when == "call" else "error"
        message = visible_message(error, traceback_text) if visibility == "visible" else hidden_message(error)
    elif report.skipped:
        status = "skipped"
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else ""
        message = str(reason).removeprefix("Skipped: ")[:300]
    _send(("report", report.nodeid, _short_name(report.nodeid), report.when, status,
           round(report.duration * 1000), message, visibility))


def pytest_sessionfinish(session) -> None:
    _send(("check",))


@pytest.hookimpl(tryfirst=True)
def pytest_timeout_set_timer(item, settings):
    """Replaces pytest-timeout's own timer (its per-test limits still apply: the run's default,
    `-o timeout=…`, and `@pytest.mark.timeout`): its handler dumps every thread's stack, test source
    included, and its "thread" method ends the whole run. Here a test over its limit fails alone."""
    limit = settings.timeout

    def stop_test(_signum, _frame):
        __tracebackhide__ = True
        raise TimeLimitReached(f"did not finish: this test took longer than {limit:g} s, its time limit", pytrace=False)

    signal.signal(signal.SIGALRM, stop_test)
    signal.setitimer(signal.ITIMER_REAL, limit)
    return True


@pytest.hookimpl(tryfirst=True)
def pytest_timeout_cancel_timer(item):
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    return True


@pytest.fixture
def client():
    """Behaves like fastapi.testclient.TestClient(app, raise_server_exceptions=False)."""
    if MODE == "in-process":
        from fastapi.testclient import TestClient
        app = inprocess.load_learner_app(os.environ["ACADEMY_ENTRYPOINT"])
        with TestClient(app, raise_server_exceptions=False) as test_client:
            yield test_client
        return
    assert APP_STATE is not None, "pytest_configure sets the app state"
    APP_STATE.wait_ready()
    with AppClient(APP_STATE) as app_client:
        yield app_client
