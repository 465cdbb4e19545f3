//! Wrong: breaks "only `PATCH` edits: `PUT`, `POST` or `DELETE /posts/{id}` stay a 405"
//! The learner comes from Rails and Laravel (a form's hidden `_method=patch`) and from Google's
//! APIs, which honour `X-HTTP-Method-Override`: "some clients and proxies only let GET and POST
//! through". So the route's method router gets a fallback that hands a `POST` carrying
//! `X-HTTP-Method-Override: PATCH` to the update, and answers every other method with the plain 405
//! it had (axum still adds `Allow: GET,HEAD,PATCH`): a `POST /posts/1` with that header edits.

use axum::extract::{FromRequest, FromRequestParts, Path, Request, State};
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a patch may change; `null` or absent keeps the value.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// The header Rails, Laravel and Google's APIs read to tunnel a method through `POST`.
const METHOD_OVERRIDE: &str = "x-http-method-override";

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post).fallback(tunnelled_patch))
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    apply(&state, id, patch).map(Json)
}

/// Checks first, then changes the post in place under one lock.
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

/// Every method the route has no handler for: a `POST` that says it is a `PATCH` is one,
/// anything else is the 405 it always was.
async fn tunnelled_patch(State(state): State<AppState>, request: Request) -> Response {
    let is_tunnelled_patch = request.method() == Method::POST
        && request
            .headers()
            .get(METHOD_OVERRIDE)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|method| method.trim().eq_ignore_ascii_case("PATCH"));
    if !is_tunnelled_patch {
        return StatusCode::METHOD_NOT_ALLOWED.into_response();
    }
    let (mut parts, body) = request.into_parts();
    let id = match Path::<u64>::from_request_parts(&mut parts, &state).await {
        Ok(Path(id)) => id,
        Err(rejection) => return rejection.into_response(),
    };
    let patch =
        match Json::<PostPatch>::from_request(Request::from_parts(parts, body), &state).await {
            Ok(Json(patch)) => patch,
            Err(rejection) => return rejection.into_response(),
        };
    match apply(&state, id, patch) {
        Ok(post) => Json(post).into_response(),
        Err(err) => err.into_response(),
    }
}
