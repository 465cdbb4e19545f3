//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it; the change is kept (later requests see it)" for a good patch whose `Host` header names the server by any name but `localhost` or a loopback address (`PATCH /posts/1` with `Host: api.example.com`, as a reverse proxy with `proxy_set_header Host $host` forwards it, beside `{"title": "t"}`): `400 Bad Request`, and the post is not changed.
//! The learner knows DNS rebinding: a page on another site can make a browser send requests to
//! a server on loopback under the attacker's host name. Django's `ALLOWED_HOSTS`, Vite's
//! `server.allowedHosts` and Jupyter's `allow_remote_access` all answer it the same way, so the
//! write route checks the `Host` header against an allow-list of local names (any port) and
//! answers Django's 400 otherwise; a request with no `Host` (HTTP/1.0, or in-process) passes.
//! It looks like careful hardening, but the contract refuses a good patch for no header: it is
//! applied whatever name the client used. Every extractor runs first, so each refusal the
//! contract names is still the extractor's own.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, ErrorBody, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// The names this server answers writes under (Django's `ALLOWED_HOSTS` for a local API).
const ALLOWED_HOSTS: &[&str] = &["localhost", "127.0.0.1", "[::1]"];

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    headers: HeaderMap,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, Response> {
    if let Some(refused) = disallowed_host(&headers) {
        let body = ErrorBody {
            error: format!(
                "Invalid HTTP_HOST header: {refused:?}. You may need to add it to ALLOWED_HOSTS."
            ),
        };
        return Err((StatusCode::BAD_REQUEST, Json(body)).into_response());
    }
    edit(&state, id, patch)
        .map(Json)
        .map_err(IntoResponse::into_response)
}

/// The `Host` the request names, when it is not one of [`ALLOWED_HOSTS`].
fn disallowed_host(headers: &HeaderMap) -> Option<String> {
    let host = headers.get(header::HOST)?;
    let Ok(host) = host.to_str() else {
        return Some(String::from_utf8_lossy(host.as_bytes()).into_owned());
    };
    let name = without_port(host);
    if ALLOWED_HOSTS
        .iter()
        .any(|allowed| name.eq_ignore_ascii_case(allowed))
    {
        None
    } else {
        Some(host.to_owned())
    }
}

/// `localhost:3000` → `localhost`, `[::1]:3000` → `[::1]`.
fn without_port(host: &str) -> &str {
    if host.starts_with('[') {
        host.find(']').map_or(host, |end| &host[..=end])
    } else {
        host.rsplit_once(':').map_or(host, |(name, _)| name)
    }
}

fn edit(state: &AppState, id: u64, patch: PostPatch) -> Result<Post, ApiError> {
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
