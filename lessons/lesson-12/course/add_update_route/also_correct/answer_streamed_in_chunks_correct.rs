//! Correct: the answer's body is a stream (`Body::from_stream` over the JSON cut into 4 KiB chunks, `futures::stream::iter`), so it has no `Content-Length` and goes out chunked, where `Json`'s answer is one buffer of known length; the bytes, once read, are the reference's.
//! The learner has read that big answers should be streamed rather than built whole, and
//! applies it to posts, whose body can be 60,000 characters: the post is serialized once,
//! under the lock (so the answer is the post right after this edit, as in the reference), and
//! handed to axum as a stream of 4 KiB pieces with `Content-Type: application/json`. A client
//! (reqwest, `axum::body::to_bytes`) reads the same JSON; only a check that insists on a
//! `Content-Length` header, or on a body whose size is known before it is read, would refuse
//! it by mistake. Everything else is the reference's: extractors, checks first, one lock, the
//! edit in place.

use std::convert::Infallible;

use axum::Json;
use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
use serde::Deserialize;

/// The size of each piece of the answer's body.
const CHUNK: usize = 4 * 1024;

#[derive(Debug, Deserialize)]
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
    let json = {
        let mut store = state.store();
        let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
        if let Some(title) = patch.title {
            post.title = title;
        }
        if let Some(body) = patch.body {
            post.body = body;
        }
        serde_json::to_vec(&*post)
    };
    let Ok(json) = json else {
        return Ok(StatusCode::INTERNAL_SERVER_ERROR.into_response());
    };
    let json = Bytes::from(json);
    let chunks: Vec<Bytes> = (0..json.len())
        .step_by(CHUNK)
        .map(|start| json.slice(start..json.len().min(start + CHUNK)))
        .collect();
    let body = Body::from_stream(futures::stream::iter(
        chunks.into_iter().map(Ok::<Bytes, Infallible>),
    ));
    Ok((
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        body,
    )
        .into_response())
}
