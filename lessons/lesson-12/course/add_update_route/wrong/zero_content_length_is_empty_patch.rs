//! Wrong: breaks "a request the API's extractors refuse is that extractor's answer, and changes nothing: [...] a body that is not JSON (400)" (an empty body is not JSON; without a `Content-Type`, 415)
//! The learner ports Express's `express.json()`, which reads a request whose `Content-Length` is 0
//! as `{}`: a small per-route middleware looks at the header (so that it never has to buffer the
//! body) and, when it says 0, hands `Json` a `{}` sent as JSON, "an empty PATCH changes nothing".
//! An empty body with no `Content-Length` (as a request built in-process has) still meets `Json`'s
//! 400 or 415; a real client's `Content-Length: 0` (reqwest's `.body("")`, curl's `-d ''`) gets
//! 200.

use axum::body::Body;
use axum::extract::{Path, Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware;
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a `PATCH` may change; the others are ignored.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route(
        "/posts/{id}",
        patch(update_post).layer(middleware::map_request(empty_body_as_empty_object)),
    )
}

/// Express's body parser: no body is `{}`. The header says so before any byte is read.
async fn empty_body_as_empty_object(mut request: Request) -> Request {
    let empty = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .is_some_and(|length| length.as_bytes() == b"0");
    if empty {
        let headers = request.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        headers.insert(header::CONTENT_LENGTH, HeaderValue::from_static("2"));
        *request.body_mut() = Body::from("{}");
    }
    request
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
