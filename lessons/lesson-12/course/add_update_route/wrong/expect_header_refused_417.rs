//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it; the change is kept (later requests see it)" for a good patch sent with an `Expect` header whose value is not the exact bytes `100-continue` (`PATCH /posts/1` with `Expect: 100-Continue`, the same expectation in another case, beside `{"title": "t"}`): `417 Expectation Failed`, and the post is not changed.
//! The learner read RFC 9110 §10.1.1 ("a server that receives an Expect field value containing
//! a member other than 100-continue MAY respond with a 417") and, being strict as production
//! code should be, refuses every expectation it cannot meet before it touches the store; hyper
//! already sends the interim `100 Continue` itself, so only that value passes. The comparison is
//! a byte comparison, but expectations are case-insensitive, and the contract refuses nothing
//! for a header: a good patch is applied whatever `Expect` says. The check runs after every
//! extractor, so every refusal the contract names is still the extractor's own.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, ErrorBody, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// The only expectation this server meets (hyper answers it with `100 Continue` on its own).
const MET_EXPECTATION: &[u8] = b"100-continue";

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    headers: HeaderMap,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, Response> {
    for expectation in headers.get_all(header::EXPECT) {
        if expectation.as_bytes() != MET_EXPECTATION {
            let body = ErrorBody {
                error: format!(
                    "cannot meet the expectation {:?}",
                    String::from_utf8_lossy(expectation.as_bytes())
                ),
            };
            return Err((StatusCode::EXPECTATION_FAILED, Json(body)).into_response());
        }
    }
    edit(&state, id, patch)
        .map(Json)
        .map_err(IntoResponse::into_response)
}

fn edit(state: &AppState, id: u64, patch: PostPatch) -> Result<Post, ApiError> {
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
    Ok(post.clone())
}
