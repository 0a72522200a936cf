"""What a container is prepared for (its plan, in the environment at start) and the job the
sandbox sends later on the supervisor's stdin (the config part of the message)."""
import json
import os
from dataclasses import dataclass

APP_HOST = "127.0.0.1"
APP_PORT = 8000
# Learner files that would change how Python or pytest start up; never copied or run.
STRIPPED_NAMES = frozenset({
    "conftest.py", "pytest.ini", "pyproject.toml", "setup.cfg", "tox.ini",
    "sitecustomize.py", "usercustomize.py",
})


def is_stripped(name: str) -> bool:
    base = name.rsplit("/", 1)[-1]
    return base in STRIPPED_NAMES or base.endswith(".pth")


@dataclass(frozen=True)
class TestDir:
    path: str
    visibility: str


@dataclass(frozen=True)
class Job:
    mode: str               # "process" | "in-process" | "write-tests"
    entrypoint: str         # e.g. "main.py"
    timeout_ms: int
    learner_uid: int        # random per grading: untrusted code runs as this uid
    tester_uid: int
    app_uid: int
    output_cap_bytes: int
    learner_nproc: int
    memory_limit_mb: int
    app_dir: str            # the code served as the app (process / write-tests)
    submission_dir: str
    learner_files: tuple
    test_dirs: tuple
    needs_async_plugins: bool


@dataclass(frozen=True)
class Plan:
    mode: str
    learner_uid: int
    tester_uid: int
    app_uid: int
    learner_nproc: int
    idle_seconds: float


def read_plan() -> Plan:
    raw = json.loads(os.environ["ACADEMY_PLAN"])
    return Plan(
        mode=raw["mode"],
        learner_uid=int(raw["learnerUid"]),
        tester_uid=int(raw["testerUid"]),
        app_uid=int(raw["appUid"]),
        learner_nproc=int(raw["learnerNproc"]),
        idle_seconds=float(raw["idleSeconds"]),
    )


def read_job(raw: dict) -> Job:
    return Job(
        mode=raw["mode"],
        entrypoint=raw["entrypoint"],
        timeout_ms=int(raw["timeoutMs"]),
        learner_uid=int(raw["learnerUid"]),
        tester_uid=int(raw["testerUid"]),
        app_uid=int(raw["appUid"]),
        output_cap_bytes=int(raw["outputCapBytes"]),
        learner_nproc=int(raw["learnerNproc"]),
        memory_limit_mb=int(raw["memoryLimitMb"]),
        app_dir=raw["appDir"],
        submission_dir=raw["submissionDir"],
        learner_files=tuple(raw["learnerFiles"]),
        test_dirs=tuple(TestDir(d["path"], d["visibility"]) for d in raw["testDirs"]),
        needs_async_plugins=bool(raw.get("needsAsyncPlugins", True)),
    )
