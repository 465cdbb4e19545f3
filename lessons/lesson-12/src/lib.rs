//! Lesson 12: the server half. The small JSON API the earlier lessons' client talked to, written
//! with axum, the tokio team's web framework (aiohttp's `aiohttp.web`, in Rust).
//!
//! - [`routes`]: `GET /posts` (with `?userId=N`), `GET /posts/{id}`, `POST /posts`: path and query
//!   extraction, typed JSON bodies, errors as statuses with JSON bodies ([`ApiError`]);
//! - [`AppState`]: the posts, in memory, shared by every request;
//! - [`app`]: the routes with their state and the layers every request goes through: a timeout
//!   and a body-size limit from tower-http, and [`json_errors`], a middleware that gives every
//!   error answer a JSON body;
//! - [`serve`]: the app on a listener, until a shutdown signal, finishing the requests in flight.
//!
//! aiohttp → axum, side by side:
//!
//! | aiohttp | axum |
//! |---|---|
//! | `app = web.Application()` | `let app = Router::new()` |
//! | `app.router.add_get("/posts/{id}", handler)` | `.route("/posts/{id}", get(handler))` |
//! | `request.match_info["id"]` (a `str`) | `Path(id): Path<u64>` (parsed, or a 400) |
//! | `request.query["userId"]` | `Query(query): Query<ListQuery>` |
//! | `await request.json()` | `Json(new): Json<NewPost>` (typed, or a 4xx) |
//! | `web.json_response(post, status=201)` | `(StatusCode::CREATED, Json(post))` |
//! | `app["store"]` | `State(state): State<AppState>` |
//! | `@web.middleware` | a tower layer: `middleware::map_response(json_errors)` |
//! | `web.run_app(app)` | `axum::serve(listener, app).with_graceful_shutdown(signal)` |

pub mod exercises;

// The exercise's file names this crate `lesson_12`, as code outside it does (the course's checks
// compile the same file from its tests): this line makes the name work inside the crate too.
extern crate self as lesson_12;

use std::collections::BTreeMap;
use std::future::Future;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router, middleware};
use lesson_support::models::Post;
use serde::{Deserialize, Serialize};
use tokio::net::TcpListener;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

// ANCHOR: state
/// The posts the server holds, in memory, by id.
#[derive(Debug, Default)]
pub struct Store {
    posts: BTreeMap<u64, Post>,
}

impl Store {
    /// Post `id`, if there is one.
    pub fn get(&self, id: u64) -> Option<&Post> {
        self.posts.get(&id)
    }

    /// Post `id`, to change in place, if there is one.
    pub fn get_mut(&mut self, id: u64) -> Option<&mut Post> {
        self.posts.get_mut(&id)
    }

    /// Every post, in the order of their ids.
    pub fn all(&self) -> impl Iterator<Item = &Post> {
        self.posts.values()
    }

    /// Adds a post under the next id (one more than the highest) and returns it.
    pub fn add(&mut self, new: NewPost) -> Post {
        let id = self.posts.last_key_value().map_or(1, |(id, _)| id + 1);
        let post = Post {
            user_id: new.user_id,
            id,
            title: new.title,
            body: new.body,
        };
        self.posts.insert(id, post.clone());
        post
    }
}

/// What every handler shares. axum clones it for each request, so it is a handle: one `Arc`
/// around the store, whichever request holds it.
#[derive(Debug, Clone, Default)]
pub struct AppState {
    store: Arc<Mutex<Store>>,
}

impl AppState {
    /// A server holding `posts`.
    pub fn new(posts: impl IntoIterator<Item = Post>) -> AppState {
        let posts = posts.into_iter().map(|post| (post.id, post)).collect();
        AppState {
            store: Arc::new(Mutex::new(Store { posts })),
        }
    }

    /// The store, locked for the caller until the guard is dropped.
    ///
    /// A std `Mutex`, not tokio's: a handler holds it for a few map operations and never across
    /// an `.await` (the compiler refuses that in a handler, since the future would no longer be
    /// `Send`), so no request ever waits long for it. A handler that panicked while holding it
    /// "poisons" it; every change here is complete once made, so the next request carries on.
    pub fn store(&self) -> MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
// ANCHOR_END: state

/// The five posts the lesson's server starts with (the course's own, not JSONPlaceholder's).
pub fn sample_posts() -> Vec<Post> {
    let post = |user_id, id, title: &str, body: &str| Post {
        user_id,
        id,
        title: title.to_owned(),
        body: body.to_owned(),
    };
    vec![
        post(
            1,
            1,
            "one client for every request",
            "build it once, share it",
        ),
        post(
            1,
            2,
            "await is where the waiting happens",
            "and nothing runs until it is awaited",
        ),
        post(2, 3, "a status is not an error", "until you say so"),
        post(
            2,
            4,
            "many requests at once",
            "join_all, buffer_unordered, and a limit",
        ),
        post(
            3,
            5,
            "the other side of the wire",
            "a server is a function from request to response",
        ),
    ]
}

// ANCHOR: error
/// The errors a handler returns, each an HTTP status with a JSON body: `{"error": "no post 7"}`.
/// A handler returns `Result<_, ApiError>` and uses `?`, as any Rust function does; axum turns
/// the error into the answer through [`IntoResponse`].
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// 404: no post has this id.
    #[error("no post {0}")]
    NotFound(u64),
    /// 422: the JSON has the right shape, but a value breaks a rule of the API.
    #[error("{0}")]
    Invalid(&'static str),
}

/// The body of every error answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub error: String,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = match self {
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
        };
        let body = ErrorBody {
            error: self.to_string(),
        };
        (status, Json(body)).into_response()
    }
}

