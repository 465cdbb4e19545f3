//! Wrong: breaks "the change is kept (later requests see it)"
//! The learner follows Google's API design guide (AIP-163, "change validation": an update takes
//! `validate_only`, written `?validateOnly=true` in REST) and Kubernetes' `?dryRun=All`, so that
//! a form can ask "would this edit be accepted?" without making it. Such a PATCH is checked
//! exactly like any other and answered with the post as it would be, but nothing is stored:
//! every patch the checks send without a query string behaves, and a client that adds the flag
//! gets a 200 whose change later requests never see.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

/// `?validateOnly=true` (AIP-163) or `?dryRun=All` (Kubernetes): check, but do not change.
fn is_dry_run(query: &HashMap<String, String>) -> bool {
    query
        .get("validateOnly")
        .is_some_and(|value| value.eq_ignore_ascii_case("true"))
        || query.get("dryRun").is_some_and(|value| value == "All")
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Query(query): Query<HashMap<String, String>>,
    Json(changes): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    if let Some(title) = &changes.title {
        check_title(title)?;
    }
    let dry_run = is_dry_run(&query);
    let mut store = state.store();
    let stored = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    let mut scratch;
    let post = if dry_run {
        scratch = stored.clone();
        &mut scratch
    } else {
        stored
    };
    if let Some(title) = changes.title {
        post.title = title;
    }
    if let Some(body) = changes.body {
        post.body = body;
    }
    Ok(Json(post.clone()))
}
