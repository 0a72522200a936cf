import threading
from typing import Annotated

from fastapi import BackgroundTasks, FastAPI, HTTPException, Query, status
from pydantic import BaseModel, EmailStr, Field

app = FastAPI(title="Orders")

lock = threading.Lock()
orders: dict[int, dict] = {}
audit_log: list[dict] = []
outbox: list[dict] = []
next_id = 1


class OrderCreate(BaseModel):
    item: str = Field(min_length=1, max_length=50)
    quantity: int = Field(ge=1, le=100)
    email: EmailStr | None = None


class Order(BaseModel):
    id: int
    item: str
    quantity: int
    status: str


def process_order(order_id: int) -> None:
    # TODO: mark the order "processed" and append
    # {"order_id": ..., "event": "processed", "message": "Processed <quantity> x <item>"}
    # to audit_log
    pass


def send_confirmation(email: str, order_id: int) -> None:
    # TODO: append {"to": email, "subject": "Order <id> confirmed"} to outbox
    pass


@app.post("/orders", response_model=Order, status_code=status.HTTP_202_ACCEPTED)
def create_order(data: OrderCreate, background_tasks: BackgroundTasks):
    global next_id
    with lock:
        order = {"id": next_id, "item": data.item, "quantity": data.quantity, "status": "pending"}
        orders[next_id] = order
        next_id += 1
        snapshot = dict(order)
    # TODO: schedule process_order (always) and send_confirmation (only when an
    # email was given) as background tasks, to run after the response is sent
    return snapshot


@app.get("/orders/{order_id}", response_model=Order)
def read_order(order_id: int):
    order = orders.get(order_id)
    if order is None:
        raise HTTPException(status_code=404, detail="Order not found")
    return order


@app.get("/audit-log")
def read_audit_log(order_id: Annotated[int | None, Query()] = None):
    return [e for e in audit_log if order_id is None or e["order_id"] == order_id]


@app.get("/outbox")
def read_outbox(to: Annotated[str | None, Query()] = None):
    return [m for m in outbox if to is None or m["to"] == to]
