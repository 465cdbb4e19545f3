//! Wrong: breaks "the change is kept (later requests see it) and no other post changes" (here:
//! no change another request made meanwhile is undone), and with it "a request the API's extractors
//! refuse is that extractor's answer" The learner looks the post up first, "no need to read the
//! body of a request for a post that is not there", copies it out, then reads the body with
//! `Json::from_request` (so its rejections stay axum's own), changes the copy and writes the whole
//! copy back under a second lock. Between the two locks it awaits the body: a PATCH whose body
//! arrives slowly puts back every field that a faster PATCH of the same post changed meanwhile; and
//! `/posts/4` without a JSON type is a 404.

use axum::extract::{FromRequest, Path, Request, State};
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
    router.route("/posts/{id}", patch(update_post))
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    request: Request,
) -> Result<Json<Post>, Response> {
    // 1. The post, or a 404 before the body is read at all.
    let found = state.store().get(id).cloned();
    let mut post = found.ok_or_else(|| ApiError::NotFound(id).into_response())?;

    // 2. The body, with the `Json` extractor's own answers when it is refused.
    let Json(patch) = Json::<PostPatch>::from_request(request, &state)
        .await
        .map_err(IntoResponse::into_response)?;

    // 3. Check, change the copy, and put it back.
    if let Some(title) = &patch.title {
        check_title(title).map_err(IntoResponse::into_response)?;
    }
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    let mut store = state.store();
    let slot = store
        .get_mut(id)
        .ok_or_else(|| ApiError::NotFound(id).into_response())?;
    *slot = post.clone();
    Ok(Json(post))
}
