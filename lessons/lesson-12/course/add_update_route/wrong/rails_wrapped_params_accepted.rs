//! Wrong: breaks "any other field (`id`, `userId`, …) is ignored"
//! The learner's clients are Rails front ends, which send `{"post": {"title": ..}}`
//! (`params.require(:post).permit(:title, :body)`, and Rails' own `wrap_parameters` the other way
//! round), so the patch also reads a `post` member and takes its fields when it has them: "accept
//! both shapes, wrapped and bare". Bare patches behave exactly as the contract says; a body with a
//! `post` object, `{"post": {"title": "t"}}`, which must be a patch of nothing, changes the title.

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a `PATCH` may change.
#[derive(Debug, Deserialize)]
struct Fields {
    title: Option<String>,
    body: Option<String>,
}

/// A patch, bare (`{"title": ..}`) or wrapped the Rails way (`{"post": {"title": ..}}`).
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
    post: Option<Fields>,
}

impl PostPatch {
    /// The fields to apply: the wrapped ones win, the bare ones fill in.
    fn fields(self) -> Fields {
        match self.post {
            Some(wrapped) => Fields {
                title: wrapped.title.or(self.title),
                body: wrapped.body.or(self.body),
            },
            None => Fields {
                title: self.title,
                body: self.body,
            },
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
