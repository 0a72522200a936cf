import time
from collections import Counter
from itertools import count

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import PlainTextResponse
from pydantic import BaseModel, Field

STARTED = time.monotonic()
request_counts: Counter[tuple[str, str, int]] = Counter()

app = FastAPI(title="Orders with metrics")

orders: dict[int, dict] = {
    1: {"id": 1, "item": "keyboard", "quantity": 1},
    2: {"id": 2, "item": "mouse", "quantity": 2},
    3: {"id": 3, "item": "monitor", "quantity": 1},
}
order_ids = count(4)


@app.middleware("http")
async def count_requests(request: Request, call_next):
    response = await call_next(request)
    if not request.url.path.startswith("/metrics"):
        route = request.scope.get("route")
        path = route.path if route is not None else "unmatched"
        request_counts[(request.method, path, response.status_code)] += 1
    return response


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
    return {
        "requests": {f"{m} {p} {s}": n for (m, p, s), n in sorted(request_counts.items())},
        "errors": sum(n for (_, _, s), n in request_counts.items() if s >= 400),
        "uptime_seconds": round(time.monotonic() - STARTED, 3),
    }


@app.get("/metrics/prometheus", response_class=PlainTextResponse)
def metrics_prometheus():
    lines = ["# TYPE http_requests_total counter"]
    for (m, p, s), n in sorted(request_counts.items()):
        lines.append(f'http_requests_total{{method="{m}",path="{p}",status="{s}"}} {n}')
    return "\n".join(lines) + "\n"
