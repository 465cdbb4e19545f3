//! Wrong: breaks "only `PATCH` edits: `PUT`, `POST` or `DELETE /posts/{id}` stay a 405"
//! The learner writes handlers the aiohttp way, `web.route("*", "/posts/{id}", handler)` with `if
//! request.method != "PATCH": raise web.HTTPMethodNotAllowed(request.method, ["GET", "PATCH"])`:
//! `any(update_post)` takes every method that `GET` does not, and the handler answers the others a
//! 405 with the same `Allow` header axum would send. But axum runs every extractor before the
//! handler's body: a `DELETE /posts/1` (no body) is answered 415 by `Json`, `PUT /posts/abc` 400 by
//! `Path`, `OPTIONS /posts/1` 415; only a method sent with a good JSON body gets its 405.

use axum::extract::{Path, State};
use axum::http::{Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    // `GET` (and `HEAD`) stay with the lesson's handler; every other method comes here, and the
    // handler refuses the ones that are not `PATCH`, as aiohttp's `HTTPMethodNotAllowed` does.
    router.route("/posts/{id}", any(update_post))
}

async fn update_post(
    method: Method,
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Response {
    if method != Method::PATCH {
        return (
            StatusCode::METHOD_NOT_ALLOWED,
            [(header::ALLOW, "GET,HEAD,PATCH")],
        )
            .into_response();
    }
    match apply(&state, id, patch) {
        Ok(post) => Json(post).into_response(),
        Err(err) => err.into_response(),
    }
}

fn apply(state: &AppState, id: u64, patch: PostPatch) -> Result<Post, ApiError> {
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
