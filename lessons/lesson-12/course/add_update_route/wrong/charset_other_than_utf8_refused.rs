//! Wrong: breaks "a request the API's extractors refuse is that extractor's answer" (a `Content-Type` that is JSON's is not a 415: "`Json` also takes `application/merge-patch+json`, and any case")
//! The learner knows RFC 8259 ("JSON text exchanged between systems [...] MUST be encoded using
//! UTF-8") and wants a client that declares another charset told so clearly, with a 415, rather
//! than with serde's confusing 400 about an invalid byte. A `charset` parameter that is not `utf-8`
//! is refused before `Json` runs: `application/json; charset=utf8` (MySQL's spelling),
//! `charset=us-ascii` or `charset=iso-8859-1` with a plain ASCII body, which `Json` takes, get a
//! 415.

use axum::extract::{Path, Request, State};
use axum::http::{StatusCode, header};
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, ErrorBody, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

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
        patch(update_post).layer(middleware::map_request(utf8_only)),
    )
}

/// JSON is UTF-8 (RFC 8259 §8.1): a body that says it is something else is refused up front.
async fn utf8_only(request: Request) -> Result<Request, Response> {
    let charset = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| {
            value.split(';').skip(1).find_map(|param| {
                let (name, value) = param.trim().split_once('=')?;
                name.trim()
                    .eq_ignore_ascii_case("charset")
                    .then(|| value.trim().trim_matches('"').to_owned())
            })
        });
    match charset {
        Some(charset) if !charset.eq_ignore_ascii_case("utf-8") => {
            let body = ErrorBody {
                error: format!("JSON must be UTF-8, not {charset}"),
            };
            Err((StatusCode::UNSUPPORTED_MEDIA_TYPE, Json(body)).into_response())
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
