//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it; the change is kept" for a good patch whose body takes more than 2 s to arrive, well within the app's own 10 s limit (`PATCH /posts/1` with `{"title": "t"}` sent in two parts 2.5 s apart): `408` `{"error": "request timeout"}` and no change.
//! The learner read the chapter's stalled client ("a client that sends half a body and stops
//! holds a connection and a task") and, since this is the one route that takes a body that can
//! be up to 16 KiB, added a Slowloris guard of its own, tighter than the app's: the body is read
//! by the `Json` extractor under `tokio::time::timeout(2 s, ..)`, and a body that is not complete
//! by then is answered as the app's timeout layer answers, 408. The extractor's own refusals are
//! passed on as they are, so every refusal is still the extractor's answer; but a slow client on
//! a slow link, which the app lets take up to its `Limits::timeout`, now loses its edit.

use std::time::Duration;

use axum::extract::{FromRequest, Path, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, ErrorBody, check_title};
use serde::Deserialize;

/// How long a patch's body may take to arrive: 16 KiB needs far less on any link.
const BODY_DEADLINE: Duration = Duration::from_secs(2);

#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    request: Request,
) -> Result<Response, ApiError> {
    let read = Json::<PostPatch>::from_request(request, &state);
    let patch = match tokio::time::timeout(BODY_DEADLINE, read).await {
        Err(_elapsed) => {
            let body = ErrorBody {
                error: "request timeout".to_owned(),
            };
            return Ok((StatusCode::REQUEST_TIMEOUT, Json(body)).into_response());
        }
        Ok(Err(rejection)) => return Ok(rejection.into_response()),
        Ok(Ok(Json(patch))) => patch,
    };
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
