import sys

for _ in range(20_000):
    sys.stdout.write("flood " * 170 + "\n")
sys.stdout.flush()

from fastapi import FastAPI

app = FastAPI()


@app.get("/hello")
def hello(name: str = "World"):
    return {"message": f"Hello, {name}!"}
