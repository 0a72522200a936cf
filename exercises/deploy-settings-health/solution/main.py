from contextlib import asynccontextmanager
from functools import lru_cache
from typing import Annotated, Literal

import uvicorn
from fastapi import Depends, FastAPI, Query, Request
from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="INVENTORY_", env_file=".env", extra="ignore")

    app_name: str = "Inventory Service"
    version: str = "1.4.0"
    environment: Literal["development", "staging", "production"] = "production"
    debug: bool = False
    secret_key: SecretStr = SecretStr("change-me-in-production")
    max_page_size: int = 50
    host: str = "0.0.0.0"
    port: int = 8000


@lru_cache
def get_settings() -> Settings:
    return Settings()


settings = get_settings()
SettingsDep = Annotated[Settings, Depends(get_settings)]


@asynccontextmanager
async def lifespan(app: FastAPI):
    app.state.ready = True
    yield
    app.state.ready = False


docs_enabled = settings.environment != "production"
app = FastAPI(
    title=settings.app_name,
    version=settings.version,
    debug=settings.debug,
    docs_url="/docs" if docs_enabled else None,
    redoc_url="/redoc" if docs_enabled else None,
    lifespan=lifespan,
)

ITEMS = [{"id": i, "name": f"item-{i}"} for i in range(1, 121)]


@app.get("/health")
def health(s: SettingsDep):
    return {"status": "ok", "version": s.version, "environment": s.environment}


@app.get("/ready")
def ready(request: Request):
    return {"ready": getattr(request.app.state, "ready", False)}


@app.get("/info")
def info(s: SettingsDep):
    return s.model_dump(include={"app_name", "version", "environment", "debug", "max_page_size"})


@app.get("/items")
def list_items(s: SettingsDep, limit: Annotated[int, Query(ge=1)] = 10):
    return {"limit": min(limit, s.max_page_size), "items": ITEMS[: min(limit, s.max_page_size)]}


if __name__ == "__main__":
    uvicorn.run("main:app", host=settings.host, port=settings.port)
