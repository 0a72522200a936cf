"""Container entry point (root, with only CAP_SETUID/CAP_SETGID): starts the app under test and
pytest as two different unprivileged users, relays what happens between them, enforces the
deadline and writes the report on the container's stdout.

A container is started before its job exists (a pool keeps some ready): this process imports
FastAPI and pytest once, forks the two children, which take their users and wait, and says
"ready" on stdout. The sandbox then writes "go <length>" and the job (JSON) on stdin; the
deadline runs from then. The report goes back as "done <length>" and the report (JSON).
The container's stdin and stdout are this process's alone: its children's are a null device
and pipes from before they took their users, so no learner process can read the job or write
a line of the report (packages/sandbox/README.md)."""
import gc
import importlib
import json
import os
import select
import signal
import sys
import time
import traceback
from dataclasses import dataclass

# Imported before any job exists, for the children forked below: FastAPI, uvicorn and pytest
# are the same work for every submission.
import academy_runner.launch_app as launch_app
import academy_runner.plugin
import pytest
from _pytest.config import default_plugins

from academy_runner.capture import CappedCapture, LineReader
from academy_runner.job import Job, Plan, read_job, read_plan
from academy_runner.oom import read_oom_kills
from academy_runner.processes import Child, fork_waiting_child, kill_all_of_user, wait_until_settled
from academy_runner.results import ResultsVerifier
from academy_runner.staging import stage_job
from academy_runner.syntax_check import find_syntax_error

RUNNER_DIR = os.path.dirname(os.path.abspath(__file__))
LINGER_SECONDS = 30
# The job arrives right after "go": the sandbox writes both at once.
JOB_READ_SECONDS = 30
# Submission, tests and the author's app are a few hundred KiB at most (the sandbox's limits).
MAX_JOB_BYTES = 32 * 1024 * 1024
MIN_TEST_TIMEOUT_SECONDS = 2
MAX_TEST_TIMEOUT_SECONDS = 20


def import_pytest_plugins() -> None:
    """pytest.main imports its built-in plugins on every run; done here, once, before the fork."""
    for name in default_plugins:
        importlib.import_module(f"_pytest.{name}")


class Run:
    def __init__(self, job: Job, plan: Plan, started: float):
        # The results channel's key: this job's alone, made after the job arrived (see results.py).
        self.results_key = os.urandom(32)
        self.results = ResultsVerifier(self.results_key)
        self.job = job
        self.job_plan = plan
        self.started = started
        self.deadline = started + job.timeout_ms / 1000
        self.oom_before = read_oom_kills()
        self.app_failure: dict | None = None
        self.app_imported = False
        self.timed_out = False
        self.tests_ms = 0
        self.pytest_exit: int | None = None
        self.internal_output = ""

    def remaining_ms(self) -> int:
        return max(0, int((self.deadline - time.monotonic()) * 1000))


@dataclass
class AppChild:
    process: Child
    control: int
    events: LineReader
    output: CappedCapture
    events_fd: int


@dataclass
class PytestChild:
    process: Child
    control: int
    output: CappedCapture
    results: LineReader
    results_fd: int
    status_fd: int | None     # the child's end
    status_w: int | None      # ours: why the app stopped
    is_ended: bool = False    # every process of the children's users killed and reaped


def run_app(_message: dict) -> int:
    launch_app.main()
    return 0


def run_pytest(message: dict) -> int:
    academy_runner.plugin.open_results_channel(int(os.environ["ACADEMY_RESULTS_FD"]), bytes.fromhex(message.pop("resultsKey")))
    return int(pytest.main(message["args"]))


