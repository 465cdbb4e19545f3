//! Wrong: breaks "an `id` that is not a whole number, or is over `u64::MAX` (`/posts/abc`, `/posts/-1`: 400)": `/posts/%31` is refused too, though `Path<u64>` and `GET` read it as post 1
//! The learner writes the handler the way Go's `net/http` did before path patterns,
//! `strconv.ParseUint(strings.TrimPrefix(r.URL.Path, "/posts/"), 10, 64)`: the id is cut from
//! the request's URI and parsed before the body is read, with a 400 worded like axum's own. But
//! Go's `URL.Path` is percent-decoded and `http::Uri::path()` is not (axum's `Path` decodes each
//! parameter first), so an id with an escaped digit is refused where `Path<u64>` reads it.

use axum::extract::{FromRequest, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

async fn update_post(State(state): State<AppState>, request: Request) -> Response {
    // The id first, as the router would: `/posts/abc` is a 400 whatever the body.
    let id: u64 = {
        let raw = request
            .uri()
            .path()
            .strip_prefix("/posts/")
            .unwrap_or_default();
        match raw.parse() {
            Ok(id) => id,
            Err(_) => {
                return (
                    StatusCode::BAD_REQUEST,
                    format!("Invalid URL: Cannot parse `{raw}` to a `u64`"),
                )
                    .into_response();
            }
        }
    };
    // Then the body, with the `Json` extractor's own answers.
    let read = <Json<PostPatch> as FromRequest<AppState>>::from_request(request, &state).await;
    let Json(patch) = match read {
        Ok(json) => json,
        Err(rejection) => return rejection.into_response(),
    };
    match apply(&state, id, patch) {
        Ok(post) => Json(post).into_response(),
        Err(err) => err.into_response(),
    }
}

fn apply(state: &AppState, id: u64, patch: PostPatch) -> Result<Post, ApiError> {
    if let Some(title) = patch.title.as_deref() {
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
