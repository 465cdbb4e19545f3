//! Correct: the edits go through an editor task of the router's own (Alice Ryhl's "Actors with
//! Tokio"), as in `editor_actor_per_router_keeps_first_store.rs`, but each message carries the
//! state of the request that sent it, and a closed editor (its runtime gone) is started again on
//! the current one: the actor only orders the edits, it owns no store. The control for that
//! wrong answer: the same shape, so a verdict against it is about the store it kept.

use std::sync::{Arc, Mutex, PoisonError};

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

/// One edit for the editor task: the store it is for, the post, the patch, and where to answer.
struct Edit {
    state: AppState,
    id: u64,
    patch: PostPatch,
    reply: oneshot::Sender<Result<Post, ApiError>>,
}

/// The editor of this router, started (again) by the edit that finds none running.
type Editor = Arc<Mutex<Option<mpsc::UnboundedSender<Edit>>>>;

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    let editor: Editor = Arc::new(Mutex::new(None));
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

/// The sender of a running editor, started on the current runtime when there is none.
fn editor_sender(
    editor: &Mutex<Option<mpsc::UnboundedSender<Edit>>>,
) -> mpsc::UnboundedSender<Edit> {
    let mut slot = editor.lock().unwrap_or_else(PoisonError::into_inner);
    match slot.as_ref() {
        Some(sender) if !sender.is_closed() => sender.clone(),
        _ => {
            let (sender, edits) = mpsc::unbounded_channel();
            tokio::spawn(run_editor(edits));
            *slot = Some(sender.clone());
            sender
        }
    }
}

async fn update_post(
    editor: &Mutex<Option<mpsc::UnboundedSender<Edit>>>,
    state: AppState,
    id: u64,
    patch: PostPatch,
) -> Response {
    if let Some(title) = &patch.title {
        if let Err(err) = check_title(title) {
            return err.into_response();
        }
    }
    let (reply, outcome) = oneshot::channel();
    let edit = Edit {
        state,
        id,
        patch,
        reply,
    };
    if editor_sender(editor).send(edit).is_err() {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    }
    match outcome.await {
        Ok(Ok(post)) => Json(post).into_response(),
        Ok(Err(err)) => err.into_response(),
        Err(_) => StatusCode::SERVICE_UNAVAILABLE.into_response(),
    }
}

/// Edits posts one at a time, in the order they came, each in the store its message names.
async fn run_editor(mut edits: mpsc::UnboundedReceiver<Edit>) {
    while let Some(Edit {
        state,
        id,
        patch,
        reply,
    }) = edits.recv().await
    {
        let _ = reply.send(apply(&state, id, patch));
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
