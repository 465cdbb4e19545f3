//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON"
//! The learner knows PostgREST and Microsoft Graph, which honour RFC 7240's `Prefer:
//! return=minimal` on a write ("the client says it does not need the post back: save the bytes"),
//! and answers such a PATCH with `204 No Content` and `Preference-Applied`. The edit is made and
//! kept, and every request without that header gets the post; a client sending `Prefer:
//! return=minimal` gets no post.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
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

/// Whether the request says `Prefer: return=minimal` (RFC 7240), among any other preferences.
fn wants_minimal(headers: &HeaderMap) -> bool {
    headers
        .get_all("prefer")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .any(|preference| preference.trim().eq_ignore_ascii_case("return=minimal"))
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    headers: HeaderMap,
    Json(patch): Json<PostPatch>,
) -> Result<Response, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let updated = {
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
    if wants_minimal(&headers) {
        let mut response = StatusCode::NO_CONTENT.into_response();
        response.headers_mut().insert(
            "preference-applied",
            HeaderValue::from_static("return=minimal"),
        );
        return Ok(response);
    }
    Ok(Json(updated).into_response())
}
