//! Correct: the handler takes the whole `Request` and runs the extractors itself, in the order axum
//! would (`Path::<u64>::from_request_parts`, then `Json::from_request`), answering each rejection
//! with its own `into_response()`; the edit goes through `Option::take` on a patch held mutably,
//! and the handler returns a plain `Response`.

use axum::extract::{FromRequest, FromRequestParts, Path, Request, State};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
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

async fn update_post(State(state): State<AppState>, request: Request) -> Response {
    let (mut parts, body) = request.into_parts();
    let id = match Path::<u64>::from_request_parts(&mut parts, &state).await {
        Ok(Path(id)) => id,
        Err(rejection) => return rejection.into_response(),
    };
    let request = Request::from_parts(parts, body);
    let mut changes = match Json::<PostPatch>::from_request(request, &state).await {
        Ok(Json(changes)) => changes,
        Err(rejection) => return rejection.into_response(),
    };
    if let Some(title) = changes.title.as_deref() {
        if let Err(err) = check_title(title) {
            return err.into_response();
        }
    }
    let mut store = state.store();
    let Some(post) = store.get_mut(id) else {
        return ApiError::NotFound(id).into_response();
    };
    if let Some(title) = changes.title.take() {
        post.title = title;
    }
    if let Some(body) = changes.body.take() {
        post.body = body;
    }
    Json(post.clone()).into_response()
}
