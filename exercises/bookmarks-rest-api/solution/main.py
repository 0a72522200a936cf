from fastapi import FastAPI

import routers_bookmarks

app = FastAPI(title="Bookmarks", version="1.0.0")
app.include_router(routers_bookmarks.router)
