//! Wrong: breaks "a request the API's extractors refuse is that extractor's answer" (no other request is refused: a good patch is applied whatever query comes with it)
//! The learner has used Stripe's API, which answers `400 Received unknown parameter` rather than
//! silently ignoring a typo like `?usrId=2`, and wants the same strictness: the only query this API
//! knows is the list's `userId` (the admin page edits from its filtered list and keeps that query on
//! its URLs), so any other query name is a 400 with the API's JSON error, before anything changes.
//! `?userId=2`, and the `?userId=two`-like queries `GET /posts` refuses, still go through; a query
//! with another name, `PATCH /posts/1?page=2` or `?_=1700000000` (a cache buster), is refused.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, ErrorBody, check_title};
use serde::Deserialize;

/// The query names the API knows (`GET /posts?userId=N`).
const KNOWN_QUERY: &[&str] = &["userId"];

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
    Path(id): Path<u64>,
    Query(query): Query<HashMap<String, String>>,
    Json(patch): Json<PostPatch>,
) -> Result<Response, ApiError> {
    let mut unknown: Vec<&str> = query
        .keys()
        .map(String::as_str)
        .filter(|name| !KNOWN_QUERY.contains(name))
        .collect();
    if !unknown.is_empty() {
        unknown.sort_unstable();
        let error = format!(
            "unknown query parameter(s): {}; this API takes only `userId`",
            unknown.join(", ")
        );
        return Ok((StatusCode::BAD_REQUEST, Json(ErrorBody { error })).into_response());
    }
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
    Ok(Json(post.clone()).into_response())
}
