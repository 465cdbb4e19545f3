//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it"
//! The learner comes from Spring, where an update is `@PatchMapping(value = "/posts/{id}", produces
//! = "application/json")` and a client whose `Accept` does not take JSON gets a 406 Not Acceptable
//! before the method runs. They write `produces` as a small middleware on the PATCH route alone
//! (`route_layer`, so PUT and DELETE still meet the 405): a good patch sent with, say, `Accept:
//! text/html` or `Accept: text/plain` is refused with a 406, and the post is not changed, where the
//! contract answers every good patch with 200 and the post.

use axum::extract::{Path, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route(
        "/posts/{id}",
        patch(update_post).route_layer(middleware::from_fn(produces_json)),
    )
}

/// Whether the client's `Accept` takes JSON, as Spring matches `produces`: no `Accept` at all,
/// `*/*`, `application/*` or `application/json` (parameters such as `q` aside).
fn accepts_json(headers: &HeaderMap) -> bool {
    let Some(accept) = headers.get(header::ACCEPT) else {
        return true;
    };
    let Ok(accept) = accept.to_str() else {
        return false;
    };
    accept.split(',').any(|range| {
        let media = range.split(';').next().unwrap_or_default().trim();
        media == "*/*"
            || media.eq_ignore_ascii_case("application/*")
            || media.eq_ignore_ascii_case("application/json")
    })
}

/// `produces = "application/json"`: 406 for a client that will not take JSON.
async fn produces_json(request: Request, next: Next) -> Response {
    if !accepts_json(request.headers()) {
        return StatusCode::NOT_ACCEPTABLE.into_response();
    }
    next.run(request).await
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
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
    Ok(Json(post.clone()))
}
