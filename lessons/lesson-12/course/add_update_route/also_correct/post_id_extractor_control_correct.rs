//! Correct: the id is read by an extractor of the learner's own (`PostId`, a `FromRequestParts`
//! that takes the segment as `Path<String>` and parses it with `str::parse::<u64>`, answering a
//! failure with the 400 and the text `Path<u64>` gives), the handler takes it before the body,
//! and the answer is built with `Json` and an explicit status. The control for
//! `comma_id_list_bulk_edit.rs` and `json_format_suffix_like_rails.rs`: the same extractor shape
//! without their extra forms, so a verdict against them is about `/posts/1,2` or `/posts/1.json`.

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

/// The id of `/posts/{id}`, parsed as `Path<u64>` parses it.
struct PostId(u64);

impl<S: Send + Sync> FromRequestParts<S> for PostId {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<PostId, Response> {
        let Path(raw) = Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        raw.parse::<u64>().map(PostId).map_err(|_| {
            let text = format!("Invalid URL: Cannot parse `{raw}` to a `u64`");
            (StatusCode::BAD_REQUEST, text).into_response()
        })
    }
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

async fn update_post(
    PostId(id): PostId,
    State(state): State<AppState>,
    Json(patch): Json<PostPatch>,
) -> Result<(StatusCode, Json<Post>), ApiError> {
    let PostPatch { title, body } = patch;
    title.as_deref().map(check_title).transpose()?;
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    post.title = title.unwrap_or_else(|| std::mem::take(&mut post.title));
    post.body = body.unwrap_or_else(|| std::mem::take(&mut post.body));
    Ok((StatusCode::OK, Json(post.clone())))
}