def fork_children(plan: Plan) -> tuple[AppChild | None, PytestChild]:
    """The children of this container, forked before the job arrives (see the module docstring)."""
    has_app = plan.mode != "in-process"
    settled_r, settled_w = os.pipe()
    results_r, results_w = os.pipe()
    status_r, status_w = os.pipe() if has_app else (None, None)
    pytest_control_r, pytest_control_w = os.pipe()
    pytest_out_r, pytest_out_w = os.pipe()
    pytest_untrusted = plan.mode != "process"
    pytest_process = fork_waiting_child(
        run_pytest, uid=plan.learner_uid if pytest_untrusted else plan.tester_uid,
        cwd="/scratch/app" if plan.mode == "in-process" else "/scratch/tests",
        output_fd=pytest_out_w, control_fd=pytest_control_r, settled_fd=settled_w,
        keep_fds=(results_w,) + ((status_r,) if status_r is not None else ()),
        nproc=plan.learner_nproc if pytest_untrusted else None, untrusted=pytest_untrusted)
    for fd in (pytest_control_r, pytest_out_w, results_w) + ((status_r,) if status_r is not None else ()):
        os.close(fd)
    pytest_child = PytestChild(pytest_process, pytest_control_w, CappedCapture(pytest_out_r, 0),
                               LineReader(results_r), results_w, status_r, status_w)
    if not has_app:
        os.close(settled_w)
        wait_until_settled(settled_r)
        return None, pytest_child
    events_r, events_w = os.pipe()
    app_control_r, app_control_w = os.pipe()
    app_out_r, app_out_w = os.pipe()
    app_untrusted = plan.mode == "process"
    app_process = fork_waiting_child(
        run_app, uid=plan.learner_uid if app_untrusted else plan.app_uid, cwd="/scratch/app",
        output_fd=app_out_w, control_fd=app_control_r, settled_fd=settled_w, keep_fds=(events_w,),
        nproc=plan.learner_nproc if app_untrusted else None, untrusted=app_untrusted)
    for fd in (app_control_r, app_out_w, events_w, settled_w):
        os.close(fd)
    wait_until_settled(settled_r)
    return AppChild(app_process, app_control_w, LineReader(events_r, cap=64 * 1024),
                    CappedCapture(app_out_r, 0), events_w), pytest_child


def send(control_fd: int, message: dict) -> None:
    data = (json.dumps(message) + "\n").encode()
    try:
        while data:
            data = data[os.write(control_fd, data):]
    except BrokenPipeError:
        pass  # the child is gone: its exit is what gets reported
    os.close(control_fd)


def start_app(run: Run, app: AppChild) -> None:
    job = run.job
    app.output.cap = job.output_cap_bytes
    send(app.control, {"env": {
        "HOME": "/scratch/app", "TMPDIR": "/scratch/app", "ACADEMY_EVENTS_FD": str(app.events_fd),
        "ACADEMY_SOURCE_DIR": job.app_dir, "ACADEMY_ENTRYPOINT": job.entrypoint}})


def default_test_timeout(job: Job) -> float:
    """Each test's time limit unless it sets its own (@pytest.mark.timeout): a third of the
    exercise's, so a test that hangs (a WebSocket waiting for a frame that never comes) fails alone
    and the others still run. Only the test function counts (timeout_func_only in pytest.ini): the
    wait for the app to start, in the `client` fixture, does not."""
    return round(min(MAX_TEST_TIMEOUT_SECONDS, max(MIN_TEST_TIMEOUT_SECONDS, job.timeout_ms / 1000 / 3)), 1)


def start_pytest(run: Run, tests: PytestChild) -> None:
    job = run.job
    untrusted = job.mode != "process"
    cwd = "/scratch/app" if job.mode == "in-process" else "/scratch/tests"
    roots = [d.path for d in job.test_dirs]
    # Loaded only when a test file is asynchronous: importing them costs ~0.25 s of the CPU budget.
    async_plugins = ["-p", "pytest_asyncio.plugin", "-p", "anyio.pytest_plugin"] if job.needs_async_plugins else []
    args = [
        "-c", os.path.join(RUNNER_DIR, "pytest.ini"),
        "--rootdir", os.path.commonpath(roots), "--noconftest", "-p", "no:cacheprovider",
        "-p", "no:doctest", *async_plugins, "-p", "pytest_timeout", "-o", f"timeout={default_test_timeout(job)}",
        "-p", "academy_runner.plugin", "-q", "-s", *roots]
    tests.output.cap = job.output_cap_bytes if untrusted else 16 * 1024
    send(tests.control, {"args": args, "resultsKey": run.results_key.hex(), "env": {
        "HOME": cwd, "TMPDIR": cwd, "ACADEMY_MODE": job.mode, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1",
        "ACADEMY_RESULTS_FD": str(tests.results_fd),
        **({"ACADEMY_STATUS_FD": str(tests.status_fd)} if tests.status_fd is not None else {}),
        "ACADEMY_REMAINING_MS": str(run.remaining_ms()),
        "ACADEMY_ENTRYPOINT": job.entrypoint, "ACADEMY_SOURCE_DIR": job.submission_dir,
        "ACADEMY_TEST_DIRS": json.dumps([{"path": d.path, "visibility": d.visibility} for d in job.test_dirs])}})


