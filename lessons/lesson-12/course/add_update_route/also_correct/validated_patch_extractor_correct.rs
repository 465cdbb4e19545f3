//! Correct: the patch is its own extractor (axum's "validated JSON" recipe): `ValidPatch`
//! implements `FromRequest` by running `Json<PostPatch>` (whose rejection is answered as it is) and
//! then `check_title`, so the handler only ever sees a patch that may be applied; the post is
//! looked up and changed in place under the one lock.

use axum::extract::{FromRequest, Path, Request, State};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a client may change; absent or `null` is `None`, the rest is ignored.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// A patch whose title, if it has one, says something.
struct ValidPatch(PostPatch);

impl<S> FromRequest<S> for ValidPatch
where
    S: Send + Sync,
{
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let Json(patch) = Json::<PostPatch>::from_request(req, state)
            .await
            .map_err(IntoResponse::into_response)?;
        if let Some(title) = &patch.title {
            check_title(title).map_err(IntoResponse::into_response)?;
        }
        Ok(ValidPatch(patch))
    }
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    ValidPatch(patch): ValidPatch,
) -> Result<Json<Post>, ApiError> {
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    let PostPatch { title, body } = patch;
    if let Some(title) = title {
        post.title = title;
    }
    if let Some(body) = body {
        post.body = body;
    }
    Ok(Json(post.clone()))
}
