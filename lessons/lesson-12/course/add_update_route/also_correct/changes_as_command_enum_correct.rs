//! Correct: the patch is turned into a list of commands (`enum Change { Title(String), Body(String) }`, the command pattern of an event-sourced model), every command is checked before the lock is taken (`try_for_each`), and then each is applied to the post in place under one lock; the extractors, the route, the statuses and the answer (`Json` of a clone of the post) are the reference's.

use axum::extract::{Path, State};
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

/// One change a patch asks for.
enum Change {
    Title(String),
    Body(String),
}

impl Change {
    /// Whether the API's rules allow this change, whatever post it is made to.
    fn check(&self) -> Result<(), ApiError> {
        match self {
            Change::Title(title) => check_title(title),
            Change::Body(_) => Ok(()),
        }
    }

    /// Makes the change, in place.
    fn apply(self, post: &mut Post) {
        match self {
            Change::Title(title) => post.title = title,
            Change::Body(body) => post.body = body,
        }
    }
}

impl PostPatch {
    /// The changes this patch asks for: a field that is absent or `null` asks for none.
    fn into_changes(self) -> Vec<Change> {
        self.title
            .map(Change::Title)
            .into_iter()
            .chain(self.body.map(Change::Body))
            .collect()
    }
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    let changes = patch.into_changes();
    changes.iter().try_for_each(Change::check)?;
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    for change in changes {
        change.apply(post);
    }
    Ok(Json(post.clone()))
}
