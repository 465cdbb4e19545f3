//! Correct: the control for `read_only_fields_held_as_json_values.rs`: the patch type names the read-only fields `id` and `userId` to report them, but as `Option<serde::de::IgnoredAny>`, which reads nothing: serde_json skips the value as it skips any field a struct does not name (no number range, no depth limit, no string check), so `{"title": "t", "userId": 1e400}`, an `id` nested 200 deep or `"id": "\ud800"` are applied and answered `200 OK`, as the reference answers them. Only the presence of the field is known (a `null` counts as absent), and it only goes to a log line.

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;
use serde::de::IgnoredAny;

/// The fields a `PATCH` may change, and the two it may not, whose values are never read.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
    id: Option<IgnoredAny>,
    user_id: Option<IgnoredAny>,
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
    let PostPatch {
        title,
        body,
        id: sent_id,
        user_id: sent_user_id,
    } = patch;
    if sent_id.is_some() || sent_user_id.is_some() {
        eprintln!("PATCH /posts/{id}: `id` and `userId` are read-only; ignored");
    }
    if let Some(title) = &title {
        check_title(title)?;
    }
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    if let Some(title) = title {
        post.title = title;
    }
    if let Some(body) = body {
        post.body = body;
    }
    Ok(Json(post.clone()))
}
