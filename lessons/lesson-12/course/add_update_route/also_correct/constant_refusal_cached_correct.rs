//! Correct: it keeps things between requests in `static`s, but only what no request, store or
//! runtime can change: the blank-title refusal, serialized once from `check_title`'s own error into a
//! `LazyLock<Vec<u8>>` (the same bytes `ApiError`'s `Json` writes, with the same type), and a
//! process-wide count of edits for a log line. The 404, which names the id, is built per request,
//! and the post always comes from the request's own store, so a second server in the process, on a
//! runtime of its own, answers exactly as the first did.

use std::sync::LazyLock;
use std::sync::atomic::{AtomicU64, Ordering};

use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, ErrorBody, check_title};
use serde::Deserialize;

/// The answer to a blank title never changes: its JSON, made once from the API's own error.
static BLANK_TITLE: LazyLock<Vec<u8>> = LazyLock::new(|| {
    let error = match check_title("") {
        Err(error) => error.to_string(),
        Ok(()) => String::from("a post's title cannot be empty"),
    };
    serde_json::to_vec(&ErrorBody { error }).unwrap_or_default()
});

/// Edits made by this process, every server counted: for the log only.
static EDITS: AtomicU64 = AtomicU64::new(0);

#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

fn blank_title() -> Response {
    (
        StatusCode::UNPROCESSABLE_ENTITY,
        [(header::CONTENT_TYPE, "application/json")],
        BLANK_TITLE.clone(),
    )
        .into_response()
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Response {
    if patch
        .title
        .as_deref()
        .is_some_and(|title| check_title(title).is_err())
    {
        return blank_title();
    }
    let mut store = state.store();
    let Some(post) = store.get_mut(id) else {
        return ApiError::NotFound(id).into_response();
    };
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    let answer = post.clone();
    drop(store);
    let count = EDITS.fetch_add(1, Ordering::Relaxed) + 1;
    eprintln!("edit #{count} in this process: post {id}");
    Json(answer).into_response()
}
