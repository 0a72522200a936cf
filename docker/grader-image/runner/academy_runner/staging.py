"""Puts a job's files in place, each folder written as the user that owns it.

The supervisor holds no CAP_CHOWN or CAP_DAC_OVERRIDE, so a file belongs to whoever creates it:
each folder is written with the supervisor's effective uid and gid switched to its owner
(CAP_SETUID and CAP_SETGID allow that and the way back), into a tmpfs the container mounted for
that owner (sandbox: container-spec.ts). Nothing of the learner's runs yet when this happens."""
import os
from contextlib import contextmanager

from academy_runner.job import Job

ROOT = 0


@contextmanager
def acting_as(uid: int, umask: int):
    previous_umask = os.umask(umask)
    try:
        if uid != ROOT:
            os.setegid(uid)
            os.seteuid(uid)
        yield
    finally:
        os.seteuid(ROOT)
        os.setegid(ROOT)
        os.umask(previous_umask)


def _place(base: str, name: str) -> str:
    path = os.path.normpath(os.path.join(base, name))
    if os.path.isabs(name) or not path.startswith(base + "/"):
        raise ValueError(f"a job file outside its folder: {name!r}")
    return path


def write_tree(base: str, files: list, owner: int, dir_mode: int, file_mode: int) -> None:
    """Writes `files` ({"name", "content"}) under `base` as `owner`; folders get dir_mode, files file_mode."""
    with acting_as(owner, 0o777 & ~dir_mode):
        for file in files:
            path = _place(base, file["name"])
            os.makedirs(os.path.dirname(path), exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, file_mode)
            with os.fdopen(fd, "wb") as handle:
                handle.write(file["content"].encode("utf-8"))


def stage_job(job: Job, files: dict) -> None:
    """Into the folders the job's config names: the submission readable by every user and
    writable by none; the tests their runner's alone (the learner's in-process, where the
    learner's code is the test process); the author's app (write-tests) the app user's alone."""
    tests_owner = job.learner_uid if job.mode == "in-process" else job.tester_uid
    write_tree(job.submission_dir, files["submission"], ROOT, 0o755, 0o644)
    tests_by_visibility = {"visible": files["visibleTests"], "hidden": files["hiddenTests"]}
    for directory in job.test_dirs:
        if directory.path != job.submission_dir:
            write_tree(directory.path, tests_by_visibility[directory.visibility], tests_owner, 0o700, 0o600)
    if files.get("appFiles") is not None:
        write_tree(job.app_dir, files["appFiles"], job.app_uid, 0o700, 0o600)
