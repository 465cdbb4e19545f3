//! Wrong: breaks "an array of the two fields in order, `["t", "b"]`, which serde's derived `Deserialize` reads as the struct, may be taken as a patch or refused" for `["t", "b"]` (taken, but as title "b" and body "t"; and `["", "b"]`, a blank title, is answered 200)
//! The learner keeps struct fields in alphabetical order (a team habit, and the order
//! `json.dumps(sort_keys=True)` writes them), so the patch declares `body` before `title`. For a
//! JSON object the order of the declaration changes nothing, which is why it looks harmless:
//! every object body, which is every body of the common case, is read, checked and applied
//! exactly as the reference reads it. But serde's derived `Deserialize` also reads a struct from
//! an array, by position in the declaration: `["t", "b"]` becomes body "t" and title "b". The
//! contract lets a route take that array only as the two fields in order (title, then body), or
//! refuse it; this one swaps them, and skips the blank-title refusal of `["", "b"]` (the blank
//! text becomes the body).

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a `PATCH` may change, in alphabetical order; absent or `null` is `None`, other
/// fields are ignored.
#[derive(Debug, Deserialize)]
struct PostPatch {
    body: Option<String>,
    title: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

/// `PATCH /posts/{id}`: every check first, then every change.
async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    if let Some(body) = patch.body {
        post.body = body;
    }
    if let Some(title) = patch.title {
        post.title = title;
    }
    Ok(Json(post.clone()))
}
