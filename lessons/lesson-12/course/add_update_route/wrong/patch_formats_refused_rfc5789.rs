//! Wrong: breaks "a request the API's extractors refuse is that extractor's answer" (and so a request they take is a patch: "`Json` also takes `application/merge-patch+json`, and any case")
//! The learner read RFC 5789 §2.2 ("415 Unsupported Media Type [...] when the client sends a patch
//! document format that the server does not support") and lists the formats the route supports,
//! plain JSON and merge patch, refusing every other `+json` type with a 415 and an `Accept-Patch`
//! header. The listed types pass through untouched; `application/json-patch+json` or
//! `application/vnd.api+json` with `{"title": "t"}`, which `Json` takes, is refused.

use axum::extract::{Path, Request, State};
use axum::http::{HeaderName, StatusCode, header};
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, ErrorBody, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The patch formats this route understands (RFC 5789's `Accept-Patch`).
const ACCEPT_PATCH: &str = "application/json, application/merge-patch+json";

/// The fields a `PATCH` may change; the others are ignored.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route(
        "/posts/{id}",
        patch(update_post).layer(middleware::map_request(supported_patch_format)),
    )
}

/// A JSON-based patch format other than the two this route applies is a 415, as RFC 5789 says
/// (JSON Patch's list of operations would otherwise be misread).
async fn supported_patch_format(request: Request) -> Result<Request, Response> {
    let essence = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .map(|value| {
            value
                .split(';')
                .next()
                .unwrap_or_default()
                .trim()
                .to_ascii_lowercase()
        });
    match essence {
        Some(essence)
            if essence.ends_with("+json") && essence != "application/merge-patch+json" =>
        {
            let body = ErrorBody {
                error: format!("unsupported patch format {essence}; send one of {ACCEPT_PATCH}"),
            };
            Err((
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                [(HeaderName::from_static("accept-patch"), ACCEPT_PATCH)],
                Json(body),
            )
                .into_response())
        }
        _ => Ok(request),
    }
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
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
    Ok(Json(post.clone()))
}
