//! Wrong: breaks "a request the API's extractors refuse is that extractor's answer, and changes nothing: an `id` that is not a whole number [...]: 400"
//! The API replaces a Spring one, and some old Java clients still rewrite URLs for sessions without
//! cookies (`/posts/3;jsessionid=1A2B`); Spring's `UrlPathHelper` strips `;...` from every path
//! segment by default (`removeSemicolonContent`), so those clients always worked. The learner keeps
//! them working: when `Path<u64>` refuses the segment and it has a `;`, the part before it is parsed
//! again. Every id without a `;` gets exactly `Path<u64>`'s answer; `/posts/1;v=2` edits post 1
//! instead of being the extractor's 400.

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
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

async fn update_post(
    State(state): State<AppState>,
    id: Result<Path<u64>, PathRejection>,
    Path(segment): Path<String>,
    Json(patch): Json<PostPatch>,
) -> Response {
    let id = match id {
        Ok(Path(id)) => id,
        // Spring's removeSemicolonContent: "3;jsessionid=..." is "3".
        Err(rejection) => match segment
            .split_once(';')
            .and_then(|(id, _)| id.parse::<u64>().ok())
        {
            Some(id) => id,
            None => return rejection.into_response(),
        },
    };
    if let Some(title) = patch.title.as_deref() {
        if let Err(error) = check_title(title) {
            return error.into_response();
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
