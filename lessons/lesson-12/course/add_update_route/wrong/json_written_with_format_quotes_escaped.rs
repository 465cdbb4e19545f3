//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it"
//! The learner writes the answer the way a template writes it (`{"title": "{{ title|replace('"',
//! '\\"') }}"}`): a `format!` of the four members in JSONPlaceholder's order, with the JSON type
//! set by hand, and the quotes in the title and body escaped "so that a title with quotes still
//! works". Every plain title, a long one, a zero-width space and a 9 KiB body come out right; a
//! title or body with a newline, a tab or a backslash (`"line one\nline two"`, `"C:\\temp"`) makes
//! an answer that is not JSON.

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use serde::Deserialize;

/// The fields a client may change; absent or `null` is `None`, the rest is ignored.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

/// Quotes would end the string early, so they get a backslash.
fn escape(text: &str) -> String {
    text.replace('"', "\\\"")
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Response, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    let json = format!(
        r#"{{"userId":{},"id":{},"title":"{}","body":"{}"}}"#,
        post.user_id,
        post.id,
        escape(&post.title),
        escape(&post.body)
    );
    Ok(([(header::CONTENT_TYPE, "application/json")], json).into_response())
}
