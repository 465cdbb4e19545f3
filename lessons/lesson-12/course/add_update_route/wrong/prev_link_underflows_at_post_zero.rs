//! Wrong: breaks "no panic, whatever the request" for a good patch of a post whose id is 0 (a store holding post 0, `PATCH /posts/0` with `{"title": "t"}`: `id - 1` overflows, which panics in the dev and test profiles)
//!
//! The learner gives the edit's answer the navigation links GitHub's API puts in a `Link`
//! header (RFC 8288), so an editor can step to the neighbouring post after saving:
//! `</posts/6>; rel="prev", </posts/8>; rel="next"`. Having just read the contract's
//! `/posts/5000000000` and the chapter's post past 2^53, the learner guards the end that
//! looks dangerous, `id.checked_add(1)`, and leaves out `next` for `u64::MAX`; `prev` is
//! written `id - 1`, since "ids start at 1" (JSONPlaceholder's do, and the lesson's
//! `Store::add` hands out 1 first). But a store may hold any id, 0 included, and the body of
//! the answer is otherwise right: only the header's arithmetic fails. The links are computed
//! once the post is found and before it is changed, so a missing post 0 is still a 404.

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
use serde::Deserialize;

/// The fields a `PATCH` may change; absent or `null` is `None`, and keeps the value.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

/// The `Link` header of post `id`'s answer: its neighbours by id.
fn neighbour_links(id: u64) -> String {
    let prev = id - 1;
    match id.checked_add(1) {
        Some(next) => format!("</posts/{prev}>; rel=\"prev\", </posts/{next}>; rel=\"next\""),
        None => format!("</posts/{prev}>; rel=\"prev\""),
    }
}

/// `PATCH /posts/{id}`: every check first, then every change.
async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<impl IntoResponse, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    let links = neighbour_links(id);
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Ok(([(header::LINK, links)], Json(post.clone())))
}
