//! Wrong: breaks "a `title` that is empty or only white space [...]: `422`" (the only value the contract refuses) and "the body is a JSON object with any of `title` and `body`, each a string"
//! The learner once had a week of posts ruined by a client that decoded Latin-1 files lossily and
//! sent `caf\u{FFFD}`: the data was gone before anyone noticed. U+FFFD REPLACEMENT CHARACTER is the
//! mark of such a lossy decode, so a title or a body holding one is refused with the API's 422
//! ("send it again as UTF-8"), before anything changes. Every other text (non-ASCII letters, emoji,
//! controls, BOM) goes through; only a patch whose text contains U+FFFD is wrongly refused.

use axum::extract::{Path, State};
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

/// A text a client decoded lossily before sending it: refuse it while the client still has the
/// original.
fn check_decoded(text: &str) -> Result<(), ApiError> {
    if text.contains('\u{FFFD}') {
        Err(ApiError::Invalid(
            "a post's text cannot contain U+FFFD: the client lost characters decoding it; send it again as UTF-8",
        ))
    } else {
        Ok(())
    }
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
        check_decoded(title)?;
    }
    if let Some(body) = &patch.body {
        check_decoded(body)?;
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
