"""Starting children under unprivileged users, and ending every process of a user."""
import os
import resource
import signal
import subprocess

BASE_ENV = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1",
            "PYTHONUNBUFFERED": "1", "PYTHONNOUSERSITE": "1"}


def _become(uid: int, cwd: str, nproc: int | None, untrusted: bool):
    """Runs in the child before exec, in this order: what needs root first, then the uid switch."""
    def apply() -> None:
        if untrusted:
            # Raising one's own OOM score is allowed, lowering it again needs CAP_SYS_RESOURCE:
            # under memory pressure the kernel kills learner code first. Written while still root,
            # as /proc/self stops being writable once the uid changes.
            with open("/proc/self/oom_score_adj", "w") as handle:
                handle.write("1000")
        if nproc is not None:
            # Per-uid process/thread cap: a fork or thread bomb stops here, not at the container's
            # pids limit, so the test runner can still run (the uid is unique to this grading).
            resource.setrlimit(resource.RLIMIT_NPROC, (nproc, nproc))
        os.setgroups([])
        os.setgid(uid)
        os.setuid(uid)
        # Only now: the scratch folder is 0700 and its owner's alone.
        os.chdir(cwd)
        os.umask(0o077)
    return apply


def spawn(argv, *, uid, cwd, env, stdout, stderr, pass_fds=(), nproc=None, untrusted=False):
    return subprocess.Popen(
        argv, env={**BASE_ENV, **env}, stdin=subprocess.DEVNULL,
        stdout=stdout, stderr=stderr, pass_fds=pass_fds, close_fds=True, start_new_session=True,
        preexec_fn=_become(uid, cwd, nproc, untrusted),
    )


def kill_all_of_user(uid: int) -> None:
    """Kills every process of `uid` (including daemons it forked) without CAP_KILL:
    a child becomes that user and sends SIGKILL to -1, which reaches exactly that user's processes."""
    if uid == 0:
        raise ValueError("refusing to kill all root processes")
    pid = os.fork()
    if pid == 0:
        try:
            os.setgroups([])
            os.setgid(uid)
            os.setuid(uid)
            os.kill(-1, signal.SIGKILL)
        finally:
            os._exit(0)
    os.waitpid(pid, 0)
