//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it; the change is kept (later requests see it)"
//! The learner's front end autosaves, and an autosave that is still uploading when a newer one of
//! the same post arrives is stale ("the newest save wins", as a debounced `switchMap` does): each
//! request takes a ticket when it arrives, before its body is read, and a process-wide map keeps
//! the newest ticket of each post; a request whose ticket is no longer the newest when its body is
//! in answers the post without applying its patch. Alone, or beside patches of other posts, every
//! edit is applied; two overlapping patches of one post (a title still uploading, a body sent and
//! answered meanwhile) lose the older one's title, though its answer was a 200.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{LazyLock, Mutex, PoisonError};

use axum::Json;
use axum::Router;
use axum::extract::{FromRequest, Path, Request, State};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
use serde::Deserialize;

#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Tickets, handed out in order of arrival, for the whole process.
static NEXT_TICKET: AtomicU64 = AtomicU64::new(0);

/// The newest ticket of each post whose save is still on its way.
static NEWEST: LazyLock<Mutex<HashMap<u64, u64>>> = LazyLock::new(Mutex::default);

fn newest() -> std::sync::MutexGuard<'static, HashMap<u64, u64>> {
    NEWEST.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    request: Request,
) -> Response {
    // Take a ticket as the request arrives, before its body is read.
    let ticket = NEXT_TICKET.fetch_add(1, Ordering::Relaxed) + 1;
    newest().insert(id, ticket);

    let Json(patch) = match Json::<PostPatch>::from_request(request, &state).await {
        Ok(patch) => patch,
        Err(rejection) => return rejection.into_response(),
    };
    if let Some(title) = &patch.title {
        if let Err(err) = check_title(title) {
            return err.into_response();
        }
    }

    let mut store = state.store();
    let Some(post) = store.get_mut(id) else {
        return ApiError::NotFound(id).into_response();
    };
    let mut newest = newest();
    if newest.get(&id) == Some(&ticket) {
        // Still the newest save of this post: apply it, and tidy up its ticket.
        newest.remove(&id);
        if let Some(title) = patch.title {
            post.title = title;
        }
        if let Some(body) = patch.body {
            post.body = body;
        }
    }
    // Otherwise a newer save of this post came in while this one was uploading: it is stale.
    Json(post.clone()).into_response()
}
