//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it; the change is kept (later requests see it)"
//! The learner ports a wiki's edit lock: a post is "claimed" in a process-wide set before its
//! patch is uploaded, a second request for a claimed post is told `409 Conflict` at once (before
//! it uploads its body), and the claim is released when the edit is done. The release is the last
//! line of the handler, where Python's `finally:` would have been, so every early return (`?` on a
//! refused body, a blank title, a missing post) leaves the claim behind: after one refused patch
//! of a post, every later patch of that post, in this server or any later one, is a 409.

use std::collections::BTreeSet;
use std::sync::{Mutex, MutexGuard, PoisonError};

use axum::extract::{FromRequest, Path, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, ErrorBody, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The posts with an edit under way, across every request of the process.
static EDITING: Mutex<BTreeSet<u64>> = Mutex::new(BTreeSet::new());

fn editing() -> MutexGuard<'static, BTreeSet<u64>> {
    EDITING.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A patch: each field is changed only when it is sent (absent or `null`: kept).
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
    request: Request,
) -> Result<Json<Post>, Response> {
    // Claim the post before its patch is uploaded: a second editor learns at once that someone
    // else is on it, instead of after sending its whole body.
    if !editing().insert(id) {
        let busy = ErrorBody {
            error: format!("post {id} is being edited by another request; try again"),
        };
        return Err((StatusCode::CONFLICT, Json(busy)).into_response());
    }
    let Json(patch) = <Json<PostPatch> as FromRequest<AppState>>::from_request(request, &state)
        .await
        .map_err(IntoResponse::into_response)?;
    if let Some(title) = patch.title.as_deref() {
        check_title(title).map_err(IntoResponse::into_response)?;
    }
    let post = {
        let mut store = state.store();
        let post = store
            .get_mut(id)
            .ok_or(ApiError::NotFound(id))
            .map_err(IntoResponse::into_response)?;
        if let Some(title) = patch.title {
            post.title = title;
        }
        if let Some(body) = patch.body {
            post.body = body;
        }
        post.clone()
    };
    // The edit is done: release the claim.
    editing().remove(&id);
    Ok(Json(post))
}
