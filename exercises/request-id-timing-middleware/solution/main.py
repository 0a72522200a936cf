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
    start = time.perf_counter()
    incoming = request.headers.get("x-request-id")
    request_id = incoming if incoming and REQUEST_ID_RE.fullmatch(incoming) else uuid.uuid4().hex
    request.state.request_id = request_id
    response = await call_next(request)
    elapsed_ms = (time.perf_counter() - start) * 1000
    response.headers["X-Request-ID"] = request_id
    response.headers["X-Process-Time-Ms"] = f"{elapsed_ms:.2f}"
    return response


@app.get("/ping")
def ping():
    return {"message": "pong"}


@app.get("/request-id")
def read_request_id(request: Request):
    return {"request_id": request.state.request_id}


@app.get("/slow")
async def slow(ms: Annotated[int, Query(ge=0, le=2000)] = 100):
    await asyncio.sleep(ms / 1000)
    return {"slept_ms": ms}
