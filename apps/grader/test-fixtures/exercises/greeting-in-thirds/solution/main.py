from fastapi import FastAPI

app = FastAPI()


@app.get("/hello")
def hello():
    return {"message": "hello"}


@app.get("/goodbye")
def goodbye():
    return {"message": "goodbye"}
