//! Wrong: breaks "the answer: `200 OK` with the whole post after the change" (the fields stored are the ones sent)
//! The learner has been bitten by PostgreSQL, whose `text` and `jsonb` refuse `\u0000` ("invalid
//! byte sequence for encoding UTF8: 0x00"), and strips NUL characters from every string a client
//! sends "so the store never holds what a database would refuse". Every ordinary title and body is
//! kept as sent; `{"body": "a\u0000b"}` is stored as `"ab"`, and a title of one `\u0000` (not blank
//! for `check_title`) becomes an empty title.

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

/// Removes the NUL characters a database column would refuse.
fn without_nul(text: String) -> String {
    if text.contains('\0') {
        text.replace('\0', "")
    } else {
        text
    }
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

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
    if let Some(title) = patch.title {
        post.title = without_nul(title);
    }
    if let Some(body) = patch.body {
        post.body = without_nul(body);
    }
    let updated = post.clone();
    Ok(Json(updated))
}
