//! Correct: the control for `borrowed_str_patch_fields_refuse_escapes.rs`: the patch is parsed zero-copy from the body's bytes, each field a `Text<'a>` (a `Cow<'a, str>` with a visitor of its own) that borrows a string written without escapes and owns one that had to be unescaped, so `\"`, `\n` and `\u00e9` are taken like any other text.
//!
//! The body is read the way `Json` reads it: the content type asked of `Json` itself with the
//! request's headers and no body (so its 415 comes first, before a byte is read), then `Bytes`
//! (whose refusals, 413 included, are `Json`'s), then the borrowed parse. When that parse fails,
//! `Json::from_bytes` with an owned twin of the patch (named `PostPatch`, fields in the same
//! order) words the refusal, so every 400 and 422 is `Json`'s own; and should `Json` take a body
//! the borrowed parse refused, its owned patch is applied instead of refusing. Statuses, bodies
//! and the store are the reference's for every request; only the allocations differ.
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

use std::borrow::Cow;
use std::fmt;

use axum::body::{Body, Bytes};
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Path, Request, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::routing::patch;
use axum::{Json, Router};
use lesson_12::{ApiError, AppState, check_title};
use lesson_support::models::Post;
use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, Visitor};

/// A string of the patch: borrowed from the body when it can be, owned when it had escapes.
struct Text<'a>(Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;

        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text<'de>;

            fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter.write_str("a string")
            }

            fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Self::Value, E> {
                Ok(Text(Cow::Borrowed(text)))
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
                Ok(Text(Cow::Owned(text.to_owned())))
            }

            fn visit_string<E: de::Error>(self, text: String) -> Result<Self::Value, E> {
                Ok(Text(Cow::Owned(text)))
            }
        }

        deserializer.deserialize_str(TextVisitor)
    }
}

/// The patch, borrowed from the body's bytes where it can be.
#[derive(Deserialize)]
struct BorrowedPatch<'a> {
    #[serde(borrow)]
    title: Option<Text<'a>>,
    #[serde(borrow)]
    body: Option<Text<'a>>,
}

/// The same patch, owned: `Json`'s words for a refusal, and the patch should `Json` take a body
/// the borrowed parse did not.
mod owned {
    use serde::Deserialize;

    #[derive(Deserialize)]
    pub struct PostPatch {
        pub title: Option<String>,
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
    let edited = match serde_json::from_slice::<BorrowedPatch<'_>>(&bytes) {
        Ok(patch) => edit(
            &state,
            id,
            patch.title.as_ref().map(|text| &*text.0),
            patch.body.as_ref().map(|text| &*text.0),
        ),
        Err(_) => match Json::<owned::PostPatch>::from_bytes(&bytes) {
            Err(rejection) => return rejection.into_response(),
            Ok(Json(patch)) => edit(&state, id, patch.title.as_deref(), patch.body.as_deref()),
        },
    };
    match edited {
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
