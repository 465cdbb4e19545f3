//! Wrong: breaks "the change is kept (later requests see it) and no other post changes" (edits go to the store of the first request the router served)
//! The learner follows Alice Ryhl's "Actors with Tokio" (one task owns the edits, handlers send it
//! messages) and, having read that nothing may live in a `static`, keeps the actor per router:
//! `add_update_route` makes a `OnceLock` the handler closure holds, and the first edit spawns the
//! actor (there is no runtime when the router is built) with the state that request carried. A
//! router built per server is right; one router value served with two stores (cloned, or built
//! once for several servers) sends every edit to the first store, and the second answers 404.

use std::sync::{Arc, OnceLock};

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;
use tokio::sync::{mpsc, oneshot};

#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// One edit for the editor task, and where to send its outcome.
struct Edit {
    id: u64,
    patch: PostPatch,
    reply: oneshot::Sender<Result<Post, ApiError>>,
}

/// The editor of this router: started by its first edit.
type Editor = Arc<OnceLock<mpsc::UnboundedSender<Edit>>>;

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    let editor: Editor = Arc::new(OnceLock::new());
    router.route(
        "/posts/{id}",
        patch(
            move |State(state): State<AppState>,
                  Path(id): Path<u64>,
                  Json(patch): Json<PostPatch>| {
                let editor = Arc::clone(&editor);
                async move { update_post(&editor, state, id, patch).await }
            },
        ),
    )
}

async fn update_post(
    editor: &OnceLock<mpsc::UnboundedSender<Edit>>,
    state: AppState,
    id: u64,
    patch: PostPatch,
) -> Response {
    if let Some(title) = &patch.title {
        if let Err(err) = check_title(title) {
            return err.into_response();
        }
    }
    let sender = editor.get_or_init(|| {
        let (sender, edits) = mpsc::unbounded_channel();
        tokio::spawn(run_editor(state.clone(), edits));
        sender
    });
    let (reply, outcome) = oneshot::channel();
    if sender.send(Edit { id, patch, reply }).is_err() {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    }
    match outcome.await {
        Ok(Ok(post)) => Json(post).into_response(),
        Ok(Err(err)) => err.into_response(),
        Err(_) => StatusCode::SERVICE_UNAVAILABLE.into_response(),
    }
}

/// The one task that edits posts, one edit at a time, in the order they came.
async fn run_editor(state: AppState, mut edits: mpsc::UnboundedReceiver<Edit>) {
    while let Some(Edit { id, patch, reply }) = edits.recv().await {
        let outcome = apply(&state, id, patch);
        let _ = reply.send(outcome);
    }
}

fn apply(state: &AppState, id: u64, patch: PostPatch) -> Result<Post, ApiError> {
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Ok(post.clone())
}
