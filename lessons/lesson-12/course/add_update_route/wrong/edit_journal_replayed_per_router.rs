//! Wrong: breaks "the change is kept (later requests see it) and no other post changes"
//! The learner reads "JSONPlaceholder's `PATCH`, kept for real" the way json-server does it
//! (every change written to `db.json`, so that it survives a restart): each edit is appended to
//! a journal file of its own, one JSON line per edit, and a server replays the journal into its
//! store when it takes its first edit ("a router is a server, and a server starts once"). The
//! journal is the process's (and the machine's: it lives in the temp directory), not the
//! store's: the first PATCH a fresh server gets lays every edit ever made, by earlier servers in
//! the same process or by earlier runs, over its posts, so other posts change and the answer
//! carries fields this request never sent.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, Store, check_title};
use lesson_support::models::Post;
use serde::{Deserialize, Serialize};

/// The fields a PATCH may change; absent or `null` is `None`, and keeps its value.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// One line of the journal: an edit that was made.
#[derive(Debug, Serialize, Deserialize)]
struct Edit {
    id: u64,
    title: Option<String>,
    body: Option<String>,
}

/// Where the edits are kept between runs (json-server's `db.json`).
fn journal_path() -> PathBuf {
    std::env::temp_dir().join("lesson-12-post-edits.jsonl")
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    // Whether this server has loaded the journal yet: once, on its first edit.
    let loaded = Arc::new(AtomicBool::new(false));
    router.route(
        "/posts/{id}",
        patch(
            move |State(state): State<AppState>,
                  Path(id): Path<u64>,
                  Json(edit): Json<PostPatch>| {
                let loaded = Arc::clone(&loaded);
                async move { update_post(&loaded, &state, id, edit) }
            },
        ),
    )
}

fn update_post(
    loaded: &AtomicBool,
    state: &AppState,
    id: u64,
    patch: PostPatch,
) -> Result<Json<Post>, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let mut store = state.store();
    if !loaded.swap(true, Ordering::SeqCst) {
        replay(&mut store);
    }
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    if let Some(title) = &patch.title {
        post.title.clone_from(title);
    }
    if let Some(body) = &patch.body {
        post.body.clone_from(body);
    }
    let answer = post.clone();
    drop(store);
    record(&Edit {
        id,
        title: patch.title,
        body: patch.body,
    });
    Ok(Json(answer))
}

/// Lays the edits of earlier runs over the store's posts, oldest first.
fn replay(store: &mut Store) {
    let Ok(text) = fs::read_to_string(journal_path()) else {
        return; // no journal yet: nothing was ever edited
    };
    for line in text.lines() {
        let Ok(edit) = serde_json::from_str::<Edit>(line) else {
            continue; // a line cut short by a crash
        };
        if let Some(post) = store.get_mut(edit.id) {
            if let Some(title) = edit.title {
                post.title = title;
            }
            if let Some(body) = edit.body {
                post.body = body;
            }
        }
    }
}

/// Appends one edit to the journal. The journal is a convenience: the edit is made either way.
fn record(edit: &Edit) {
    let Ok(mut line) = serde_json::to_string(edit) else {
        return;
    };
    line.push('\n');
    let file = OpenOptions::new()
        .create(true)
        .append(true)
        .open(journal_path());
    if let Ok(mut file) = file {
        // One write per line, so that two servers appending at once do not mix their lines.
        let _ = file.write_all(line.as_bytes());
    }
}
