import time
from collections import Counter
from itertools import count

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import PlainTextResponse
from pydantic import BaseModel, Field

STARTED = time.monotonic()
request_counts: Counter[tuple[str, str, int]] = Counter()   # (method, path template, status) -> n

app = FastAPI(title="Orders with metrics")

orders: dict[int, dict] = {
    1: {"id": 1, "item": "keyboard", "quantity": 1},
    2: {"id": 2, "item": "mouse", "quantity": 2},
    3: {"id": 3, "item": "monitor", "quantity": 1},
}
order_ids = count(4)


# TODO: an HTTP middleware that counts every response in request_counts under
#       (method, route path template or "unmatched", status code),
#       skipping every path that starts with /metrics.


class OrderIn(BaseModel):
    item: str = Field(min_length=1, max_length=50)
    quantity: int = Field(ge=1, le=100)


@app.get("/orders/{order_id}")
def read_order(order_id: int):
    if order_id not in orders:
        raise HTTPException(status_code=404, detail="order not found")
    return orders[order_id]


@app.post("/orders", status_code=201)
def create_order(body: OrderIn):
    order = {"id": next(order_ids), **body.model_dump()}
    orders[order["id"]] = order
    return order


@app.get("/metrics")
def metrics():
    # TODO: build "requests", "errors" and "uptime_seconds" from request_counts
    return {"requests": {}, "errors": 0, "uptime_seconds": 0.0}


@app.get("/metrics/prometheus", response_class=PlainTextResponse)
def metrics_prometheus():
    # TODO: one http_requests_total line per counter
    return "# TYPE http_requests_total counter\n"
