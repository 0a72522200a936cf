"""Container entry point (root, with only CAP_SETUID/CAP_SETGID): starts the app under test and
pytest as two different unprivileged users, relays what happens between them, enforces the
deadline and writes /grader/out/report.json, a root-only folder no other user can reach."""
import json
import os
import select
import signal
import time
import traceback

from academy_runner.capture import CappedCapture, LineReader
from academy_runner.job import OUT_DIR, Job, read_job
from academy_runner.oom import read_oom_kills
from academy_runner.processes import kill_all_of_user, spawn
from academy_runner.syntax_check import find_syntax_error

RUNNER_DIR = os.path.dirname(os.path.abspath(__file__))
# -I ignores PYTHON* variables (so PYTHONUNBUFFERED too): -u keeps learner prints from dying in a buffer at SIGKILL.
PYTHON = ["/usr/bin/python3", "-I", "-u"]


class Run:
    def __init__(self, job: Job, started: float):
        self.job = job
        self.started = started
        self.deadline = started + job.timeout_ms / 1000
        self.oom_before = read_oom_kills()
        self.events: list = []
        self.app_failure: dict | None = None
        self.app_imported = False
        self.timed_out = False
        self.tests_ms = 0
        self.pytest_exit: int | None = None
        self.internal_output = ""

    def remaining_ms(self) -> int:
        return max(0, int((self.deadline - time.monotonic()) * 1000))


def start_app(run: Run, status_w: int):
    job = run.job
    events_r, events_w = os.pipe()
    out_r, out_w = os.pipe()
    untrusted = job.mode == "process"
    uid = job.learner_uid if untrusted else job.app_uid
    process = spawn(
        PYTHON + ["-m", "academy_runner.launch_app"], uid=uid, cwd="/scratch/app",
        env={"HOME": "/scratch/app", "TMPDIR": "/scratch/app", "ACADEMY_EVENTS_FD": str(events_w),
             "ACADEMY_SOURCE_DIR": job.app_dir, "ACADEMY_ENTRYPOINT": job.entrypoint},
        stdout=out_w, stderr=out_w, pass_fds=(events_w,),
        nproc=job.learner_nproc if untrusted else None, untrusted=untrusted)
    os.close(events_w)
    os.close(out_w)
    return process, LineReader(events_r, cap=64 * 1024), CappedCapture(out_r, job.output_cap_bytes)


def start_pytest(run: Run, results_w: int, status_r: int | None):
    job = run.job
    untrusted = job.mode != "process"
    uid = job.tester_uid if not untrusted else job.learner_uid
    cwd = "/scratch/app" if job.mode == "in-process" else "/scratch/tests"
    roots = [d.path for d in job.test_dirs]
    # Loaded only when a test file is asynchronous: importing them costs ~0.25 s of the CPU budget.
    async_plugins = ["-p", "pytest_asyncio.plugin", "-p", "anyio.pytest_plugin"] if job.needs_async_plugins else []
    out_r, out_w = os.pipe()
    pass_fds = (results_w,) + ((status_r,) if status_r is not None else ())
    argv = PYTHON + [
        "-m", "pytest", "-c", os.path.join(RUNNER_DIR, "pytest.ini"),
        "--rootdir", os.path.commonpath(roots), "--noconftest", "-p", "no:cacheprovider",
        "-p", "no:doctest", *async_plugins, "-p", "academy_runner.plugin", "-q", "-s", *roots]
    process = spawn(
        argv, uid=uid, cwd=cwd,
        # Plugins are named above; scanning every installed package's entry points costs ~0.1 s.
        env={"HOME": cwd, "TMPDIR": cwd, "ACADEMY_MODE": job.mode, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1",
             "ACADEMY_RESULTS_FD": str(results_w),
             **({"ACADEMY_STATUS_FD": str(status_r)} if status_r is not None else {}),
             "ACADEMY_REMAINING_MS": str(run.remaining_ms()),
             "ACADEMY_ENTRYPOINT": job.entrypoint, "ACADEMY_SOURCE_DIR": job.submission_dir,
             "ACADEMY_TEST_DIRS": json.dumps([{"path": d.path, "visibility": d.visibility} for d in job.test_dirs])},
        stdout=out_w, stderr=out_w, pass_fds=pass_fds,
        nproc=job.learner_nproc if untrusted else None, untrusted=untrusted)
    os.close(out_w)
    cap = job.output_cap_bytes if untrusted else 16 * 1024
    return process, CappedCapture(out_r, cap)


