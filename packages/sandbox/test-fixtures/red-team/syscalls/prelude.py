"""Start of every syscall red-team submission: main.py is this file followed by one attack file
(see syscallSubmission in red-team-cases.ts)."""
import ctypes
import errno
import platform

from fastapi import FastAPI

libc = ctypes.CDLL(None, use_errno=True)
ARCH = platform.machine()


def attempt(label, numbers, *args):
    """A raw syscall, as learner code can make one through ctypes; the grading seccomp profile must refuse it."""
    result = libc.syscall(numbers[ARCH], *args)
    if result == -1:
        print(f"SYSCALL-REFUSED {label} {errno.errorcode.get(ctypes.get_errno(), ctypes.get_errno())}")
    else:
        print(f"SYSCALL-ALLOWED {label} {result}")
    return result


app = FastAPI()


@app.get("/hello")
def hello(name: str = "World"):
    return {"message": f"Hello, {name}!"}


# The attack follows.
