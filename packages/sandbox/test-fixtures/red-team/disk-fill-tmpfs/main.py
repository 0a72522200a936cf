written = 0
try:
    with open("filler.bin", "wb") as handle:
        while True:
            handle.write(b"\0" * 1_048_576)
            handle.flush()
            written += 1
except OSError as error:
    print(f"DISK-FULL-AFTER-MB {written}: {error}")

from fastapi import FastAPI

app = FastAPI()


@app.get("/hello")
def hello(name: str = "World"):
    return {"message": f"Hello, {name}!"}
