//! Wrong: breaks "JSON of another shape (`{"title": 5}`, `[]`: 422)"
//! Takes the body as a `serde_json::Value` and reads the fields that are strings: a title that
//! is a number, or a body that is a list, is quietly a patch of nothing.

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a `PATCH` may change. `Option`: absent (or `null`) is `None`, which keeps the
/// post's value. serde ignores the fields this struct does not name, `id` and `userId` among
/// them, so they can never change.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

impl PostPatch {
    fn from_value(value: &serde_json::Value) -> PostPatch {
        let text = |name: &str| value.get(name).and_then(|v| v.as_str()).map(str::to_owned);
        PostPatch {
            title: text("title"),
            body: text("body"),
        }
    }
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    // `GET /posts/{id}` is already there: a second `.route` for the same path adds the method
    // to it (a method given twice would panic).
    router.route("/posts/{id}", patch(update_post))
}

/// `PATCH /posts/{id}`: every check first, then every change, so a refused request changes
/// nothing.
async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(value): Json<serde_json::Value>,
) -> Result<Json<Post>, ApiError> {
    let patch = PostPatch::from_value(&value);
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
