from fastapi import FastAPI

application = FastAPI()


@application.get("/hello")
def hello(name: str = "World"):
    return {"message": f"Hello, {name}!"}
