//! Correct: the control for `edit_metrics_registered_like_prometheus.rs`: the same process-wide registry of edit counters, filled when the route is set up, but registration is idempotent (`get_or_register`: a name already taken hands back the counter it names, as `prometheus_client`'s `Family` and the `metrics` crate's macros do), so every call of the function returns its router; the counters only count, and no answer or edit depends on them.

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

/// The counter named `name`, registered on first use: a second app in the process shares it.
fn get_or_register(name: &'static str) -> Arc<AtomicU64> {
    let mut registry = REGISTRY.lock().unwrap_or_else(PoisonError::into_inner);
    Arc::clone(registry.entry(name).or_default())
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
        edited: get_or_register("posts_edited_total"),
        refused: get_or_register("posts_edit_refused_total"),
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
