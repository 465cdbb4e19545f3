//! Wrong: breaks "a `title` that is empty or only white space [...]: `422`" (and no other title is refused: "the body is a JSON object with any of `title` and `body`, each a string")
//! The learner read about Trojan Source (CVE-2021-42574) and knows that rustc itself refuses the
//! nine text-direction controls in a literal (`text_direction_codepoint_in_literal`): one U+202E
//! in a title reverses the rest of the line it is shown on, so a post could pose as another on
//! the list page. The route refuses a title with any of them with the API's own 422, checked with
//! the blank rule and before any change. ESC, DEL, zero-width spaces and byte-order marks are not
//! among the nine, so only a title with U+202A..U+202E or U+2066..U+2069 shows the extra rule.

use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;

#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// The characters rustc's `text_direction_codepoint_in_literal` lint names: the embeddings, the
/// overrides, their terminator, and the isolates.
const TEXT_FLOW_CONTROLS: [char; 9] = [
    '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}',
    '\u{2069}',
];

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

fn check_title_direction(title: &str) -> Result<(), ApiError> {
    if title.chars().any(|c| TEXT_FLOW_CONTROLS.contains(&c)) {
        Err(ApiError::Invalid(
            "a post's title cannot contain text-direction control characters",
        ))
    } else {
        Ok(())
    }
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(patch): Json<PostPatch>,
) -> Result<Json<Post>, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
        check_title_direction(title)?;
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
