//! Correct: the learner's worry about hostile titles (ESC sequences, Trojan Source's U+202E) goes
//! where it belongs, into the log, not into the data: every edit is logged to stderr with a short
//! preview of the new title cut by characters and written with `escape_debug` (so control and
//! text-direction characters appear as `\u{..}` escapes), after the lock is released, while the
//! post keeps exactly what the client sent. The post is found with a `match` inside a block that
//! holds the lock, and the answer is the clone that block returns.

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// How much of a title the log shows, in characters.
const PREVIEW_CHARS: usize = 60;

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    if let Some(title) = patch.title.as_deref() {
        check_title(title)?;
    }
    let title_sent = patch.title.is_some();
    let body_sent = patch.body.is_some();
    let edited = {
        let mut store = state.store();
        match store.get_mut(id) {
            None => return Err(ApiError::NotFound(id)),
            Some(post) => {
                if let Some(title) = patch.title {
                    post.title = title;
                }
                if let Some(body) = patch.body {
                    post.body = body;
                }
                post.clone()
            }
        }
    };
    let preview: String = edited.title.chars().take(PREVIEW_CHARS).collect();
    eprintln!(
        "edited post {id} (title sent: {title_sent}, body sent: {body_sent}): \"{}\"",
        preview.escape_debug()
    );
    Ok(Json(edited))
}
