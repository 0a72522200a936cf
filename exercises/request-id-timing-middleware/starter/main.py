import asyncio
import re
import time
import uuid
from typing import Annotated

from fastapi import FastAPI, Query, Request

app = FastAPI(title="Request IDs")

REQUEST_ID_RE = re.compile(r"^[A-Za-z0-9-]{1,64}$")


@app.middleware("http")
async def request_id_and_timing(request: Request, call_next):
    # TODO:
    # - pick the request id: the incoming X-Request-ID header if it matches
    #   REQUEST_ID_RE, otherwise uuid.uuid4().hex
    # - store it in request.state.request_id BEFORE calling the endpoint
    # - measure how long call_next takes (time.perf_counter)
    # - set the X-Request-ID and X-Process-Time-Ms (2 decimals) response headers
    response = await call_next(request)
    return response


@app.get("/ping")
def ping():
    return {"message": "pong"}


@app.get("/request-id")
def read_request_id(request: Request):
    return {"request_id": getattr(request.state, "request_id", None)}


@app.get("/slow")
async def slow(ms: Annotated[int, Query(ge=0, le=2000)] = 100):
    await asyncio.sleep(ms / 1000)
    return {"slept_ms": ms}
