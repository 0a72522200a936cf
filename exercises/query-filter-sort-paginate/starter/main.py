import math
from typing import Annotated, Literal

from fastapi import FastAPI, Query
from pydantic import BaseModel, ConfigDict, Field, model_validator

app = FastAPI(title="Outdoor gear")

PRODUCTS = [
    {"id": 1, "name": "Trail Runner Shoes", "category": "footwear", "price": 119.0, "rating": 4.6, "in_stock": True},
    {"id": 2, "name": "Hiking Boots", "category": "footwear", "price": 159.0, "rating": 4.8, "in_stock": True},
    {"id": 3, "name": "Camp Sandals", "category": "footwear", "price": 39.5, "rating": 3.9, "in_stock": False},
    {"id": 4, "name": "Down Jacket", "category": "clothing", "price": 229.0, "rating": 4.7, "in_stock": True},
    {"id": 5, "name": "Rain Shell Jacket", "category": "clothing", "price": 149.0, "rating": 4.4, "in_stock": False},
    {"id": 6, "name": "Merino Base Layer", "category": "clothing", "price": 79.0, "rating": 4.5, "in_stock": True},
    {"id": 7, "name": "Trekking Poles", "category": "accessories", "price": 59.0, "rating": 4.2, "in_stock": True},
    {"id": 8, "name": "Headlamp", "category": "accessories", "price": 29.0, "rating": 4.6, "in_stock": True},
    {"id": 9, "name": "Water Filter", "category": "accessories", "price": 39.5, "rating": 4.3, "in_stock": False},
    {"id": 10, "name": "Two-Person Tent", "category": "shelter", "price": 349.0, "rating": 4.5, "in_stock": True},
    {"id": 11, "name": "Ultralight Tarp", "category": "shelter", "price": 89.0, "rating": 4.1, "in_stock": True},
    {"id": 12, "name": "Bivy Sack", "category": "shelter", "price": 129.0, "rating": 3.8, "in_stock": False},
    {"id": 13, "name": "Sleeping Bag -5C", "category": "sleep", "price": 259.0, "rating": 4.7, "in_stock": True},
    {"id": 14, "name": "Inflatable Sleeping Pad", "category": "sleep", "price": 119.0, "rating": 4.4, "in_stock": True},
    {"id": 15, "name": "Camp Pillow", "category": "sleep", "price": 25.0, "rating": 4.0, "in_stock": True},
    {"id": 16, "name": "Trail Gaiters", "category": "accessories", "price": 35.0, "rating": 4.2, "in_stock": False},
    {"id": 17, "name": "Fleece Jacket", "category": "clothing", "price": 99.0, "rating": 4.6, "in_stock": True},
    {"id": 18, "name": "Camp Stove", "category": "cooking", "price": 69.0, "rating": 4.5, "in_stock": True},
    {"id": 19, "name": "Titanium Pot", "category": "cooking", "price": 49.0, "rating": 4.6, "in_stock": False},
    {"id": 20, "name": "Camp Mug", "category": "cooking", "price": 19.0, "rating": 4.1, "in_stock": True},
    {"id": 21, "name": "Trail Map Case", "category": "accessories", "price": 15.0, "rating": 3.7, "in_stock": True},
    {"id": 22, "name": "Hiking Socks", "category": "clothing", "price": 19.0, "rating": 4.8, "in_stock": True},
    {"id": 23, "name": "Approach Shoes", "category": "footwear", "price": 139.0, "rating": 4.3, "in_stock": True},
    {"id": 24, "name": "Camp Chair", "category": "shelter", "price": 59.0, "rating": 4.0, "in_stock": True},
    {"id": 25, "name": "Backpack 40L", "category": "accessories", "price": 179.0, "rating": 4.7, "in_stock": True},
]


# TODO: describe the query parameters in a model and use it as
#       filters: Annotated[ProductFilter, Query()]
#       q (2-50 chars), category (repeatable), min_price / max_price (>= 0, min <= max),
#       in_stock, sort (name, -name, price, -price, rating, -rating), page (>= 1),
#       size (1-50), and no unknown parameters (422).
class ProductFilter(BaseModel):
    category: str | None = None
    page: int = 1
    size: int = 10


@app.get("/products")
def list_products(filters: Annotated[ProductFilter, Query()]):
    found = [p for p in PRODUCTS if filters.category is None or p["category"] == filters.category]
    # TODO: the other filters and sorting
    total = len(found)
    start = (filters.page - 1) * filters.size
    return {
        "items": found[start : start + filters.size],
        "total": total,
        "page": filters.page,
        "size": filters.size,
        "pages": math.ceil(total / filters.size),
    }
