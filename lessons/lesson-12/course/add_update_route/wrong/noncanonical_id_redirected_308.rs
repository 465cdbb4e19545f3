//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it; the change is kept"
//! The learner wants one URL per post (GitHub's API answers a renamed repository's URL with a
//! redirect, 307/308 for writes; Stack Overflow and Django redirect to the canonical slug), so a
//! PATCH to `/posts/0001` or `/posts/+1` is told where the post lives: `308 Permanent Redirect`
//! to `/posts/1` (308 keeps the method and the body), and nothing is edited. The 404 comes first,
//! so `0004` and `+4` (no post 4) still answer `no post 4`; only a non-canonical spelling of an
//! id that exists (`/posts/01`, `/posts/+1`, `/posts/%31` is fine: it decodes to `1`) shows it.

use axum::extract::{Path, RawPathParams, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use serde::Deserialize;

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
    Path(id): Path<u64>,
    raw: RawPathParams,
    Json(patch): Json<PostPatch>,
) -> Result<Response, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    // One resource, one URL: `/posts/007` is `/posts/7`, said so with a redirect that keeps
    // the method (RFC 9110 §15.4.9).
    let canonical = id.to_string();
    let as_sent = raw
        .iter()
        .find(|(name, _)| *name == "id")
        .map(|(_, value)| value)
        .unwrap_or(canonical.as_str());
    if as_sent != canonical {
        let location = format!("/posts/{canonical}");
        return Ok((
            StatusCode::PERMANENT_REDIRECT,
            [(header::LOCATION, location)],
        )
            .into_response());
    }
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Ok(Json(post.clone()).into_response())
}
