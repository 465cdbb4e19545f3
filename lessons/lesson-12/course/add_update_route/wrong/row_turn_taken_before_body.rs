//! Wrong: breaks "the change is kept (later requests see it)" for the patch whose body is complete last (a patch whose body is still arriving holds the post's turn, so a patch sent after it but complete first waits and is applied after it: the slow patch, which the checks expect to be applied last, is applied first and overwritten)
//! The learner brings the database habit `SELECT ... FOR UPDATE`: each post has a "row lock", a `tokio::sync::Mutex` kept across requests in a process-wide map, and an edit holds it from start to finish. To keep the handler short, the lock is an extractor of its own, `PostTurn`, which reads the id and takes the post's turn; it sits before `Json` in the arguments, as the hint says the body comes last.
//! Extractors run in the order of the arguments, so the turn is taken before the body is read: it is held for as long as the client takes to send its body, and patches of one post are applied in the order they arrived, not the order their bodies were complete. (Close kin of `edits_wait_in_arrival_order`, but per post and through the extractor order; patches of different posts never wait.)
//! Input that shows it: a patch of post 1 whose body trickles in, then a second patch of post 1 sent whole; the store ends with the second one's values.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

use axum::extract::rejection::PathRejection;
use axum::extract::{FromRequestParts, Path, State};
use axum::http::request::Parts;
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;
use tokio::sync::OwnedMutexGuard;

/// One lock per post id, for the life of the process.
static ROWS: LazyLock<Mutex<HashMap<u64, Arc<tokio::sync::Mutex<()>>>>> =
    LazyLock::new(Default::default);

/// The id from the path, and this request's turn on that post: no other edit of it runs
/// until this one is dropped.
struct PostTurn {
    id: u64,
    _turn: OwnedMutexGuard<()>,
}

impl<S: Send + Sync> FromRequestParts<S> for PostTurn {
    type Rejection = PathRejection;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Path(id) = Path::<u64>::from_request_parts(parts, state).await?;
        let row = {
            let mut rows = ROWS.lock().unwrap_or_else(PoisonError::into_inner);
            Arc::clone(rows.entry(id).or_default())
        };
        let turn = row.lock_owned().await;
        Ok(PostTurn { id, _turn: turn })
    }
}

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
    turn: PostTurn,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    let id = turn.id;
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
