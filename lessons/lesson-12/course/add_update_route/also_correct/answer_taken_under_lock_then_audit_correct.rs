//! Correct: the edit and the copy for the answer are taken under one lock, then an audit line is awaited (written off the runtime) and a revision count kept per router (a `u64`, in an `Extension` on the method router) is sent as an `ETag`, before the copy is answered (the control for `answer_reread_after_audit_await.rs`, `fields_set_one_at_a_time_with_audit.rs` and `edit_revision_counter_u8_overflows.rs`).
//! The handler awaits after the edit and does something per router on every patch, but the post
//! is changed in one step and the answer is the copy made in that step, so a patch handled
//! during the await neither shows in this answer nor loses anything. The counter cannot overflow
//! in any test (`u64`, and `wrapping_add` besides), and the `ETag` is an extra header that no
//! request is ever checked against.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use axum::Json;
use axum::Router;
use axum::extract::{Extension, Path, State};
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// How many times each post was edited through this router.
#[derive(Debug, Clone, Default)]
struct Revisions(Arc<Mutex<HashMap<u64, u64>>>);

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route(
        "/posts/{id}",
        patch(update_post).layer(Extension(Revisions::default())),
    )
}

async fn update_post(
    State(state): State<AppState>,
    Extension(revisions): Extension<Revisions>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<impl IntoResponse, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let fields = (patch.title.is_some(), patch.body.is_some());
    let post = {
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
    let line = format!(
        "audit: post {id} edited (title: {}, body: {})",
        fields.0, fields.1
    );
    let _ = tokio::task::spawn_blocking(move || eprintln!("{line}")).await;
    let revision = {
        let mut map = revisions.0.lock().unwrap_or_else(PoisonError::into_inner);
        let revision = map.entry(id).or_insert(0);
        *revision = revision.wrapping_add(1);
        *revision
    };
    let etag = format!("\"{id}-{revision}\"");
    Ok(([(header::ETAG, etag)], Json(post)))
}
