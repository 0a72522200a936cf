import re

from fastapi import FastAPI

app = FastAPI()


def slugify(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))


@app.get("/slug")
def slug(text: str):
    return {"slug": slugify(text)}
