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
def list_products(category: str | None = None, in_stock: bool | None = None):
    result = sorted(PRODUCTS, key=lambda p: p["id"])
    if category is not None:
        result = [p for p in result if p["category"].lower() == category.lower()]
    if in_stock is not None:
        result = [p for p in result if p["in_stock"] == in_stock]
    return result


@app.get("/products/{product_id}")
def read_product(product_id: int):
    for product in PRODUCTS:
        if product["id"] == product_id:
            return product
    raise HTTPException(status_code=404, detail="Product not found")


@app.get("/categories")
def list_categories():
    return sorted({p["category"] for p in PRODUCTS})
