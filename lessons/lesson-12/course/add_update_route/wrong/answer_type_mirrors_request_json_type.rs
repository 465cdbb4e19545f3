//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it" for a good patch sent with a `+json` media type (`PATCH /posts/1` with `Content-Type: application/merge-patch+json` and `{"title": "t"}`: the edit is kept, but the answer says `Content-Type: application/merge-patch+json`, a patch document, where `GET /posts/1` says `application/json`)
//! The learner read JSON:API, which wants the server to answer in the client's own
//! `application/vnd.api+json`, and generalised it: "answer in the dialect the client spoke".
//! When the request's type is a structured `+json` type, the 200 answer's `Content-Type` is set
//! to it (without its parameters); a client that sends `application/json` (in any case, with
//! any parameters) gets `application/json`, as before. The body is the right post either way;
//! what is wrong is the type, which tells a client the answer is a merge patch.

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
use serde::Deserialize;

/// The fields a `PATCH` may change; absent or `null` is `None`, other fields are ignored.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

/// The request's media type, when it is a `+json` dialect of JSON.
fn client_json_dialect(headers: &HeaderMap) -> Option<HeaderValue> {
    let sent = headers.get(header::CONTENT_TYPE)?.to_str().ok()?;
    let essence = sent.split(';').next()?.trim().to_ascii_lowercase();
    if essence.ends_with("+json") {
        HeaderValue::from_str(&essence).ok()
    } else {
        None
    }
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
    let mut response = Json(post).into_response();
    if let Some(dialect) = client_json_dialect(&headers) {
        response.headers_mut().insert(header::CONTENT_TYPE, dialect);
    }
    Ok(response)
}
