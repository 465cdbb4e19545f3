//! Correct: the handler returns an outcome enum of its own (`Edited` or `Refused`) whose
//! `IntoResponse` hands a refusal to `ApiError` and an edit to `Json`, the patch's fields have Rust
//! names of their own (`new_title`, `new_body`, renamed for serde), `Path` is extracted before
//! `State`, and the title rule is applied through `Option::map_or` before the one lock is taken.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// A patch: what the client wants the post's text to become. Other members are ignored.
#[derive(Debug, Deserialize)]
struct PostPatch {
    #[serde(rename = "title")]
    new_title: Option<String>,
    #[serde(rename = "body")]
    new_body: Option<String>,
}

/// How an edit ended.
enum Outcome {
    Edited(Post),
    Refused(ApiError),
}

impl IntoResponse for Outcome {
    fn into_response(self) -> Response {
        match self {
            Outcome::Edited(post) => (StatusCode::OK, Json(post)).into_response(),
            Outcome::Refused(error) => error.into_response(),
        }
    }
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

async fn update_post(
    Path(id): Path<u64>,
    State(state): State<AppState>,
    Json(patch): Json<PostPatch>,
) -> Outcome {
    if let Err(error) = patch.new_title.as_deref().map_or(Ok(()), check_title) {
        return Outcome::Refused(error);
    }
    let mut store = state.store();
    let Some(post) = store.get_mut(id) else {
        return Outcome::Refused(ApiError::NotFound(id));
    };
    if let Some(title) = patch.new_title {
        post.title = title;
    }
    if let Some(body) = patch.new_body {
        post.body = body;
    }
    Outcome::Edited(post.clone())
}
