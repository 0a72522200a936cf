from fastapi import APIRouter

# TODO: import what you need from deps and schemas

# TODO: prefix /items, tag "items", and the API key check for every route of this router
router = APIRouter()


# TODO: GET /items (optional ?tag=), POST /items (201), GET /items/{item_id},
#       PATCH /items/{item_id}, DELETE /items/{item_id} (204) -- see the README
