//! Wrong: breaks "an `id` that is not a whole number [...] (`/posts/abc`, `/posts/-1`: 400)" (`/posts/1,2` edits two posts)
//! The learner adds the bulk edit its admin screen needs the way several REST APIs spell it, a
//! comma-separated id list in the path (`PATCH /posts/1,2,3`, like `GET /users/1,2,3`): the path
//! parameter is read by a small extractor of its own that splits on commas and parses each piece
//! with `str::parse::<u64>`, answering a piece that does not parse exactly as `Path<u64>` would.
//! One id behaves as before (the post, a 404, a 400 with axum's own text); `/posts/1,2` applies
//! the patch to both posts and answers a list, where the contract wants a 400 and no change.

use axum::extract::{FromRequestParts, Path, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
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

/// The ids of `/posts/{id}`: one, or several separated by commas.
struct PostIds(Vec<u64>);

impl<S: Send + Sync> FromRequestParts<S> for PostIds {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<PostIds, Response> {
        let Path(raw) = Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let mut ids = Vec::new();
        for piece in raw.split(',') {
            match piece.parse::<u64>() {
                Ok(id) => ids.push(id),
                // The same answer `Path<u64>` gives, so that one bad id looks as it always did.
                Err(_) => {
                    let text = format!("Invalid URL: Cannot parse `{piece}` to a `u64`");
                    return Err((StatusCode::BAD_REQUEST, text).into_response());
                }
            }
        }
        Ok(PostIds(ids))
    }
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_posts))
}

async fn update_posts(
    State(state): State<AppState>,
    PostIds(ids): PostIds,
    Json(patch): Json<PostPatch>,
) -> Result<Response, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let mut store = state.store();
    // Every post must be there before any changes: a bulk edit is all or nothing.
    if let Some(&missing) = ids.iter().find(|&&id| store.get(id).is_none()) {
        return Err(ApiError::NotFound(missing));
    }
    let mut edited: Vec<Post> = Vec::with_capacity(ids.len());
    for &id in &ids {
        let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
        if let Some(title) = &patch.title {
            post.title.clone_from(title);
        }
        if let Some(body) = &patch.body {
            post.body.clone_from(body);
        }
        edited.push(post.clone());
    }
    drop(store);
    if let [post] = edited.as_slice() {
        Ok(Json(post.clone()).into_response())
    } else {
        Ok(Json(edited).into_response())
    }
}
