from typing import Annotated

from fastapi import FastAPI, Query
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    # TODO: read variables prefixed with INVENTORY_ (and a .env file), ignore unknown ones
    model_config = SettingsConfigDict()

    app_name: str = "Inventory Service"
    # TODO: version, environment, debug, secret_key, max_page_size, host, port (see README)


# TODO: a cached get_settings() used as a dependency, and a lifespan that marks the app ready

# TODO: title, version, docs and redoc from the settings
app = FastAPI()

ITEMS = [{"id": i, "name": f"item-{i}"} for i in range(1, 121)]


@app.get("/health")
def health():
    # TODO: status, version and environment
    return {"status": "ok"}


@app.get("/ready")
def ready():
    # TODO: true once the lifespan has started
    return {"ready": False}


@app.get("/info")
def info():
    # TODO: the public settings only
    return {}


@app.get("/items")
def list_items(limit: Annotated[int, Query(ge=1)] = 10):
    # TODO: never more than max_page_size items
    return {"limit": limit, "items": ITEMS[:limit]}


# TODO: run with uvicorn on settings.host / settings.port when executed as a script
