//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it; the change is kept"
//! The learner wants edits applied "first come, first served", in the order their requests arrive (the way a queue in front of a database writer works), so every PATCH takes its turn on one process-wide `tokio::sync::Mutex` in a middleware on the route, before the handler runs. The turn is taken before the `Json` extractor reads the body, so a patch whose body is slow to arrive holds every other PATCH (of this server and of any other server in the process) behind it: a client that sends a second patch and waits for its answer before finishing the first gets nothing until the first is cut off by the app's timeout (a 408, and that edit is lost).

use axum::extract::{Path, Request, State};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// One queue for every edit: whoever arrives first edits first.
static EDIT_TURNS: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route(
        "/posts/{id}",
        patch(update_post).route_layer(middleware::from_fn(in_arrival_order)),
    )
}

/// Waits for this request's turn, then lets it through; the turn ends with its answer.
async fn in_arrival_order(request: Request, next: Next) -> Response {
    let _turn = EDIT_TURNS.lock().await;
    next.run(request).await
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
