//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it" (an answer can carry the `userId` another store's post had)
//! The learner profiles the route and finds that serializing the answer costs more than the edit, so answers are serialized once and kept, process-wide, in a `static` map of bytes (the store is edited and read under its one lock as usual; only the text is reused).
//! The key is what an answer is made of, minus what the contract says "never changes": the id, the title and the body. The learner reads "a post's id and author never change" as true of the whole process, but it is true of one store: two servers in one process, or one router served with two stores, can hold post `id` under two authors.
//! Input that shows it: two stores in one process whose post `id` has different `userId`s, and a patch that leaves both with the same title and body (both fields sent); the second answer names the first store's author, while its store is right.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex, PoisonError};

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use serde::Deserialize;

/// What an answer is kept by.
type AnswerKey = (u64, String, String);

/// Serialized answers by (id, title, body): the author is left out, since it never changes.
static ANSWERS: LazyLock<Mutex<HashMap<AnswerKey, Bytes>>> = LazyLock::new(Default::default);

/// The most answers kept; past it the table starts again.
const KEPT: usize = 4096;

#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
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
) -> Result<Response, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let post = {
        let mut store = state.store();
        let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
        if let Some(title) = patch.title {
            post.title = title;
        }
        if let Some(body) = patch.body {
            post.body = body;
        }
        post.clone()
    };
    let key = (post.id, post.title.clone(), post.body.clone());
    let mut answers = ANSWERS.lock().unwrap_or_else(PoisonError::into_inner);
    let bytes = match answers.get(&key) {
        Some(bytes) => bytes.clone(),
        None => {
            let Ok(text) = serde_json::to_vec(&post) else {
                return Ok(Json(post).into_response());
            };
            if answers.len() >= KEPT {
                answers.clear();
            }
            let bytes = Bytes::from(text);
            answers.insert(key, bytes.clone());
            bytes
        }
    };
    drop(answers);
    Ok((
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        bytes,
    )
        .into_response())
}
