//! Wrong: breaks "`add_update_route(router)` returns `router` with one more route" (and "every route `router` already has keeps working as before")
//! The learner counts edits the way their Python services did with `prometheus_client`: the counters are registered in the process's one registry when the route is set up, and registering a name twice is an error (`Duplicated timeseries in CollectorRegistry`, the Rust crate's `AlreadyReg`), which they unwrap on purpose ("a metric registered twice is a wiring bug: fail loudly at start-up").
//! One app per process works; the second call of the function in the same process (a second app, a second server, the next test) panics instead of returning a router.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The process's metrics, by name: Prometheus' default registry.
static REGISTRY: LazyLock<Mutex<HashMap<&'static str, Arc<AtomicU64>>>> =
    LazyLock::new(Mutex::default);

#[derive(Debug)]
struct AlreadyRegistered(&'static str);

impl std::fmt::Display for AlreadyRegistered {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "a metric named `{}` is already registered", self.0)
    }
}

/// Registers a counter under `name`, as `prometheus::register` does: a name is taken once.
fn register(name: &'static str) -> Result<Arc<AtomicU64>, AlreadyRegistered> {
    let mut registry = REGISTRY.lock().unwrap_or_else(PoisonError::into_inner);
    if registry.contains_key(name) {
        return Err(AlreadyRegistered(name));
    }
    let counter = Arc::new(AtomicU64::new(0));
    registry.insert(name, Arc::clone(&counter));
    Ok(counter)
}

#[derive(Debug, Clone)]
struct EditMetrics {
    edited: Arc<AtomicU64>,
    refused: Arc<AtomicU64>,
}

#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    let metrics = EditMetrics {
        edited: register("posts_edited_total")
            .unwrap_or_else(|err| panic!("metrics are registered once, at start-up: {err}")),
        refused: register("posts_edit_refused_total")
            .unwrap_or_else(|err| panic!("metrics are registered once, at start-up: {err}")),
    };
    router.route(
        "/posts/{id}",
        patch(
            move |state: State<AppState>, path: Path<u64>, body: Json<PostPatch>| {
                update_post(state, path, body, metrics.clone())
            },
        ),
    )
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
    metrics: EditMetrics,
) -> Result<Json<Post>, ApiError> {
    let result = edit(&state, id, patch);
    let counter = if result.is_ok() {
        &metrics.edited
    } else {
        &metrics.refused
    };
    counter.fetch_add(1, Ordering::Relaxed);
    result.map(Json)
}

fn edit(state: &AppState, id: u64, patch: PostPatch) -> Result<Post, ApiError> {
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
