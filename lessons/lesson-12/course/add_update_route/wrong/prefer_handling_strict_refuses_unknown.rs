//! Wrong: breaks "any other field (`id`, `userId`, …) is ignored"
//! The learner read RFC 7240 to understand the `Prefer: return=minimal` the checks mention, and
//! found its sibling `Prefer: handling=strict` ("the client wishes the server to apply strict
//! validation and error handling"), so a client that asks for it gets a 422 for every field the
//! patch does not know, and every other client gets the lenient behaviour. No listed input sends
//! that preference; `Prefer: handling=strict` with `{"title": "x", "userId": 2}` (a client that
//! sends the post back) is refused instead of editing the title.

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;
use serde_json::{Map, Value};

#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
    /// Every member the patch does not name, kept to honour `handling=strict`.
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

/// Whether the request carries `Prefer: handling=strict` (RFC 7240 §4.4), in any of its
/// `Prefer` headers, among other preferences.
fn wants_strict(headers: &HeaderMap) -> bool {
    headers
        .get_all("prefer")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .any(|pref| {
            let pref = pref.split(';').next().unwrap_or_default();
            let pref: String = pref.chars().filter(|c| !c.is_whitespace()).collect();
            pref.eq_ignore_ascii_case("handling=strict")
        })
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    headers: HeaderMap,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    if wants_strict(&headers) && !patch.unknown.is_empty() {
        return Err(ApiError::Invalid(
            "unknown field in patch (Prefer: handling=strict)",
        ));
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
    Ok(Json(post.clone()))
}
