//! Wrong: breaks "every route `router` already has keeps working as before"
//! With this route in, every change of a post goes through the learner's own code, so they finally
//! cache `GET /posts/{id}` answers (the hot path) and drop a post's entry when a PATCH of it
//! answers; having read that nothing may be kept in a `static`, the cache lives with the router
//! their function returns, in a middleware layered on it. Within one server it is right (a
//! generation number keeps a GET that raced a PATCH from storing the old post), but the cache
//! belongs to the router, not to the store: the same router served a second time, with a store of
//! its own, answers `GET /posts/1` with the first store's post if the first server ever showed it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use axum::Json;
use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{FromRequestParts, Path, Request, State};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// A `GET /posts/{id}` answer, as it was sent.
#[derive(Clone)]
struct Shown {
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
}

#[derive(Default)]
struct Entries {
    /// Bumped by every PATCH, so that a GET that read the post before a PATCH changed it does
    /// not store what it read after the PATCH dropped the entry.
    generation: u64,
    shown: HashMap<u64, Shown>,
}

#[derive(Clone, Default)]
struct ReadCache(Arc<Mutex<Entries>>);

impl ReadCache {
    fn entries(&self) -> MutexGuard<'_, Entries> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    let cache = ReadCache::default();
    router
        .route("/posts/{id}", patch(update_post))
        .layer(middleware::from_fn_with_state(cache, cache_reads))
}

async fn cache_reads(State(cache): State<ReadCache>, request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let (mut parts, body) = request.into_parts();
    // The id as the route reads it; `/posts` has none.
    let id = Path::<u64>::from_request_parts(&mut parts, &())
        .await
        .ok()
        .map(|Path(id)| id);
    let request = Request::from_parts(parts, body);
    let Some(id) = id else {
        return next.run(request).await;
    };

    if method == Method::GET {
        let (hit, generation) = {
            let entries = cache.entries();
            (entries.shown.get(&id).cloned(), entries.generation)
        };
        if let Some(shown) = hit {
            let mut response = Response::new(Body::from(shown.body));
            *response.status_mut() = shown.status;
            *response.headers_mut() = shown.headers;
            return response;
        }
        let response = next.run(request).await;
        if response.status() != StatusCode::OK {
            return response;
        }
        let (parts, body) = response.into_parts();
        let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        };
        let mut entries = cache.entries();
        if entries.generation == generation {
            entries.shown.insert(
                id,
                Shown {
                    status: parts.status,
                    headers: parts.headers.clone(),
                    body: bytes.clone(),
                },
            );
        }
        drop(entries);
        return Response::from_parts(parts, Body::from(bytes));
    }

    let response = next.run(request).await;
    if method == Method::PATCH {
        let mut entries = cache.entries();
        entries.generation += 1;
        entries.shown.remove(&id);
    }
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
