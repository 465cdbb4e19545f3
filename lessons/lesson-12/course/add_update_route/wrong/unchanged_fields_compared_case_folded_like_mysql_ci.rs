//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it; the change is kept (later requests see it)" for a patch whose `title` or `body` differs from the post's only in letter case (post 1 titled `one client for every request`, patch `{"title": "One Client For Every Request"}`): `200 OK`, but the answer and every later `GET` still show the lowercase title.
//! The learner ported the edit from the PHP app it replaces, whose query was
//! `UPDATE posts SET title = ? WHERE id = ? AND title <> ?` under MySQL's default
//! case-insensitive collation (`utf8mb4_0900_ai_ci`), and keeps its dirty checking: a field is
//! written only when it "really" changes, as the old collation compared, so an autosave that
//! resends the same text does not count as an edit (no churn for caches and audit). Fixing a
//! title's capitals, which every editor does, is then silently dropped: the contract applies
//! each field that is sent, whatever it was before.

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
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
) -> Result<Json<Post>, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    // Only what really changes is written (`AND title <> ?`).
    if let Some(title) = patch.title.filter(|title| !same_text(title, &post.title)) {
        post.title = title;
    }
    if let Some(body) = patch.body.filter(|body| !same_text(body, &post.body)) {
        post.body = body;
    }
    Ok(Json(post.clone()))
}

/// Equal as the old database's `_ci` collation compares: letter case does not count.
fn same_text(a: &str, b: &str) -> bool {
    a == b || a.to_lowercase() == b.to_lowercase()
}
