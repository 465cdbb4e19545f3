//! Wrong: breaks "an `id` that is not a whole number, or is over `u64::MAX` (`/posts/abc`, `/posts/-1`: 400)"
//! The learner reads the contract's `/posts/5000000000` example as a rule, "a whole number that no post has
//! is a 404", and notices that `Path<u64>` answers 400 to `/posts/18446744073709551616`, which is a whole
//! number too. So the id is taken as text and parsed with `str::parse::<u64>` (what `Path<u64>` runs), and a
//! `ParseIntError` whose kind is `PosOverflow` is answered like any missing post, 404 `no post N`; every
//! other failure stays a 400. `/posts/abc`, `/posts/-1`, `/posts/4` and `/posts/5000000000` answer as before.

use std::num::IntErrorKind;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, ErrorBody, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a patch may change; serde ignores the others.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

fn error(status: StatusCode, error: String) -> Response {
    (status, Json(ErrorBody { error })).into_response()
}

async fn update_post(
    State(state): State<AppState>,
    Path(raw): Path<String>,
    Json(patch): Json<PostPatch>,
) -> Response {
    let id: u64 = match raw.parse() {
        Ok(id) => id,
        // A number too big for any id is still a number: no post has it.
        Err(err) if *err.kind() == IntErrorKind::PosOverflow => {
            return error(StatusCode::NOT_FOUND, format!("no post {raw}"));
        }
        Err(err) => {
            return error(
                StatusCode::BAD_REQUEST,
                format!("Invalid URL: Cannot parse `{raw}` to a `u64`: {err}"),
            );
        }
    };
    match apply(&state, id, patch) {
        Ok(post) => Json(post).into_response(),
        Err(err) => err.into_response(),
    }
}

/// Checks first, then changes post `id` in place under one taking of the lock.
fn apply(state: &AppState, id: u64, patch: PostPatch) -> Result<Post, ApiError> {
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
    Ok(post.clone())
}
