//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON" (a query is no part of
//! a patch: a good patch is applied whatever query comes with it)
//! The API has no log-in yet, so the learner's admin page says who edits by adding the same `?userId=N` that
//! `GET /posts` takes, and the handler reuses the lesson's own `ListQuery` to log edits made by someone other
//! than the post's author (logged only, never refused: "no auth yet"). `?userId=2` is read and the edit goes
//! through; but `Query<ListQuery>` refuses a query it cannot read, so a good patch sent with `?userId=two`
//! (the lesson's own tour sends exactly that to `GET /posts`), `?userId=`, `?userId=-1` or `?userId=1&userId=2`
//! is a 400 and is not applied.

use axum::extract::{Path, Query, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, ListQuery, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a patch may change; serde ignores the others.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

/// `PATCH /posts/{id}`, `PATCH /posts/{id}?userId=2` (the editor, for the log).
async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Query(query): Query<ListQuery>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    let author = post.user_id;
    if let Some(editor) = query.user_id.filter(|&editor| editor != author) {
        eprintln!("post {id} (by user {author}) edited by user {editor}");
    }
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Ok(Json(post.clone()))
}
