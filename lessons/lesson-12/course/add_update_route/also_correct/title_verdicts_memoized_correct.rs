//! Correct: state kept across requests, routers, stores and runtimes, but only the verdicts of a pure function: `check_title`'s answer for each title text is memoized in a process-wide `static` table (bounded: cleared when it reaches 1024 titles), "autosaves send the same title again and again". Only a title's own text decides its verdict, so a title judged on one server is judged the same on every other; the refusal is still `check_title`'s own error (it is called again to give it), and the check still comes before the one lock that finds and changes the post in place.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex, PoisonError};

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// Titles already judged, and whether `check_title` let them through.
static VERDICTS: LazyLock<Mutex<HashMap<String, bool>>> = LazyLock::new(Mutex::default);
const MOST_VERDICTS: usize = 1024;

/// `check_title`, remembered by title.
fn check_title_memo(title: &str) -> Result<(), ApiError> {
    let known = VERDICTS
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get(title)
        .copied();
    let passes = match known {
        Some(passes) => passes,
        None => {
            let passes = check_title(title).is_ok();
            let mut verdicts = VERDICTS.lock().unwrap_or_else(PoisonError::into_inner);
            if verdicts.len() >= MOST_VERDICTS {
                verdicts.clear();
            }
            verdicts.insert(title.to_owned(), passes);
            passes
        }
    };
    if passes { Ok(()) } else { check_title(title) }
}

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
) -> Result<Json<Post>, ApiError> {
    if let Some(title) = &patch.title {
        check_title_memo(title)?;
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
