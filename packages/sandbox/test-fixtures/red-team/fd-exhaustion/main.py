handles = []
try:
    while True:
        handles.append(open("/dev/null"))
except OSError as error:
    print(f"FD-LIMIT {len(handles)}: {error.strerror}")

from fastapi import FastAPI

app = FastAPI()


@app.get("/hello")
def hello(name: str = "World"):
    return {"message": f"Hello, {name}!"}
