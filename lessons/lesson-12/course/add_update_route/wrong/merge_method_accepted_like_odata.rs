//! Wrong: breaks "only `PATCH` edits: `PUT`, `POST` or `DELETE /posts/{id}` stay a 405" for the extension method `MERGE` (`MERGE /posts/1` with `Content-Type: application/json` and `{"title": "t"}`: 200 and post 1 edited, where any method but `PATCH` is a 405 that changes nothing).
//! The learner knows that OData and Azure Table Storage clients, and old proxies that drop
//! `PATCH`, send a partial update as `MERGE`, and gives the method router a fallback that takes
//! `MERGE` as a patch and answers every other method exactly as axum does: a bare 405, to which
//! axum's method router adds the same `Allow: GET,HEAD,PATCH` header. So `PUT`, `POST`, `DELETE`,
//! `OPTIONS`, a lower-case `patch`, `PROPFIND` all answer as before; only `MERGE` edits.

use axum::Json;
use axum::Router;
use axum::extract::{FromRequest, FromRequestParts, Path, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route(
        "/posts/{id}",
        patch(update_post).fallback(merge_or_not_allowed),
    )
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    apply(&state, id, patch)
}

/// Every method the route has no handler for: `MERGE` is a patch, the rest a 405.
async fn merge_or_not_allowed(State(state): State<AppState>, request: Request) -> Response {
    if request.method().as_str() != "MERGE" {
        return StatusCode::METHOD_NOT_ALLOWED.into_response();
    }
    let (mut parts, body) = request.into_parts();
    let id = match Path::<u64>::from_request_parts(&mut parts, &state).await {
        Ok(Path(id)) => id,
        Err(rejection) => return rejection.into_response(),
    };
    let request = Request::from_parts(parts, body);
    let patch = match Json::<PostPatch>::from_request(request, &state).await {
        Ok(Json(patch)) => patch,
        Err(rejection) => return rejection.into_response(),
    };
    apply(&state, id, patch).into_response()
}

fn apply(state: &AppState, id: u64, patch: PostPatch) -> Result<Json<Post>, ApiError> {
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
    Ok(Json(post.clone()))
}
