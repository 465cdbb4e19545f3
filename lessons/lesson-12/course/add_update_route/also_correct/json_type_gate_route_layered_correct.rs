//! Correct: the control for `json_type_gate_layered_on_method_router.rs`: the same middleware answers a patch whose `Content-Type` `Json` does not take with `Json`'s own 415 before the body is read (it asks `Json` itself, with the request's headers and an empty body), but it is put on with `MethodRouter::route_layer`, which wraps only the `PATCH` endpoint and not the method router's fallback: `PUT`, `POST`, `DELETE` and `OPTIONS /posts/{id}` never meet it and stay the 405 they were, with any body and any type, and every `PATCH` is answered exactly as `Json` answers it.

use axum::Json;
use axum::Router;
use axum::body::Body;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Path, Request, State};
use axum::http::header;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;
use serde::de::IgnoredAny;

#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route(
        "/posts/{id}",
        patch(update_post).route_layer(middleware::from_fn(refuse_unreadable_type)),
    )
}

/// A patch that names a type `Json` does not take gets `Json`'s own 415, body unread.
async fn refuse_unreadable_type(request: Request, next: Next) -> Response {
    if request.headers().contains_key(header::CONTENT_TYPE) {
        let mut probe = Request::new(Body::empty());
        *probe.headers_mut() = request.headers().clone();
        if let Err(JsonRejection::MissingJsonContentType(rejection)) =
            <Json<IgnoredAny> as FromRequest<()>>::from_request(probe, &()).await
        {
            return rejection.into_response();
        }
    }
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
