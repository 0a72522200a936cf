from fastapi import FastAPI, HTTPException

app = FastAPI(title="Catalogue")

PRODUCTS = [
    {"id": 1, "name": "Mechanical Keyboard", "category": "electronics", "price": 89.0, "in_stock": True},
    {"id": 2, "name": "Fluent Python", "category": "books", "price": 49.9, "in_stock": True},
    {"id": 3, "name": "Desk Lamp", "category": "home", "price": 24.5, "in_stock": False},
    {"id": 4, "name": "USB-C Hub", "category": "electronics", "price": 35.0, "in_stock": False},
    {"id": 5, "name": "Throw Pillow", "category": "home", "price": 15.0, "in_stock": True},
    {"id": 6, "name": "Designing Data-Intensive Applications", "category": "books", "price": 42.0, "in_stock": False},
    {"id": 7, "name": "Noise-Cancelling Headphones", "category": "electronics", "price": 199.0, "in_stock": True},
]


@app.get("/products")
def list_products():
    # TODO: optional query parameters `category` (ignore case) and `in_stock` (bool)
    return PRODUCTS


# TODO: GET /products/{product_id} (404 {"detail": "Product not found"})


# TODO: GET /categories (distinct, sorted)
