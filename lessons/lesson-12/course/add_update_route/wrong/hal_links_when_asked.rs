//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}` shows it"
//! The learner comes from Spring HATEOAS, where a client that asks for `application/hal+json`
//! gets the resource with its `_links` ("a HAL client finds its way around by links, not by
//! building URLs"), and every other client gets plain JSON. The checks' clients ask for JSON,
//! for nothing, or for HTML, and all of them get the post as `GET` shows it; a client whose
//! `Accept` names `application/hal+json` gets the post with a `_links` member added.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use serde::Deserialize;
use serde_json::{Value, json};

#[derive(Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

/// Whether the client's `Accept` names HAL (`application/hal+json`, with or without a `q`).
fn wants_hal(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .any(|range| {
            range
                .split(';')
                .next()
                .is_some_and(|media| media.trim().eq_ignore_ascii_case("application/hal+json"))
        })
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    headers: HeaderMap,
    Json(patch): Json<PostPatch>,
) -> Result<Response, ApiError> {
    if let Some(title) = &patch.title {
        check_title(title)?;
    }
    let post = {
        let mut store = state.store();
        let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
        if let Some(title) = patch.title {
            post.title = title;
        }
        if let Some(body) = patch.body {
            post.body = body;
        }
        post.clone()
    };
    if !wants_hal(&headers) {
        return Ok(Json(post).into_response());
    }
    let mut document = serde_json::to_value(&post).unwrap_or(Value::Null);
    if let Value::Object(members) = &mut document {
        members.insert(
            "_links".to_owned(),
            json!({
                "self": { "href": format!("/posts/{}", post.id) },
                "author": { "href": format!("/posts?userId={}", post.user_id) },
            }),
        );
    }
    let mut response = Json(document).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/hal+json"),
    );
    Ok(response)
}
