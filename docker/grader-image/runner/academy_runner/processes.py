"""Starting children under unprivileged users, and ending every process of a user."""
import json
import os
import resource
import signal
import sys
import tempfile
import traceback

BASE_ENV = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1",
            "PYTHONUNBUFFERED": "1", "PYTHONNOUSERSITE": "1"}


def _become(uid: int, cwd: str, nproc: int | None, untrusted: bool) -> None:
    """In the forked child, in this order: what needs root first, then the uid switch."""
    if untrusted:
        # Raising one's own OOM score is allowed, lowering it again needs CAP_SYS_RESOURCE:
        # under memory pressure the kernel kills learner code first. Written while still root,
        # as /proc/self stops being writable once the uid changes.
        with open("/proc/self/oom_score_adj", "w") as handle:
            handle.write("1000")
    if nproc is not None:
        # Per-uid process/thread cap: a fork or thread bomb stops here, not at the container's
        # pids limit, so the test runner can still run (the uid is unique to this container).
        resource.setrlimit(resource.RLIMIT_NPROC, (nproc, nproc))
    os.setgroups([])
    os.setgid(uid)
    os.setuid(uid)
    # Only now: the scratch folder is 0700 and its owner's alone.
    os.chdir(cwd)
    os.umask(0o077)


PR_SET_DUMPABLE = 4
MAX_MESSAGE_BYTES = 1024 * 1024


class Child:
    """A forked child, with the part of subprocess.Popen's interface the supervisor uses (poll, wait, returncode)."""

    def __init__(self, pid: int):
        self.pid = pid
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def wait(self) -> int:
        if self.returncode is None:
            _, status = os.waitpid(self.pid, 0)
            self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode


def _make_dumpable() -> None:
    """A uid change without exec leaves the process non-dumpable (its /proc entries root's):
    restore what an exec would, so the child sees its own /proc like any process. ctypes is
    unloaded again if it was not loaded before, so an in-process guard still sees its import."""
    had_ctypes = "ctypes" in sys.modules
    import ctypes
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_DUMPABLE, 1, 0, 0, 0)
    if not had_ctypes:
        for name in [m for m in sys.modules if m in ("ctypes", "_ctypes") or m.startswith("ctypes.")]:
            del sys.modules[name]


def _close_fds_except(keep) -> None:
    low = 3
    for fd in sorted(set(keep)):
        if fd >= low:
            os.closerange(low, fd)
            low = fd + 1
    os.closerange(low, os.sysconf("SC_OPEN_MAX"))


def _read_message(fd: int) -> dict | None:
    data = b""
    while not data.endswith(b"\n"):
        chunk = os.read(fd, 65536)
        if not chunk or len(data) > MAX_MESSAGE_BYTES:
            return None
        data += chunk
    return json.loads(data)


def _exit_code(exit_: SystemExit) -> int:
    if exit_.code is None:
        return 0
    if isinstance(exit_.code, int):
        return exit_.code
    print(exit_.code, file=sys.stderr)
    return 1


def fork_waiting_child(run, *, uid, cwd, output_fd, control_fd, settled_fd, keep_fds=(), nproc=None, untrusted=False) -> Child:
    """Forks a child of this (already warm) interpreter that becomes `uid` at once, closes
    `settled_fd` (see wait_until_settled), then waits on `control_fd` for one JSON line
    {"env": {...}, ...} before calling run(message). Forking saves the child importing FastAPI and
    pytest itself, which is most of a grading's CPU time; the fork happens before any job exists,
    so the child's copy of this process holds nothing secret."""
    pid = os.fork()
    if pid:
        return Child(pid)
    code = 1
    try:
        os.setsid()
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        os.dup2(output_fd, 1)
        os.dup2(output_fd, 2)
        _close_fds_except((control_fd, settled_fd, *keep_fds))
        _become(uid, cwd, nproc, untrusted)
        _make_dumpable()
        os.close(settled_fd)
        message = _read_message(control_fd)
        os.close(control_fd)
        if message is None:
            code = 0
        else:
            os.environ.clear()
            os.environ.update({**BASE_ENV, **message["env"]})
            tempfile.tempdir = None
            code = run(message) or 0
    except SystemExit as exit_:
        code = _exit_code(exit_)
    except BaseException:  # noqa: BLE001 - reported on the child's own output, like an uncaught error
        traceback.print_exc()
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:  # noqa: BLE001 - a closed or broken stream must not keep the child alive
                pass
        os._exit(code)


# Real and saved uid of the process that kills a user's processes: no user of the container has it.
KILLER_UID = 10004


def wait_until_settled(settled_r: int) -> None:
    """Returns once every child holding the write end of this pipe has closed it, i.e. has become
    its user: until then a child is still root, and killing all of its user's processes would miss
    it (a job that ends at once, such as a syntax error, would then wait on it forever)."""
    while os.read(settled_r, 64):
        pass
    os.close(settled_r)


def kill_all_of_user(uid: int) -> None:
    """Kills every process of `uid` (including daemons it forked) without CAP_KILL: a child takes
    `uid` as its effective uid and sends SIGKILL to -1, which reaches exactly that user's
    processes. Its real and saved uids are KILLER_UID, so none of those processes may signal it
    in turn (a signal needs the sender's uid to match the target's real or saved uid)."""
    if uid == 0:
        raise ValueError("refusing to kill all root processes")
    pid = os.fork()
    if pid == 0:
        try:
            # The container's stdin and stdout carry the job and the report: never held by a process of that user.
            devnull = os.open(os.devnull, os.O_RDWR)
            for fd in (0, 1, 2):
                os.dup2(devnull, fd)
            os.setgroups([])
            os.setresgid(uid, uid, uid)
            os.setresuid(KILLER_UID, uid, KILLER_UID)
            os.kill(-1, signal.SIGKILL)
        finally:
            os._exit(0)
    os.waitpid(pid, 0)
