from fastapi import FastAPI

app = FastAPI(title="Catalogue")

# TODO: include the items router from routers_items


@app.get("/health", tags=["meta"])
def health():
    return {"status": "ok"}
