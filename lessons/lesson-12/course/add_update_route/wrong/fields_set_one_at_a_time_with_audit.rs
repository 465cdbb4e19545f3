//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it" for two good patches of one post handled at the same time, one of both fields and one of the body (`PATCH /posts/1` with `{"title": "a", "body": "a"}` and `PATCH /posts/1` with `{"body": "b"}`, bodies complete, sent together): the body-only patch answers with the other patch's title (`{"title": "a", "body": "b"}` or `"body": "a"`) while the store ends with `"body": "a"`, which matches neither order of the two patches.
//! The learner writes one small setter per field, `set_field(state, id, "title", value)`, which
//! takes the lock, sets the field, lets go, and awaits an audit line written off the runtime
//! (`spawn_blocking`), then reads the post for the answer at the end. Each request alone is
//! right, and so is each sequence of requests; but the patch is not applied as one step, so a
//! patch in flight at the same time lands between its two fields, and the answers (and what is
//! kept) match no order of the two patches.

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

#[derive(Debug, Clone, Copy)]
enum Field {
    Title,
    Body,
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
    if state.store().get(id).is_none() {
        return Err(ApiError::NotFound(id));
    }
    for (field, value) in [(Field::Title, patch.title), (Field::Body, patch.body)] {
        if let Some(value) = value {
            set_field(&state, id, field, value).await?;
        }
    }
    let post = state
        .store()
        .get(id)
        .cloned()
        .ok_or(ApiError::NotFound(id))?;
    Ok(Json(post))
}

/// Sets one field of post `id`, then records it in the audit log.
async fn set_field(state: &AppState, id: u64, field: Field, value: String) -> Result<(), ApiError> {
    let length = value.len();
    {
        let mut store = state.store();
        let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
        match field {
            Field::Title => post.title = value,
            Field::Body => post.body = value,
        }
    }
    let line = format!("audit: post {id}: {field:?} set ({length} bytes)");
    let _ = tokio::task::spawn_blocking(move || eprintln!("{line}")).await;
    Ok(())
}
