//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it; the change is kept (later requests see it)" for a patch whose `title` or `body` differs from the post's only in white space at its ends (post 3 titled `a status is not an error`, patch `{"title": "a status is not an error "}` or `{"body": "until you say so\n"}`: answered and kept unchanged)
//!
//! Skip the writes that change nothing: a real store journals every write, bumps a version and
//! fires "post edited" hooks, and an editor that autosaves sends the same text again and again.
//! The learner copies Django's `Form.has_changed()`, which compares the *cleaned* values, and a
//! Django `CharField` strips by default, so a field counts as changed only when its trimmed
//! text differs. Every real edit goes through, a blank title is still a 422 first, and the
//! answer is always the post as stored; but an edit that only adds or removes white space at
//! the ends is dropped, though the contract keeps the text as sent.

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a `PATCH` may change; `None` keeps the post's value.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

/// Django's `Field.has_changed` for a stripping `CharField`: the cleaned values differ.
fn has_changed(current: &str, sent: &str) -> bool {
    current.trim() != sent.trim()
}

/// Writes `sent` over `field` only if it changes it (an unchanged field is not written).
fn write_if_changed(field: &mut String, sent: Option<String>) {
    if let Some(sent) = sent.filter(|sent| has_changed(field.as_str(), sent)) {
        *field = sent;
    }
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
    write_if_changed(&mut post.title, patch.title);
    write_if_changed(&mut post.body, patch.body);
    Ok(Json(post.clone()))
}
