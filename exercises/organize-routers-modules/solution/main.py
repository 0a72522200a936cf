from fastapi import FastAPI

import routers_items

app = FastAPI(title="Catalogue")
app.include_router(routers_items.router)


@app.get("/health", tags=["meta"])
def health():
    return {"status": "ok"}
