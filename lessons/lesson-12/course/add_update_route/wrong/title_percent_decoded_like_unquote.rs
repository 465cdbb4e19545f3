//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it; the change is kept" for a title with a `%` followed by two hex digits (`PATCH /posts/1` with `{"title": "100%25 safe Rust"}`: stored and answered as `100% safe Rust`; `{"title": "%C3%A9t%C3%A9"}` becomes `été`)
//! The learner's first front end sent `encodeURIComponent(title)` inside the JSON, and the titles
//! showed up as `Hello%20world`; in their Python service they had fixed that with
//! `urllib.parse.unquote(title)`, and they do the same here, as `unquote` does it: a `%` that is
//! not followed by two hex digits is left alone (`100% sure` stays), and text that does not
//! decode to UTF-8 is kept as sent. The blank check runs on the decoded title. Titles without
//! such a sequence (every ordinary title) are stored as sent.

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

/// The fields a `PATCH` may change; absent or `null` is `None`, other fields are ignored.
#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

/// Python's `urllib.parse.unquote`, strict about what it touches: `None` when `text` has no
/// well-formed `%XX` or does not decode to UTF-8.
fn percent_decoded(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut changed = false;
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3);
        match hex {
            Some(&[high, low])
                if bytes[i] == b'%' && high.is_ascii_hexdigit() && low.is_ascii_hexdigit() =>
            {
                let digits = [high, low];
                let text = std::str::from_utf8(&digits).ok()?;
                decoded.push(u8::from_str_radix(text, 16).ok()?);
                changed = true;
                i += 3;
            }
            _ => {
                decoded.push(bytes[i]);
                i += 1;
            }
        }
    }
    if !changed {
        return None;
    }
    String::from_utf8(decoded).ok()
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    let title = patch
        .title
        .map(|title| percent_decoded(&title).unwrap_or(title));
    if let Some(title) = &title {
        check_title(title)?;
    }
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    if let Some(title) = title {
        post.title = title;
    }
    if let Some(body) = patch.body {
        post.body = body;
    }
    Ok(Json(post.clone()))
}
