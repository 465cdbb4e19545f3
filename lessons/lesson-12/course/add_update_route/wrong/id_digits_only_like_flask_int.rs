//! Wrong: breaks "a request the API's extractors refuse is that extractor's answer" (and, with it, "an `id` that is a whole number (a `u64`)" is the post's id, as `GET /posts/{id}` reads it)
//! The learner ports Flask's `<int:id>` converter (`[0-9]+`) and the Python guard that goes with
//! `int()` (`if not raw.isdigit(): abort(400)`, since `int(" 3")`, `int("+3")` and `int("3_0")` all
//! pass in Python): the id is taken as text, refused unless every character is an ASCII digit, and
//! refused with the very text `GET /posts/abc` answers, so that the two routes "answer alike". But
//! `Path<u64>` runs Rust's `u64::from_str`, which takes a leading `+`: `PATCH /posts/+3` (or
//! `/posts/%2B3`) is post 3 for `GET` and for the contract, and a 400 here.

use axum::Json;
use axum::Router;
use axum::extract::{FromRequest, Path, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
use serde::Deserialize;

#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

/// Flask's `int` converter: one or more ASCII digits, nothing else (no sign, no space, no `_`).
fn parse_id(raw: &str) -> Option<u64> {
    if raw.is_empty() || !raw.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    raw.parse().ok()
}

async fn update_post(
    State(state): State<AppState>,
    Path(raw): Path<String>,
    request: Request,
) -> Response {
    // The id first, as `Path<u64>` would refuse it before the body is read.
    let Some(id) = parse_id(&raw) else {
        return (
            StatusCode::BAD_REQUEST,
            format!("Invalid URL: Cannot parse `{raw}` to a `u64`"),
        )
            .into_response();
    };
    let patch = match Json::<PostPatch>::from_request(request, &state).await {
        Ok(Json(patch)) => patch,
        Err(rejection) => return rejection.into_response(),
    };
    if let Some(title) = &patch.title {
        if let Err(err) = check_title(title) {
            return err.into_response();
        }
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
    Json(post.clone()).into_response()
}
