//! Wrong: breaks "a request the API's extractors refuse is that extractor's answer, and changes nothing: an `id` that is not a whole number [...]: 400"
//! The learner's editors are in Japan, and an id typed through an IME comes out in full-width
//! digits (`/posts/３`, U+FF13); PHP sites there run every number a user types through
//! `mb_convert_kana($s, "n")` first, so the learner does the same: when `Path<u64>` refuses the
//! segment and it holds full-width digits, they are folded to ASCII and parsed again. Every ASCII
//! id, good or bad, gets exactly `Path<u64>`'s answer; `/posts/%EF%BC%91` edits post 1 instead of
//! being the extractor's 400.

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
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

/// `mb_convert_kana($s, "n")`: full-width digits (U+FF10..U+FF19) to ASCII ones.
fn fold_fullwidth_digits(segment: &str) -> Option<String> {
    if !segment
        .chars()
        .any(|c| ('\u{FF10}'..='\u{FF19}').contains(&c))
    {
        return None;
    }
    Some(
        segment
            .chars()
            .map(|c| match c {
                '\u{FF10}'..='\u{FF19}' => char::from(b'0' + (u32::from(c) - 0xFF10) as u8),
                other => other,
            })
            .collect(),
    )
}

async fn update_post(
    State(state): State<AppState>,
    id: Result<Path<u64>, PathRejection>,
    Path(segment): Path<String>,
    Json(patch): Json<PostPatch>,
) -> Response {
    let id = match id {
        Ok(Path(id)) => id,
        Err(rejection) => match fold_fullwidth_digits(&segment).and_then(|s| s.parse::<u64>().ok())
        {
            Some(id) => id,
            None => return rejection.into_response(),
        },
    };
    if let Some(title) = patch.title.as_deref() {
        if let Err(error) = check_title(title) {
            return error.into_response();
        }
    }
    let mut store = state.store();
    let Some(post) = store.get_mut(id) else {
        return ApiError::NotFound(id).into_response();
    };
    if let Some(title) = patch.title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Json(post.clone()).into_response()
}
