from itertools import count

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, EmailStr, Field

app = FastAPI(title="Orders")


class Customer(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    email: EmailStr


# TODO: Address (street, city, postal_code, country) and OrderItem (sku, quantity, unit_price)
#       with the constraints from the README.


class OrderIn(BaseModel):
    customer: Customer
    shipping_address: dict  # TODO: use the Address model
    items: list[dict]  # TODO: list[OrderItem], 1 to 20 items, unique skus
    gift_message: str | None = None  # TODO: at most 200 characters


ORDERS: dict[int, dict] = {}
_ids = count(1)


@app.post("/orders", status_code=201)
def create_order(order: OrderIn):
    # TODO: compute item_count, subtotal, shipping and total
    stored = {"id": next(_ids), **order.model_dump()}
    ORDERS[stored["id"]] = stored
    return stored


@app.get("/orders/{order_id}")
def read_order(order_id: int):
    if order_id not in ORDERS:
        raise HTTPException(status_code=404, detail="Order not found")
    return ORDERS[order_id]
