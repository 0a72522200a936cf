from fastapi import FastAPI

app = FastAPI(title="Greeting API", version="1.0.0")


@app.get("/")
def root():
    return {"message": "Welcome to the Greeting API"}


@app.get("/health")
def health():
    return {"status": "ok"}


@app.get("/hello/{name}")
def hello(name: str, shout: bool = False):
    message = f"Hello, {name}!"
    return {"message": message.upper() if shout else message}


@app.get("/add")
def add(a: int, b: int):
    return {"a": a, "b": b, "sum": a + b}
