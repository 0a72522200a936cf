"""A tiny app that reports which migration it ships with. Nothing to change here."""
from fastapi import FastAPI

import migration

app = FastAPI(title="Blog schema")


@app.get("/migration")
def current_migration():
    return {"revision": migration.revision, "down_revision": migration.down_revision}
