//! Wrong: breaks "no panic, whatever the request."
//! The learner logs every edit with the client that made it, as their aiohttp handler did with
//! `request.headers.get("User-Agent", "-")`, and writes `value.to_str().unwrap()` ("a header is
//! text"). `HeaderValue::to_str` fails on any byte over 0x7F, which hyper accepts in a header
//! (obs-text): a client whose `User-Agent` carries a non-ASCII name (`curl -A 'café-bot/1.0'`, or
//! Python's http.client sending `José's script` as Latin-1) panics the handler and gets a dropped
//! connection. Every request without a `User-Agent`, or with an ASCII one, is answered right.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, header};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a patch may change; serde ignores any other.
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
    headers: HeaderMap,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    // Who edits what: the access log line the learner's aiohttp app always had.
    let client = headers
        .get(header::USER_AGENT)
        .map_or("-", |value| value.to_str().unwrap());
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    eprintln!("post {id} edited by {client}");
    Ok(Json(post.clone()))
}
