//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it; the change is kept" for a good patch that a proxy forwarded from plain HTTP (`PATCH /posts/1` with `Host: api.example` and `X-Forwarded-Proto: http` and `{"title": "t"}`): `308 Permanent Redirect` to `https://api.example/posts/1`, and no change.
//! The learner will deploy behind a TLS-terminating proxy and does what Rails' `force_ssl`
//! (and Django's `SECURE_SSL_REDIRECT`, Express's `express-sslify`) do for writes: a request
//! whose `X-Forwarded-Proto` says it came in over plain HTTP is not acted on, but redirected to
//! the same address on `https://` with a 308, which keeps the method and the body, so a client
//! that follows it repeats the patch over TLS. Requests without the header (curl on localhost,
//! every test the learner ran) are edited as before, and the extractors' refusals, the 404 and
//! the 422 come first. The contract has no such rule: a good patch is applied and answered
//! `200 OK`, whatever a proxy added to it.

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
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

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    headers: HeaderMap,
    Json(patch): Json<PostPatch>,
) -> Result<Response, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    if let Some(location) = secure_location(&headers, id) {
        return Ok(Redirect::permanent(&location).into_response());
    }
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Ok(Json(post.clone()).into_response())
}

/// Where a write that reached the proxy over plain HTTP should go instead: the same post on
/// `https://`. `None` when the request came over TLS, or straight to the server (no header).
fn secure_location(headers: &HeaderMap, id: u64) -> Option<String> {
    // The first proxy's value: `X-Forwarded-Proto: http, https` came in over plain HTTP.
    let proto = headers.get("x-forwarded-proto")?.to_str().ok()?;
    let first = proto.split(',').next()?.trim();
    if !first.eq_ignore_ascii_case("http") {
        return None;
    }
    let host = headers.get(header::HOST)?.to_str().ok()?;
    Some(format!("https://{host}/posts/{id}"))
}
