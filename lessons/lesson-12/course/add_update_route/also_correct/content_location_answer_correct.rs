//! Correct: the answer is built the way the lesson's `create_post` builds its own, a tuple with an
//! explicit `StatusCode::OK`, a header and the post: `Content-Location: /posts/{id}` (RFC 9110: the
//! body is the current representation of that resource). An extra header, same status and body. The
//! patch struct carries `#[serde(rename_all = "camelCase")]`, copied from `NewPost` (a no-op for
//! `title` and `body`), and the guard is dropped before the answer is built.

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

/// `PATCH /posts/{id}`: 200 OK, the post as it is now, and where it lives.
async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<impl IntoResponse, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let updated = {
        let mut store = state.store();
        let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
        if let Some(title) = patch.title {
            post.title = title;
        }
        if let Some(body) = patch.body {
            post.body = body;
        }
        post.clone()
    };
    let location = format!("/posts/{}", updated.id);
    Ok((
        StatusCode::OK,
        [(header::CONTENT_LOCATION, location)],
        Json(updated),
    ))
}
