//! Wrong: breaks "only `PATCH` edits: `PUT`, `POST` or `DELETE /posts/{id}` stay a 405" for another method that sends a body with a type that is not JSON (`PUT /posts/1` with `Content-Type: text/plain`, or a `POST /posts/1` sent as a form): 415 where it was, and must stay, a 405.
//! The learner wants a patch whose type `Json` will refuse to be refused before its body is
//! read, so the patch route gets a middleware that asks `Json` itself, with the request's
//! headers and an empty body, whether it takes the type, and answers `Json`'s own 415 when it
//! does not (a request with no `Content-Type` goes through, and `Json` refuses it as before).
//! For `PATCH` the answers are exactly the extractor's. But the middleware is put on with
//! `MethodRouter::layer`, which wraps the method router's fallback too, and when the route is
//! merged into the one `GET /posts/{id}` already has, that wrapped fallback is the one kept: the
//! 405 of every other method now goes through the check first. `route_layer` would have wrapped
//! only the `PATCH` endpoint.

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
        patch(update_post).layer(middleware::from_fn(refuse_unreadable_type)),
    )
}

/// A request that names a type `Json` does not take gets `Json`'s own 415, body unread.
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
