from fastapi import FastAPI

# TODO: set the title "Greeting API" and the version "1.0.0"
app = FastAPI()


@app.get("/")
def root():
    return {"message": "Welcome to the Greeting API"}


# TODO: GET /health -> {"status": "ok"}


@app.get("/hello/{name}")
def hello(name: str):
    # TODO: optional boolean query parameter `shout` (upper-case the message)
    return {"message": f"Hello, {name}!"}


# TODO: GET /add?a=..&b=.. -> {"a": a, "b": b, "sum": a + b}
