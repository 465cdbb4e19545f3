//! Wrong: breaks "the answer: `200 OK` with the whole post after the change" (and the 404 and 422 clauses)
//! The learner sheds load the way nginx's `limit_conn` or a database pool does: at most 8 edits
//! in flight at once, counted in a `static AtomicUsize`, and a `503 Service Unavailable` with
//! `Retry-After` beyond that, "better a quick 503 than a pile-up on the store's one lock". The
//! count goes up on entry and down at the end of the handler; but the `?`s that answer a blank
//! title (422) and a missing post (404) return before the end, so each refusal leaves one slot
//! taken for good. The count is the process's: after 8 refused patches, in any server of the
//! process, every PATCH is a 503.

use std::sync::atomic::{AtomicUsize, Ordering};

use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use serde::Deserialize;

/// The fields a PATCH may change; absent or `null` is `None`, and keeps its value.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// How many edits may be in flight at once.
const MAX_EDITS_IN_FLIGHT: usize = 8;

/// Edits in flight now, in every server of the process.
static EDITS_IN_FLIGHT: AtomicUsize = AtomicUsize::new(0);

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Response, ApiError> {
    if EDITS_IN_FLIGHT.fetch_add(1, Ordering::SeqCst) >= MAX_EDITS_IN_FLIGHT {
        EDITS_IN_FLIGHT.fetch_sub(1, Ordering::SeqCst);
        return Ok((
            StatusCode::SERVICE_UNAVAILABLE,
            [(header::RETRY_AFTER, "1")],
            "too many edits at once; try again in a second",
        )
            .into_response());
    }
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
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
    EDITS_IN_FLIGHT.fetch_sub(1, Ordering::SeqCst);
    Ok(Json(post).into_response())
}
