"""Checks lesson code blocks inside the grader image.

Reads /work/blocks/manifest.json ([{"name", "runnable"}]), parses every block with ast.parse and
runs each runnable block as `python3 block.py` in its own fresh temp dir, two at a time, then
writes /work/out/results.json ([{"name", "parsed", "ran", "exit_code", "seconds", "output", "retried"}]).
A block that timed out runs once more on its own at the end: on a busy machine a pair of
blocks can starve each other, and a slow machine is not a broken example.
"""

import ast
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

BLOCKS = "/work/blocks"
OUT = "/work/out/results.json"
TIMEOUT_SECONDS = 30
PARALLEL = 2
OUTPUT_TAIL = 4000


def check(entry):
    name = entry["name"]
    with open(os.path.join(BLOCKS, name), encoding="utf-8") as handle:
        source = handle.read()
    result = {"name": name, "parsed": True, "ran": None, "exit_code": None, "seconds": 0.0, "output": "", "retried": False, "timed_out": False}
    try:
        ast.parse(source, filename=name)
    except SyntaxError as error:
        result["parsed"] = False
        result["output"] = f"SyntaxError: {error.msg} (line {error.lineno})"
        return result
    if not entry["runnable"]:
        return result
    workdir = tempfile.mkdtemp(prefix="block-")
    shutil.copyfile(os.path.join(BLOCKS, name), os.path.join(workdir, "block.py"))
    env = {**os.environ, "HOME": workdir, "TMPDIR": workdir}
    started = time.monotonic()
    try:
        completed = subprocess.run(
            [sys.executable, "block.py"],
            cwd=workdir,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            timeout=TIMEOUT_SECONDS,
        )
        result["exit_code"] = completed.returncode
        result["output"] = completed.stdout.decode("utf-8", "replace")[-OUTPUT_TAIL:]
    except subprocess.TimeoutExpired as error:
        result["exit_code"] = None
        result["timed_out"] = True
        result["output"] = f"timed out after {TIMEOUT_SECONDS} s\n" + (error.stdout or b"").decode("utf-8", "replace")[-OUTPUT_TAIL:]
    result["seconds"] = round(time.monotonic() - started, 2)
    result["ran"] = result["exit_code"] == 0
    shutil.rmtree(workdir, ignore_errors=True)
    return result


def main():
    with open(os.path.join(BLOCKS, "manifest.json"), encoding="utf-8") as handle:
        manifest = json.load(handle)
    with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
        results = list(pool.map(check, manifest))
    for index, entry in enumerate(manifest):
        if results[index]["timed_out"]:
            results[index] = {**check(entry), "retried": True}
    with open(OUT, "w", encoding="utf-8") as handle:
        json.dump(results, handle)


if __name__ == "__main__":
    main()
