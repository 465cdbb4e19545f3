//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it"
//! The learner wanted to avoid cloning the whole post (its body may be 16 KiB or more) only to
//! serialize it: the answer is a view that borrows the post's fields and is turned into JSON
//! bytes while the lock is held. The view is a `#[derive(Serialize)]` struct of the learner's
//! own, and it lacks `#[serde(rename_all = "camelCase")]`, so the author goes out as `"user_id"`
//! where `GET /posts/{id}` (and `Post`) says `"userId"`. The learner looked at `title` and `body`
//! in the answer, which are right, and did not notice the key of the number.

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use serde::{Deserialize, Serialize};

#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// The post as the answer shows it, borrowed: no copy of the strings.
#[derive(Serialize)]
struct PostView<'a> {
    user_id: u64,
    id: u64,
    title: &'a str,
    body: &'a str,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Response, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let bytes = {
        let mut store = state.store();
        let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
        if let Some(title) = patch.title {
            post.title = title;
        }
        if let Some(body) = patch.body {
            post.body = body;
        }
        let view = PostView {
            user_id: post.user_id,
            id: post.id,
            title: &post.title,
            body: &post.body,
        };
        serde_json::to_vec(&view)
    };
    match bytes {
        Ok(bytes) => Ok((
            StatusCode::OK,
            [(header::CONTENT_TYPE, "application/json")],
            Body::from(bytes),
        )
            .into_response()),
        // Serializing four plain fields cannot fail; answer as `Json` would if it did.
        Err(err) => Ok((StatusCode::INTERNAL_SERVER_ERROR, err.to_string()).into_response()),
    }
}
