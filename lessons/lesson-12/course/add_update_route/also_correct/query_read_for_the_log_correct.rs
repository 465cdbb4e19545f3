//! Correct: the handler reads the query, as aiohttp code reads `request.query`, into a
//! `Query<HashMap<String, String>>`, which takes every query string there is (form-decoding is
//! lossy and a repeated key keeps its last value, so it never refuses), only to log it: the query
//! scopes nothing and changes nothing. The handler returns a plain `Response`, takes `Query`
//! before `Path`, and checks a sent title with `map_or(Ok(()), check_title)`.

use std::collections::HashMap;

use axum::Json;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
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
    Query(query): Query<HashMap<String, String>>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Response {
    if !query.is_empty() {
        let mut keys: Vec<&str> = query.keys().map(String::as_str).collect();
        keys.sort_unstable();
        eprintln!("PATCH /posts/{id}: query keys {keys:?} ignored");
    }
    if let Err(err) = patch.title.as_deref().map_or(Ok(()), check_title) {
        return err.into_response();
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
