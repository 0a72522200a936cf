import re

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

app = FastAPI(title="Price quotes")

COUPONS = {"SAVE10": 10.00}


# ---------- small pure functions ----------

def bulk_rate(quantity: int) -> float:
    """Discount rate for a quantity: 10% from 100 units, 5% from 10 units, else 0."""
    if quantity >= 100:
        return 0.10
    if quantity >= 10:
        return 0.05
    return 0.0


def quote(unit_price: float, quantity: int, coupon: str | None) -> dict:
    subtotal = round(unit_price * quantity, 2)
    discount = round(subtotal * bulk_rate(quantity), 2)
    if coupon is not None:
        discount = round(discount + COUPONS.get(coupon, 0.0), 2)
    total = round(max(subtotal - discount, 0.0), 2)
    discount = round(subtotal - total, 2)
    return {"subtotal": subtotal, "discount": discount, "total": total}


def slugify(text: str, max_length: int = 30) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:max_length].strip("-")


# ---------- HTTP layer ----------

class QuoteRequest(BaseModel):
    unit_price: float = Field(gt=0, le=10_000)
    quantity: int = Field(ge=1, le=1000)
    coupon: str | None = None


@app.post("/quote")
def create_quote(body: QuoteRequest):
    try:
        return quote(body.unit_price, body.quantity, body.coupon)
    except ValueError as exc:
        raise HTTPException(status_code=400, detail=str(exc))


@app.get("/slug")
def make_slug(text: str):
    slug = slugify(text)
    if not slug:
        raise HTTPException(status_code=400, detail="text has no letters or digits")
    return {"slug": slug}
