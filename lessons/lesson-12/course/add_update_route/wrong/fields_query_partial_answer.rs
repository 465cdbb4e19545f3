//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it"
//! The learner follows Google's API design guide ("partial responses": `?fields=title,body`) and
//! the same habit in JSON:API and Django REST's `?fields=`: a client that edits a title on a slow
//! phone link only wants the title back. Without a `fields` parameter (or with any other query,
//! `?userId=2`, `?x=1`), the answer is the whole post; `PATCH /posts/1?fields=title` answers
//! `{"title": ...}` alone.

use axum::extract::{Path, RawQuery, State};
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

/// The members a client asked for with `?fields=a,b`, if it asked.
fn wanted_fields(query: Option<&str>) -> Option<Vec<String>> {
    let list = query?
        .split('&')
        .find_map(|pair| pair.strip_prefix("fields="))?;
    let names: Vec<String> = list
        .split(',')
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
        .collect();
    if names.is_empty() { None } else { Some(names) }
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    RawQuery(query): RawQuery,
    Json(patch): Json<PostPatch>,
) -> Result<Response, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let post = {
        let mut store = state.store();
        let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
        if let Some(title) = patch.title {
            post.title = title;
        }
        if let Some(body) = patch.body {
            post.body = body;
        }
        post.clone()
    };
    let Some(fields) = wanted_fields(query.as_deref()) else {
        return Ok(Json(post).into_response());
    };
    // a partial response: only the members asked for, in the post's own order
    let partial: serde_json::Map<String, serde_json::Value> = match serde_json::to_value(&post) {
        Ok(serde_json::Value::Object(members)) => members
            .into_iter()
            .filter(|(name, _)| fields.iter().any(|field| field == name))
            .collect(),
        _ => return Ok(Json(post).into_response()),
    };
    Ok(Json(partial).into_response())
}