def describe_exit(run: Run, code: int, import_error: dict | None) -> dict:
    if import_error is not None:
        return {"kind": import_error.get("kind", "exception"), "message": str(import_error.get("message"))[:2000],
                "location": import_error.get("location")}
    if read_oom_kills() > run.oom_before:
        return {"kind": "oom", "message": f"ran out of memory (limit {run.job.memory_limit_mb} MB)"}
    if code < 0:
        return {"kind": "crashed", "message": f"it was killed by signal {signal.Signals(-code).name}"}
    return {"kind": "crashed", "message": f"it exited with code {code}"}


def users_of(plan: Plan) -> set:
    """The users this container's children run as (each kill forks this large process)."""
    if plan.mode == "process":
        return {plan.learner_uid, plan.tester_uid}
    if plan.mode == "write-tests":
        return {plan.learner_uid, plan.app_uid}
    return {plan.learner_uid}


def end_children(plan: Plan, app: AppChild | None, tests: PytestChild) -> None:
    if tests.is_ended:
        return
    for uid in users_of(plan):
        kill_all_of_user(uid)
    for process in [tests.process] + ([app.process] if app else []):
        process.wait()
    tests.is_ended = True


def receive_results(run: Run, tests: PytestChild) -> None:
    for line in tests.results.drain():
        run.results.accept(line)


def supervise(run: Run, app: AppChild | None, tests: PytestChild) -> dict:
    job = run.job
    syntax_error = find_syntax_error(job.submission_dir, job.learner_files)
    if syntax_error is not None:
        run.app_failure = {"kind": "syntax", **syntax_error, "beforeReady": True}
        return {"output": "", "outputTruncated": False}

    tests_started = time.monotonic()
    start_pytest(run, tests)
    if app:
        start_app(run, app)
    learner_out = app.output if job.mode == "process" else tests.output
    readers = [tests.results, tests.output] + ([app.events, app.output] if app else [])
    import_error = None

    while True:
        left = run.deadline - time.monotonic()
        if left <= 0:
            run.timed_out = True
            break
        fds = [r.fd for r in readers if not r.closed]
        if fds:
            select.select(fds, [], [], min(0.05, left))
        else:
            time.sleep(min(0.05, left))
        receive_results(run, tests)
        tests.output.drain()
        if app:
            for line in app.events.drain():
                event = json.loads(line)
                if event.get("event") == "import-error" and import_error is None:
                    import_error = event
                elif event.get("event") == "imported":
                    run.app_imported = True
            app.output.drain()
            if run.app_failure is None and app.process.poll() is not None:
                app.events.drain()
                failure = describe_exit(run, app.process.returncode, import_error)
                run.app_failure = {**failure, "beforeReady": not run.app_imported}
                reason = ("it did not start: " if not run.app_imported else "") + failure["message"]
                os.write(tests.status_w, (json.dumps({"reason": reason}) + "\n").encode())
        if tests.process.poll() is not None:
            run.pytest_exit = tests.process.returncode
            break

    run.tests_ms = int((time.monotonic() - tests_started) * 1000)
    end_children(run.job_plan, app, tests)
    for reader in readers:
        if reader is tests.results:
            receive_results(run, tests)
        else:
            reader.drain()
    if run.pytest_exit is None:
        run.pytest_exit = tests.process.returncode
    if job.mode == "process":
        run.internal_output = tests.output.text()[-4000:]
    if app and run.app_failure is None and read_oom_kills() > run.oom_before:
        run.app_failure = {"kind": "oom", "message": f"ran out of memory (limit {job.memory_limit_mb} MB)",
                           "beforeReady": False}
    return {"output": learner_out.text(), "outputTruncated": learner_out.truncated}


