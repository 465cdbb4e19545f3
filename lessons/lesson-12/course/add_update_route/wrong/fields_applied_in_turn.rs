//! Wrong: breaks "a request the API's extractors refuse is that extractor's answer, and changes nothing"
//! The learner ports the aiohttp handler it knows, `data = await request.json()` then `for key in
//! ("title", "body"): value = data.get(key); if value is None: continue; if not isinstance(value,
//! str): raise HTTPUnprocessableEntity(); post[key] = value`, with the blank title checked first,
//! as the hint says. A wrongly typed field is still a 422, but it is found while the fields are
//! applied: `{"title": "new", "body": 5}` is refused after the title has changed (and `/posts/4`
//! with `{"title": 5}` is a 404, not the extractor's 422).

use axum::extract::{Path, State};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde_json::Value;

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    Json(value): Json<Value>,
) -> Result<Json<Post>, ApiError> {
    let Value::Object(fields) = value else {
        return Err(ApiError::Invalid("a patch is a JSON object"));
    };
    // The API's one rule, before anything changes.
    if let Some(Value::String(title)) = fields.get("title") {
        check_title(title)?;
    }
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    for (name, slot) in [("title", &mut post.title), ("body", &mut post.body)] {
        match fields.get(name) {
            None | Some(Value::Null) => {}
            Some(Value::String(text)) => *slot = text.clone(),
            Some(_) => return Err(ApiError::Invalid("`title` and `body` must be strings")),
        }
    }
    Ok(Json(post.clone()))
}
