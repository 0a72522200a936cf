"""In-process hardening: an audit hook, installed after the tests are read into memory and
before any learner code runs, that refuses the obvious ways to reach the tests or the runner.

It cannot make in-process grading tamper-proof (learner code shares the interpreter with the
tests: it can inspect their code objects or patch pytest); `isolation: process` is."""
import os
import sys

# Spawning a process would escape the hook; ctypes, gc introspection and tracing (settrace,
# setprofile, sys.monitoring) bypass it or reach test code and the runner's frames.
BLOCKED_EVENTS = frozenset({
    "subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork",
    "os.forkpty", "os.kill", "os.killpg", "pty.spawn",
    "ctypes.dlopen", "ctypes.dlsym", "ctypes.call_function", "ctypes.cdata", "ctypes.addressof",
    "gc.get_objects", "gc.get_referrers", "gc.get_referents", "sys._current_frames",
    "sys.settrace", "sys.setprofile", "sys.monitoring.register_callback", "os.symlink", "os.link",
})
# Events whose first argument(s) are paths, checked against the protected locations.
# Listing stays allowed: pytest collects by listing, and file names are not secret.
PATH_EVENTS = {
    "open": 1, "os.chmod": 1, "os.chown": 1, "os.remove": 1,
    "os.rmdir": 1, "os.truncate": 1, "os.utime": 1, "os.mkdir": 1, "os.rename": 2,
    "shutil.copyfile": 2, "shutil.copytree": 2, "os.chdir": 1,
}
# Reopening the results pipe or reading memory through /proc would bypass the checks above.
PROC_PARTS = ("/fd", "/fdinfo", "/mem", "/map_files", "/environ")


def _is_protected(path, protected: tuple) -> bool:
    if isinstance(path, int) or path is None:
        return False
    if isinstance(path, bytes):
        path = path.decode("utf-8", "replace")
    path = os.path.abspath(os.fspath(path))
    if path.startswith("/proc/") or path.startswith("/dev/fd"):
        return path.startswith("/dev/fd") or any(part in path for part in PROC_PARTS)
    return any(path == p or path.startswith(p + "/") for p in protected)


def install_guard(protected_paths, sealed) -> None:
    """`sealed`: objects whose frame learner code must not reach (the results channel's generator,
    whose frame holds the key, the sequence number and the results so far)."""
    protected = tuple(os.path.abspath(p) for p in protected_paths)
    sealed = tuple(sealed)

    def hook(event: str, args: tuple) -> None:
        if event in BLOCKED_EVENTS:
            raise PermissionError(f"not allowed during grading: {event}")
        if event == "object.__getattr__" and args[1] == "gi_frame" and any(args[0] is s for s in sealed):
            raise PermissionError("not allowed during grading: the results channel's frame")
        if event == "object.__setattr__" and args[1] == "__code__":
            # Swapping a function's code in place keeps its identity, which is what the integrity check compares.
            raise PermissionError("not allowed during grading: replacing a function's code")
        count = PATH_EVENTS.get(event)
        if count:
            for path in args[:count]:
                if _is_protected(path, protected):
                    raise PermissionError(f"not allowed during grading: {event} {path}")
        elif event == "import" and args and args[0] in ("ctypes", "_ctypes"):
            raise ImportError("ctypes is not available during grading")

    sys.addaudithook(hook)
