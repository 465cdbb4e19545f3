//! Wrong: breaks "an `id` that is a whole number (a `u64`) but no post's …: `404` with the body `ApiError::NotFound(id)` gives"
//! The learner writes the handler the aiohttp way, one `Response` per outcome:
//! `web.Response(text=json.dumps(post), content_type="application/json")` for the post, and for a
//! missing one `web.Response(status=404, text=json.dumps({"error": f"no post {id}"}))`, the API's
//! own wording, but with no content type (aiohttp's default is `text/plain`, and so is axum's for a
//! `String`). The lesson's `json_errors` then sees a 404 that is not JSON and wraps its text: the
//! body is `{"error": "{\"error\":\"no post 4\"}"}`. Status, type and the 200s are right.

use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{AppState, check_title};
use serde::Deserialize;

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
) -> Response {
    if let Some(title) = &patch.title {
        if let Err(err) = check_title(title) {
            return err.into_response();
        }
    }
    let mut store = state.store();
    let Some(post) = store.get_mut(id) else {
        let text = serde_json::json!({ "error": format!("no post {id}") }).to_string();
        return (StatusCode::NOT_FOUND, text).into_response();
    };
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    match serde_json::to_string(&*post) {
        Ok(text) => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "application/json")],
            text,
        )
            .into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}
