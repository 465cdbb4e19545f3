//! Wrong: breaks "JSON of another shape (`{"title": 5}`, [...]: 422 ...)"
//! The learner keeps the editable fields in one struct of their own, `PostFields`, and flattens
//! it into the request type as an `Option` (pydantic's `fields: Optional[PostFields]`), "so that
//! a request that edits nothing is `None`". serde reads a flattened `Option` by trying the inner
//! type and turning any error into `None`: `{"title": 5}` and `{"title": "t", "body": 5}` are
//! a patch of nothing, `200` with the post unchanged, where `Json<PostPatch>` answers 422.

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields of a post a client may change.
#[derive(Debug, Deserialize)]
struct PostFields {
    title: Option<String>,
    body: Option<String>,
}

/// The body of `PATCH /posts/{id}`.
#[derive(Debug, Deserialize)]
struct PatchRequest {
    #[serde(flatten)]
    fields: Option<PostFields>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(request): Json<PatchRequest>,
) -> Result<Json<Post>, ApiError> {
    let Some(fields) = request.fields else {
        // Nothing to edit: the post as it is.
        let store = state.store();
        let post = store.get(id).ok_or(ApiError::NotFound(id))?;
        return Ok(Json(post.clone()));
    };
    if let Some(title) = fields.title.as_deref() {
        check_title(title)?;
    }
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    if let Some(title) = fields.title {
        post.title = title;
    }
    if let Some(body) = fields.body {
        post.body = body;
    }
    Ok(Json(post.clone()))
}
