//! Wrong: breaks "the answer: `200 OK` with the whole post after the change, as JSON" for a good patch whose query names a JSONP callback (`PATCH /posts/1?callback=show` with `{"title": "t"}`): the answer is JavaScript, `/**/ typeof show === 'function' && show({...});` as `text/javascript`, not JSON.
//! The exercise says "JSONPlaceholder's `PATCH`, kept for real", and JSONPlaceholder (json-server
//! on Express) answers any request with a `?callback=` query the JSONP way, through Express's
//! `res.jsonp`: the JSON wrapped in a call, the callback's name cleaned of anything but
//! `[]\w$.`, U+2028 and U+2029 escaped. The learner copies that behaviour, so every request
//! without that query (every one the checks usually send, queries that name an author
//! included) is answered as the reference answers it. But the contract's answer is the post as
//! JSON, whatever the query: a query is no part of what a patch reads.

use axum::Json;
use axum::Router;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use lesson_12::{ApiError, AppState, check_title};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct PostPatch {
    title: Option<String>,
    body: Option<String>,
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
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
    match query.as_deref().and_then(jsonp_callback) {
        None => Ok(Json(post).into_response()),
        Some(callback) => {
            let json = serde_json::to_string(&post)
                .expect("a post always serializes")
                .replace('\u{2028}', "\\u2028")
                .replace('\u{2029}', "\\u2029");
            let script = format!("/**/ typeof {callback} === 'function' && {callback}({json});");
            Ok((
                [
                    (
                        header::CONTENT_TYPE,
                        HeaderValue::from_static("text/javascript; charset=utf-8"),
                    ),
                    (
                        header::X_CONTENT_TYPE_OPTIONS,
                        HeaderValue::from_static("nosniff"),
                    ),
                ],
                script,
            )
                .into_response())
        }
    }
}

/// Express's `res.jsonp`: the first `callback` in the query, cleaned to `[]\w$.`; none if empty.
fn jsonp_callback(query: &str) -> Option<String> {
    let raw = query
        .split('&')
        .find_map(|pair| pair.strip_prefix("callback="))?;
    let callback: String = raw
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '$' | '.' | '[' | ']'))
        .collect();
    (!callback.is_empty()).then_some(callback)
}
