//! Wrong: breaks "only `PATCH` edits: `PUT`, `POST` or `DELETE /posts/{id}` stay a 405"
//! The learner was bitten by the Fetch standard's quirk: `fetch(url, {method: "patch"})` sends the
//! method as written, in lower case (fetch upper-cases GET, POST, PUT, DELETE, HEAD and OPTIONS,
//! but not PATCH), and the browser front end got 405s. So the route gets a fallback that treats
//! any spelling of "patch" as PATCH ("methods are just words; be lenient"), and answers every
//! other method the 405 axum would have. HTTP methods are case-sensitive (RFC 9110 §9.1): a
//! request with the method `patch` is not a PATCH, was a 405 before, and must stay one.

use axum::extract::{Path, Request, State};
use axum::handler::Handler;
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
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
    router.route(
        "/posts/{id}",
        patch(update_post).fallback(patch_in_any_case),
    )
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(changes): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    if let Some(title) = &changes.title {
        check_title(title)?;
    }
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    if let Some(title) = changes.title {
        post.title = title;
    }
    if let Some(body) = changes.body {
        post.body = body;
    }
    Ok(Json(post.clone()))
}

/// Every method the route has no handler for: `patch`, `Patch`, … are handled as `PATCH`
/// (browsers' `fetch` sends `patch` as written); anything else is the usual 405.
async fn patch_in_any_case(State(state): State<AppState>, mut request: Request) -> Response {
    if request.method().as_str().eq_ignore_ascii_case("PATCH") {
        *request.method_mut() = Method::PATCH;
        return Handler::<_, AppState>::call(update_post, request, state).await;
    }
    StatusCode::METHOD_NOT_ALLOWED.into_response()
}
