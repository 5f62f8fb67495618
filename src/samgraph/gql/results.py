"""Result types shared by every domain's mutations."""

from __future__ import annotations

import strawberry


@strawberry.type(description="Outcome of a delete or unlink.")
class DeleteResult:
    id: strawberry.ID
    deleted: bool = strawberry.field(description="False when there was nothing to delete.")
