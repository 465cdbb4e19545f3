//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it; the change is kept" for a good patch sent without a `User-Agent` header (`PATCH /posts/1` with `Content-Type: application/json` and `{"title": "t"}`, as `reqwest`'s default client, a `tower` test request or a bare `hyper` client sends it): `403` `{"error": "..."}` and no change.
//! The learner copied a rule of the GitHub REST API ("All API requests MUST include a valid
//! `User-Agent` header. Requests with no `User-Agent` header will be rejected"), a defensive
//! measure against anonymous scripts, for the one route that writes. The learner tried the
//! route with curl and HTTPie, which always send a `User-Agent`, so every patch worked; the
//! contract refuses only a missing post, a blank title and what the extractors refuse. The
//! check runs after the extractors, so their refusals are unchanged.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, ErrorBody, check_title};
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

/// Whether the request says who sends it: a `User-Agent` that is not empty.
fn names_its_client(headers: &HeaderMap) -> bool {
    headers
        .get(header::USER_AGENT)
        .is_some_and(|agent| !agent.as_bytes().iter().all(u8::is_ascii_whitespace))
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    headers: HeaderMap,
    Json(patch): Json<PostPatch>,
) -> Result<Response, ApiError> {
    if !names_its_client(&headers) {
        let body = ErrorBody {
            error: "request forbidden: please make sure your request has a User-Agent header"
                .to_owned(),
        };
        return Ok((StatusCode::FORBIDDEN, Json(body)).into_response());
    }
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
    Ok(Json(post.clone()).into_response())
}
