//! Correct: the handler is a unit struct with a hand-written `impl axum::handler::Handler` (no `async fn` handler, no closure): its `call` runs `Path<u64>` on the request's parts and `Json<PostPatch>` on the request, in axum's own order, answers each rejection as it is, and returns a boxed future (`futures::future::BoxFuture`)
//!
//! The way a framework author would write it, or a learner who read `Handler`'s docs before
//! its blanket impls: one type that is the whole endpoint, and `patch(UpdatePost)` to add it.
//! The extractors are axum's own, called through `FromRequestParts` / `FromRequest`, so every
//! refusal is the extractor's answer; the checks and the edit are the reference's (title first,
//! one lock, in place). The marker type parameter is `PhantomData<UpdatePost>`, which no
//! blanket impl of `Handler` can overlap. A strict check might look for the usual handler shape.

use std::marker::PhantomData;

use axum::Json;
use axum::Router;
use axum::extract::{FromRequest, FromRequestParts, Path, Request};
use axum::handler::Handler;
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use futures::future::BoxFuture;
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a `PATCH` may change; `None` keeps the post's value.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// `PATCH /posts/{id}`, as a value.
#[derive(Debug, Clone, Copy)]
struct UpdatePost;

impl Handler<PhantomData<UpdatePost>, AppState> for UpdatePost {
    type Future = BoxFuture<'static, Response>;

    fn call(self, req: Request, state: AppState) -> Self::Future {
        Box::pin(async move {
            let (mut parts, body) = req.into_parts();
            let id = match Path::<u64>::from_request_parts(&mut parts, &state).await {
                Ok(Path(id)) => id,
                Err(rejection) => return rejection.into_response(),
            };
            let req = Request::from_parts(parts, body);
            let patch = match Json::<PostPatch>::from_request(req, &state).await {
                Ok(Json(patch)) => patch,
                Err(rejection) => return rejection.into_response(),
            };
            edit(&state, id, patch).into_response()
        })
    }
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(UpdatePost))
}

/// Every check, then every change, under one lock.
fn edit(state: &AppState, id: u64, patch: PostPatch) -> Result<Json<Post>, ApiError> {
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
