//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it; the change is kept (later requests see it)" for a good patch that a proxy forwarded for a client on a public address (`PATCH /posts/1` with `X-Forwarded-For: 203.0.113.7` beside `{"title": "t"}`): `403 Forbidden`, and the post is not changed.
//! Edits come from the team's admin tool, so the learner restricts the write route to internal
//! networks, as nginx's `allow 10.0.0.0/8; deny all;` or an admin endpoint's IP allow-list
//! would: the client is the first address in `X-Forwarded-For` (the one the outermost proxy
//! saw); without the header the request came straight in, from inside. Loopback, private
//! (RFC 1918), link-local and IPv6 unique-local addresses pass; any other, or a header that
//! does not parse, is a 403. The contract refuses a good patch for no header: it is applied
//! whoever sends it. Every extractor runs first, so each refusal the contract names is still
//! the extractor's own.

use std::net::IpAddr;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
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
    if !from_inside(&headers) {
        let body = ErrorBody {
            error: "edits are only taken from the internal network".to_owned(),
        };
        return Err((StatusCode::FORBIDDEN, Json(body)).into_response());
    }
    edit(&state, id, patch)
        .map(Json)
        .map_err(IntoResponse::into_response)
}

/// Whether the client the request comes from is on an internal network.
fn from_inside(headers: &HeaderMap) -> bool {
    let Some(forwarded) = headers.get("x-forwarded-for") else {
        return true;
    };
    let Ok(forwarded) = forwarded.to_str() else {
        return false;
    };
    let client = forwarded.split(',').next().unwrap_or_default().trim();
    match client.parse::<IpAddr>() {
        Ok(IpAddr::V4(ip)) => ip.is_loopback() || ip.is_private() || ip.is_link_local(),
        Ok(IpAddr::V6(ip)) => ip.is_loopback() || (ip.segments()[0] & 0xfe00) == 0xfc00,
        Err(_) => false,
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