def describe_exit(run: Run, code: int, import_error: dict | None) -> dict:
    if import_error is not None:
        return {"kind": import_error.get("kind", "exception"), "message": str(import_error.get("message"))[:2000]}
    if read_oom_kills() > run.oom_before:
        return {"kind": "oom", "message": f"ran out of memory (limit {run.job.memory_limit_mb} MB)"}
    if code < 0:
        return {"kind": "crashed", "message": f"it was killed by signal {signal.Signals(-code).name}"}
    return {"kind": "crashed", "message": f"it exited with code {code}"}


def supervise(run: Run) -> dict:
    job = run.job
    syntax_error = find_syntax_error(job.submission_dir, job.learner_files)
    if syntax_error is not None:
        run.app_failure = {"kind": "syntax", "message": syntax_error, "beforeReady": True}
        return {"output": "", "outputTruncated": False}

    results_r, results_w = os.pipe()
    has_app = job.mode != "in-process"
    status_r, status_w = os.pipe() if has_app else (None, None)
    tests_started = time.monotonic()
    pytest_process, pytest_out = start_pytest(run, results_w, status_r)
    os.close(results_w)
    if status_r is not None:
        os.close(status_r)
    app = start_app(run, status_w) if has_app else None
    results = LineReader(results_r)
    learner_out = app[2] if job.mode == "process" else pytest_out
    readers = [results, pytest_out] + ([app[1], app[2]] if app else [])
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
        run.events.extend(results.drain())
        pytest_out.drain()
        if app:
            for line in app[1].drain():
                event = json.loads(line)
                if event.get("event") == "import-error" and import_error is None:
                    import_error = event
                elif event.get("event") == "imported":
                    run.app_imported = True
            app[2].drain()
            if run.app_failure is None and app[0].poll() is not None:
                app[1].drain()
                failure = describe_exit(run, app[0].returncode, import_error)
                run.app_failure = {**failure, "beforeReady": not run.app_imported}
                reason = ("it did not start: " if not run.app_imported else "") + failure["message"]
                os.write(status_w, (json.dumps({"reason": reason}) + "\n").encode())
        if pytest_process.poll() is not None:
            run.pytest_exit = pytest_process.returncode
            break

    run.tests_ms = int((time.monotonic() - tests_started) * 1000)
    for uid in {job.learner_uid, job.tester_uid, job.app_uid}:
        kill_all_of_user(uid)
    for process in [pytest_process] + ([app[0]] if app else []):
        process.wait()
    for reader in readers:
        if reader is results:
            run.events.extend(results.drain())
        else:
            reader.drain()
    if run.pytest_exit is None:
        run.pytest_exit = pytest_process.returncode
    if job.mode == "process":
        run.internal_output = pytest_out.text()[-4000:]
    if app and run.app_failure is None and read_oom_kills() > run.oom_before:
        run.app_failure = {"kind": "oom", "message": f"ran out of memory (limit {job.memory_limit_mb} MB)",
                           "beforeReady": False}
    return {"output": learner_out.text(), "outputTruncated": learner_out.truncated}


def parse_events(lines: list) -> list:
    events = []
    for line in lines:
        try:
            event = json.loads(line)
        except (ValueError, UnicodeDecodeError):
            continue
        if isinstance(event, dict):
            events.append(event)
    return events


def write_report(report: dict) -> None:
    temporary = os.path.join(OUT_DIR, "report.json.tmp")
    with open(temporary, "w", encoding="utf-8") as handle:
        json.dump(report, handle)
    os.rename(temporary, os.path.join(OUT_DIR, "report.json"))


def main() -> None:
    started = time.monotonic()
    report: dict = {"version": 1}
    try:
        run = Run(read_job(), started)
        captured = supervise(run)
        oom = read_oom_kills() > run.oom_before
        report.update({
            "events": parse_events(run.events), "appFailure": run.app_failure,
            "timedOut": run.timed_out, "oomKilled": oom, "pytestExit": run.pytest_exit,
            "testsMs": run.tests_ms, "internalOutput": run.internal_output, **captured})
    except Exception:  # a runner bug must still produce a report that says so
        report["internalError"] = traceback.format_exc()[-4000:]
    report["runnerMs"] = int((time.monotonic() - started) * 1000)
    write_report(report)


if __name__ == "__main__":
    main()
