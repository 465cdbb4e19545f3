//! Wrong: breaks "any other field (`id`, `userId`, …) is ignored"
//! The learner comes from Rails, where `params.require(:post).permit(:title, :body)` and
//! `wrap_parameters` mean clients (Ember Data's `RESTSerializer`, Rails' own JS) send the
//! resource under its root key, `{"post": {"title": "…"}}`; to serve those clients too, a patch
//! with neither `title` nor `body` at the top level takes them from a `post` object. Every input
//! the checks list is handled right; `{"post": {"title": "x"}}` edits the post instead of being
//! a patch of nothing (a field named `post` must be ignored like any other).

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;
use serde_json::Value;

/// The editable fields, wherever they come from.
#[derive(Deserialize, Default)]
struct Fields {
    title: Option<String>,
    body: Option<String>,
}

#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
    /// Rails' root key: `{"post": {"title": "…", "body": "…"}}`. Read loosely, so that a `post`
    /// that is not an object of strings is simply not a wrapped patch.
    post: Option<Value>,
}

impl PostPatch {
    /// The fields to apply: the top level's, or the wrapped ones when the top level has none.
    fn fields(self) -> Fields {
        if self.title.is_some() || self.body.is_some() {
            return Fields {
                title: self.title,
                body: self.body,
            };
        }
        match self.post {
            Some(wrapped @ Value::Object(_)) => serde_json::from_value(wrapped).unwrap_or_default(),
            _ => Fields::default(),
        }
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
    let fields = patch.fields();
    if let Some(title) = &fields.title {
        check_title(title)?;
    }
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    if let Some(title) = fields.title {
        post.title = title;
    }
    if let Some(body) = fields.body {
        post.body = body;
    }
    Ok(Json(post.clone()))
}
