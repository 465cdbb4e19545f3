//! Wrong: breaks "no `Content-Type: application/json` (415)"
//! Some clients send JSON with the content type of an HTML form, so the learner reads the body with
//! `Bytes` and `serde_json::from_slice` when the content type is JSON's or a form's. A body
//! declared as `application/x-www-form-urlencoded` is not JSON to the API, and `Json<..>` refuses
//! it with a 415.

use axum::Json;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a `PATCH` may change. `Option`: absent (or `null`) is `None`, which keeps the
/// post's value. serde ignores the fields this struct does not name, `id` and `userId` among
/// them, so they can never change.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    // `GET /posts/{id}` is already there: a second `.route` for the same path adds the method
    // to it (a method given twice would panic).
    router.route("/posts/{id}", patch(update_post))
}

/// `PATCH /posts/{id}`: every check first, then every change, so a refused request changes
/// nothing.
async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    headers: HeaderMap,
    bytes: Bytes,
) -> Result<Json<Post>, Response> {
    // JSON, or JSON sent by a client that calls it a form: read it if it parses.
    let declared = headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default();
    if !declared.starts_with("application/json")
        && !declared.starts_with("application/x-www-form-urlencoded")
    {
        return Err((
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Json(serde_json::json!({"error": "expected a JSON body"})),
        )
            .into_response());
    }
    let patch: PostPatch = serde_json::from_slice(&bytes).map_err(|err| {
        let status = if err.is_syntax() || err.is_eof() {
            StatusCode::BAD_REQUEST
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        };
        (status, Json(serde_json::json!({"error": err.to_string()}))).into_response()
    })?;
    if let Some(title) = &patch.title {
        check_title(title).map_err(IntoResponse::into_response)?;
    }
    let mut store = state.store();
    let post = store
        .get_mut(id)
        .ok_or_else(|| ApiError::NotFound(id).into_response())?;
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Ok(Json(post.clone()))
}
