//! Wrong: breaks "the body is a JSON object with any of `title` and `body`, each a string" (with "the answer: `200 OK` with the whole post after the change") for a string that holds a JSON escape (`PATCH /posts/1` with `{"title": "say \"hi\""}`, `{"body": "line one\nline two"}` or `{"title": "caf\u00e9"}`: 422 `invalid type: string "...", expected a borrowed string`, and no change).
//!
//! The learner wanted a zero-copy patch: the body is read as `Bytes` (after `Json`'s own
//! content-type check, asked of `Json` itself) and parsed into a patch whose fields are
//! `Option<&str>` borrowed from those bytes, so nothing is allocated until the post is changed.
//! serde_json can only lend a string that is written in the body exactly as it is meant, with no
//! escape in it; any `\"`, `\n`, `\\` or `\u....` makes it fail with "expected a borrowed string".
//! The learner believed that the borrowed and the owned parse take the same inputs, so when the
//! borrowed one fails they ask `Json` for its own refusal (to keep every rejection word for word),
//! and answer a bare 422 in the "cannot happen" branch where `Json` takes the body after all. Every
//! rejection is `Json`'s, plain ASCII and raw UTF-8 text work, and curl tests with simple titles
//! pass; only text with a quote, a backslash, a line break or an escaped character is refused.
//!
//! Exercise 17: add a route that edits a post.
//!
//! `add_update_route(router)` returns `router` with one more route: `PATCH /posts/{id}`, which
//! changes some fields of post `id` (JSONPlaceholder's `PATCH`, kept for real). The course's
//! checks serve what you return through `lesson_12::app`, with its layers. Contract:
//! - every route `router` already has keeps working as before;
//! - only `PATCH` edits: `PUT`, `POST` or `DELETE /posts/{id}` stay a 405;
//! - the body is a JSON object with any of `title` and `body`, each a string; a field that is
//!   absent or `null` keeps its value; any other field (`id`, `userId`, …) is ignored: a post's id
//!   and author never change;
//! - the answer: `200 OK` with the whole post after the change, as JSON, as `GET /posts/{id}`
//!   shows it; the change is kept (later requests see it) and no other post changes;
//! - an `id` that is a whole number (a `u64`) but no post's (`/posts/4` when there is none, or
//!   `/posts/5000000000`): `404` with the body `ApiError::NotFound(id)` gives;
//! - a `title` that is empty or only white space (any Unicode white space, as `str::trim` sees
//!   it): `422` with the body `lesson_12::check_title` gives, and the post is left exactly as
//!   it was (a `body` sent with it is not applied either);
//! - a request the API's extractors refuse is that extractor's answer, and changes nothing: an
//!   `id` that is not a whole number, or is over `u64::MAX` (`/posts/abc`, `/posts/-1`: 400), a
//!   `Content-Type` the `Json` extractor does not take (415; it takes `application/json` and
//!   any `application/…+json`, in any case, with any parameters), a body that is not JSON
//!   (400), JSON of another shape (`{"title": 5}`, `[]`, `null`: 422; an array of the two
//!   fields in order, `["t", "b"]`, which serde's derived `Deserialize` reads as the struct,
//!   may be taken as a patch or refused);
//! - no panic, whatever the request.

use axum::body::{Body, Bytes};
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Path, Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;
use serde::de::IgnoredAny;

/// The patch, borrowed from the body's bytes: no copy of a title until it is stored.
#[derive(Deserialize)]
struct BorrowedPatch<'a> {
    #[serde(borrow)]
    title: Option<&'a str>,
    #[serde(borrow)]
    body: Option<&'a str>,
}

/// The same patch, owned, only so that `Json` can word a refusal the way it always does.
mod owned {
    use serde::Deserialize;

    #[derive(Deserialize)]
    pub struct PostPatch {
        #[allow(dead_code)]
        pub title: Option<String>,
        #[allow(dead_code)]
        pub body: Option<String>,
    }
}

/// Returns `router` with `PATCH /posts/{id}` added.
pub fn add_update_route(router: Router<AppState>) -> Router<AppState> {
    router.route("/posts/{id}", patch(update_post))
}

/// `Json`'s own 415, asked of `Json` itself with the request's headers and no body.
async fn json_type_refusal(headers: &HeaderMap) -> Option<Response> {
    let mut probe = Request::new(Body::empty());
    probe.headers_mut().clone_from(headers);
    match Json::<IgnoredAny>::from_request(probe, &()).await {
        Err(JsonRejection::MissingJsonContentType(rejection)) => Some(rejection.into_response()),
        _ => None,
    }
}

async fn update_post(
    State(state): State<AppState>,
    Path(id): Path<u64>,
    request: Request,
) -> Response {
    if let Some(refusal) = json_type_refusal(request.headers()).await {
        return refusal;
    }
    let bytes = match Bytes::from_request(request, &()).await {
        Ok(bytes) => bytes,
        Err(rejection) => return rejection.into_response(),
    };
    let patch: BorrowedPatch<'_> = match serde_json::from_slice(&bytes) {
        Ok(patch) => patch,
        // Whatever the borrowed parse refuses, `Json` refuses too: let it say why, in its words.
        Err(err) => {
            return match Json::<owned::PostPatch>::from_bytes(&bytes) {
                Err(rejection) => rejection.into_response(),
                Ok(_) => (StatusCode::UNPROCESSABLE_ENTITY, err.to_string()).into_response(),
            };
        }
    };
    match edit(&state, id, patch.title, patch.body) {
        Ok(post) => Json(post).into_response(),
        Err(error) => error.into_response(),
    }
}

/// Checks first, then changes the post in place, under one lock.
fn edit(
    state: &AppState,
    id: u64,
    title: Option<&str>,
    body: Option<&str>,
) -> Result<Post, ApiError> {
    if let Some(title) = title {
        check_title(title)?;
    }
    let mut store = state.store();
    let post = store.get_mut(id).ok_or(ApiError::NotFound(id))?;
    if let Some(title) = title {
        title.clone_into(&mut post.title);
    }
    if let Some(body) = body {
        body.clone_into(&mut post.body);
    }
    Ok(post.clone())
}
