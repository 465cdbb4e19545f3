//! Wrong: breaks "an `id` that is a whole number (a `u64`) but no post's (`/posts/4` when there is none, or `/posts/5000000000`): `404` with the body `ApiError::NotFound(id)` gives"
//! The learner knows the story of Twitter's `id_str`: a JavaScript client reads every JSON number
//! as a double, so an id above 2^53 - 1 (`Number.MAX_SAFE_INTEGER`) comes back as another id.
//! "Never accept an id a JS client cannot name": the id is still a `Path<u64>`, but one above that
//! bound is refused with a 400 in the shape of the extractor's own ("the id is out of range").
//! `/posts/4`, `/posts/5000000000`, `/posts/abc` and `/posts/-1` are all right; only a whole number
//! from 2^53 to `u64::MAX` (e.g. `/posts/18446744073709551615`) is a 400, not a 404.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{AppState, ErrorBody, check_title};
use serde::Deserialize;

/// JavaScript's `Number.MAX_SAFE_INTEGER`.
const MAX_SAFE_ID: u64 = (1 << 53) - 1;

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
) -> Response {
    if id > MAX_SAFE_ID {
        let body = ErrorBody {
            error: format!("Invalid URL: the id {id} is out of range (at most {MAX_SAFE_ID})"),
        };
        return (StatusCode::BAD_REQUEST, Json(body)).into_response();
    }
    if let Some(title) = &patch.title {
        if let Err(err) = check_title(title) {
            return err.into_response();
        }
    }
    let mut store = state.store();
    let Some(post) = store.get_mut(id) else {
        return lesson_12::ApiError::NotFound(id).into_response();
    };
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Json(post.clone()).into_response()
}