/// The API's one rule about values: a post's title says something.
///
/// # Errors
/// [`ApiError::Invalid`] when `title` is empty or only white space.
pub fn check_title(title: &str) -> Result<(), ApiError> {
    if title.trim().is_empty() {
        Err(ApiError::Invalid("a post's title cannot be empty"))
    } else {
        Ok(())
    }
}
// ANCHOR_END: error

// ANCHOR: handlers
/// The query `GET /posts` understands: `?userId=2` keeps that user's posts.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListQuery {
    pub user_id: Option<u64>,
}

/// `GET /posts`, `GET /posts?userId=2`. A query that does not parse (`?userId=two`) never gets
/// here: the `Query` extractor answers 400 itself.
async fn list_posts(
    State(state): State<AppState>,
    Query(query): Query<ListQuery>,
) -> Json<Vec<Post>> {
    let store = state.store();
    let posts = store
        .all()
        .filter(|post| query.user_id.is_none_or(|user| post.user_id == user))
        .cloned()
        .collect();
    Json(posts)
}

/// `GET /posts/{id}`. `Path<u64>` parses the id: `/posts/abc` is a 400 before this runs.
async fn get_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
) -> Result<Json<Post>, ApiError> {
    let store = state.store();
    let post = store.get(id).ok_or(ApiError::NotFound(id))?;
    Ok(Json(post.clone()))
}

/// The body `POST /posts` takes. Every field is required: a body without one is a 422 from the
/// `Json` extractor, which names the field.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewPost {
    pub user_id: u64,
    pub title: String,
    pub body: String,
}

/// `POST /posts`: 201 Created, the new post, and where it lives now. The `Json` extractor comes
/// last: it reads the body, and a request has only one.
async fn create_post(
    State(state): State<AppState>,
    Json(new): Json<NewPost>,
) -> Result<impl IntoResponse, ApiError> {
    check_title(&new.title)?;
    let post = state.store().add(new);
    let location = format!("/posts/{}", post.id);
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(post),
    ))
}
// ANCHOR_END: handlers

// ANCHOR: routes
/// The API's routes. Each names a method and a path; `{id}` is a path parameter (axum 0.8's
/// syntax: older versions wrote `:id`, which 0.8 refuses with a panic when the route is added).
/// Routes for one path share one `.route(..)`: `get(..).post(..)`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/posts", get(list_posts).post(create_post))
        .route("/posts/{id}", get(get_post))
}
// ANCHOR_END: routes

// ANCHOR: app
/// The limits every request meets.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// From the request's arrival to its answer, body included: a client that sends half a body
    /// and stops holds a connection and a task no longer than this. The answer is then a 408.
    pub timeout: Duration,
    /// The most bytes a request's body may have; a larger one is a 413, and is never read whole.
    pub body: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            timeout: Duration::from_secs(10),
            body: 16 * 1024,
        }
    }
}

/// The whole application: `routes`, the layers every request goes through, and the state.
///
/// A layer wraps everything added before it, and the last `.layer` is the outermost, so a request
/// meets them bottom-up: the body limit, then the timeout, then `json_errors` sees the answer
/// last, whoever made it (a handler, an extractor, or the layers themselves).
pub fn app(routes: Router<AppState>, state: AppState, limits: Limits) -> Router {
    routes
        .fallback(no_route)
        .layer(RequestBodyLimitLayer::new(limits.body))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            limits.timeout,
        ))
        .layer(middleware::map_response(json_errors))
        .with_state(state)
}

/// Any path no route matches.
async fn no_route() -> StatusCode {
    StatusCode::NOT_FOUND
}
// ANCHOR_END: app

// ANCHOR: json_errors
/// The most of an error body `json_errors` reads, to keep its text.
const ERROR_TEXT_LIMIT: usize = 4096;

/// A middleware (aiohttp's `@web.middleware`): every error answer that is not JSON yet gets the
/// API's JSON error body. axum's own rejections (`/posts/abc`, a body that is not JSON) are plain
/// text that says what was wrong, which becomes the `error`; the empty answers (a 405, a route
/// that does not exist, the layers' 408) get the status's name.
pub async fn json_errors(response: Response) -> Response {
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|value| value.as_bytes().starts_with(b"application/json"));
    if is_json || !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let text = axum::body::to_bytes(body, ERROR_TEXT_LIMIT)
        .await
        .map(|bytes| String::from_utf8_lossy(&bytes).trim().to_owned())
        .unwrap_or_default();
    let error = if text.is_empty() {
        status.canonical_reason().unwrap_or("error").to_lowercase()
    } else {
        text
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    (parts, Json(ErrorBody { error })).into_response()
}
// ANCHOR_END: json_errors

// ANCHOR: serve
/// Serves `app` on `listener` until `shutdown` completes, then stops accepting connections,
/// lets every request in flight finish, and returns: aiohttp's `web.run_app`, without the
/// signal handling, which is the caller's choice (Ctrl-C in `main`, a channel in the tests).
///
/// # Errors
/// Only when accepting connections fails for good; axum retries the passing failures itself.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
}
// ANCHOR_END: serve
