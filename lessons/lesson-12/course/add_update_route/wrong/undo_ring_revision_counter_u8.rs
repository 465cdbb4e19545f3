//! Wrong: breaks "no panic, whatever the request" for the 256th good patch of one post on one router (`PATCH /posts/1` with `{"title": "t0"}`, `{"title": "t1"}`, … 256 times): the revision counter, a `u8`, overflows, which panics in the dev and test profiles, and that patch and every later one of post 1 panic (and none is applied).
//! The learner prepares an "undo" for editors: the router keeps, for each post, the last eight
//! versions it replaced, in a ring indexed by the revision number modulo 8. Since only
//! `rev % 8` is ever used, the learner stores the revision in a `u8` ("it wraps around in the
//! ring anyway") and bumps it with `+= 1`, not `wrapping_add`. The ring is the router's own (no
//! `static`), so servers and stores stay apart, and every answer, store and refusal is the
//! reference's for the first 255 edits of a post: the checks' 120 patches in a row pass. The
//! 256th edit of one post overflows the counter.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// How many replaced versions of a post the undo ring keeps.
const RING: u8 = 8;

/// One post's recent history: the versions its last edits replaced, and its revision number.
#[derive(Debug, Default)]
struct History {
    revision: u8,
    #[allow(dead_code)] // read by the undo route, the next thing on the list
    replaced: [Option<Post>; RING as usize],
}

type Histories = Arc<Mutex<HashMap<u64, History>>>;

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    let histories: Histories = Arc::default();
    router.route(
        "/posts/{id}",
        patch(
            move |state: State<AppState>, id: Path<u64>, body: Json<PostPatch>| {
                update_post(histories.clone(), state, id, body)
            },
        ),
    )
}

async fn update_post(
    histories: Histories,
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    {
        let mut table = histories.lock().unwrap_or_else(PoisonError::into_inner);
        let history = table.entry(id).or_default();
        history.replaced[usize::from(history.revision % RING)] = Some(post.clone());
        history.revision += 1;
    }
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Ok(Json(post.clone()))
}
