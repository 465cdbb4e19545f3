//! Correct: the patch is applied with one exhaustive `match` on the pair of fields, four arms
//! (both, title only, body only, neither), the title checked in the arms that have one before the
//! store is locked; the handler returns a plain `Response` built from early returns, and takes the
//! `State` last among the parts extractors.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use serde::Deserialize;

/// The fields a client may change; serde ignores the others.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// What a patch does to a post, once its title has passed.
enum Change {
    Both(String, String),
    Title(String),
    Body(String),
    Nothing,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

/// The patch as a change, or the API's 422 when its title is blank.
fn change_of(patch: PostPatch) -> Result<Change, ApiError> {
    Ok(match (patch.title, patch.body) {
        (Some(title), Some(body)) => {
            check_title(&title)?;
            Change::Both(title, body)
        }
        (Some(title), None) => {
            check_title(&title)?;
            Change::Title(title)
        }
        (None, Some(body)) => Change::Body(body),
        (None, None) => Change::Nothing,
    })
}

async fn update_post(
    Path(id): Path<u64>,
    State(state): State<AppState>,
    Json(patch): Json<PostPatch>,
) -> Response {
    let change = match change_of(patch) {
        Ok(change) => change,
        Err(err) => return err.into_response(),
    };
    let mut store = state.store();
    let Some(post) = store.get_mut(id) else {
        return ApiError::NotFound(id).into_response();
    };
    match change {
        Change::Both(title, body) => {
            post.title = title;
            post.body = body;
        }
        Change::Title(title) => post.title = title,
        Change::Body(body) => post.body = body,
        Change::Nothing => {}
    }
    let answer = post.clone();
    drop(store);
    Json(answer).into_response()
}
