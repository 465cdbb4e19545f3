//! Wrong: breaks "every route `router` already has keeps working as before"
//! The learner comes from Express, where a JSON API that a browser front end will PATCH starts with
//! `app.use(cors())`: PATCH is not a CORS-"simple" method, so the browser sends an `OPTIONS`
//! preflight first and gives up unless it is answered. tower-http's `cors` feature is not enabled
//! in this workspace, so they write the npm package's defaults as a small middleware on the router
//! they return: every `OPTIONS` is a `204` with the allow headers, every other answer gets
//! `Access-Control-Allow-Origin: *`. `OPTIONS /posts` and `OPTIONS /posts/1` were 405s and are now
//! 204s, and every answer of the old routes carries a header it did not have.

use axum::extract::{Path, Request, State};
use axum::http::header::{
    ACCESS_CONTROL_ALLOW_HEADERS, ACCESS_CONTROL_ALLOW_METHODS, ACCESS_CONTROL_ALLOW_ORIGIN,
    ACCESS_CONTROL_REQUEST_HEADERS, HeaderValue,
};
use axum::http::{Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a patch may change; `null` or absent keeps the value.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router
        .route("/posts/{id}", patch(update_post))
        // `app.use(cors())`: last, so that it covers every route above.
        .layer(middleware::from_fn(cors))
}

/// The `cors` npm package with its defaults: any origin, the usual methods, and the preflight
/// answered here with a 204.
async fn cors(request: Request, next: Next) -> Response {
    if request.method() == Method::OPTIONS {
        let allow_headers = request
            .headers()
            .get(ACCESS_CONTROL_REQUEST_HEADERS)
            .cloned()
            .unwrap_or_else(|| HeaderValue::from_static("content-type"));
        let mut response = StatusCode::NO_CONTENT.into_response();
        let headers = response.headers_mut();
        headers.insert(ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
        headers.insert(
            ACCESS_CONTROL_ALLOW_METHODS,
            HeaderValue::from_static("GET,HEAD,PUT,PATCH,POST,DELETE"),
        );
        headers.insert(ACCESS_CONTROL_ALLOW_HEADERS, allow_headers);
        return response;
    }
    let mut response = next.run(request).await;
    response
        .headers_mut()
        .insert(ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    response
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
