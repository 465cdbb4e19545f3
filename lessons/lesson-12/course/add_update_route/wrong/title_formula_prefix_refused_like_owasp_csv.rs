//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it; the change is kept" for a title that starts with `=`, `+`, `-` or `@` (`PATCH /posts/1` with `{"title": "-1 for unwrap in libraries"}` or `{"title": "@tokio_rs ships 1.0"}`: 422 `{"error": "a post's title cannot start with =, +, - or @"}`, and no change)
//! The learner knows the posts get exported to a spreadsheet for the editors, and follows OWASP's
//! "CSV injection" advice: a cell that starts with `=`, `+`, `-` or `@` is run as a formula by
//! Excel, so such titles are refused at the door, with the same 422 shape as a blank title. Every
//! blank title is still `check_title`'s 422, and every other title is applied as sent; the
//! contract refuses no title but a blank one.

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

/// The characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
const FORMULA_TRIGGERS: [char; 4] = ['=', '+', '-', '@'];

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

/// A title must not be a spreadsheet formula once exported.
fn check_not_formula(title: &str) -> Result<(), ApiError> {
    if title.starts_with(FORMULA_TRIGGERS) {
        Err(ApiError::Invalid(
            "a post's title cannot start with =, +, - or @",
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
        check_not_formula(title)?;
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
