//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it; the change is kept" for a good patch that names, in an `X-User-Id` header, a user who is not the post's author (`PATCH /posts/1`, whose `userId` is 1, with `X-User-Id: 2` and `{"title": "t"}`): `403` and no change.
//! The learner plans to put the API behind a gateway that authenticates callers and forwards
//! who they are in `X-User-Id` (the pattern of Kong, Envoy's `x-jwt-payload`, AWS API Gateway's
//! authorizer context), and does what every blog engine does with it: only a post's author may
//! edit it. A request without the header (no gateway: curl, the tests) is let through, so
//! nothing the learner tried changed; the 404, the 422 and the extractors' refusals come first,
//! as before. The contract has no owners: a good patch of post `id` is applied and answered
//! `200 OK`, whoever the request says it comes from (the author in the body is ignored, and
//! so must be any other claim about who is asking).

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
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
    if let Some(title) = &patch.title {
        check_title(title).map_err(IntoResponse::into_response)?;
    }
    // Who the gateway says is asking; no header, no gateway, no check.
    let caller = headers
        .get("x-user-id")
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.trim().parse::<u64>().ok());
    let mut store = state.store();
    let post = store
        .get_mut(id)
        .ok_or(ApiError::NotFound(id))
        .map_err(IntoResponse::into_response)?;
    if caller.is_some_and(|caller| caller != post.user_id) {
        let body = ErrorBody {
            error: format!("only the author of post {id} may edit it"),
        };
        return Err((StatusCode::FORBIDDEN, Json(body)).into_response());
    }
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Ok(Json(post.clone()))
}
