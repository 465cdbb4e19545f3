//! Wrong: breaks "the body is a JSON object with any of `title` and `body`, each a string" (JSON of another shape: 422)
//! The learner's admin scripts build patches with `jq -s` (slurp), which wraps what it reads in an
//! array, so a patch often arrives as `[{"title": "..."}]`; being lenient, when `Json` refuses the
//! shape the handler tries the same bytes as an array of exactly one patch object and takes that.
//! Every refusal the checks name is still `Json`'s own (`[]`, `["t"]`, `null`, `{"title": 5}` do
//! not read as one patch object), but `[{"title": "x"}]` edits the post instead of being a 422.

use axum::body::{Body, Bytes};
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Path, Request, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    headers: HeaderMap,
    bytes: Bytes,
) -> Response {
    // `Json` decides first, on the same headers and bytes, so its answers stay its own.
    let mut request = Request::new(Body::from(bytes.clone()));
    *request.headers_mut() = headers;
    let patch = match Json::<PostPatch>::from_request(request, &()).await {
        Ok(Json(patch)) => patch,
        Err(JsonRejection::JsonDataError(rejection)) => {
            // `jq -s` output: one patch object inside an array.
            match serde_json::from_slice::<[PostPatch; 1]>(&bytes) {
                Ok([patch]) => patch,
                Err(_) => return JsonRejection::JsonDataError(rejection).into_response(),
            }
        }
        Err(rejection) => return rejection.into_response(),
    };
    match apply(&state, id, patch) {
        Ok(post) => Json(post).into_response(),
        Err(err) => err.into_response(),
    }
}

fn apply(state: &AppState, id: u64, patch: PostPatch) -> Result<Post, ApiError> {
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
