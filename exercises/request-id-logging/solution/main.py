import logging
import re
import time
import uuid
from collections import deque
from contextvars import ContextVar

from fastapi import FastAPI, HTTPException
from fastapi.responses import JSONResponse
from starlette.datastructures import Headers, MutableHeaders

VALID_ID = re.compile(r"^[A-Za-z0-9-]{1,64}$")
request_id_var: ContextVar[str] = ContextVar("request_id", default="")


class RequestIdFilter(logging.Filter):
    """Stamps every record with the id of the request being handled."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id_var.get()
        return True


class MemoryHandler(logging.Handler):
    """Keeps the most recent records so that GET /logs can show them."""

    def __init__(self, capacity: int = 1000):
        super().__init__()
        self.records: deque[dict] = deque(maxlen=capacity)

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append({
            "request_id": getattr(record, "request_id", ""),
            "level": record.levelname,
            "message": record.getMessage(),
        })


logger = logging.getLogger("app")
logger.setLevel(logging.INFO)
logger.propagate = False
memory = MemoryHandler()
memory.addFilter(RequestIdFilter())
logger.addHandler(memory)

app = FastAPI(title="Request id logging")

ITEMS = {1: "hammer", 2: "saw", 3: "drill"}


class RequestIdMiddleware:
    """Pure ASGI middleware: sees every response, including the 500 it makes itself."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = Headers(scope=scope).get("x-request-id", "")
        request_id = incoming if VALID_ID.match(incoming) else uuid.uuid4().hex
        token = request_id_var.set(request_id)
        start = time.perf_counter()
        status = {"code": 500, "started": False}

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                status["code"], status["started"] = message["status"], True
                headers = MutableHeaders(scope=message)
                headers["X-Request-ID"] = request_id
                headers["X-Response-Time-Ms"] = f"{(time.perf_counter() - start) * 1000:.2f}"
            await send(message)

        try:
            try:
                await self.app(scope, receive, send_with_headers)
            except Exception:
                if status["started"]:
                    raise
                response = JSONResponse({"detail": "internal error", "request_id": request_id},
                                        status_code=500)
                await response(scope, receive, send_with_headers)
            if scope["path"] != "/logs":
                code = status["code"]
                level = logging.ERROR if code >= 500 else logging.WARNING if code >= 400 else logging.INFO
                logger.log(level, "%s %s %s", scope["method"], scope["path"], code)
        finally:
            request_id_var.reset(token)


app.add_middleware(RequestIdMiddleware)


@app.get("/items/{item_id}")
async def read_item(item_id: int):
    logger.info("looking up item %s", item_id)
    if item_id not in ITEMS:
        raise HTTPException(status_code=404, detail="item not found")
    return {"id": item_id, "name": ITEMS[item_id]}


@app.get("/boom")
async def boom():
    raise RuntimeError("something went wrong")


@app.get("/logs")
async def read_logs(request_id: str):
    records = [{"level": r["level"], "message": r["message"]}
               for r in memory.records if r["request_id"] == request_id]
    return {"request_id": request_id, "records": records}
