//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it" for a good patch sent with `Prefer: return=representation` (`PATCH /posts/1` with that header and `{"title": "t"}`: the edit is kept, but the answer is `[{"userId": 1, "id": 1, "title": "t", "body": …}]`, an array of one post, not the post)
//! The learner's front end talks to Supabase, whose supabase-js sends `Prefer:
//! return=representation` on `.update(..).select()`, and PostgREST answers that with the rows it
//! updated, as an array (one object only when `Accept` names
//! `application/vnd.pgrst.object+json`). The learner mirrors PostgREST so that the same client
//! code works against both. Without that preference (every other request) the answer is the
//! post itself, as the contract asks.

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
use serde::Deserialize;

/// The fields a `PATCH` may change; absent or `null` is `None`, other fields are ignored.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

/// PostgREST's rule: `Prefer: return=representation` asks for the changed rows, as an array,
/// unless `Accept` asks for a single object.
fn wants_rows(headers: &HeaderMap) -> bool {
    let representation = headers
        .get_all("prefer")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split([',', ';']))
        .any(|preference| {
            preference
                .trim()
                .eq_ignore_ascii_case("return=representation")
        });
    let single_object = headers
        .get_all(header::ACCEPT)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .any(|value| {
            value
                .to_ascii_lowercase()
                .contains("application/vnd.pgrst.object+json")
        });
    representation && !single_object
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
    if wants_rows(&headers) {
        Ok(Json(vec![post]).into_response())
    } else {
        Ok(Json(post).into_response())
    }
}
