//! Wrong: breaks "JSON of another shape (`{"title": 5}`, `[]`, `null`: 422 ...)"
//! The learner comes from Django REST framework, whose `CharField` takes a number and stores
//! `str(value)` ("clients in JavaScript send `title: 2024` for a year; be lenient in what you
//! accept"), so `title` and `body` are read as a string or a number. Every string patch is right;
//! `{"title": 5}` is a 200 that renames the post "5" instead of the extractor's 422.

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::{Deserialize, Deserializer};

/// A text field as DRF's `CharField` reads it: a string, or a number turned into its text.
fn lax_text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Lax {
        Text(String),
        Number(serde_json::Number),
    }
    Ok(
        Option::<Lax>::deserialize(deserializer)?.map(|value| match value {
            Lax::Text(text) => text,
            Lax::Number(number) => number.to_string(),
        }),
    )
}

#[derive(Deserialize)]
struct PostPatch {
    #[serde(default, deserialize_with = "lax_text")]
    title: Option<String>,
    #[serde(default, deserialize_with = "lax_text")]
    body: Option<String>,
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
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    let updated = post.clone();
    Ok(Json(updated))
}
