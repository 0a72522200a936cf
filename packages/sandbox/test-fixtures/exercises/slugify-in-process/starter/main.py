from fastapi import FastAPI

app = FastAPI()


def slugify(text: str) -> str:
    return text.lower()


@app.get("/slug")
def slug(text: str):
    return {"slug": slugify(text)}
