//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON" (a good patch is applied whoever sends it: the contract refuses only a missing post, a blank title and what the extractors refuse)
//! The learner comes from Go 1.25, whose `http.CrossOriginProtection` guards every state-changing
//! request: when `Sec-Fetch-Site` is there it must be `same-origin` or `none`, otherwise an `Origin`
//! that does not match `Host` is refused with a 403 ("a browser on another site must not edit
//! posts"), and ports it to the new route. Requests with none of these headers (every request the
//! chapter lists) are answered as before; a good patch from a front end served on another origin
//! (`Origin: http://admin.example`, or `Sec-Fetch-Site: cross-site`) is a 403 and changes nothing.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
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

/// Go's `CrossOriginProtection.Check`, for a method that is not safe: the reason to refuse, if any.
fn cross_origin(headers: &HeaderMap) -> Option<&'static str> {
    if let Some(site) = headers.get("sec-fetch-site") {
        return match site.as_bytes() {
            b"same-origin" | b"none" => None,
            _ => Some("cross-origin request detected from Sec-Fetch-Site header"),
        };
    }
    let origin = headers.get(header::ORIGIN)?;
    let origin_host = origin
        .to_str()
        .ok()
        .and_then(|origin| origin.split_once("://"))
        .map(|(_, host)| host);
    let host = headers
        .get(header::HOST)
        .and_then(|host| host.to_str().ok());
    match (origin_host, host) {
        (Some(origin_host), Some(host)) if origin_host.eq_ignore_ascii_case(host) => None,
        _ => Some(
            "cross-origin request detected, and/or browser is out of date: \
             Sec-Fetch-Site is missing, and Origin does not match Host",
        ),
    }
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    headers: HeaderMap,
    Json(patch): Json<PostPatch>,
) -> Response {
    if let Some(reason) = cross_origin(&headers) {
        return (StatusCode::FORBIDDEN, reason).into_response();
    }
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
    let answer = post.clone();
    drop(store);
    Json(answer).into_response()
}
