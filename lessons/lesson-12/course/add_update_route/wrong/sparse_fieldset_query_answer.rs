//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it"
//! The learner brings Google's and Facebook's partial responses (`?fields=title,body`) and
//! JSON:API's sparse fieldsets: a client that edits a title only needs the title back, "so save
//! the bytes". Without that query parameter (and with any other query) the answer is the whole
//! post; `PATCH /posts/1?fields=title` answers `{"title": "…"}` alone.

use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;
use serde_json::{Map, Value};

#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

/// The members `?fields=a,b` asks for, if the query has that parameter.
fn requested_fields(query: Option<&str>) -> Option<Vec<String>> {
    let query = query?;
    let (_, value) = query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| *key == "fields")?;
    let value = value.replace("%2C", ",").replace("%2c", ",");
    Some(
        value
            .split(',')
            .map(str::trim)
            .filter(|name| !name.is_empty())
            .map(str::to_owned)
            .collect(),
    )
}

/// The post with only the members named in `fields`, in the post's own order.
fn sparse(post: &Post, fields: &[String]) -> Value {
    let wanted = |name: &str| fields.iter().any(|field| field == name);
    let mut map = Map::new();
    if wanted("userId") {
        map.insert("userId".to_owned(), Value::from(post.user_id));
    }
    if wanted("id") {
        map.insert("id".to_owned(), Value::from(post.id));
    }
    if wanted("title") {
        map.insert("title".to_owned(), Value::from(post.title.clone()));
    }
    if wanted("body") {
        map.insert("body".to_owned(), Value::from(post.body.clone()));
    }
    Value::Object(map)
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    RawQuery(query): RawQuery,
    Json(patch): Json<PostPatch>,
) -> Result<Response, ApiError> {
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
    let answer = match requested_fields(query.as_deref()) {
        Some(fields) => Json(sparse(post, &fields)).into_response(),
        None => Json(post.clone()).into_response(),
    };
    Ok(answer)
}
