//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it; the change is kept" for a good patch that names a user other than the post's author in an `X-User-Id` header (`PATCH /posts/1` with `X-User-Id: 2` and `{"title": "t"}`, post 1 being user 1's: 403 and no change).
//! The learner thinks "a post's id and author never change" means only its author may change
//! it, and adds the ownership check every tutorial ends with. With no login in the course, the
//! user is the one a client names in `X-User-Id` (the header the mock gateways of tutorials
//! add); a request that names no user is let through, "for the tests", so every check that
//! sends no such header passes. The contract refuses a patch only for a missing post, a blank
//! title, or what the extractors refuse.

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderName, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, ErrorBody, check_title};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

/// The user the request is made for, if it names one.
fn acting_user(headers: &HeaderMap) -> Option<u64> {
    headers
        .get(HeaderName::from_static("x-user-id"))?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    headers: HeaderMap,
    Json(patch): Json<PostPatch>,
) -> Result<Response, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let user = acting_user(&headers);
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    if user.is_some_and(|user| user != post.user_id) {
        let body = ErrorBody {
            error: format!("only the author of post {id} may edit it"),
        };
        return Ok((StatusCode::FORBIDDEN, Json(body)).into_response());
    }
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Ok(Json(post.clone()).into_response())
}
