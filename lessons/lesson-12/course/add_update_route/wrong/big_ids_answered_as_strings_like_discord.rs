//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it" for a post whose `id` or `userId` is over 2^53 - 1 (a store holding post 9007199254740993, patched with `{"title": "x"}`)
//! The learner knows that JavaScript reads every JSON number as a double, so an id over
//! `Number.MAX_SAFE_INTEGER` comes out wrong in a browser; Twitter (`id_str`) and Discord (every
//! snowflake) send such ids as strings. So the edit's answer is a view of the post whose ids are
//! numbers while they are safe and strings above that. Every post of the common case has small
//! ids, and its answer is exactly what `GET /posts/{id}` shows. But the contract wants the post
//! as `GET /posts/{id}` shows it, and that is `"id": 9007199254740993`, a number, for any `u64`:
//! for a post with a big id or author, this answer has `"id": "9007199254740993"`.

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::{Deserialize, Serialize};

/// The fields a `PATCH` may change; absent or `null` is `None`, other fields are ignored.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// `Number.MAX_SAFE_INTEGER`: the largest integer a JavaScript client reads exactly.
const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// An id as a JavaScript client can read it: a number while it is safe, a string above.
#[derive(Debug, Serialize)]
#[serde(untagged)]
enum JsId {
    Number(u64),
    Text(String),
}

impl JsId {
    fn new(id: u64) -> JsId {
        if id > MAX_SAFE_INTEGER {
            JsId::Text(id.to_string())
        } else {
            JsId::Number(id)
        }
    }
}

/// The post as the edit answers it: `Post`'s fields, in `Post`'s order and names.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct PostView {
    user_id: JsId,
    id: JsId,
    title: String,
    body: String,
}

impl From<Post> for PostView {
    fn from(post: Post) -> PostView {
        PostView {
            user_id: JsId::new(post.user_id),
            id: JsId::new(post.id),
            title: post.title,
            body: post.body,
        }
    }
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

/// `PATCH /posts/{id}`: every check first, then every change.
async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<PostView>, ApiError> {
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
    Ok(Json(PostView::from(post.clone())))
}
