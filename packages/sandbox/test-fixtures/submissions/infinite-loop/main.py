from fastapi import FastAPI

app = FastAPI()

while True:
    pass
