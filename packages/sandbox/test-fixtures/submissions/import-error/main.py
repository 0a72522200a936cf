from fastapi import FastAPI

app = FastAPI()
settings = load_settings()
