//! Wrong: breaks "a field that is absent or `null` keeps its value" (with "the answer: `200 OK` with the whole post")
//! The learner brings FastAPI's PATCH recipe, `update_data = patch.model_dump(exclude_unset=True)`
//! then `if not update_data: raise HTTPException(400, "No fields to update")`: a patch that names
//! neither field (`{}`, `{"title": null}`, `{"userId": 9}`) is "a client bug" and answered 400 in
//! the API's error shape. Every real edit is right; a patch of nothing should be a 200 with the
//! post.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, ErrorBody, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, Response> {
    if let Some(title) = &patch.title {
        check_title(title).map_err(IntoResponse::into_response)?;
    }
    let mut store = state.store();
    let post = store
        .get_mut(id)
        .ok_or(ApiError::NotFound(id))
        .map_err(IntoResponse::into_response)?;
    if patch.title.is_none() && patch.body.is_none() {
        let error = ErrorBody {
            error: "no fields to update: send a `title` or a `body`".to_owned(),
        };
        return Err((StatusCode::BAD_REQUEST, Json(error)).into_response());
    }
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Ok(Json(post.clone()))
}
