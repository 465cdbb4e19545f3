//! Wrong: breaks "a request the API's extractors refuse is that extractor's answer" for a second body refused for the same reason as an earlier one
//! The learner takes the `Json` extractor's rejection and, to build each kind of refusal only
//! once, keeps the first answer of each kind (its status and text) in a `static` map, handing
//! the same answer to every later refusal of that kind.

use axum::Json;
use axum::Router;
use std::sync::{Mutex, PoisonError};

use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
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
    patch: Result<Json<PostPatch>, JsonRejection>,
) -> Result<Json<Post>, Response> {
    let Json(patch) = match patch {
        Ok(patch) => patch,
        Err(rejection) => return Err(refusal(&rejection)),
    };
    edit(&state, id, patch).map_err(IntoResponse::into_response)
}

/// The refusals built so far, one per kind.
static REFUSALS: Mutex<Vec<(&'static str, StatusCode, String)>> = Mutex::new(Vec::new());

fn refusal(rejection: &JsonRejection) -> Response {
    let kind = match rejection {
        JsonRejection::JsonDataError(_) => "data",
        JsonRejection::JsonSyntaxError(_) => "syntax",
        JsonRejection::MissingJsonContentType(_) => "content type",
        _ => "other",
    };
    let mut refusals = REFUSALS.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((_, status, text)) = refusals.iter().find(|(k, _, _)| *k == kind) {
        return (*status, text.clone()).into_response();
    }
    let (status, text) = (rejection.status(), rejection.body_text());
    refusals.push((kind, status, text.clone()));
    (status, text).into_response()
}

fn edit(state: &AppState, id: u64, patch: PostPatch) -> Result<Json<Post>, ApiError> {
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