def write_report(report: dict) -> None:
    data = json.dumps(report).encode()
    write_all(1, f"done {len(data)}\n".encode() + data)


def write_all(fd: int, data: bytes) -> None:
    while data:
        data = data[os.write(fd, data):]


def read_stdin(size: int, deadline: float, data: bytes = b"") -> bytes | None:
    """`data` plus what stdin brings until it holds `size` bytes; None when stdin closes or the deadline passes."""
    while len(data) < size:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([0], [], [], left)[0]:
            return None
        chunk = os.read(0, min(1 << 20, size - len(data)))
        if not chunk:
            return None
        data += chunk
    return data


def wait_for_job(idle_seconds: float) -> bytes | None:
    """The job once the sandbox has written "go <length>" and the job on stdin; None when stdin
    closes (the grader that started this container is gone), nothing comes within idle_seconds (a
    pool's stale spare), or what comes is not a job."""
    print("ready", flush=True)
    line = b""
    deadline = time.monotonic() + idle_seconds
    while b"\n" not in line:
        left = deadline - time.monotonic()
        if left <= 0 or len(line) > 64 or not select.select([0], [], [], left)[0]:
            return None
        chunk = os.read(0, 64)
        if not chunk:
            return None
        line += chunk
    head, rest = line.split(b"\n", 1)
    word, _, length = head.strip().partition(b" ")
    if word != b"go" or not length.isdigit() or int(length) > MAX_JOB_BYTES:
        print(f"not a job: {head[:64]!r}", file=sys.stderr, flush=True)
        return None
    job = read_stdin(int(length), time.monotonic() + JOB_READ_SECONDS, rest)
    if job is None:
        print("the job ended early", file=sys.stderr, flush=True)
    return job


def check_job_matches(job: Job, plan: Plan) -> None:
    if (job.mode, job.learner_uid, job.tester_uid, job.app_uid) != (plan.mode, plan.learner_uid, plan.tester_uid, plan.app_uid):
        raise ValueError(f"job {job.mode}/{job.learner_uid} sent to a container prepared for {plan.mode}/{plan.learner_uid}")


def linger_until_removed(seconds: float) -> None:
    """After "done" the sandbox removes the container; stopping on our own
    (stdin closed, or at the latest after `seconds`) is only for a grader that went away."""
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        if select.select([0], [], [], left)[0] and not os.read(0, 64):
            return


def main() -> None:
    plan = read_plan()
    import_pytest_plugins()
    # Everything imported so far is kept out of the garbage collector's sight: the children
    # would otherwise scan, and so copy, all of it on their first collection.
    gc.freeze()
    app, tests = fork_children(plan)
    message = wait_for_job(plan.idle_seconds)
    if message is None:
        end_children(plan, app, tests)
        return
    started = time.monotonic()
    report: dict = {"version": 1}
    try:
        received = json.loads(message)
        job = read_job(received["config"])
        check_job_matches(job, plan)
        stage_job(job, received["files"])
        run = Run(job, plan, started)
        try:
            captured = supervise(run, app, tests)
        finally:
            end_children(plan, app, tests)
        oom = read_oom_kills() > run.oom_before
        report.update({
            "events": run.results.events, "forgedLines": run.results.rejected + int(tests.results.is_overflowed),
            "appFailure": run.app_failure,
            "timedOut": run.timed_out, "oomKilled": oom, "pytestExit": run.pytest_exit,
            "testsMs": run.tests_ms, "internalOutput": run.internal_output, **captured})
    except Exception:  # a runner bug must still produce a report that says so
        end_children(plan, app, tests)
        report["internalError"] = traceback.format_exc()[-4000:]
    report["runnerMs"] = int((time.monotonic() - started) * 1000)
    write_report(report)
    linger_until_removed(LINGER_SECONDS)


if __name__ == "__main__":
    main()
